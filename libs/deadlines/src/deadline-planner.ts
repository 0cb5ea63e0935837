import { randomUUID } from 'node:crypto';
import { endOfChinaDay, type IsoDate, type LegalCalendar } from '@app/calendar';
import { activeStateIds, deadlinesOf, stateNodeChange, type DeadlineSpec, type MachineOf } from '@app/workflow';
import { PAUSED_DUE_AT, type DeadlineClosure, type DeadlineRecord } from './deadline-record';
import type { LegalPeriodOverrides } from './legal-periods';

export interface PlanInput {
  /** The workflow (a `WorkflowDefinition`; only its machine is read). */
  def: MachineOf;
  /** The case's state value as persisted (`registered`, `trial.simple`, or JSON for parallel states). */
  state: string;
  /**
   * Dotted ids of the state nodes whose deadlines to plan (those just entered). By default every node active in
   * `state`, ancestors included: what a new case starts with.
   */
  nodes?: string[];
  context: Record<string, any>;
  caseId: string;
  orgId: string;
  /** China date the state was entered: the default start of its periods. */
  enteredOn: IsoDate;
  now: Date;
}

/**
 * Turns the deadlines state nodes declare into timer rows, computing due dates with the legal calendar. Pure apart
 * from id generation. A deadline declared on a compound state is one row, whichever child is active.
 */
export class DeadlinePlanner {
  constructor(
    private readonly calendar: () => LegalCalendar,
    private readonly overrides: LegalPeriodOverrides = {},
  ) {}

  plan(input: PlanInput): DeadlineRecord[] {
    const out: DeadlineRecord[] = [];
    for (const node of input.nodes ?? activeStateIds(input.def, input.state)) {
      for (const spec of deadlinesOf(input.def, node)) {
        const anchorOn = spec.anchor ? input.context[spec.anchor.contextDate] : input.enteredOn;
        if (typeof anchorOn !== 'string') continue;
        out.push(this.record(spec, node, anchorOn, input));
      }
    }
    return out;
  }

  /**
   * Recomputes a pending deadline's due date, e.g. after a calendar import, a pause or an extension. A pause still
   * running counts as if it ended `today` (or on the day it began, without `today`): the due date is then an estimate
   * that moves one day later for every paused day, and `dueAt` is `PAUSED_DUE_AT` so nothing fires meanwhile.
   */
  recompute(
    record: Pick<DeadlineRecord, 'anchorOn' | 'period' | 'dayType' | 'rollForward' | 'pauses' | 'extensions'>,
    today?: IsoDate,
  ): Pick<DeadlineRecord, 'dueOn' | 'dueAt' | 'provisional'> {
    let running = false;
    const pauses = record.pauses.map((p) => {
      if (p.to !== null) return { from: p.from, to: p.to };
      running = true;
      return { from: p.from, to: today && today > p.from ? today : p.from };
    });
    const due = this.calendar().compute(record.anchorOn, record.period, {
      dayType: record.dayType,
      rollForward: record.rollForward,
      pauses,
      extensions: record.extensions.map((e) => ({ amount: e.amount, unit: e.unit })),
    });
    return { dueOn: due.dueOn, dueAt: running ? PAUSED_DUE_AT : endOfChinaDay(due.dueOn).toISOString(), provisional: due.provisional };
  }

  /**
   * One timer for a period no state declares (a risk colour's review, `RISK_REVIEW_DEADLINES`): its span names no state
   * node, so no state change ends it; the write path closes it when it is replaced or the case ends.
   */
  planDetached(spec: DeadlineSpec, span: string, input: { caseId: string; orgId: string; anchorOn: IsoDate; now: Date }): DeadlineRecord {
    return this.record(spec, span, input.anchorOn, { def: undefined as never, state: span, context: {}, caseId: input.caseId, orgId: input.orgId, enteredOn: input.anchorOn, now: input.now });
  }

  periodOf(spec: DeadlineSpec) {
    return (spec.configKey && this.overrides[spec.configKey]) || spec.period;
  }

