import type { Role } from '@app/shared';
import { teamManagers, type WorkflowDefinition } from '@app/workflow';

/**
 * The role an assignee must hold, read from the channel itself: the event that names the assignee sources its field
 * from the organisation's users of one role (`x-source: orgUsers:MEDIATOR`). Null for a channel with no assignee.
 */
export function assigneeRole(def: WorkflowDefinition): Role | null {
  const field = def.manifest.assigneeField;
  if (!field) return null;
  for (const spec of Object.values(def.events)) {
    const source = spec.schema?.properties?.[field]?.['x-source'];
    if (typeof source === 'string' && source.startsWith('orgUsers:')) return source.slice('orgUsers:'.length);
  }
  return null;
}

/** Who hands cases out and moves them between people: the officials who manage the case team (调委会主任, 法官, 民警). */
export const assigners = (def: WorkflowDefinition): Role[] => teamManagers(def);

export const REASSIGN_REASONS = {
  WORKLOAD: '工作调整',
  RECUSAL: '当事人申请回避',
  OTHER: '其他原因',
} as const;
export type ReassignReason = keyof typeof REASSIGN_REASONS;
