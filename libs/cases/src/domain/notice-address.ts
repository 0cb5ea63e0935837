import type { Directory } from '@app/organisations';
import { assigneeRole } from './assignment';
import { eventsHandledIn, roleFitsOrgType, teamManagers, type WorkflowDefinition, type WorkflowRegistry } from '@app/workflow';

/**
 * Whom a notification is for inside the organisation it goes to: the holders of the `candidates` that can be held
 * there, else of the `otherwise` roles that can, else everyone there (null). A notification names roles, never people,
 * so it carries nobody's personal data and reaches whoever holds the role when it is read.
 */
export function rolesThere(directory: Directory, orgId: string, candidates: Iterable<string>, otherwise: Iterable<string> = []): string[] | null {
  const org = directory.org(orgId);
  if (!org) return null;
  const fitting = (roles: Iterable<string>) => [...new Set(roles)].filter((r) => r !== 'SYSTEM' && roleFitsOrgType(r, org.type)).sort();
  const fit = fitting(candidates);
  if (fit.length) return fit;
  const next = fitting(otherwise);
  return next.length ? next : null;
}

/** The officials who answer for a case of this channel: its team managers (调委会主任, 法官, 民警, …). */
export const officialsOf = (def: WorkflowDefinition): string[] => teamManagers(def);

/** The officials and whoever handles the channel's cases (调解员): told of a deadline near, or a transfer returned. */
export function handlersOf(def: WorkflowDefinition): string[] {
  const handler = assigneeRole(def);
  return handler ? [...officialsOf(def), handler] : officialsOf(def);
}

/** Every channel's officials: who is told of what happens below them (督办, a risk report). */
export const allOfficials = (registry: WorkflowRegistry): string[] => [...new Set(registry.list().flatMap(officialsOf))];

/** Those who may act on a case in this state: the roles of the events it handles there (who signs for a transfer). */
export function actorsIn(def: WorkflowDefinition, state: string, context: Record<string, unknown>): string[] {
  return eventsHandledIn(def, { value: state, context }).flatMap((type) => def.events[type]?.roles ?? []);
}
