import { ALL_WORKFLOWS } from '../channels';
import { peopleMediation } from '../people-mediation/pm.workflow';
import { CASE_ROLES, caseRoleEvents, holdsCaseRole, teamActorRole, teamActorRoleLabel, teamManagers } from './case-roles';

describe('case roles of a team', () => {
  it('give a judge on a people’s mediation case the session record only, never the decisions', () => {
    expect(caseRoleEvents(peopleMediation, 'JUDGE')).toEqual(['RECORD_SESSION']);
    expect(caseRoleEvents(peopleMediation, 'MEDIATOR')).toEqual(['RECORD_SESSION', 'RECORD_FOLLOW_UP', 'REPORT_RISK']);
    for (const role of Object.keys(CASE_ROLES)) {
      expect(caseRoleEvents(peopleMediation, role)).not.toEqual(expect.arrayContaining(['TERMINATE_FAILED']));
      expect(caseRoleEvents(peopleMediation, role)).not.toEqual(expect.arrayContaining(['SIGN_WRITTEN_AGREEMENT']));
    }
    expect(caseRoleEvents(peopleMediation, 'NO_SUCH_ROLE')).toEqual([]);
  });

  it('name only events some channel has, and never one only the engine sends', () => {
    for (const [role, spec] of Object.entries(CASE_ROLES)) {
      for (const type of spec.events) expect({ role, type, found: ALL_WORKFLOWS.some((d) => d.events[type]) }).toEqual({ role, type, found: true });
    }
    for (const def of ALL_WORKFLOWS) {
      for (const role of Object.keys(CASE_ROLES)) {
        for (const type of caseRoleEvents(def, role)) expect(def.events[type].roles.some((r) => r !== 'SYSTEM')).toBe(true);
      }
    }
  });

  it('are declared by channels only for known case roles and their own events', () => {
    for (const def of ALL_WORKFLOWS) {
      for (const [role, events] of Object.entries(def.manifest.teamEvents ?? {})) {
        expect(Object.keys(CASE_ROLES)).toContain(role);
        for (const type of events) expect(Object.keys(def.events)).toContain(type);
      }
      expect(teamManagers(def).length).toBeGreaterThan(0);
    }
  });

  it('are held by the right people', () => {
    expect(holdsCaseRole('JUDGE', { roles: ['JUDGE'], orgType: 'BASIC_COURT' })).toBe(true);
    expect(holdsCaseRole('JUDGE', { roles: ['MEDIATOR'], orgType: 'TRAFFIC_POLICE_BRIGADE' })).toBe(false);
    expect(holdsCaseRole('TRAFFIC_POLICE', { roles: ['MEDIATOR'], orgType: 'TRAFFIC_POLICE_BRIGADE' })).toBe(true);
    expect(holdsCaseRole('TRAFFIC_POLICE', { roles: ['MEDIATOR'], orgType: 'VILLAGE_MEDIATION_COMMITTEE' })).toBe(false);
    expect(holdsCaseRole('LAWYER', { roles: ['JUDGE'], orgType: 'BASIC_COURT' })).toBe(true);
    expect(holdsCaseRole('BOSS', { roles: ['JUDGE'], orgType: 'BASIC_COURT' })).toBe(false);
  });

  it('show in the audit trail apart from the organisations’ roles', () => {
    expect(teamActorRole('JUDGE')).toBe('TEAM_JUDGE');
    expect(teamActorRoleLabel('TEAM_JUDGE')).toBe('法官（团队成员）');
    expect(teamActorRoleLabel('JUDGE')).toBeUndefined();
    expect(teamActorRoleLabel('TEAM_BOSS')).toBeUndefined();
  });
});
