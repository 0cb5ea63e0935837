import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { AuditStore, type AuditEntry } from '@app/audit';
import { chinaDate } from '@app/calendar';
import type { DeadlineRecord } from '@app/deadlines';
import { DirectoryService, Jurisdiction, type Directory, type Viewer } from '@app/organisations';
import { canonicalJson, Clock, DomainError } from '@app/shared';
import { CASE_ROLES, caseRoleEvents, RouteTable, WorkflowRegistry, type WorkflowDefinition } from '@app/workflow';
import { CaseStore, type CommitPlan, type LoadedCase } from '../ports/case-store.port';
import { CaseChangedEvent } from '../events/case-changed.event';
import type { CaseRecord } from './case-record';
import { CaseNotFoundError, IdempotencyKeyReusedError, NotHandlingOrgError, TeamRoleForbiddenError, VersionConflictError } from './case.errors';
import type { TransferRecord } from './transfer';
import { TransferReadModel } from '../ports/transfer-read-model.port';
import { RecentCases } from './recent-cases';
import { IdempotencySettings, retainedSince } from './idempotency';
import { emptyPlan, WritePlanner, type PlanEnv } from './write-planner';
import { lookUpFacts } from './case-lookups';

export interface TransitionRequest {
  caseId: string;
  type: string;
  data: Record<string, unknown>;
  viewer: Viewer;
  /** From If-Match: apply only at one of these versions, else fail with 412 instead of retrying. */
  ifMatch?: readonly number[];
  idempotencyKey?: string;
  /** Builds what the caller gets back; stored with the idempotency key in the same transaction. */
  present: (result: TransitionOutcome, directory: Directory, jurisdiction: Jurisdiction) => unknown;
  /** What of the response is stored with the key (e.g. the view with personal data masked); by default all of it. */
  storable?: (response: unknown) => unknown;
  /**
   * Sees the freshly loaded case and the plan before it is committed, on every attempt: it may throw to abort, or add
   * writes to the same transaction (the deadline worker checks its deadline is still due and records the firing).
   */
  amend?: (loaded: LoadedCase, plan: CommitPlan, at: { now: Date; today: string }) => void;
  /**
   * The case as the caller read it moments ago (the deadline worker reads a whole batch in one query), used on the
   * first attempt instead of loading it. Every change a guard or a view reads bumps the case version, so a stale copy
   * cannot decide anything: the conditional update refuses it, and the request is tried again on fresh data.
   */
  preloaded?: LoadedCase;
}

export interface TransitionOutcome {
  record: CaseRecord;
  deadlines: DeadlineRecord[];
  def: WorkflowDefinition;
  today: string;
  /** The transfer that brought the case here, with this event's decision on it. */
  transfer: TransferRecord | null;
}

export type TransitionResult = { replayed: false; outcome: TransitionOutcome; response: unknown } | { replayed: true; status: number; response: unknown };

const RETRIES = 3;

interface Prepared {
  plan: CommitPlan;
  outcome: () => TransitionOutcome;
  response: () => unknown;
}

/**
 * Applies one workflow event to a stored case: load → plan (the one write pipeline, `WritePlanner`) → commit the
 * plan in one transaction with a conditional `UPDATE … WHERE version = ?` → publish after commit. Without If-Match a
 * lost race is retried on fresh data; with an Idempotency-Key a repeated request is answered with the first result.
 */
