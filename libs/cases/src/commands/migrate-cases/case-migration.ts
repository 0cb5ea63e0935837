import { chainEntry, type AuditEntry, type ChainHashAlgorithm } from '@app/audit';
import type { IsoDate } from '@app/calendar';
import type { DeadlineClosure, DeadlinePlanner, DeadlineRecord } from '@app/deadlines';
import type { Role } from '@app/shared';
import { describeWorkflow, isRefusal, stateLabel, stateValueFromString, type WorkflowDefinition, type WorkflowMigration } from '@app/workflow';
import type { CaseRecord } from '../../domain/case-record';
import type { LoadedCase } from '../../ports/case-store.port';
import { MIGRATE_ENTRY } from './migrate-cases.command';

export interface MigrationEnv {
  now: Date;
  today: IsoDate;
  actor: { id: string; role: Role };
  /**
   * The China date the case entered its current state, from its audit trail: the start of a deadline the new version
   * declares on that state without an anchor, as if the case had run on the new version all along.
   */
  enteredOn: IsoDate;
  /** The deployment's chain hash, which the MIGRATE entry is chained with. */
  chainHash: ChainHashAlgorithm;
}

export interface PlannedMigration {
  record: CaseRecord;
  audit: AuditEntry;
  closed: (DeadlineClosure & { specId: string; label: string })[];
  opened: DeadlineRecord[];
}

/**
 * One case moved from `from` to `to` by `migration`, as data: the updated record (new version, state and context,
 * version + 1, head hash), its `MIGRATE` audit entry chained on the case's last one, and the deadline changes. Pure
 * apart from the ids of new deadlines. A pending deadline stays when the new version still runs a deadline of that id
 * in the case's state; it is closed otherwise (cancelled, or missed if already overdue). The deadlines the new
 * version declares on the state open unless one of the same id stays.
 */
export function planCaseMigration(
  loaded: LoadedCase,
  from: WorkflowDefinition,
  to: WorkflowDefinition,
  migration: WorkflowMigration,
  planner: DeadlinePlanner,
  env: MigrationEnv,
): PlannedMigration | { refused: string } {
  const { record, deadlines } = loaded;
  const result = migration.migrate({ value: record.state, context: structuredClone(record.context) });
  if (isRefusal(result)) return result;
  let final: boolean;
  try {
    final = to.machine.resolveState({ value: stateValueFromString(result.value), context: result.context }).status === 'done';
  } catch {
    // A defect of the migration, not of the case: reported for this case, the others still move.
    return { refused: `迁移结果“${result.value}”不是${to.title}第${to.version}版的状态，请检查迁移定义` };
  }

  const runHere = runningIn(to, result.value);
  const pending = deadlines.filter((d) => d.status === 'pending');
  const kept = pending.filter((d) => d.span.includes(result.value) && runHere.has(d.specId));
  const at = env.now.toISOString();
  const closed = pending
    .filter((d) => !kept.includes(d))
    .map((d) => ({ id: d.id, specId: d.specId, label: d.label, status: env.today > d.dueOn ? ('missed' as const) : ('cancelled' as const), closedAt: at }));
  const opened = planner
    .plan({ def: to, state: result.value, context: result.context, caseId: record.id, orgId: record.orgId, enteredOn: env.enteredOn, now: env.now })
    .filter((d) => !kept.some((k) => k.specId === d.specId));

  const audit = chainEntry(env.chainHash, record.headHash, {
    caseId: record.id,
    seq: record.version + 1,
    at,
    actorId: env.actor.id,
    actorRole: env.actor.role,
    type: MIGRATE_ENTRY.type,
    from: record.state,
    to: result.value,
    data: {
      fromVersion: from.version,
      toVersion: to.version,
      fromState: record.state,
      toState: result.value,
      migration: migration.description,
      deadlinesClosed: closed.map((c) => ({ id: c.id, specId: c.specId, status: c.status })),
      deadlinesOpened: opened.map((d) => ({ id: d.id, specId: d.specId, dueOn: d.dueOn })),
    },
  });
  const next: CaseRecord = {
    ...record,
    workflowVersion: to.version,
    state: result.value,
    context: result.context,
    version: record.version + 1,
    headHash: audit.hash,
    closed: final,
    updatedAt: at,
  };
  return { record: next, audit, closed, opened };
}

/** Ids of the deadlines `def` runs while a case is in `state`: declared there, or running through it from another state. */
function runningIn(def: WorkflowDefinition, state: string): Set<string> {
  let states = statesOf.get(def);
  if (!states) statesOf.set(def, (states = describeWorkflow(def).states));
  const ids = new Set<string>();
  for (const s of states) for (const spec of s.deadlines) if (s.id === state || spec.runsThrough?.includes(state)) ids.add(spec.id);
  return ids;
}

const statesOf = new WeakMap<WorkflowDefinition, ReturnType<typeof describeWorkflow>['states']>();

/** The label of a state of `def`, or the raw value when the version does not have it. */
export function labelIn(def: WorkflowDefinition, state: string): string {
  try {
    return stateLabel(def, state);
  } catch {
    return state;
  }
}