  private record(spec: DeadlineSpec, node: string, anchorOn: IsoDate, input: PlanInput): DeadlineRecord {
    const own = spec.contextPeriod ? contextPeriod(input.context[spec.contextPeriod]) : undefined;
    const dayType = own?.dayType ?? spec.dayType;
    const base: DeadlineRecord = {
      id: randomUUID(),
      caseId: input.caseId,
      orgId: input.orgId,
      specId: spec.id,
      state: node,
      span: [node, ...(spec.runsThrough ?? [])],
      label: spec.label,
      period: own ? { amount: own.amount, unit: own.unit } : this.periodOf(spec),
      dayType,
      legalBasis: spec.legalBasis,
      confidence: spec.confidence,
      anchorOn,
      dueOn: anchorOn,
      dueAt: '',
      status: 'pending',
      onExpiry: spec.onExpiry ?? null,
      soft: spec.soft ?? false,
      provisional: false,
      metBy: spec.metBy ?? null,
      rollForward: spec.rollForward ?? dayType === 'calendar',
      pauses: [],
      extensions: [],
      createdAt: input.now.toISOString(),
      closedAt: null,
      firedAt: null,
      remindedAt: null,
      escalatedAt: null,
    };
    return { ...base, ...this.recompute(base) };
  }
}

export interface StateChange {
  def: MachineOf;
  /** The case's deadlines before the change. */
  deadlines: DeadlineRecord[];
  /** The state values before and after, as persisted (`Decision.from` and `Decision.to`). */
  from: string;
  to: string;
  eventType: string;
  context: Record<string, any>;
  caseId: string;
  orgId: string;
  today: IsoDate;
  now: Date;
}

/**
 * The deadline rows a state change closes and opens, worked out from the sets of state nodes active before and after
 * (`stateNodeChange`: ancestors included, so a move between two children of `trial` leaves `trial` active). A
 * pending deadline runs while some node of its span (the node that declared it and its `runsThrough` states) is
 * active; it ends when the change deactivates the last of them: met if in time (by one of its `metBy` events when it
 * names them, otherwise by any event), cancelled if another event ended the need, missed if the due date had passed.
 * The deadlines of the entered nodes open, except those still running from an earlier state of their span.
 */
export function onStateChange(planner: DeadlinePlanner, change: StateChange): { closed: DeadlineClosure[]; opened: DeadlineRecord[] } {
  const { before, after, entered } = stateNodeChange(change.def, change.from, change.to);
  const pending = change.deadlines.filter((d) => d.status === 'pending');
  const running = pending.filter((d) => d.span.some((s) => after.includes(s)));
  const closed = pending
    .filter((d) => d.span.some((s) => before.includes(s)) && !running.includes(d))
    .map((d) => {
      const status = change.today > d.dueOn ? 'missed' : !d.metBy || d.metBy.includes(change.eventType) ? 'met' : 'cancelled';
      return { id: d.id, status, closedAt: change.now.toISOString() } as DeadlineClosure;
    });
  const opened = planner
    .plan({ def: change.def, state: change.to, nodes: entered, context: change.context, caseId: change.caseId, orgId: change.orgId, enteredOn: change.today, now: change.now })
    .filter((d) => !running.some((r) => r.specId === d.specId));
  return { closed, opened };
}

/** A period a case carries in its context (`DeadlineSpec.contextPeriod`), or undefined when the field is not one. */
function contextPeriod(value: unknown): { amount: number; unit: 'day' | 'month' | 'year'; dayType: 'calendar' | 'working' } | undefined {
  const v = value as { amount?: unknown; unit?: unknown; dayType?: unknown } | undefined;
  if (!v || !Number.isInteger(v.amount) || !['day', 'month', 'year'].includes(String(v.unit)) || !['calendar', 'working'].includes(String(v.dayType))) return undefined;
  return v as { amount: number; unit: 'day' | 'month' | 'year'; dayType: 'calendar' | 'working' };
}
