import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { chainEntry, type AuditEntry } from '@app/audit';
import { chinaDate } from '@app/calendar';
import { DeadlinePlanner, onStateChange, type DeadlineClosure, type DeadlineRecord } from '@app/deadlines';
import { DirectoryService, Jurisdiction, type Directory, type Viewer } from '@app/organisations';
import { canonicalJson, Clock, DomainError, ValidationError, type Role } from '@app/shared';
import { decide, eventsHandledIn, stateMeta, WorkflowRegistry, type Effect, type WorkflowDefinition, type WorkflowEvent } from '@app/workflow';
import { CaseStore, type CommitPlan, type LoadedCase, type OutboxMessage } from '../ports/case-store.port';
import { CaseTransitionedEvent } from '../events/case-transitioned.event';
import type { CaseRecord } from './case-record';
import { CaseNotFoundError, EventForbiddenError, IdempotencyKeyReusedError, NotHandlingOrgError, TransitionNotAllowedError, VersionConflictError } from './case.errors';
import { EventDataValidator } from './event-data-validator';
import { RecentCases } from './recent-cases';
import { openCase } from './case-factory';

export interface TransitionRequest {
  caseId: string;
  type: string;
  data: Record<string, unknown>;
  viewer: Viewer;
  /** From If-Match: apply only at this version, else fail with 412 instead of retrying. */
  expectedVersion?: number;
  idempotencyKey?: string;
  /** Builds what the caller gets back; stored with the idempotency key in the same transaction. */
  present: (result: TransitionOutcome, directory: Directory, jurisdiction: Jurisdiction) => unknown;
  /**
   * Sees the freshly loaded case and the plan before it is committed, on every attempt: it may throw to abort, or add
   * writes to the same transaction (the deadline worker checks its deadline is still due and records the firing).
   */
  amend?: (loaded: LoadedCase, plan: CommitPlan, at: { now: Date; today: string }) => void;
  /**
   * The case as the caller read it moments ago (the deadline worker reads a whole batch in one query): used instead of
   * loading it on the first attempt, without the idempotency lookup before it. A stale copy costs a retry, nothing
   * more: the conditional update refuses it, and a request already applied is then found by its key.
   */
  preloaded?: LoadedCase;
}

export interface TransitionOutcome {
  record: CaseRecord;
  deadlines: DeadlineRecord[];
  def: WorkflowDefinition;
  today: string;
}

export type TransitionResult = { replayed: false; outcome: TransitionOutcome; response: unknown } | { replayed: true; status: number; response: unknown };

const RETRIES = 3;

/**
 * The one write path for workflow events: load → authorise → restore the machine → check the event → transition →
 * commit the case update, audit entry, deadline changes, linked cases and outbox in one transaction with a
 * conditional `UPDATE … WHERE version = ?` → publish after commit. Without If-Match a lost race is retried on fresh data.
 */
