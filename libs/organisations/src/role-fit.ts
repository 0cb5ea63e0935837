import { ValidationError } from '@app/shared';
import { ORG_TYPE_LABELS, ROLE_LABELS, ROLE_ORG_TYPES, roleFitsOrgType } from '@app/workflow';

/**
 * Refuses roles that cannot be held in an organisation of this type (a 法官 in a village committee), naming the field
 * `roles` and where each such role belongs. Checked on every write of an account, not on reading the directory, so an
 * engine never refuses to start on accounts made before the rule.
 */
export function assertRolesFitOrgType(roles: readonly string[], orgType: string): void {
  const misfits = roles.filter((role) => !roleFitsOrgType(role, orgType));
  if (!misfits.length) return;
  const orgLabel = ORG_TYPE_LABELS[orgType] ?? orgType;
  throw new ValidationError(
    misfits.map((role) => {
      const homes = ROLE_ORG_TYPES[role] ?? [];
      return {
        field: 'roles',
        message: `${role} cannot be held in a ${orgType}; it belongs in ${homes.join(', ') || 'no organisation type'}`,
        messageZh: `${ROLE_LABELS[role] ?? role}不能设在${orgLabel}；该角色只能设在${homes.map((t) => ORG_TYPE_LABELS[t] ?? t).join('、') || '（无）'}`,
      };
    }),
  );
}
