import { randomBytes, randomUUID } from 'node:crypto';
import { chainEntry, ChainHash, type AuditEntry } from '@app/audit';
import type { IsoDate } from '@app/calendar';
import { DeadlinePlanner, onStateChange, type DeadlineClosure, type DeadlinePause, type DeadlineRecord, type DeadlineUpdate, type Notification } from '@app/deadlines';
import type { Directory } from '@app/organisations';
import { ForbiddenError, ValidationError, type Role } from '@app/shared';
import {
  CASE_ENDED_OUTCOME,
  decide,
  eventsHandledIn,
  isRiskLevel,
  RISK_LEVELS,
  RISK_REVIEW_DEADLINES,
  RISK_REVIEW_SPAN,
  ORG_TYPE_LABELS,
  ROLE_LABELS,
  RouteTable,
  stateLabel,
  TRANSFER_OUTCOMES,
  WorkflowRegistry,
  type Effect,
  type RouteRule,
  type WorkflowDefinition,
  type WorkflowEvent,
  teamActorRole,
  caseRoleEvents,
} from '@app/workflow';
import type { CommitPlan, OutboxMessage } from '../ports/case-store.port';
import type { DocumentStamper } from '../ports/document-stamper.port';
import { copyCase, type CaseLink, type CaseRecord } from './case-record';
import { applyTeamChanges, type TeamChange } from './case-team';
import type { AttachmentRecord } from '../attachments/attachment';
import { caseNoParts, openCase, type NewCase } from './case-factory';
import { EventForbiddenError, TransitionNotAllowedError } from './case.errors';
import { PARTY_ROLES } from './case-vocabulary';
import { EventDataValidator } from './event-data-validator';
import { LegalPolicy } from './legal-policy';
import { actorsIn, allOfficials, handlersOf, officialsOf, rolesThere } from './notice-address';
import type { Dossier, TransferRecord } from './transfer';

/** A case as the plan has it so far: its record and every deadline row, those opened or closed by the plan included. */
export interface WorkingCase {
  record: CaseRecord;
  deadlines: DeadlineRecord[];
}

/** Facts every step of one plan shares: the directory read for it, the instant, and the audit trails it may quote. */
export interface PlanEnv {
  directory: Directory;
  now: Date;
  today: IsoDate;
  /** The audit trail of the case acting, read when the event sends it somewhere (the dossier quotes it). */
  history?: AuditEntry[];
  /** What the engine looked up for the event sent to a case (`EventSpec.lookups`), by case id. */
  facts?: Record<string, Record<string, unknown>>;
}

export interface EventInput {
  type: string;
  data: Record<string, unknown>;
  actor: { id: string; roles: Role[] };
  /**
   * Set when a member of the case's team from another organisation acts: their case role, recorded as the actor's
   * role. The caller has checked the case role may send the event; the member's own roles then do not count.
   */
  teamRole?: string;
}

/** An empty plan: what one command will write, in one transaction. */
export function emptyPlan(): CommitPlan {
  return { update: null, inserts: [], audit: [], deadlinesClosed: [], deadlinesOpened: [], deadlinesUpdated: [], outbox: [], transfersOpened: [], transfersDecided: [], notifications: [], numbering: [], idempotency: null };
}

/**
 * The one write pipeline. Opening a case, applying a person's event, a deadline firing, a message from another case
 * and a child case spawned by a route all go through `open` and `apply`: authorise → validate the data against its
 * schema → decide → audit entry → deadlines → effects (reports, transfers, routes, risk notices, paused clocks),
 * adding every write to one `CommitPlan`. Pure apart from ids: nothing is read or written here, so a plan that fails
 * to commit leaves no trace, not even a case number (numbers are allocated in the commit).
 */
