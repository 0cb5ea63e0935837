import { ENGINE_ROLE_LABELS, SYSTEM_ROLE_LABEL } from '@app/shared';
import type { QueueSpec, WorkflowDefinition } from './definition';
import { ALL_WORKFLOWS } from './channels';

/**
 * Roles and organisation types of channels that the directory already holds but whose workflows are not built yet:
 * each moves into its channel's manifest when the channel arrives.
 */
const PENDING_CHANNEL_ROLES: Record<string, string> = {};
const PENDING_CHANNEL_ORG_TYPES: Record<string, string> = {};
/** The justice bureau runs the engine and audits subsidies; no channel's cases are handled there. */
const ENGINE_ORG_TYPES: Record<string, string> = { JUSTICE_BUREAU: '司法局' };
/** Where the engine's own roles and the pending channels' people are held. */
const ENGINE_AND_PENDING_STAFF: Record<string, string[]> = {
  ADMIN: ['JUSTICE_BUREAU'],
  AUDITOR: ['JUSTICE_BUREAU'],
  INTAKE_CLERK: ['PETITION_BUREAU', 'GOVERNANCE_CENTRE'],
};

function merge(kind: string, parts: Record<string, string>[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of parts) {
    for (const [key, label] of Object.entries(part)) {
      if (out[key] !== undefined && out[key] !== label) throw new Error(`${kind} ${key} is labelled both ${out[key]} and ${label}`);
      out[key] = label;
    }
  }
  return out;
}

const latest = new Map<string, WorkflowDefinition>();
for (const def of ALL_WORKFLOWS) if ((latest.get(def.id)?.version ?? 0) < def.version) latest.set(def.id, def);
const manifests = [...latest.values()].map((d) => d.manifest);

/** Every role a user can hold, with its Chinese label: the engine's, then each channel's. */
export const ROLE_LABELS: Record<string, string> = {
  ...merge('Role', [...manifests.map((m) => m.roles), PENDING_CHANNEL_ROLES, ENGINE_ROLE_LABELS]),
  SYSTEM: SYSTEM_ROLE_LABEL,
};
export const ROLES: string[] = Object.keys(ROLE_LABELS).filter((r) => r !== 'SYSTEM');

for (const def of ALL_WORKFLOWS) {
  const unknown = def.manifest.deadlineOfficers.filter((r) => !ROLES.includes(r));
  if (unknown.length) throw new Error(`Workflow ${def.id}: deadline officers ${unknown.join(', ')} are not roles any channel declares`);
}

export function isUserRole(value: unknown): value is string {
  return typeof value === 'string' && ROLES.includes(value);
}

/** Roles that deal with parties in person and so see identity numbers and phones of their organisation's cases. */
export const CASE_HANDLING_ROLES: string[] = [...new Set([...manifests.flatMap((m) => m.caseHandlingRoles), ...Object.keys(PENDING_CHANNEL_ROLES)])];

/** Every organisation type, with its Chinese label. */
export const ORG_TYPE_LABELS: Record<string, string> = merge('Organisation type', [...manifests.map((m) => m.orgTypes), PENDING_CHANNEL_ORG_TYPES, ENGINE_ORG_TYPES]);
export const ORG_TYPES: string[] = Object.keys(ORG_TYPE_LABELS);

/** Organisation types of people's mediation, which supervise each other village → township → district. */
export const MEDIATION_ORG_TYPES: string[] = latest.get('pm')!.manifest.handlingOrgTypes;

/** The relation a case has to the case that sent it, by the receiving workflow: 司法确认, 诉讼, 劳动仲裁, … */
export const RELATION_LABELS: Record<string, string> = {
  ...Object.fromEntries([...latest.values()].map((d) => [d.id, d.manifest.relationLabel])),
  // The relation name links carried before routes named them by workflow.
  JUDICIAL_CONFIRMATION: latest.get('jc')!.manifest.relationLabel,
};

/** The console's work queues, each with the workflow it belongs to. */
export const QUEUES: (QueueSpec & { workflow: string; workflowTitle: string })[] = [...latest.values()].flatMap((d) =>
  d.manifest.queues.map((q) => ({ ...q, workflow: d.id, workflowTitle: d.title })),
);

/** Roles that may open a case of some workflow directly. */
export const OPENING_ROLES: string[] = [...new Set([...latest.values()].flatMap((d) => d.openRoles))];

/**
 * The organisation types each role may be held in, joined from every channel's `staff` and the engine's own: a role
 * outside these (a 法官 in a village committee) is refused when an account is created or changed.
 */
export const ROLE_ORG_TYPES: Record<string, string[]> = {};
for (const staff of [...manifests.map((m) => m.staff), ENGINE_AND_PENDING_STAFF]) {
  for (const [role, types] of Object.entries(staff)) ROLE_ORG_TYPES[role] = [...new Set([...(ROLE_ORG_TYPES[role] ?? []), ...types])];
}
for (const role of ROLES) if (!ROLE_ORG_TYPES[role]?.length) throw new Error(`Role ${role} has no organisation type it may be held in: declare it in a channel's staff`);
for (const [role, types] of Object.entries(ROLE_ORG_TYPES)) {
  if (!ROLES.includes(role)) throw new Error(`Staff names ${role}, which is not a role`);
  const unknown = types.filter((t) => !ORG_TYPES.includes(t));
  if (unknown.length) throw new Error(`Role ${role} is placed in unknown organisation types ${unknown.join(', ')}`);
}

/** Whether a person with this role may belong to an organisation of this type. */
export function roleFitsOrgType(role: string, orgType: string): boolean {
  return ROLE_ORG_TYPES[role]?.includes(orgType) ?? false;
}
