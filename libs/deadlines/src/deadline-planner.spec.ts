import { createMachine } from 'xstate';
import { BUNDLED_HOLIDAYS, LegalCalendar } from '@app/calendar';
import { judicialConfirmation, peopleMediation, type DeadlineSpec } from '@app/workflow';
import { DeadlinePlanner, onStateChange, type StateChange } from './deadline-planner';
import { PAUSED_DUE_AT, type DeadlineExtension, type DeadlinePause, type DeadlineRecord } from './deadline-record';

const planner = new DeadlinePlanner(() => new LegalCalendar(BUNDLED_HOLIDAYS));

/** D-PM1 of a mediation starting 2025-03-03: one month, due 2025-04-03. */
const pm1 = (over: Partial<DeadlineRecord> = {}) => ({
  anchorOn: '2025-03-03',
  period: { amount: 1, unit: 'month' as const },
  dayType: 'calendar' as const,
  rollForward: true,
  pauses: [] as DeadlinePause[],
  extensions: [] as DeadlineExtension[],
  ...over,
});
const pause = (from: string, to: string | null): DeadlinePause => ({ from, to, reason: '鉴定', recordedBy: 'u1', recordedAt: '2025-03-10T02:00:00.000Z' });
const extension = (amount: number): DeadlineExtension => ({ amount, unit: 'day', reason: '经批准', approvedBy: '郑国强', approvedById: null, recordedBy: 'u1', recordedAt: '2025-04-10T02:00:00.000Z' });

describe('DeadlinePlanner.recompute', () => {
  it('computes the plain period with its end of day in China time', () => {
    expect(planner.recompute(pm1())).toEqual({ dueOn: '2025-04-03', dueAt: '2025-04-03T16:00:00.000Z', provisional: false });
  });

  it('stretches the period by a finished pause (ten days: 04-13 is a Sunday, so 04-14)', () => {
    expect(planner.recompute(pm1({ pauses: [pause('2025-03-10', '2025-03-20')] }))).toMatchObject({ dueOn: '2025-04-14', provisional: false });
  });

  it('treats a running pause as ending today: an estimate, and no instant to fire at', () => {
    expect(planner.recompute(pm1({ pauses: [pause('2025-03-10', null)] }), '2025-03-12')).toEqual({ dueOn: '2025-04-07', dueAt: PAUSED_DUE_AT, provisional: false });
    expect(planner.recompute(pm1({ pauses: [pause('2025-03-10', null)] }), '2025-04-10').dueOn).toBe('2025-05-06');
    // Without today the pause has lasted nothing yet.
    expect(planner.recompute(pm1({ pauses: [pause('2025-03-10', null)] })).dueOn).toBe('2025-04-03');
  });

  it('adds extensions from the raw end, then rolls forward once', () => {
    expect(planner.recompute(pm1({ pauses: [pause('2025-03-10', '2025-03-20')], extensions: [extension(15)] })).dueOn).toBe('2025-04-28');
  });

  it('marks a period ending in a year without a holiday notice provisional', () => {
    expect(planner.recompute(pm1({ anchorOn: '2026-12-20' }))).toMatchObject({ dueOn: '2027-01-20', provisional: true });
  });
});