export class WritePlanner {
  private readonly validator = new EventDataValidator();

  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly routes: RouteTable,
    private readonly planner: DeadlinePlanner,
    private readonly policy: LegalPolicy,
    private readonly chainHash: ChainHash,
    private readonly documents?: DocumentStamper,
  ) {}

  /** The event produces a document, whose digest needs the case's audit trail (`PlanEnv.history`). */
  producesDocument(workflowId: string, eventType: string): boolean {
    return this.documents?.produces(workflowId, eventType) ?? false;
  }

  /** Opens a case in its workflow's initial state, runs the opening's effects, and returns it. */
  open(plan: CommitPlan, spec: Omit<NewCase, 'policy' | 'disputeCode'> & { disputeCode?: string }, env: PlanEnv): WorkingCase {
    const { def } = spec;
    if (def.openingSchema) {
      const errors = this.validator.againstSchema(def.openingSchema, spec.input ?? {}, 'input');
      if (errors.length) throw new ValidationError(errors);
    } else if (spec.input && Object.keys(spec.input).length) {
      throw new ValidationError([{ field: 'input', message: 'is not used by this workflow', messageZh: '此流程不需要该字段' }]);
    }
    const created = openCase({ ...spec, policy: this.policy.values, disputeCode: spec.disputeCode ?? newDisputeCode(spec.regionCode, env.today) }, this.planner, this.chainHash.algorithm);
    const year = Number(env.today.slice(0, 4));
    plan.numbering.push({ caseId: created.record.id, orgId: spec.org.id, year, ...caseNoParts(def, spec.org, year) });
    plan.inserts.push(created.record);
    plan.audit.push(created.audit);
    plan.deadlinesOpened.push(...created.deadlines);
    const working = { record: created.record, deadlines: created.deadlines };
    return this.runEffects(plan, def, working, created.effects, { type: 'OPEN', data: {}, actor: { id: spec.actor.id, roles: [spec.actor.role] } }, spec.actor.role, env);
  }

  /**
   * Applies one event to a case: the returned case is the plan's new version of it (the caller puts it in
   * `plan.update` or, for a case the plan inserts, it replaces the insert).
   */
  apply(plan: CommitPlan, current: WorkingCase, input: EventInput, env: PlanEnv): WorkingCase {
    const { record, deadlines } = current;
    const def = this.registry.get(record.workflowId, record.workflowVersion);
    const spec = def.events[input.type];
    if (!spec) {
      throw new ValidationError([{ field: 'type', message: `must be one of ${Object.keys(def.events).join(', ')}`, messageZh: `不是${def.title}流程的事件类型` }]);
    }
    const role = input.teamRole ? teamActorRole(input.teamRole) : spec.roles.find((r) => input.actor.roles.includes(r));
    if (!role) throw new EventForbiddenError(input.type, spec.label);

    const persisted = { value: record.state, context: record.context };
    const handled = eventsHandledIn(def, persisted);
    if (!handled.includes(input.type)) throw notAllowed(def, record, input.type, handled, [], input.actor.roles, input.teamRole);
    const errors = this.validator.validate(def, input.type, input.data, { parties: record.parties, orgId: record.orgId, directory: env.directory, dates: { today: env.today, context: record.context } });
    if (errors.length) throw new ValidationError(errors);

    const at = env.now.toISOString();
    const event: WorkflowEvent = {
      type: input.type,
      data: input.data,
      at,
      today: env.today,
      deadlines: pendingDueDates(deadlines),
      actor: { id: input.actor.id, role },
      policy: this.policy.values,
      ...(env.facts?.[record.id] ? { facts: env.facts[record.id] } : {}),
      partyNames: Object.fromEntries(record.parties.map((p) => [p.id, `${p.name}（${PARTY_ROLES[p.role] ?? p.role}）`])),
    };
    const decision = decide(def, persisted, event);
    if (!decision.allowed) throw notAllowed(def, record, input.type, decision.allowedEvents, decision.violations, input.actor.roles, input.teamRole);

    const content = {
      caseId: record.id,
      seq: record.version + 1,
      at,
      actorId: input.actor.id,
      actorRole: role,
      type: input.type,
      from: decision.from,
      to: decision.to,
      data: input.data,
    };
    const documents = this.stampDocuments(record, decision.to, decision.context, content, env);
    const audit = chainEntry(this.chainHash.algorithm, record.headHash, documents.length ? { ...content, documents } : content);
    plan.audit.push(audit);
    const assigneeField = def.manifest.assigneeField;
    const assignee = assigneeField ? decision.context[assigneeField] : undefined;
    const changed = copyCase(record);
    changed.state = decision.to;
    changed.context = decision.context;
    changed.version = record.version + 1;
    changed.headHash = audit.hash;
    changed.assigneeId = typeof assignee === 'string' ? assignee : record.assigneeId;
    changed.closed = decision.final;
    changed.updatedAt = at;
    if (spec.schema?.properties?.agreementAmount?.['x-yuan'] && typeof input.data?.agreementAmount === 'number') {
      changed.agreementAmount = input.data.agreementAmount.toFixed(2);
    }
    let next: WorkingCase = { record: changed, deadlines };
    // Clocks first: a deadline the case leaves with its clock stopped closes with the pause ended.
    const clock = (e: Effect) => e.type === 'pauseDeadlines' || e.type === 'resumeDeadlines';
    next = this.runEffects(plan, def, next, decision.effects.filter(clock), input, role, env);
    if (decision.changedState) {
      const { closed, opened } = onStateChange(this.planner, {
        def,
        deadlines: next.deadlines,
        from: decision.from,
        to: decision.to,
        eventType: input.type,
        context: decision.context,
        caseId: record.id,
        orgId: record.orgId,
        today: env.today,
        now: env.now,
      });
      // A deadline opened earlier in this plan (a spawned case's first state) is closed before it is ever written.
      for (const c of closed) {
        // One write per row: a pause the same event ended travels with the closure.
        const u = plan.deadlinesUpdated.findIndex((d) => d.id === c.id);
        if (u >= 0) (c.pauses = plan.deadlinesUpdated[u].pauses), plan.deadlinesUpdated.splice(u, 1);
        const i = plan.deadlinesOpened.findIndex((d) => d.id === c.id);
        if (i >= 0) plan.deadlinesOpened[i] = { ...plan.deadlinesOpened[i], status: c.status, closedAt: c.closedAt };
        else plan.deadlinesClosed.push(c);
      }
      plan.deadlinesOpened.push(...opened);
      next = { ...next, deadlines: [...withClosures(next.deadlines, closed), ...opened] };
    }
    next = this.runEffects(plan, def, next, decision.effects.filter((e) => !clock(e)), input, role, env);
    if (decision.final) {
      // Any channel's end is news to a case that counts its children (the 综治中心), and ends its risk reviews.
      this.report(plan, next.record, CASE_ENDED_OUTCOME, {}, env);
      next = this.closeRiskReviews(plan, next, 'cancelled', env);
    }
    for (const route of this.routes.from(def.id, input.type, input.data, record.state)) next = this.send(plan, route, next, input, role, env);
    this.signalChildren(plan, def, next.record, input.type, env);
    return next;
  }

  /**
   * Records a fact about a case that is not a workflow event — a deadline paused, resumed or extended, a case moved to
   * a new workflow version — through the same steps: authorise (one of `roles`, else 403 naming the fact) → the fact's
   * own validation and deadline changes (`build`, which throws to refuse) → the chained audit entry (from = to = the
   * state) → the version bump every change a guard or a view reads gets.
   */
  recordFact(
    plan: CommitPlan,
    current: WorkingCase,
    fact: { type: string; label: string; roles: Role[]; actor: { id: string; roles: Role[] } },
    build: (actorRole: Role) => { data: Record<string, unknown>; deadlinesUpdated: DeadlineUpdate[]; teamChanges?: TeamChange[]; attachments?: AttachmentRecord[]; assigneeId?: string; notifications?: Notification[] },
    env: PlanEnv,
    assigneeField?: string,
  ): WorkingCase {
    const role = fact.roles.find((r) => fact.actor.roles.includes(r));
    if (!role) {
      const who = fact.roles.map((r) => ROLE_LABELS[r] ?? r).join('、') || '负责人';
      throw new ForbiddenError(`Only ${fact.roles.join(', ') || 'the officials'} of the handling organisation may do this`, `只有承办单位的负责人（${who}）可以${fact.label}`);
    }
    const built = build(role);
    const { record } = current;
    const at = env.now.toISOString();
    const audit = chainEntry(this.chainHash.algorithm, record.headHash, { caseId: record.id, seq: record.version + 1, at, actorId: fact.actor.id, actorRole: role, type: fact.type, from: record.state, to: record.state, data: built.data });
    plan.audit.push(audit);
    plan.deadlinesUpdated.push(...built.deadlinesUpdated);
    plan.notifications.push(...(built.notifications ?? []));
    const teamChanges = (built.teamChanges ?? []).map((c) => ({ ...c, seq: audit.seq }));
    if (teamChanges.length) plan.teamChanges = [...(plan.teamChanges ?? []), ...teamChanges];
    if (built.attachments?.length) plan.attachments = [...(plan.attachments ?? []), ...built.attachments.map((a) => ({ ...a, seq: audit.seq }))];
    const updates = new Map(built.deadlinesUpdated.map((u) => [u.id, u]));
    const changed = copyCase(record);
    changed.version = record.version + 1;
    changed.headHash = audit.hash;
    changed.updatedAt = at;
    if (teamChanges.length) changed.team = applyTeamChanges(record.team ?? [], teamChanges);
    if (built.assigneeId !== undefined) {
      changed.assigneeId = built.assigneeId;
      // The machine's context names the assignee too, and every later transition copies it from there.
      if (assigneeField) changed.context = { ...record.context, [assigneeField]: built.assigneeId };
    }
    const next = { record: changed, deadlines: current.deadlines.map((d) => (updates.has(d.id) ? { ...d, ...updates.get(d.id)! } : d)) };
    plan.update = { expectedVersion: record.version, record: next.record };
    return next;
  }

  /** Digests of the documents the event produces, generated from the case as the event leaves it. */
  private stampDocuments(record: CaseRecord, state: string, context: Record<string, any>, entry: Omit<AuditEntry, 'prevHash' | 'hash'>, env: PlanEnv) {
    if (!this.documents?.produces(record.workflowId, entry.type)) return [];
    const after = copyCase(record);
    after.state = state;
    after.context = context;
    after.version = entry.seq;
    after.updatedAt = entry.at;
    // A trail read before a concurrent write may run past this version; that write makes this plan's commit fail.
    const history = [...(env.history ?? []).filter((e) => e.caseId === record.id && e.seq < entry.seq), entry];
    return this.documents.stamp({ record: after, history, directory: env.directory });
  }

  /** Effects the machine asked for, turned into writes of the same plan. Unknown effects were refused at startup. */
  private runEffects(plan: CommitPlan, def: WorkflowDefinition, current: WorkingCase, effects: Effect[], input: EventInput, role: Role, env: PlanEnv): WorkingCase {
    let working = current;
    for (const effect of effects) {
      switch (effect.type) {
        case 'report':
          this.report(plan, working.record, effect.params.outcome, effect.params.data ?? {}, env);
          break;
        case 'acceptTransfer':
          this.decideTransfer(plan, working.record, 'ACCEPTED', input, null, env);
          this.report(plan, working.record, TRANSFER_OUTCOMES.acceptTransfer, {}, env);
          break;
        case 'returnTransfer': {
          const reason = input.data[effect.params.reasonField];
          const explanation = typeof input.data.explanation === 'string' ? input.data.explanation : null;
          this.decideTransfer(plan, working.record, 'RETURNED', input, { reason: reason === undefined ? null : String(reason), explanation }, env);
          this.report(plan, working.record, TRANSFER_OUTCOMES.returnTransfer, { reason, explanation }, env);
          break;
        }
        case 'notifyRisk':
          working = this.notifyRisk(plan, working, effect.params, input, env);
          break;
        case 'supervise':
          this.supervise(plan, working.record, String(input.data[effect.params.caseField] ?? ''), String(input.data[effect.params.noteField] ?? ''), effect.params.caseField, env);
          break;
        case 'pauseDeadlines':
        case 'resumeDeadlines':
          working = this.adjustClocks(plan, working, effect.type === 'pauseDeadlines', effect.params.specIds ?? [], def.events[input.type]?.label ?? input.type, input.actor.id, env);
          break;
        default:
          // The startup check refuses machines asking for anything else; reaching here is a defect, not input.
          throw new Error(`${def.id}: no interpreter for the effect ${effect.type} (role ${role})`);
      }
    }
    return working;
  }

  /** Tells the case that sent this one an outcome, in this channel's words, as the event its route maps it to. */
  /** The officials (or other roles `of` names) of every version of a channel; every channel's officials when it is not known. */
  private officialsOfChannel(workflowId: string | undefined, of: (def: WorkflowDefinition) => string[] = officialsOf): string[] {
    if (!workflowId || !this.registry.has(workflowId)) return allOfficials(this.registry);
    return [...new Set(this.registry.versions(workflowId).flatMap(of))];
  }

  private report(plan: CommitPlan, record: CaseRecord, outcome: string, data: Record<string, unknown>, env: PlanEnv): void {
    if (!record.originRoute || !record.originCaseId) return;
    const route = this.routes.get(record.originRoute);
    const eventType = route?.up[outcome];
    if (!eventType) return;
    plan.outbox.push(outboxMessage(record.originCaseId, record, eventType, { ...clean(data), outcome, reportedOn: env.today }, env.now));
  }

  private decideTransfer(plan: CommitPlan, record: CaseRecord, status: 'ACCEPTED' | 'RETURNED', input: EventInput, why: { reason: string | null; explanation: string | null } | null, env: PlanEnv): void {
    if (!record.originRoute) return;
    plan.transfersDecided.push({ toCaseId: record.id, status, decidedAt: env.now.toISOString(), decidedBy: input.actor.id, reason: why?.reason ?? null, explanation: why?.explanation ?? null });
    if (status === 'RETURNED' && record.originOrgId) {
      const origin = record.links.find((l) => l.direction === 'FROM' && l.caseId === record.originCaseId);
      const to = rolesThere(env.directory, record.originOrgId, this.officialsOfChannel(origin?.workflowId, handlersOf), allOfficials(this.registry));
      plan.notifications.push(notice(record.originOrgId, to, record.originCaseId ?? record.id, 'RETURNED', `${record.caseNo}：接收单位退回了移送（${why?.reason ?? ''}${why?.explanation ? `：${why.explanation}` : ''}）`, env.now));
    }
  }

  /**
   * 四色预警 (人民调解法 第二十五条; 信访工作条例 第二十五条): the colour goes on the risk register; the supervising
   * organisation is told of every colour, the 综治中心 of the case's region of ORANGE and RED, and of RED also the
   * police station of the region (or the nearest one up the tree) and the centre above (上报) — all in this plan, so
   * the report and its notices commit together or not at all. The colour's review timer replaces the previous one.
   */
  private notifyRisk(plan: CommitPlan, current: WorkingCase, params: Record<string, any>, input: EventInput, env: PlanEnv): WorkingCase {
    if (!isRiskLevel(params.level)) return current;
    const { record } = current;
    const level = params.level;
    const org = env.directory.org(record.orgId);
    const centre = nearestOf(env.directory, 'GOVERNANCE_CENTRE', record.regionCode);
    const recipients: string[] = [];
    if (level === 'RED') {
      const police = nearestOf(env.directory, 'POLICE_STATION', record.regionCode);
      if (police) recipients.push(police.id);
    }
    if (level === 'RED' || level === 'ORANGE') {
      if (centre) recipients.push(centre.id);
      if (level === 'RED' && centre?.parentId) recipients.push(centre.parentId);
    }
    recipients.push(org?.parentId ?? record.orgId);
    const notified = [...new Set(recipients)].filter((id) => id !== record.orgId || recipients.length === 1);
    const summary = typeof params.summary === 'string' ? params.summary : null;
    const told = params.reportedTo ? `，已报告${params.reportedTo}` : '';
    const message = `${record.caseNo}（${org?.name ?? record.orgId}）报告纠纷激化风险：${RISK_LEVELS[level]}${summary ? `，${summary}` : ''}${told}`;
    // The channel's own officials where they can be held (the township's directors), else any channel's (the centre's).
    const [own, any] = [this.officialsOfChannel(record.workflowId), allOfficials(this.registry)];
    for (const to of notified) plan.notifications.push(notice(to, rolesThere(env.directory, to, own, any), record.id, 'RISK', message, env.now));
    (plan.riskReports ??= []).push({
      id: randomUUID(),
      caseId: record.id,
      disputeCode: record.disputeCode,
      regionCode: record.regionCode,
      orgId: record.orgId,
      level,
      summary,
      reportedBy: input.actor.id,
      reportedAt: env.now.toISOString(),
      notifiedOrgIds: notified,
    });
    const reviewed = this.closeRiskReviews(plan, current, 'met', env);
    const timer = this.planner.planDetached(RISK_REVIEW_DEADLINES[level], RISK_REVIEW_SPAN, { caseId: record.id, orgId: record.orgId, anchorOn: env.today, now: env.now });
    plan.deadlinesOpened.push(timer);
    return { ...reviewed, deadlines: [...reviewed.deadlines, timer] };
  }

  /** Closes the case's pending risk review timers: met by a new grading, cancelled when the case ends. */
  private closeRiskReviews(plan: CommitPlan, current: WorkingCase, status: 'met' | 'cancelled', env: PlanEnv): WorkingCase {
    const closedAt = env.now.toISOString();
    const open = current.deadlines.filter((d) => d.status === 'pending' && d.state === RISK_REVIEW_SPAN);
    if (!open.length) return current;
    for (const d of open) {
      const i = plan.deadlinesOpened.findIndex((o) => o.id === d.id);
      if (i >= 0) plan.deadlinesOpened[i] = { ...plan.deadlinesOpened[i], status, closedAt };
      else plan.deadlinesClosed.push({ id: d.id, status, closedAt });
    }
    const ids = new Set(open.map((d) => d.id));
    return { ...current, deadlines: current.deadlines.map((d) => (ids.has(d.id) ? { ...d, status, closedAt } : d)) };
  }

  /** 督办: the organisation handling a case this one sent on is urged, with the note; only a case it sent may be named. */
  private supervise(plan: CommitPlan, record: CaseRecord, childId: string, note: string, field: string, env: PlanEnv): void {
    const child = record.links.find((l) => l.direction === 'TO' && l.caseId === childId);
    if (!child) throw new ValidationError([{ field: `data.${field}`, message: 'must name a case this one dispatched', messageZh: '只能督办本案分流的案件' }]);
    const from = env.directory.org(record.orgId)?.name ?? record.orgId;
    const to = rolesThere(env.directory, child.orgId, this.officialsOfChannel(child.workflowId), allOfficials(this.registry));
    plan.notifications.push(notice(child.orgId, to, child.caseId, 'SUPERVISION', `${from}督办${child.caseNo}（一案一码 ${record.disputeCode}）：${note}`, env.now));
  }

  /** Stops or restarts the clock of the case's pending deadlines of these specs (中止 / 恢复计算). */
  private adjustClocks(plan: CommitPlan, current: WorkingCase, pause: boolean, specIds: string[], reason: string, actorId: string, env: PlanEnv): WorkingCase {
    const at = env.now.toISOString();
    const opened = new Set(plan.deadlinesOpened.map((d) => d.id));
    const updates: DeadlineUpdate[] = [];
    const deadlines = current.deadlines.map((d) => {
      if (d.status !== 'pending' || !specIds.includes(d.specId)) return d;
      const running = d.pauses.some((p) => p.to === null);
      if (pause === running) return d;
      const pauses: DeadlinePause[] = pause
        ? [...d.pauses, { from: env.today, to: null, reason, recordedBy: actorId, recordedAt: at }]
        : d.pauses.map((p) => (p.to === null ? { ...p, to: env.today, endedBy: actorId, endedAt: at } : p));
      const next = { ...d, pauses, ...this.planner.recompute({ ...d, pauses }, env.today) };
      if (opened.has(d.id)) Object.assign(plan.deadlinesOpened.find((o) => o.id === d.id)!, next);
      else updates.push({ id: d.id, dueOn: next.dueOn, dueAt: next.dueAt, provisional: next.provisional, pauses });
      return next;
    });
    plan.deadlinesUpdated.push(...updates);
    return { ...current, deadlines };
  }

  /**
   * Sends the dispute along a route: opens the receiving case at the organisation the event names, carrying the
   * parties, the dispute code, the route's input and dossier, applies its start event as the engine, and records
   * the transfer, which the receiver signs for or returns. Returns the sending case with its link to the new one.
   */
  private send(plan: CommitPlan, route: RouteRule, sender: WorkingCase, input: EventInput, role: Role, env: PlanEnv): WorkingCase {
    const source = sender.record;
    const field = `data.${route.to.orgField}`;
    const orgId = input.data[route.to.orgField];
    const org = typeof orgId === 'string' ? env.directory.org(orgId) : undefined;
    const types = route.to.orgTypes;
    const typeLabel = types.map(orgTypeLabel).join('或');
    if (!org) throw new ValidationError([{ field, message: `must name the receiving ${types.join(' or ')}`, messageZh: `请选择接收的${typeLabel}（${route.legalBasis}）` }]);
    if (!types.includes(org.type)) throw new ValidationError([{ field, message: `${org.id} is not a ${types.join(' or ')}`, messageZh: `${org.name}不是${typeLabel}，不能按“${route.label}”接收` }]);
    const def = this.registry.latest(route.to.workflow);
    const senderFacts = {
      '$sender.orgName': env.directory.org(source.orgId)?.name,
      '$sender.caseNo': source.caseNo,
      '$sender.caseId': source.id,
      '$sender.openedOn': source.context.openedOn,
      $today: env.today,
    };
    const contextFacts = Object.fromEntries(Object.entries(source.context).map(([k, v]) => [`$context.${k}`, v]));
    const eventFacts = Object.fromEntries(Object.entries(input.data).map(([k, v]) => [`$event.${k}`, v]));
    const inputData = mapFields(route.input ?? {}, { ...source.context, ...senderFacts, ...eventFacts });
    const at = env.now.toISOString();
    const link = (direction: 'FROM' | 'TO', other: CaseRecord, otherOrg: string, workflowId: string): CaseLink => ({
      relation: route.to.workflow,
      direction,
      caseId: other.id,
      caseNo: other.caseNo,
      workflowId,
      orgId: otherOrg,
      at,
      route: route.id,
    });
    let child = this.open(
      plan,
      {
        def,
        org,
        regionCode: source.regionCode,
        category: source.category,
        summary: `${def.title}：${source.summary}`,
        source: (route.source as CaseRecord['source'] | undefined) ?? source.source,
        parties: source.parties,
        amountInDispute: source.amountInDispute,
        // Opened for the person whose event sent it; its first event is the engine's.
        actor: { id: input.actor.id, role },
        now: env.now,
        today: env.today,
        input: Object.keys(inputData).length ? inputData : undefined,
        origin: { caseId: source.id, orgId: source.orgId, route: route.id, workflow: source.workflowId, link: link('FROM', source, source.orgId, source.workflowId) },
        disputeCode: source.disputeCode,
      },
      env,
    );
    if (route.start) {
      const startData = mapFields(route.start.data, { ...input.data, ...contextFacts, ...senderFacts });
      const inserted = plan.inserts.indexOf(child.record);
      child = this.apply(plan, child, { type: route.start.event, data: startData, actor: { id: 'system', roles: ['SYSTEM'] } }, env);
      plan.inserts[inserted] = child.record;
    }
    // The dossier quotes the sending case's records up to and including the event that sends it.
    const history = [...(env.history ?? []), ...plan.audit.filter((e) => e.caseId === source.id)];
    plan.transfersOpened.push(transferRecord(route, source, child.record, this.dossier(route, source, history), at));
    // Those who sign for it (签收) or return it: whoever may act on the new case in the state it waits in.
    const signers = rolesThere(env.directory, org.id, actorsIn(def, child.record.state, child.record.context));
    plan.notifications.push(notice(org.id, signers, child.record.id, 'TRANSFER', `${env.directory.org(source.orgId)?.name ?? source.orgId}按“${route.label}”移送案件（${source.caseNo}），请签收或退回`, env.now));
    return { ...sender, record: { ...source, links: [...source.links, link('TO', child.record, org.id, def.id)] } };
  }

  /** What the receiver reads: the route's context fields and the records of the named events (dossier). */
  private dossier(route: RouteRule, source: CaseRecord, history: AuditEntry[]): Dossier {
    const events = this.registry.get(source.workflowId, source.workflowVersion).events;
    return {
      context: mapFields(Object.fromEntries(route.dossier.context.map((f) => [f, f])), source.context),
      events: history
        .filter((e) => route.dossier.events.includes(e.type))
        .map((e) => ({ seq: e.seq, type: e.type, label: events[e.type]?.label ?? e.type, at: e.at, data: e.data })),
    };
  }

  /** Events of the sending workflow that routes pass down to the cases it sent (a withdrawal, a cancellation). */
  private signalChildren(plan: CommitPlan, def: WorkflowDefinition, record: CaseRecord, type: string, env: PlanEnv): void {
    for (const route of this.routes.outOf(def.id)) {
      const childEvent = route.down?.[type];
      if (!childEvent) continue;
      for (const child of record.links.filter((l) => l.direction === 'TO' && l.route === route.id)) {
        plan.outbox.push(outboxMessage(child.caseId, record, childEvent, { signal: type, reportedOn: env.today }, env.now));
        plan.transfersDecided.push({ toCaseId: child.caseId, status: 'WITHDRAWN', decidedAt: env.now.toISOString(), decidedBy: 'system', reason: type, explanation: null });
      }
    }
  }
}

