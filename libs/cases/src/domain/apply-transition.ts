import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { chainEntry, type AuditEntry } from '@app/audit';
import { chinaDate } from '@app/calendar';
import { closeOnExit, DeadlinePlanner, type DeadlineClosure, type DeadlineRecord } from '@app/deadlines';
import { DirectoryService, Jurisdiction, type Directory, type Viewer } from '@app/organisations';
import { canonicalJson, Clock, ValidationError, type Role } from '@app/shared';
import { decide, eventsHandledIn, stateMeta, WorkflowRegistry, type Effect, type WorkflowDefinition, type WorkflowEvent } from '@app/workflow';
import { CaseStore, type CommitPlan, type OutboxMessage } from '../ports/case-store.port';
import { CaseTransitionedEvent } from '../events/case-transitioned.event';
import type { CaseRecord } from './case-record';
import { CaseNotFoundError, EventForbiddenError, IdempotencyKeyReusedError, NotHandlingOrgError, TransitionNotAllowedError, VersionConflictError } from './case.errors';
import { EventDataValidator } from './event-data-validator';
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

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly store: CaseStore,
    private readonly clock: Clock,
    private readonly planner: DeadlinePlanner,
    private readonly directoryService: DirectoryService,
    private readonly eventBus: EventBus,
  ) {}

  async execute(request: TransitionRequest): Promise<TransitionResult> {
    const requestHash = request.idempotencyKey ? hashRequest(request) : '';
    for (let attempt = 1; ; attempt++) {
      if (request.idempotencyKey) {
        const stored = await this.store.findIdempotent(request.viewer.userId, request.idempotencyKey);
        if (stored) {
          if (stored.requestHash !== requestHash) throw new IdempotencyKeyReusedError(request.idempotencyKey);
          return { replayed: true, status: stored.status, response: stored.response };
        }
      }
      const prepared = await this.prepare(request, requestHash);
      const result = await this.store.commit(prepared.plan);
      if (result === 'committed') {
        this.publish(prepared.plan);
        return { replayed: false, outcome: prepared.outcome, response: prepared.response };
      }
      if (request.expectedVersion !== undefined || attempt >= RETRIES) {
        const current = await this.store.load(request.caseId);
        // A concurrent retry with the same key may have won the race: answer as that first request did.
        if (request.idempotencyKey && (await this.store.findIdempotent(request.viewer.userId, request.idempotencyKey))) continue;
        throw new VersionConflictError(request.caseId, request.expectedVersion ?? prepared.plan.update?.expectedVersion, current?.record.version, request.expectedVersion !== undefined);
      }
    }
  }

  private async prepare(request: TransitionRequest, requestHash: string) {
    const { viewer, type } = request;
    const [directory, loaded] = await Promise.all([this.directoryService.current(), this.store.load(request.caseId)]);
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
      closed = closeOnExit(deadlines, decision.from, type, today, now);
      opened = this.planner.plan({ def, state: decision.to, context: decision.context, caseId: record.id, orgId: record.orgId, enteredOn: today, now });
    }

    const plan: CommitPlan = {
      update: { expectedVersion: record.version, record: next },
      inserts: [],
      audit: [audit],
      deadlinesClosed: closed,
      deadlinesOpened: opened,
      outbox: [],
      idempotency: null,
    };
    next = await this.applyEffects(decision.effects, next, plan, { directory, now, today, actor: { id: viewer.userId, role: actorRole } });
    plan.update = { expectedVersion: record.version, record: next };

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
      const closed = closeOnExit(childDeadlines, decision.from, event.type, ctx.today, ctx.now);
      const closedIds = new Map(closed.map((c) => [c.id, c]));
      childDeadlines = [
        ...childDeadlines.map((d) => (closedIds.has(d.id) ? { ...d, ...closedIds.get(d.id)! } : d)),
        ...this.planner.plan({ def, state: decision.to, context: decision.context, caseId: child.id, orgId: child.orgId, enteredOn: ctx.today, now: ctx.now }),
      ];
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
