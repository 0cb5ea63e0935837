import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SYSTEM_VIEWER } from '@app/organisations';
import { DomainError, ValidationError } from '@app/shared';
import { ApplyTransition, type TransitionRequest } from '../../domain/apply-transition';
import { CaseNotFoundError, IdempotencyKeyReusedError, TransitionNotAllowedError } from '../../domain/case.errors';
import { FireDeadlinesCommand, type DeadlineToFire, type FireDeadlineResult } from './fire-deadlines.command';

/** The deadline is not (or no longer) pending and due in the freshly loaded case. */
class DeadlineNotDueError extends DomainError {
  readonly code = 'DEADLINE.NOT_DUE';
  readonly messageZh = '期限尚未届满或已结束';
}

/**
 * Codes of refusals that will not change on a retry (an unknown machine version, an event the engine may not send):
 * the deadline is closed with the reason instead.
 */
const FINAL_REFUSALS = ['WORKFLOW.VERSION_MISMATCH', 'WORKFLOW.NOT_FOUND', 'FORBIDDEN'];

/**
 * A thin layer over ApplyTransition: the engine (SYSTEM) sends each expiry event with the idempotency key
 * `deadline:<id>`, so it is applied at most once whatever happens to the worker, and the deadline is closed (missed,
 * with `fired_at`) in the same transaction as the transition. A batch is committed together where it can be
 * (`ApplyTransition.executeMany`); each firing still succeeds or fails on its own.
 */
@CommandHandler(FireDeadlinesCommand)
export class FireDeadlinesHandler implements ICommandHandler<FireDeadlinesCommand> {
  constructor(private readonly applyTransition: ApplyTransition) {}

  async execute({ deadlines }: FireDeadlinesCommand): Promise<FireDeadlineResult[]> {
    const results = await this.applyTransition.executeMany(deadlines.map(request));
    return results.map((r) => (r.ok ? { outcome: r.result.replayed ? 'replayed' : 'fired' } : classify(r.error)));
  }
}

function request({ deadline: d, preloaded }: DeadlineToFire): TransitionRequest {
  if (!d.onExpiry) throw new Error(`Deadline ${d.id} has no expiry event`);
  const event = d.onExpiry;
  return {
    caseId: d.caseId,
    type: event,
    data: { deadlineId: d.id, specId: d.specId, dueOn: d.dueOn, legalBasis: d.legalBasis },
    viewer: SYSTEM_VIEWER,
    idempotencyKey: `deadline:${d.id}`,
    preloaded,
    present: ({ record }) => ({ caseId: record.id, version: record.version, state: record.state }),
    amend: (loaded, plan, { now }) => {
      const current = loaded.deadlines.find((x) => x.id === d.id);
      if (!current || current.status !== 'pending' || new Date(current.dueAt).getTime() > now.getTime()) throw new DeadlineNotDueError('The deadline is not due');
      const firedAt = now.toISOString();
      const outcome = `fired ${event}`;
      const closure = plan.deadlinesClosed.find((x) => x.id === d.id);
      // The event usually leaves the state (closeOnExit already closes the deadline as missed); if not, close it here.
      if (closure) Object.assign(closure, { firedAt, outcome });
      else plan.deadlinesClosed.push({ id: d.id, status: 'missed', closedAt: firedAt, firedAt, outcome });
    },
  };
}

function classify(error: unknown): FireDeadlineResult {
  if (error instanceof DeadlineNotDueError) return { outcome: 'skipped', reason: error.message };
  if (error instanceof IdempotencyKeyReusedError) return { outcome: 'replayed' };
  if (error instanceof TransitionNotAllowedError || error instanceof CaseNotFoundError || error instanceof ValidationError) {
    return { outcome: 'refused', reason: `${error.code}: ${error.message}` };
  }
  if (error instanceof DomainError && FINAL_REFUSALS.includes(error.code)) return { outcome: 'refused', reason: `${error.code}: ${error.message}` };
  return { outcome: 'error', error };
}