/**
 * Fills in the case numbers of a plan's new cases — on the cases, on links to them and in messages they send —
 * once the commit has allocated them (in `plan.numbering` order), then lets the plan finish (`beforeWrite`).
 */
export function assignCaseNumbers(plan: CommitPlan, numbers: number[]): void {
  // Most commits open no case: nothing to fill in, and no reason to copy every record.
  if (!plan.numbering.length) return void plan.beforeWrite?.(numbers);
  const byCase = new Map(plan.numbering.map((n, i) => [n.caseId, `${n.prefix}${numbers[i]}${n.suffix}`]));
  const fix = (r: CaseRecord): CaseRecord => ({
    ...r,
    caseNo: byCase.get(r.id) ?? r.caseNo,
    links: r.links.map((l) => (byCase.has(l.caseId) ? { ...l, caseNo: byCase.get(l.caseId)! } : l)),
  });
  plan.inserts = plan.inserts.map(fix);
  if (plan.update) plan.update = { ...plan.update, record: fix(plan.update.record) };
  plan.outbox = plan.outbox.map((m) => (byCase.has(m.sourceCaseId) ? { ...m, data: { ...m.data, sourceCaseNo: byCase.get(m.sourceCaseId) } } : m));
  plan.beforeWrite?.(numbers);
}

