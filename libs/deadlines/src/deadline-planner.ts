import { randomUUID } from 'node:crypto';
import { endOfChinaDay, type IsoDate, type LegalCalendar } from '@app/calendar';
import { deadlinesOf, type DeadlineSpec, type WorkflowDefinition } from '@app/workflow';
import { PAUSED_DUE_AT, type DeadlineClosure, type DeadlineRecord } from './deadline-record';
import type { LegalPeriodOverrides } from './legal-periods';

export interface PlanInput {
  def: WorkflowDefinition;
  state: string;
  context: Record<string, any>;
  caseId: string;
  orgId: string;
  /** China date the state was entered: the default start of its periods. */
  enteredOn: IsoDate;
  now: Date;
}

/**
 * Turns the deadlines a state declares into timer rows, computing due dates with the legal calendar. Pure apart
 * from id generation.
 */
export class DeadlinePlanner {
  constructor(
    private readonly calendar: () => LegalCalendar,
    private readonly overrides: LegalPeriodOverrides = {},
  ) {}

  plan(input: PlanInput): DeadlineRecord[] {
    const out: DeadlineRecord[] = [];
    for (const spec of deadlinesOf(input.def, input.state)) {
      const anchorOn = spec.anchor ? input.context[spec.anchor.contextDate] : input.enteredOn;
      if (typeof anchorOn !== 'string') continue;
      out.push(this.record(spec, anchorOn, input));
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

  periodOf(spec: DeadlineSpec) {
    return (spec.configKey && this.overrides[spec.configKey]) || spec.period;
  }

  private record(spec: DeadlineSpec, anchorOn: IsoDate, input: PlanInput): DeadlineRecord {
    const base: DeadlineRecord = {
      id: randomUUID(),
      caseId: input.caseId,
      orgId: input.orgId,
      specId: spec.id,
      state: input.state,
      span: [input.state, ...(spec.runsThrough ?? [])],
      label: spec.label,
      period: this.periodOf(spec),
      dayType: spec.dayType,
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
      rollForward: spec.rollForward ?? spec.dayType === 'calendar',
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
  def: WorkflowDefinition;
  /** The case's deadlines before the change. */
  deadlines: DeadlineRecord[];
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
 * The deadline rows a state change closes and opens. A pending deadline ends when the case moves to a state outside
 * its span (the state that declared it and its `runsThrough` states): met if in time (by one of its `metBy` events
 * when it names them, otherwise by any event), cancelled if another event ended the need, missed if the due date had
 * passed. The entered state's deadlines open, except those still running from an earlier state of their span.
 */
export function onStateChange(planner: DeadlinePlanner, change: StateChange): { closed: DeadlineClosure[]; opened: DeadlineRecord[] } {
  const pending = change.deadlines.filter((d) => d.status === 'pending');
  const running = pending.filter((d) => d.span.includes(change.to));
  const closed = pending
    .filter((d) => d.span.includes(change.from) && !running.includes(d))
    .map((d) => {
      const status = change.today > d.dueOn ? 'missed' : !d.metBy || d.metBy.includes(change.eventType) ? 'met' : 'cancelled';
      return { id: d.id, status, closedAt: change.now.toISOString() } as DeadlineClosure;
    });
  const opened = planner
    .plan({ def: change.def, state: change.to, context: change.context, caseId: change.caseId, orgId: change.orgId, enteredOn: change.today, now: change.now })
    .filter((d) => !running.some((r) => r.specId === d.specId));
  return { closed, opened };
}
