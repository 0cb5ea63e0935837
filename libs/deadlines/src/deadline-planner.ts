import { randomUUID } from 'node:crypto';
import { endOfChinaDay, type IsoDate, type LegalCalendar } from '@app/calendar';
import { deadlinesOf, type DeadlineSpec, type WorkflowDefinition } from '@app/workflow';
import type { DeadlineClosure, DeadlineRecord } from './deadline-record';
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

  /** Recomputes a pending deadline's due date, e.g. after a calendar import, a pause or an extension. */
  recompute(record: DeadlineRecord): Pick<DeadlineRecord, 'dueOn' | 'dueAt' | 'provisional'> {
    const due = this.calendar().compute(record.anchorOn, record.period, {
      dayType: record.dayType,
      rollForward: record.rollForward,
      pauses: record.pauses,
      extensions: record.extensions,
    });
    return { dueOn: due.dueOn, dueAt: endOfChinaDay(due.dueOn).toISOString(), provisional: due.provisional };
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

/**
 * What happens to a state's pending deadlines when the case leaves it: met if the exit came in time (by one of the
 * `metBy` events when the deadline names them, otherwise by any event), cancelled if another event ended the need,
 * missed if the due date had already passed.
 */
export function closeOnExit(pending: DeadlineRecord[], exitedState: string, eventType: string, today: IsoDate, now: Date): DeadlineClosure[] {
  return pending
    .filter((d) => d.status === 'pending' && d.state === exitedState)
    .map((d) => {
      const status = today > d.dueOn ? 'missed' : !d.metBy || d.metBy.includes(eventType) ? 'met' : 'cancelled';
      return { id: d.id, status, closedAt: now.toISOString() };
    });
}