function notAllowed(def: WorkflowDefinition, record: CaseRecord, type: string, handled: string[], violations: TransitionNotAllowedError['violations'], roles: Role[], teamRole?: string) {
  // A team member is told what their case role may send now, not what their own roles could elsewhere.
  const mayOffer = (t: string, spec: WorkflowDefinition['events'][string]) => (teamRole ? caseRoleEvents(def, teamRole).includes(t) : !spec.roles.includes('SYSTEM') && spec.roles.some((r) => roles.includes(r)));
  const allowed = handled
    .map((t) => ({ type: t, spec: def.events[t] }))
    .filter(({ type: t, spec }) => spec && mayOffer(t, spec))
    .map(({ type: t, spec }) => ({ type: t, label: spec.label }));
  return new TransitionNotAllowedError(record.state, stateLabel(def, record.state), type, allowed, violations);
}

export function pendingDueDates(deadlines: DeadlineRecord[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of deadlines) if (d.status === 'pending') out[d.specId] = d.dueOn;
  return out;
}

function withClosures(deadlines: DeadlineRecord[], closed: DeadlineClosure[]): DeadlineRecord[] {
  const byId = new Map(closed.map((c) => [c.id, c]));
  return deadlines.map((d) => (byId.has(d.id) ? { ...d, ...byId.get(d.id)! } : d));
}

