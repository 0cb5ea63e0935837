/**
 * A role a user can hold. Channels introduce their own roles in their manifests (libs/workflow builds the catalogue);
 * the roles here belong to the engine itself. `SYSTEM` is the engine (deadline worker, cross-case messages); no person
 * holds it.
 */
export type Role = string;
export type UserRole = string;

export const ENGINE_ROLE_LABELS: Record<string, string> = {
  AUDITOR: '以案定补审核员',
  ADMIN: '系统管理员',
};

export const SYSTEM_ROLE_LABEL = '系统';
