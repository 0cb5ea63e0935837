import type { AuditEntry } from '@app/audit';
import type { DeadlineClosure, DeadlineRecord, DeadlineUpdate, Notification } from '@app/deadlines';
import type { CaseRecord } from '../domain/case-record';
import type { TeamChange } from '../domain/case-team';
import type { AttachmentRecord } from '../attachments/attachment';
import type { TransferDecision, TransferRecord } from '../domain/transfer';

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

/** One risk colour set on a case: a row of the risk register of its region. */
export interface RiskReport {
  id: string;
  caseId: string;
  disputeCode: string;
  regionCode: string;
  orgId: string;
  level: string;
  summary: string | null;
  reportedBy: string;
  reportedAt: string;
  /** The organisations the engine notified, in the same transaction. */
  notifiedOrgIds: string[];
}

/** Everything one command writes, committed atomically or not at all. */
export interface CommitPlan {
  /** The conditional update of an existing case; the commit fails as a conflict when its version moved on. */
  update: { expectedVersion: number; record: CaseRecord } | null;
  inserts: CaseRecord[];
  audit: AuditEntry[];
  deadlinesClosed: DeadlineClosure[];
  deadlinesOpened: DeadlineRecord[];
  /** New due dates, pauses and extensions of pending deadlines (never of one closed in the same plan). */
  deadlinesUpdated: DeadlineUpdate[];
  outbox: OutboxMessage[];
  transfersOpened: TransferRecord[];
  /** Decisions on transfers into the plan's cases; each applies only while its transfer is still `SENT`. */
  transfersDecided: TransferDecision[];
  notifications: Notification[];
  /** Risk colours reported on the plan's cases (四色预警), for the risk register; written with the notices they set off. */
  riskReports?: RiskReport[];
  /** Members joining or leaving the case's team, with the audit entry that records it. */
  teamChanges?: TeamChange[];
  /** Files added to the case, each row written with the audit entry that records its SHA-256. */
  attachments?: AttachmentRecord[];
  /**
   * Case numbers the commit allocates, in the same transaction, for the plan's new cases, then hands to
   * `assignCaseNumbers`. A plan that does not commit leaves the registers untouched.
   */
  numbering: { caseId: string; orgId: string; year: number; prefix: string; suffix: string }[];
  /** Runs once the numbers are filled in, before anything is written (e.g. to build the stored idempotent response). */
  beforeWrite?: (numbers: number[]) => void;
  idempotency: IdempotencyRecord | null;
}

export interface LoadedCase {
  record: CaseRecord;
  deadlines: DeadlineRecord[];
}

export type CommitResult = 'committed' | 'conflict';

export interface RelatedCasesQuery {
  workflows: string[];
  partyKeys: string[];
  disputeCode: string;
  excludeCaseId: string;
}

/** Case rows, their deadlines and the audit append, as one unit of work. */
export abstract class CaseStore {
  abstract load(caseId: string): Promise<LoadedCase | null>;
  /**
   * The cases of these workflows, wherever held, sharing a party key (`id:<identity number>`, `np:<name>|<phone>`) or
   * the dispute code with a case, the case itself left out: what a lookup (`CaseLookup`) chooses from. It may return
   * more than the lookup counts, never less.
   */
  abstract findRelated(query: RelatedCasesQuery): Promise<LoadedCase[]>;
  /** Several cases at once (missing ones are left out); stores may override this with a single query. */
  async loadMany(caseIds: string[]): Promise<LoadedCase[]> {
    return (await Promise.all(caseIds.map((id) => this.load(id)))).filter((c): c is LoadedCase => c !== null);
  }
  /**
   * The stored result of a key created at `since` or later (any, without `since`). An older one is past retention: it
   * is deleted, so the key is treated as new and its next commit is not refused by the key's unique index.
   */
  abstract findIdempotent(actorId: string, key: string, since?: string): Promise<IdempotentResult | null>;
  /** Deletes stored results of keys created before `before`, except those of `keepActorId`; returns how many. */
  abstract sweepIdempotent(before: string, keepActorId: string): Promise<number>;
  abstract commit(plan: CommitPlan): Promise<CommitResult>;
  /**
   * Commits plans for distinct cases together where the store can (one round trip, one durable flush), each plan
   * succeeding or conflicting on its own; results are in plan order. This default commits them one by one.
   */
  async commitMany(plans: CommitPlan[]): Promise<CommitResult[]> {
    const results: CommitResult[] = [];
    for (const plan of plans) results.push(await this.commit(plan));
    return results;
  }
}