@Injectable()
export class ApplyTransition {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly routes: RouteTable,
    private readonly store: CaseStore,
    private readonly audit: AuditStore,
    private readonly clock: Clock,
    private readonly directoryService: DirectoryService,
    private readonly eventBus: EventBus,
    private readonly planner: WritePlanner,
    private readonly transfers: TransferReadModel,
    private readonly recent: RecentCases,
    private readonly idempotency: IdempotencySettings,
  ) {}

  /**
   * Requests for the same case queue behind each other within this process: concurrent writers to one case then
   * follow one another instead of racing and retrying. The conditional update still guards against other processes.
   */
  execute(request: TransitionRequest): Promise<TransitionResult> {
    const previous = this.queues.get(request.caseId) ?? Promise.resolve();
    const run = previous.then(() => this.attempt(request));
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(request.caseId, tail);
    void tail.then(() => {
      if (this.queues.get(request.caseId) === tail) this.queues.delete(request.caseId);
    });
    return run;
  }

  private async attempt(request: TransitionRequest): Promise<TransitionResult> {
    const { caseId, idempotencyKey: key, viewer } = request;
    const requestHash = key ? hashRequest(request) : '';
    // A copy the caller or this process read moments ago saves the load; it serves the first attempt only.
    let preloaded = request.preloaded ?? this.recent.get(caseId);
    // The key is looked up only once something failed: a repeated request either is refused by the machine or fails
    // its commit on the key's unique index, and is then answered with the stored first result.
    let lookUpKey = false;
    let conflicts = 0;
    for (;;) {
      if (key && lookUpKey) {
        const stored = await this.store.findIdempotent(viewer.userId, key, retainedSince(this.idempotency, this.clock.now(), viewer.userId));
        if (stored) {
          if (stored.requestHash !== requestHash) throw new IdempotencyKeyReusedError(key);
          return { replayed: true, status: stored.status, response: stored.response };
        }
      }
      const copy = preloaded;
      preloaded = undefined;
      let prepared: Prepared;
      try {
        prepared = await this.prepare(request, requestHash, copy);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        // Refused on a copy: decide again on fresh data before refusing anyone. Perhaps refused because the first
        // request with this key already moved the case: look the key up first.
        if (copy || (key && !lookUpKey)) {
          this.recent.forget(caseId);
          if (key) lookUpKey = true;
          continue;
        }
        throw error;
      }
      if ((await this.store.commit(prepared.plan)) === 'committed') {
        const outcome = prepared.outcome();
        if (request.amend) this.recent.forget(caseId);
        else this.recent.remember({ record: outcome.record, deadlines: outcome.deadlines });
        this.publish(prepared.plan);
        return { replayed: false, outcome, response: prepared.response() };
      }
      this.recent.forget(caseId);
      lookUpKey = true;
      // A copy older than the database is not a lost race: try again on fresh data.
      if (copy) continue;
      if (request.ifMatch || ++conflicts >= RETRIES) {
        // A concurrent retry with the same key may have won the race: answer as that first request did.
        if (key && (await this.store.findIdempotent(viewer.userId, key, retainedSince(this.idempotency, this.clock.now(), viewer.userId)))) continue;
        const current = await this.store.load(caseId);
        throw new VersionConflictError(caseId, prepared.plan.update?.expectedVersion, current?.record.version, request.ifMatch !== undefined);
      }
    }
  }

  /**
   * Applies requests to distinct cases with one commit for all of them (`CaseStore.commitMany`): each keeps its own
   * conditional update, so one whose case moved on writes nothing. Any request that does not commit that way — a
   * lost race, a refusal, a second request for the same case — then goes through `execute` alone, with its retries
   * and idempotency lookup, so the outcome is the same as applying them one by one. Results are in request order.
   */
  async executeMany(requests: TransitionRequest[]): Promise<({ ok: true; result: TransitionResult } | { ok: false; error: unknown })[]> {
    const results: ({ ok: true; result: TransitionResult } | { ok: false; error: unknown })[] = new Array(requests.length);
    const alone: number[] = [];
    const cases = new Set<string>();
    const batch: { index: number; prepared: Prepared }[] = [];
    await Promise.all(
      requests.map(async (request, index) => {
        if (cases.has(request.caseId)) return alone.push(index);
        cases.add(request.caseId);
        try {
          batch.push({ index, prepared: await this.prepare(request, request.idempotencyKey ? hashRequest(request) : '', request.preloaded) });
        } catch {
          alone.push(index);
        }
      }),
    );
    const committed = batch.length ? await this.store.commitMany(batch.map((b) => b.prepared.plan)) : [];
    batch.forEach(({ index, prepared }, k) => {
      this.recent.forget(requests[index].caseId);
      if (committed[k] !== 'committed') return alone.push(index);
      this.publish(prepared.plan);
      results[index] = { ok: true, result: { replayed: false, outcome: prepared.outcome(), response: prepared.response() } };
    });
    for (const index of alone.sort((a, b) => a - b)) {
      results[index] = await this.execute(requests[index]).then(
        (result) => ({ ok: true as const, result }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    }
    return results;
  }

  private async prepare(request: TransitionRequest, requestHash: string, preloaded?: LoadedCase): Promise<Prepared> {
    const { viewer, type } = request;
    const [directory, loaded] = await Promise.all([this.directoryService.current(), preloaded ?? this.store.load(request.caseId)]);
    const jurisdiction = new Jurisdiction(directory);
    if (!loaded || !jurisdiction.canRead(viewer, loaded.record)) throw new CaseNotFoundError(request.caseId);
    const { record } = loaded;
    const teamRole = jurisdiction.canAct(viewer, record) ? undefined : (jurisdiction.teamRole(viewer, record) ?? undefined);
    if (!jurisdiction.canAct(viewer, record) && !teamRole) throw new NotHandlingOrgError();
    if (teamRole) assertTeamMaySend(this.registry.get(record.workflowId, record.workflowVersion), teamRole, type);
    if (request.ifMatch && !request.ifMatch.includes(record.version)) {
      throw new VersionConflictError(record.id, request.ifMatch[0], record.version, true);
    }
    const now = this.clock.now();
    const today = chinaDate(now);
    // The dossier of a transfer quotes the sending case's records, and a document an event produces may quote them:
    // read them only then.
    const def = this.registry.get(record.workflowId, record.workflowVersion);
    const [history, transfer, facts] = await Promise.all([
      this.routes.from(record.workflowId, type, request.data, record.state).length || this.planner.producesDocument(record.workflowId, type)
        ? this.audit.history(record.id)
        : Promise.resolve([] as AuditEntry[]),
      record.originRoute ? this.transfers.into(record.id) : Promise.resolve(null),
      lookUpFacts(def, type, loaded, { store: this.store, registry: this.registry, directory, jurisdiction, viewer, today }),
    ]);
    const env: PlanEnv = { directory, now, today, history, ...(facts ? { facts: { [record.id]: facts } } : {}) };

    const plan = emptyPlan();
    const next = this.planner.apply(plan, loaded, { type, data: request.data, actor: { id: viewer.userId, roles: viewer.roles }, teamRole }, env);
    plan.update = { expectedVersion: record.version, record: next.record };
    request.amend?.(loaded, plan, { now, today });

    const decided = plan.transfersDecided.find((d) => d.toCaseId === record.id);
    const transferNow = transfer && decided && transfer.status === 'SENT' ? { ...transfer, ...decided } : transfer;
    const outcome = (): TransitionOutcome => ({ record: plan.update!.record, deadlines: withPlan(next.deadlines, plan, record.id), def, today, transfer: transferNow });
    const response = () => request.present(outcome(), directory, jurisdiction);
    if (request.idempotencyKey) {
      plan.idempotency = { actorId: viewer.userId, key: request.idempotencyKey, caseId: record.id, requestHash, status: 200, response: null, createdAt: now.toISOString() };
    }
    // Numbers of cases this event opened are known only inside the commit: the stored response is built after them.
    plan.beforeWrite = () => {
      if (plan.idempotency) plan.idempotency.response = (request.storable ?? ((r: unknown) => r))(response());
    };
    return { plan, outcome, response };
  }

  private publish(plan: CommitPlan): void {
    publishChanges(this.eventBus, plan);
  }
}

/** One CaseChangedEvent per case the committed plan wrote, after the commit. */
export function publishChanges(eventBus: EventBus, plan: CommitPlan): void {
  const byCase = new Map<string, AuditEntry[]>();
  for (const entry of plan.audit) byCase.set(entry.caseId, [...(byCase.get(entry.caseId) ?? []), entry]);
  for (const [caseId, entries] of byCase) {
    const last = entries[entries.length - 1];
    eventBus.publish(new CaseChangedEvent(caseId, last.seq, last.type, last.from, last.to, plan.outbox.length > 0));
  }
}

/** The case's deadlines as the plan leaves them (pauses and resumptions applied). */
function withPlan(deadlines: DeadlineRecord[], plan: CommitPlan, caseId: string): DeadlineRecord[] {
  const updates = new Map(plan.deadlinesUpdated.map((u) => [u.id, u]));
  return deadlines.filter((d) => d.caseId === caseId).map((d) => (updates.has(d.id) ? { ...d, ...updates.get(d.id)! } : d));
}

function hashRequest(request: TransitionRequest): string {
  return createHash('sha256').update(canonicalJson({ caseId: request.caseId, type: request.type, data: request.data, expectedVersion: ifMatchHashed(request.ifMatch) })).digest('hex');
}

/** One version hashes as the number it was before If-Match took lists, so keys stored then still replay. */
function ifMatchHashed(ifMatch: readonly number[] | undefined): number | readonly number[] | null {
  if (!ifMatch) return null;
  return ifMatch.length === 1 ? ifMatch[0] : ifMatch;
}

/** A team member sends only their case role's events; anything else is 403 naming the role. */
function assertTeamMaySend(def: WorkflowDefinition, caseRole: string, type: string): void {
  if (caseRoleEvents(def, caseRole).includes(type)) return;
  const spec = def.events[type];
  const role = CASE_ROLES[caseRole];
  throw new TeamRoleForbiddenError(type, spec?.label ?? type, caseRole, role?.label ?? caseRole, role?.labelEn ?? caseRole);
}