describe('onStateChange', () => {
  const base: DeadlineRecord = { ...pm1(), id: 'd1', caseId: 'c1', orgId: 'o1', specId: 'D-JC1', state: 'agreedWritten', span: ['agreedWritten'], label: 'L', legalBasis: 'B', confidence: 'V' as const, dueOn: '2025-10-09', dueAt: '2025-10-09T16:00:00.000Z', status: 'pending' as const, onExpiry: 'JC_WINDOW_EXPIRED', soft: false, provisional: false, metBy: ['APPLY_JUDICIAL_CONFIRMATION'], createdAt: '', closedAt: null, firedAt: null, remindedAt: null, escalatedAt: null };
  const now = new Date('2025-10-08T02:00:00Z');
  const change = (over: Partial<StateChange>): StateChange => ({
    def: peopleMediation,
    deadlines: [base],
    from: 'agreedWritten',
    to: 'monitoring',
    eventType: 'DECLINE_JUDICIAL_CONFIRMATION',
    context: { partyIds: ['P1', 'P2'] },
    caseId: 'c1',
    orgId: 'o1',
    today: '2025-10-08',
    now,
    ...over,
  });

  it('meets a deadline left in time by one of its metBy events, cancels it on any other, misses it once past due', () => {
    expect(onStateChange(planner, change({ to: 'judicialConfirmation', eventType: 'APPLY_JUDICIAL_CONFIRMATION' })).closed).toEqual([{ id: 'd1', status: 'met', closedAt: now.toISOString() }]);
    expect(onStateChange(planner, change({})).closed[0].status).toBe('cancelled');
    expect(onStateChange(planner, change({ eventType: 'JC_WINDOW_EXPIRED', today: '2025-10-10' })).closed[0].status).toBe('missed');
    expect(onStateChange(planner, change({ from: 'monitoring', to: 'performed', eventType: 'RECORD_PERFORMED' })).closed).toEqual([]);
  });

  it('opens the deadlines the entered state declares', () => {
    const { opened } = onStateChange(planner, change({ from: 'mediating', to: 'agreedWritten', eventType: 'SIGN_WRITTEN_AGREEMENT', deadlines: [], context: { partyIds: ['P1', 'P2'], agreementEffectiveOn: '2025-09-01' } }));
    expect(opened.map((d) => [d.specId, d.dueOn])).toEqual([['D-JC1', '2025-10-09']]);
  });

  describe('a period that runs through several states (D-JC3: thirty days to rule from registration)', () => {
    const registered = { partyIds: ['P1', 'P2'], registeredOn: '2025-06-16' };
    const d3 = onStateChange(planner, { ...change({ def: judicialConfirmation, deadlines: [], from: 'acceptanceReview', to: 'registered', eventType: 'REGISTER', context: registered }) }).opened;
    const jc = (from: string, to: string, eventType: string, deadlines = d3) =>
      onStateChange(planner, change({ def: judicialConfirmation, deadlines, from, to, eventType, context: registered, today: '2025-06-20' }));

    it('starts at registration', () => {
      expect(d3.map((d) => [d.specId, d.dueOn])).toEqual([['D-JC3', '2025-07-16']]);
    });

    it('keeps running while the court verifies, waits for documents and comes back, without a second row', () => {
      expect(jc('registered', 'verification', 'SCHEDULE_VERIFICATION')).toEqual({ closed: [], opened: [] });
      expect(jc('registered', 'supplementRequested', 'REQUEST_SUPPLEMENT').closed).toEqual([]);
      expect(jc('supplementRequested', 'registered', 'SUBMIT_SUPPLEMENT')).toEqual({ closed: [], opened: [] });
    });

    it('ends when the court rules, from whichever state of its span', () => {
      expect(jc('verification', 'confirmed', 'RULE_VALID').closed).toEqual([{ id: d3[0].id, status: 'met', closedAt: now.toISOString() }]);
      expect(jc('verification', 'withdrawn', 'WITHDRAW').closed.map((c) => c.id)).toEqual([d3[0].id]);
    });
  });
});

