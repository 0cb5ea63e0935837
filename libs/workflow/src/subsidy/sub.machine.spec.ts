import { decide } from '../decide';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import { eventDataSchema, formAjv } from '../testing/form-schemas';
import type { SubContext } from './sub.context';
import { SUSPENDABLE } from './sub.machine';
import { subsidyClaim as sub } from './sub.workflow';

type Row = [string, string, string | null, string[]];
const sorted = (xs: Iterable<string>) => [...xs].sort();
const description = describeWorkflow(sub);

const OPENED: SubContext = sub.initialContext({ partyIds: ['P1'], openedOn: '2025-07-01', input: { claimedCaseId: 'pm-1', claimedCaseNo: '（2025）枫源调字第3号', mediatorId: 'u-m' } });

/** Sample data for every event, valid against its schema. */
const DATA: Record<string, Record<string, unknown>> = {
  DRAFT: { tier: 'ORDINARY', note: '邻里用水纠纷' },
  SUBMIT: {},
  ORG_APPROVE: { opinion: '属实' },
  STATION_APPROVE: { opinion: '卷宗齐全' },
  SELECT_FOR_SPOT_CHECK: { spotCheckId: 'sc-1', reason: 'RANDOM' },
  RECORD_CALL_BACK: { calledOn: '2025-07-22', result: 'CONFIRMED', note: '当事人确认' },
  BUREAU_APPROVE: { tier: 'ORDINARY' },
  FUNDS_COMMITTED: { tier: 'ORDINARY', amount: '200.00', fundingSource: '区级财政', tariffVersion: '330199-2025-v1', budgetYear: 2025 },
  PAY: { paidOn: '2025-08-01', voucherNo: 'CZ-1' },
  PUBLISH: { publishedOn: '2025-08-05', batchNo: '2025Q2' },
  RETURN_FOR_CORRECTION: { reason: '缺回访记录' },
  RESUBMIT: { note: '已补正' },
  REJECT: { reason: 'DUPLICATE' },
  SUSPEND_FOR_FRAUD: { reason: '回访发现虚假调解' },
  LIFT_SUSPENSION: { note: '查无实据' },
  CLAW_BACK: { recoveredAmount: '200.00', note: '已追回' },
};
const event = (type: string, data: Record<string, unknown> = DATA[type]): WorkflowEvent => {
  const role = sub.events[type].roles[0];
  return { type, data, at: '2025-07-20T02:00:00.000Z', today: '2025-07-20', deadlines: {}, actor: { id: `u-${role.toLowerCase()}`, role } };
};

const suspendRow = (state: string): Row => [state, 'SUSPEND_FOR_FRAUD', 'suspendedForFraud', []];
const LEGAL: Row[] = [
  ['eligible', 'DRAFT', 'drafted', []],
  ['drafted', 'DRAFT', null, []],
  ['drafted', 'SUBMIT', 'orgReview', []],
  ['returned', 'RESUBMIT', 'orgReview', []],
  ['orgReview', 'ORG_APPROVE', 'stationReview', []],
  ['stationReview', 'STATION_APPROVE', 'bureauReview', []],
  ...['orgReview', 'stationReview', 'bureauReview'].flatMap((s): Row[] => [
    [s, 'RETURN_FOR_CORRECTION', 'returned', []],
    [s, 'REJECT', 'rejected', []],
  ]),
  ['bureauReview', 'SELECT_FOR_SPOT_CHECK', 'spotCheck', []],
  ['bureauReview', 'BUREAU_APPROVE', 'awaitingFunds', ['spotCheckCleared']],
  ['spotCheck', 'RECORD_CALL_BACK', 'bureauReview', ['callBackConfirmed']],
  ['spotCheck', 'RECORD_CALL_BACK', 'suspendedForFraud', []],
  ['spotCheck', 'REJECT', 'rejected', []],
  ['awaitingFunds', 'FUNDS_COMMITTED', 'approved', []],
  ['awaitingFunds', 'REJECT', 'rejected', []],
  ['approved', 'PAY', 'paid', []],
  ['paid', 'PUBLISH', 'published', []],
  ...SUSPENDABLE.map(suspendRow),
  ...SUSPENDABLE.map((s): Row => ['suspendedForFraud', 'LIFT_SUSPENSION', s, ['resumesWhereSuspended']]),
  ['suspendedForFraud', 'CLAW_BACK', 'clawedBack', []],
];
const FINAL = ['rejected', 'clawedBack'];

