import { ValidationError } from '@app/shared';
import { ORG_TYPE_LABELS, ROLES } from '@app/workflow';
import { DEMO_ORGANISATIONS, DEMO_USERS } from './demo/demo-jurisdiction';
import { assertRolesFitOrgType } from './role-fit';

describe('roles fit the type of the organisation that holds them', () => {
  it('accepts every demo user in their organisation', () => {
    const misfits = DEMO_USERS.flatMap((user) => {
      const org = DEMO_ORGANISATIONS.find((o) => o.id === user.orgId)!;
      try {
        assertRolesFitOrgType(user.roles, org.type);
        return [];
      } catch (e) {
        return [`${user.username}: ${(e as Error).message}`];
      }
    });
    expect(misfits).toEqual([]);
  });

  it('refuses a 法官 in a village committee, naming roles in Chinese and English', () => {
    let error: unknown;
    try {
      assertRolesFitOrgType(['MEDIATOR', 'JUDGE'], 'VILLAGE_MEDIATION_COMMITTEE');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors).toEqual([
      {
        field: 'roles',
        message: 'JUDGE cannot be held in a VILLAGE_MEDIATION_COMMITTEE; it belongs in BASIC_COURT, INTERMEDIATE_COURT',
        messageZh: '法官不能设在村（居）人民调解委员会；该角色只能设在基层人民法院、中级人民法院',
      },
    ]);
  });

  it.each([
    ['ADMIN', 'VILLAGE_MEDIATION_COMMITTEE'],
    ['AUDITOR', 'BASIC_COURT'],
    ['LAND_ARBITRATOR', 'LABOUR_ARBITRATION_COMMISSION'],
    ['COURT_CLERK', 'JUSTICE_BUREAU'],
  ])('refuses %s in a %s', (role, orgType) => {
    expect(() => assertRolesFitOrgType([role], orgType)).toThrow(ValidationError);
  });

  it('gives every role a home among the known organisation types', () => {
    for (const role of ROLES) {
      const homes = Object.keys(ORG_TYPE_LABELS).filter((type) => {
        try {
          assertRolesFitOrgType([role], type);
          return true;
        } catch {
          return false;
        }
      });
      expect({ role, homes: homes.length > 0 }).toEqual({ role, homes: true });
    }
  });
});