describe('nested and parallel states', () => {
  const spec = (id: string, amount: number, extra: Partial<DeadlineSpec> = {}): DeadlineSpec => ({ id, label: id, period: { amount, unit: 'day' }, dayType: 'calendar', legalBasis: '测试规则 第一条', confidence: 'V', ...extra });
  // A trial with two procedures: a period from filing that runs through the whole trial, one of the trial itself,
  // one of the simple procedure only.
  const trial = {
    id: 'nd',
    version: 1,
    machine: createMachine({
      id: 'nd',
      initial: 'filed',
      states: {
        filed: { meta: { deadlines: [spec('D-FILED', 180, { runsThrough: ['trial'], metBy: ['RULE'] })] }, on: { START: 'trial' } },
        trial: {
          meta: { deadlines: [spec('D-TRIAL', 15)] },
          initial: 'simple',
          on: { RULE: 'ruled' },
          states: { simple: { meta: { deadlines: [spec('D-SIMPLE', 90)] }, on: { CONVERT: 'ordinary' } }, ordinary: {} },
        },
        ruled: { type: 'final' },
      },
    }),
  };
  // An arbitration with a deadline on the parallel state and one in a region.
  const arbitration = {
    id: 'pd',
    version: 1,
    machine: createMachine({
      id: 'pd',
      initial: 'applied',
      states: {
        applied: { on: { ACCEPT: 'arb' } },
        arb: {
          type: 'parallel',
          meta: { deadlines: [spec('D-ARB', 45, { metBy: ['AWARD'] })] },
          on: { AWARD: 'awarded' },
          states: {
            hearing: { initial: 'noticed', states: { noticed: { on: { HEAR: 'heard' } }, heard: {} } },
            flags: { initial: 'none', states: { none: { on: { REPORT_RISK: 'riskReported' } }, riskReported: { meta: { deadlines: [spec('D-RISK', 3, { metBy: ['RESOLVE_RISK'] })] }, on: { RESOLVE_RISK: 'none' } } } },
          },
        },
        awarded: { type: 'final' },
      },
    }),
  };
  const ARB = (hearing: string, flags: string) => JSON.stringify({ arb: { hearing, flags } });
  const now = new Date('2025-03-10T02:00:00Z');
  const at = { context: {}, caseId: 'c1', orgId: 'o1', today: '2025-03-10', now };
  const move = (def: StateChange['def'], deadlines: DeadlineRecord[], from: string, to: string, eventType: string) => onStateChange(planner, { def, deadlines, from, to, eventType, ...at });
  const ids = (records: { specId: string }[]) => records.map((d) => d.specId);
  /** The case's deadlines after a change: closed ones updated, opened ones added. */
  const after = (deadlines: DeadlineRecord[], change: ReturnType<typeof onStateChange>) => [
    ...deadlines.map((d) => ({ ...d, ...change.closed.find((c) => c.id === d.id) })),
    ...change.opened,
  ];

  it('plans, for a new case, the deadlines of every active node, recording the node that declares each', () => {
    const planned = planner.plan({ def: trial, state: 'trial.simple', context: {}, caseId: 'c1', orgId: 'o1', enteredOn: '2025-03-10', now });
    expect(planned.map((d) => [d.specId, d.state, d.span])).toEqual([
      ['D-TRIAL', 'trial', ['trial']],
      ['D-SIMPLE', 'trial.simple', ['trial.simple']],
    ]);
  });

  it('opens the deadlines of a compound state and of its initial child when the case enters them', () => {
    const filed = planner.plan({ def: trial, state: 'filed', context: {}, caseId: 'c1', orgId: 'o1', enteredOn: '2025-03-10', now });
    expect(filed.map((d) => [d.specId, d.span])).toEqual([['D-FILED', ['filed', 'trial']]]);
    const started = move(trial, filed, 'filed', 'trial.simple', 'START');
    // D-FILED runs through the trial: a descendant of `trial` is active, so it stays open.
    expect(started).toEqual({ closed: [], opened: [expect.objectContaining({ specId: 'D-TRIAL', state: 'trial' }), expect.objectContaining({ specId: 'D-SIMPLE', state: 'trial.simple' })] });
  });

  it('keeps the compound state’s deadlines open on a move between its children, closing only the child’s', () => {
    const filed = planner.plan({ def: trial, state: 'filed', context: {}, caseId: 'c1', orgId: 'o1', enteredOn: '2025-03-10', now });
    const inTrial = after(filed, move(trial, filed, 'filed', 'trial.simple', 'START'));
    const converted = move(trial, inTrial, 'trial.simple', 'trial.ordinary', 'CONVERT');
    expect(converted.opened).toEqual([]);
    expect(converted.closed).toEqual([{ id: inTrial.find((d) => d.specId === 'D-SIMPLE')!.id, status: 'met', closedAt: now.toISOString() }]);

    const ruled = move(trial, after(inTrial, converted), 'trial.ordinary', 'ruled', 'RULE');
    expect(ids(ruled.closed.map((c) => inTrial.find((d) => d.id === c.id)!))).toEqual(['D-FILED', 'D-TRIAL']);
    expect(ruled.opened).toEqual([]);
  });

  it('opens the deadline of a parallel state once, and a region’s when that region enters its state', () => {
    const accepted = move(arbitration, [], 'applied', ARB('noticed', 'none'), 'ACCEPT');
    expect(accepted.opened.map((d) => [d.specId, d.state])).toEqual([['D-ARB', 'arb']]);
    const risk = move(arbitration, accepted.opened, ARB('noticed', 'none'), ARB('noticed', 'riskReported'), 'REPORT_RISK');
    expect(risk).toEqual({ closed: [], opened: [expect.objectContaining({ specId: 'D-RISK', state: 'arb.flags.riskReported' })] });
    const open = after(accepted.opened, risk);

    // The other region moving closes nothing.
    expect(move(arbitration, open, ARB('noticed', 'riskReported'), ARB('heard', 'riskReported'), 'HEAR')).toEqual({ closed: [], opened: [] });
    expect(ids(move(arbitration, open, ARB('heard', 'riskReported'), ARB('heard', 'none'), 'RESOLVE_RISK').closed.map((c) => open.find((d) => d.id === c.id)!))).toEqual(['D-RISK']);

    // Leaving the parallel state ends both: met by its metBy event, the region's cancelled by an event that is not its.
    const awarded = move(arbitration, open, ARB('heard', 'riskReported'), 'awarded', 'AWARD');
    expect(awarded.closed.map((c) => [open.find((d) => d.id === c.id)!.specId, c.status])).toEqual([
      ['D-ARB', 'met'],
      ['D-RISK', 'cancelled'],
    ]);
  });
});