function contextFor(state: string): SubContext {
  if (state === 'spotCheck') return { ...OPENED, tier: 'ORDINARY', spotCheckPending: true };
  if (state === 'suspendedForFraud') return { ...OPENED, tier: 'ORDINARY', suspendedIn: 'bureauReview' };
  return { ...OPENED, tier: 'ORDINARY' };
}

describe('以案定补 claims (sub) machine', () => {
  it('matches the legal (state, event) table exactly, targets and guards included', () => {
    const actual = description.transitions.map((t) => JSON.stringify([t.from, t.event, t.to, sorted(t.guards)]));
    expect(sorted(actual)).toEqual(sorted(LEGAL.map(([f, e, to, g]) => JSON.stringify([f, e, to, sorted(g)]))));
  });

  it('opens eligible, with the claimed case and mediator from the engine’s opening', () => {
    expect(OPENED).toMatchObject({ claimedCaseId: 'pm-1', claimedCaseNo: '（2025）枫源调字第3号', mediatorId: 'u-m', spotCheckPending: false, spotChecked: false });
    expect(sub.openRoles).toEqual(['SYSTEM']);
  });

  it('refuses the bureau’s approval while a picked claim waits for its call-back', () => {
    expectPreconditionRefusal(sub, 'bureauReview', { ...OPENED, spotCheckPending: true }, event('BUREAU_APPROVE'), [['spotCheckCleared', undefined]]);
  });

  it('suspends a claim for a denied call-back, to return to the bureau’s review when lifted', () => {
    const denied = decide(sub, { value: 'spotCheck', context: contextFor('spotCheck') }, event('RECORD_CALL_BACK', { ...DATA.RECORD_CALL_BACK, result: 'DENIED' }));
    expect(denied).toMatchObject({ allowed: true, to: 'suspendedForFraud', context: { suspendedIn: 'bureauReview', spotCheckPending: false, spotChecked: true } });
    if (!denied.allowed) return;
    const lifted = decide(sub, { value: denied.to, context: denied.context }, event('LIFT_SUSPENSION'));
    expect(lifted).toMatchObject({ allowed: true, to: 'bureauReview', context: { spotChecked: true } });
  });

  it.each(SUSPENDABLE)('returns a claim suspended in %s to where it was', (state) => {
    const s = decide(sub, { value: state, context: contextFor(state) }, event('SUSPEND_FOR_FRAUD'));
    expect(s).toMatchObject({ allowed: true, to: 'suspendedForFraud', context: { suspendedIn: state } });
    if (!s.allowed) return;
    expect(decide(sub, { value: s.to, context: s.context }, event('LIFT_SUSPENSION'))).toMatchObject({ allowed: true, to: state });
  });

  it('records the money only from the engine’s commit of funds', () => {
    const d = decide(sub, { value: 'awaitingFunds', context: { ...OPENED, approvedTier: 'ORDINARY' } }, event('FUNDS_COMMITTED'));
    expect(d).toMatchObject({ allowed: true, to: 'approved', context: { amount: '200.00', fundingSource: '区级财政', tariffVersion: '330199-2025-v1', approvedTier: 'ORDINARY' } });
    expect(sub.events.FUNDS_COMMITTED.roles).toEqual(['SYSTEM']);
    expect(sub.events.SELECT_FOR_SPOT_CHECK.roles).toEqual(['SYSTEM']);
  });

  it.each(Object.keys(sub.events))('the sample %s data is one a form could send', (type) => {
    const validate = formAjv.compile(eventDataSchema(sub, type));
    expect({ type, valid: validate(DATA[type]), errors: validate.errors ?? null }).toEqual({ type, valid: true, errors: null });
  });

  it('refuses amounts that are not yuan with two decimals, and tiers that are not codes', () => {
    expect(formAjv.compile(eventDataSchema(sub, 'FUNDS_COMMITTED'))({ ...DATA.FUNDS_COMMITTED, amount: '200' })).toBe(false);
    expect(formAjv.compile(eventDataSchema(sub, 'DRAFT'))({ tier: '一般' })).toBe(false);
  });

  describeNegativeMatrix({ def: sub, legal: LEGAL, finalStates: FINAL, stateCount: 14, eventTypeCount: 16, contextFor, event: (type) => event(type) });
});