@Injectable()
export class ApplyTransition {
  private readonly validator = new EventDataValidator();
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly store: CaseStore,
    private readonly clock: Clock,
    private readonly planner: DeadlinePlanner,
    private readonly directoryService: DirectoryService,
    private readonly eventBus: EventBus,
    private readonly recent: RecentCases,
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
    // A copy this process just read or wrote saves a round trip; it serves the first try only (see RecentCases).
    let hint = request.preloaded ?? this.recent.get(caseId);
    // The key is looked up only once something failed: a repeated request either is refused by the machine or fails
    // its commit on the key's unique index, and is then answered with the stored first result.
    let lookUpKey = false;
    let conflicts = 0;
    for (;;) {
      if (key && lookUpKey) {
        const stored = await this.store.findIdempotent(viewer.userId, key);
        if (stored) {
          if (stored.requestHash !== requestHash) throw new IdempotencyKeyReusedError(key);
          return { replayed: true, status: stored.status, response: stored.response };
        }
      }
      const fromHint = hint;
      hint = undefined;
      let prepared: Awaited<ReturnType<ApplyTransition['prepare']>>;
      try {
        prepared = await this.prepare(request, requestHash, fromHint);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const decideAgain = (fromHint && !request.preloaded) || (key && !lookUpKey);
        if (!decideAgain) throw error;
        // Decided on a copy, or perhaps refused because the first request with this key already moved the case:
        // decide again on fresh data, after looking the key up, before refusing anyone.
        this.recent.forget(caseId);
        lookUpKey = true;
        continue;
      }
      if ((await this.store.commit(prepared.plan)) === 'committed') {
        if (request.amend) this.recent.forget(caseId);
        else this.recent.remember({ record: prepared.outcome.record, deadlines: prepared.outcome.deadlines });
        this.publish(prepared.plan);
        return { replayed: false, outcome: prepared.outcome, response: prepared.response };
      }
      this.recent.forget(caseId);
      lookUpKey = true;
      // A stale copy is not a lost race: try again on fresh data.
      if (fromHint && !request.preloaded && request.expectedVersion === undefined) continue;
      if (request.expectedVersion !== undefined || ++conflicts >= RETRIES) {
        // A concurrent retry with the same key may have won the race: answer as that first request did.
        if (key && (await this.store.findIdempotent(viewer.userId, key))) continue;
        const current = await this.store.load(caseId);
        throw new VersionConflictError(caseId, request.expectedVersion ?? prepared.plan.update?.expectedVersion, current?.record.version, request.expectedVersion !== undefined);
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
    const batch: { index: number; prepared: Awaited<ReturnType<ApplyTransition['prepare']>> }[] = [];
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
      results[index] = { ok: true, result: { replayed: false, outcome: prepared.outcome, response: prepared.response } };
    });
    for (const index of alone.sort((a, b) => a - b)) {
      results[index] = await this.execute(requests[index]).then(
        (result) => ({ ok: true as const, result }),
        (error: unknown) => ({ ok: false as const, error }),
      );
    }
    return results;
  }

  private async prepare(request: TransitionRequest, requestHash: string, preloaded?: LoadedCase) {
    const { viewer, type } = request;
    const [directory, loaded] = await Promise.all([this.directoryService.current(), preloaded ?? this.store.load(request.caseId)]);
    const jurisdiction = new Jurisdiction(directory);
    if (!loaded || !jurisdiction.canRead(viewer, loaded.record)) throw new CaseNotFoundError(request.caseId);
    const { record, deadlines } = loaded;
    if (!jurisdiction.canAct(viewer, record)) throw new NotHandlingOrgError();

    const def = this.registry.get(record.workflowId, record.workflowVersion);
    const spec = def.events[type];
    if (!spec) {
      throw new ValidationError([
        { field: 'type', message: `must be one of ${Object.keys(def.events).join(', ')}`, messageZh: `不是${def.title}流程的事件类型` },
      ]);
    }
    const actorRole = spec.roles.find((r) => viewer.roles.includes(r));
    if (!actorRole) throw new EventForbiddenError(type, spec.label);
    if (request.expectedVersion !== undefined && request.expectedVersion !== record.version) {
      throw new VersionConflictError(record.id, request.expectedVersion, record.version, true);
    }

    const persisted = { value: record.state, context: record.context };
    const handled = eventsHandledIn(def, persisted);
    if (!handled.includes(type)) throw this.notAllowed(def, record, type, handled, [], viewer);
    const errors = this.validator.validate(def, type, request.data, { parties: record.parties, orgId: record.orgId, directory });
    if (errors.length) throw new ValidationError(errors);

    const now = this.clock.now();
    const today = chinaDate(now);
    const event: WorkflowEvent = {
      type,
      data: request.data,
      at: now.toISOString(),
      today,
      deadlines: pendingDueDates(deadlines),
      actor: { id: viewer.userId, role: actorRole },
    };
    const decision = decide(def, persisted, event);
    if (!decision.allowed) throw this.notAllowed(def, record, type, decision.allowedEvents, decision.violations, viewer);

    const audit = chainEntry(record.headHash, {
      caseId: record.id,
      seq: record.version + 1,
      at: event.at,
      actorId: viewer.userId,
      actorRole,
      type,
      from: decision.from,
      to: decision.to,
      data: request.data,
    });
    let next: CaseRecord = {
      ...record,
      state: decision.to,
      context: decision.context,
      version: record.version + 1,
      headHash: audit.hash,
      assigneeId: typeof decision.context.mediatorId === 'string' ? decision.context.mediatorId : record.assigneeId,
      closed: decision.final,
      updatedAt: event.at,
    };

    let closed: DeadlineClosure[] = [];
    let opened: DeadlineRecord[] = [];
    if (decision.changedState) {
      ({ closed, opened } = onStateChange(this.planner, {
        def,
        deadlines,
        from: decision.from,
        to: decision.to,
        eventType: type,
        context: decision.context,
        caseId: record.id,
        orgId: record.orgId,
        today,
        now,
      }));
    }

    const plan: CommitPlan = {
      update: { expectedVersion: record.version, record: next },
      inserts: [],
      audit: [audit],
      deadlinesClosed: closed,
      // A copy: spawning a linked case adds the child's deadlines to the plan, and they are not this case's.
      deadlinesOpened: [...opened],
      outbox: [],
      idempotency: null,
    };
    next = await this.applyEffects(decision.effects, next, plan, { directory, now, today, actor: { id: viewer.userId, role: actorRole } });
    plan.update = { expectedVersion: record.version, record: next };
    request.amend?.(loaded, plan, { now, today });

    const closedById = new Map(closed.map((c) => [c.id, c]));
    const outcome: TransitionOutcome = {
      record: next,
      deadlines: [...deadlines.map((d) => (closedById.has(d.id) ? { ...d, ...closedById.get(d.id)! } : d)), ...opened],
      def,
      today,
    };
    const response = request.present(outcome, directory, jurisdiction);
    if (request.idempotencyKey) {
      plan.idempotency = {
        actorId: viewer.userId,
        key: request.idempotencyKey,
        caseId: record.id,
        requestHash,
        status: 200,
        response,
        createdAt: event.at,
      };
    }
    return { plan, outcome, response };
  }

  /** Effects the machine asked for, turned into writes of the same transaction. */
  private async applyEffects(effects: Effect[], record: CaseRecord, plan: CommitPlan, ctx: { directory: Directory; now: Date; today: string; actor: { id: string; role: Role } }): Promise<CaseRecord> {
    let current = record;
    for (const effect of effects) {
      if (effect.type === 'spawnLinkedCase') current = await this.spawnLinkedCase(effect.params, current, plan, ctx);
      if (effect.type === 'notifyOrigin' && current.originCaseId) {
        plan.outbox.push(outboxMessage(current, effect.params.event, effect.params.data ?? {}, ctx.now));
      }
    }
    return current;
  }

  /** Opens the linked case (e.g. the 司法确认 application at the court) and applies its first event as the engine. */
  private async spawnLinkedCase(params: Record<string, any>, origin: CaseRecord, plan: CommitPlan, ctx: { directory: Directory; now: Date; today: string; actor: { id: string; role: Role } }): Promise<CaseRecord> {
    const def = this.registry.latest(params.workflow);
    const org = ctx.directory.org(params.orgId);
    if (!org) throw new ValidationError([{ field: 'data.orgId', message: 'is not a known organisation', messageZh: '不是已登记的单位' }]);
    const number = await this.store.allocateCaseNumber(org.id, Number(ctx.today.slice(0, 4)));
    const linkAt = ctx.now.toISOString();
    const created = openCase(
      {
        def,
        org,
        caseNumber: number,
        regionCode: origin.regionCode,
        category: origin.category,
        summary: `${def.title}：${origin.summary}`,
        source: 'APPLICATION',
        parties: origin.parties,
        actor: ctx.actor,
        now: ctx.now,
        today: ctx.today,
        input: params.input,
        origin: {
          caseId: origin.id,
          orgId: origin.orgId,
          link: { relation: params.relation, direction: 'FROM', caseId: origin.id, caseNo: origin.caseNo, workflowId: origin.workflowId, orgId: origin.orgId, at: linkAt },
        },
      },
      this.planner,
    );
    let child = created.record;
    const audit: AuditEntry[] = [created.audit];
    let childDeadlines = created.deadlines;
    if (params.thenApply) {
      const event: WorkflowEvent = {
        type: params.thenApply.type,
        data: params.thenApply.data,
        at: linkAt,
        today: ctx.today,
        deadlines: pendingDueDates(childDeadlines),
        actor: { id: 'system', role: 'SYSTEM' },
      };
      const decision = decide(def, { value: child.state, context: child.context }, event);
      if (!decision.allowed) {
        throw new TransitionNotAllowedError(child.state, stateMeta(def.machine, child.state).label, event.type, [], decision.violations);
      }
      const entry = chainEntry(child.headHash, { caseId: child.id, seq: 2, at: linkAt, actorId: 'system', actorRole: 'SYSTEM', type: event.type, from: decision.from, to: decision.to, data: event.data });
      audit.push(entry);
      const { closed, opened } = onStateChange(this.planner, {
        def,
        deadlines: childDeadlines,
        from: decision.from,
        to: decision.to,
        eventType: event.type,
        context: decision.context,
        caseId: child.id,
        orgId: child.orgId,
        today: ctx.today,
        now: ctx.now,
      });
      const closedIds = new Map(closed.map((c) => [c.id, c]));
      childDeadlines = [...childDeadlines.map((d) => (closedIds.has(d.id) ? { ...d, ...closedIds.get(d.id)! } : d)), ...opened];
      child = { ...child, state: decision.to, context: decision.context, version: 2, headHash: entry.hash, closed: decision.final };
    }
    plan.inserts.push(child);
    plan.audit.push(...audit);
    plan.deadlinesOpened.push(...childDeadlines);
    return {
      ...origin,
      links: [...origin.links, { relation: params.relation, direction: 'TO', caseId: child.id, caseNo: child.caseNo, workflowId: def.id, orgId: org.id, at: linkAt }],
    };
  }

  private notAllowed(def: WorkflowDefinition, record: CaseRecord, type: string, handled: string[], violations: TransitionNotAllowedError['violations'], viewer: Viewer) {
    const allowed = handled
      .map((t) => ({ type: t, spec: def.events[t] }))
      .filter(({ spec }) => spec && !spec.roles.includes('SYSTEM') && spec.roles.some((r) => viewer.roles.includes(r)))
      .map(({ type: t, spec }) => ({ type: t, label: spec.label }));
    return new TransitionNotAllowedError(record.state, stateMeta(def.machine, record.state).label, type, allowed, violations);
  }

  private publish(plan: CommitPlan): void {
    const byCase = new Map<string, AuditEntry[]>();
    for (const entry of plan.audit) byCase.set(entry.caseId, [...(byCase.get(entry.caseId) ?? []), entry]);
    for (const [caseId, entries] of byCase) {
      const last = entries[entries.length - 1];
      this.eventBus.publish(new CaseTransitionedEvent(caseId, last.seq, last.type, last.from, last.to, plan.outbox.length > 0));
    }
  }
}

function pendingDueDates(deadlines: DeadlineRecord[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of deadlines) if (d.status === 'pending') out[d.specId] = d.dueOn;
  return out;
}

function outboxMessage(source: CaseRecord, eventType: string, data: Record<string, unknown>, now: Date): OutboxMessage {
  return { id: randomUUID(), targetCaseId: source.originCaseId!, sourceCaseId: source.id, eventType, data: { ...data, sourceCaseId: source.id, sourceCaseNo: source.caseNo }, createdAt: now.toISOString() };
}

function hashRequest(request: TransitionRequest): string {
  return createHash('sha256').update(canonicalJson({ caseId: request.caseId, type: request.type, data: request.data, expectedVersion: request.expectedVersion ?? null })).digest('hex');
}
