import type { DeadlineRecord } from '@app/deadlines';
import type { Role } from '@app/shared';
import type { WorkflowDefinition } from '@app/workflow';
import type { LoadedCase } from '../ports/case-store.port';
import { DeadlineNotFoundError, DeadlineStateConflictError } from './deadline.errors';

/** Who may pause, resume or extend a deadline: the officials the case's channel names in its manifest. */
export const DEADLINE_OFFICERS = (def: WorkflowDefinition): Role[] => def.manifest.deadlineOfficers;

/** The case's deadline `deadlineId`, which must still be running. */
export function pendingDeadline(loaded: LoadedCase, deadlineId: string): DeadlineRecord {
  const deadline = loaded.deadlines.find((d) => d.id === deadlineId);
  if (!deadline) throw new DeadlineNotFoundError(deadlineId);
  if (deadline.status !== 'pending') {
    throw new DeadlineStateConflictError(`Deadline ${deadlineId} is ${deadline.status}, not running`, `该期限已${{ met: '遵守', missed: '逾期', cancelled: '取消', pending: '' }[deadline.status]}，不能再中止或延长`, { status: deadline.status });
  }
  return deadline;
}

/** What the audit entry says about a deadline before and after the change. */
export function deadlineFacts(before: DeadlineRecord, after: { dueOn: string; provisional: boolean }) {
  return { deadlineId: before.id, specId: before.specId, label: before.label, legalBasis: before.legalBasis, previousDueOn: before.dueOn, dueOn: after.dueOn, provisional: after.provisional };
}