function mapFields(mapping: Record<string, string>, from: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [to, field] of Object.entries(mapping)) {
    const value = pick(from, field);
    if (value !== undefined && value !== null) out[to] = value;
  }
  return out;
}

/** A field, or a field of a record held in one (`petition.channel`, `$context.petition.petitionClass`). */
function pick(from: Record<string, unknown>, field: string): unknown {
  if (field in from) return from[field];
  const parts = field.split('.');
  for (let i = parts.length - 1; i > 0; i--) {
    const head = parts.slice(0, i).join('.');
    if (head in from) return parts.slice(i).reduce<unknown>((v, p) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined), from[head]);
  }
  return undefined;
}

function clean(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined && v !== null));
}

function outboxMessage(targetCaseId: string, source: CaseRecord, eventType: string, data: Record<string, unknown>, now: Date): OutboxMessage {
  return { id: randomUUID(), targetCaseId, sourceCaseId: source.id, eventType, data: { ...data, sourceCaseId: source.id, sourceCaseNo: source.caseNo }, createdAt: now.toISOString() };
}

function notice(orgId: string, roles: string[] | null, caseId: string, kind: 'RISK' | 'TRANSFER' | 'RETURNED' | 'SUPERVISION', message: string, now: Date): Notification {
  return { id: randomUUID(), orgId, roles, caseId, deadlineId: null, kind, message, createdAt: now.toISOString(), readAt: null, readBy: null };
}

