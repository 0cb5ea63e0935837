import type { AuditEntry } from '@app/audit';
import type { DeadlineClosure, DeadlineRecord } from '@app/deadlines';
import type { CaseRecord } from '../domain/case-record';

/** A message to another case, written with the transition and delivered after commit (transactional outbox). */
export interface OutboxMessage {
  id: string;
  targetCaseId: string;
  sourceCaseId: string;
  eventType: string;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface IdempotentResult {
  caseId: string;
  requestHash: string;
  status: number;
  response: unknown;
}

export interface IdempotencyRecord extends IdempotentResult {
  actorId: string;
  key: string;
  createdAt: string;
}

/** Everything one command writes, committed atomically or not at all. */
export interface CommitPlan {
  /** The conditional update of an existing case; the commit fails as a conflict when its version moved on. */
  update: { expectedVersion: number; record: CaseRecord } | null;
  inserts: CaseRecord[];
  audit: AuditEntry[];
  deadlinesClosed: DeadlineClosure[];
  deadlinesOpened: DeadlineRecord[];
  outbox: OutboxMessage[];
  idempotency: IdempotencyRecord | null;
}

export interface LoadedCase {
  record: CaseRecord;
  deadlines: DeadlineRecord[];
}

export type CommitResult = 'committed' | 'conflict';

/** Case rows, their deadlines and the audit append, as one unit of work. */
export abstract class CaseStore {
  abstract load(caseId: string): Promise<LoadedCase | null>;
  abstract findIdempotent(actorId: string, key: string): Promise<IdempotentResult | null>;
  /** The next number in an organisation's yearly case register. */
  abstract allocateCaseNumber(orgId: string, year: number): Promise<number>;
  abstract commit(plan: CommitPlan): Promise<CommitResult>;
}
