import type { Directory, Viewer } from '@app/organisations';
import type { WorkflowRegistry } from '@app/workflow';
import type { DisputeCase } from '../ports/transfer-read-model.port';

/**
 * Whether the caller's organisation (or one it supervises) holds a case of the dispute in a channel that sees the whole
 * dispute (the 综治中心 follows every case it dispatched and what those sent on).
 */
export function overseesDispute(viewer: Viewer, directory: Directory, registry: WorkflowRegistry, cases: DisputeCase[]): boolean {
  if (viewer.roles.includes('SYSTEM')) return true;
  const orgs = new Set(directory.supervisedOrgIds(viewer.orgId));
  return cases.some((c) => orgs.has(c.orgId) && registry.get(c.workflowId, c.workflowVersion).manifest.seesWholeDispute === true);
}
