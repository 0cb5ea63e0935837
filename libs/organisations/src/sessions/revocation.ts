import type { User } from '../directory.types';
import type { SessionEndReason } from './session';

/**
 * Whether an administrator's change to an account ends its sessions, and why: deactivation, or any change of roles
 * or organisation (what the person may do and see was granted at login; they log in again to take up the new one).
 */
export function sessionEndFor(before: User, after: User): SessionEndReason | null {
  if (before.active && !after.active) return 'DEACTIVATED';
  if (!sameRoles(before.roles, after.roles)) return 'ROLE_CHANGED';
  if (before.orgId !== after.orgId) return 'ORG_CHANGED';
  return null;
}

function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}