function transferRecord(route: RouteRule, from: CaseRecord, to: CaseRecord, dossier: Dossier, at: string): TransferRecord {
  return {
    id: randomUUID(),
    disputeCode: from.disputeCode,
    routeId: route.id,
    fromCaseId: from.id,
    toCaseId: to.id,
    fromOrgId: from.orgId,
    toOrgId: to.orgId,
    status: 'SENT',
    dossier,
    sentAt: at,
    decidedAt: null,
    decidedBy: null,
    reason: null,
    explanation: null,
  };
}

/** The organisation of `type` whose region is the deepest one holding `regionCode`: the region's own, or the nearest above. */
function nearestOf(directory: Directory, type: string, regionCode: string) {
  return directory
    .orgsOfType(type)
    .filter((o) => directory.regionWithin(regionCode, o.regionCode))
    .sort((a, b) => b.regionCode.length - a.regionCode.length)[0];
}

function orgTypeLabel(type: string): string {
  return ORG_TYPE_LABELS[type] ?? type;
}

/** 一案一码: the region, the day and a random part, e.g. D330102-20250310-7F3A9C. */
export function newDisputeCode(regionCode: string, today: IsoDate): string {
  return `D${regionCode.slice(0, 6)}-${today.replace(/-/g, '')}-${randomBytes(3).toString('hex').toUpperCase()}`;
}
