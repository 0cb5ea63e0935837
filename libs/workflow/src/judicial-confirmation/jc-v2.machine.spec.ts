import { decide, type Decision } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import type { JcV2Context } from './jc-v2.context';
import { judicialConfirmationV2 as jc2 } from './jc-v2.workflow';
import { judicialConfirmation as jc1 } from './jc.workflow';

/*
 * 司法确认 v2: version 1 with the objection stage of 民诉解释 第三百七十二条 completed. Only what differs from v1 is
 * written out here; that every other transition of v1 is unchanged is checked against v1's own machine.
 */

const PARTIES = ['p1', 'p2'];
const TODAY = '2025-03-25';
const OPENING: JcV2Context = jc2.initialContext({ partyIds: PARTIES, openedOn: '2025-03-18', input: { agreementEffectiveOn: '2025-03-05', performanceDueOn: '2025-04-30' } });
/** Ruling served 2025-03-20: the parties' 15 days (D-JC4) run to 2025-04-04, rolled to 2025-04-07 (Monday). */
const SERVED: JcV2Context = { ...OPENING, registeredOn: '2025-03-19', servedOn: '2025-03-20' };
const D_JC4 = '2025-04-07';
/** An interested person's objection filed inside the parties' window, under review. */
const REVIEWING_EARLY: JcV2Context = { ...SERVED, partiesObjectionDueOn: D_JC4 };

const VALID: Record<string, Record<string, unknown>> = {
  FILE: { applicantPartyIds: PARTIES, form: 'WRITTEN' },
  SIGN_FOR: {},
  RETURN: { reason: 'INCOMPLETE', explanation: '缺少调解协议原件' },
  REGISTER: { docketNo: '（2025）浙0102民特12号', registeredOn: TODAY },
  NOT_ACCEPT: { ground: 'PERSONAL_STATUS' },
  REQUEST_SUPPLEMENT: { items: ['调解证明'], dueOn: '2025-03-30' },
  SUBMIT_SUPPLEMENT: {},
  SCHEDULE_VERIFICATION: { scheduledOn: '2025-03-26' },
  DEEM_WITHDRAWN: { reason: 'NO_SUPPLEMENT' },
  WITHDRAW: { partyIds: ['p1'] },
  RULE_VALID: { rulingNo: '（2025）民特12号', ruledOn: TODAY },
  DISMISS: { ground: 'CONTENT_UNCLEAR', rulingNo: '（2025）民特12号' },
  SERVE_RULING: { servedOn: TODAY },
  FILE_OBJECTION: { partyIds: ['p2'], grounds: '调解时受到胁迫' },
  FILE_INTERESTED_PERSON_OBJECTION: { objector: '王五', knewOn: '2025-03-22', grounds: '协议处分了王五共有的房屋' },
  REJECT_OBJECTION: { rulingNo: '（2025）民特12号之一' },
  AMEND_RULING: { rulingNo: '（2025）民特12号之一', changes: '删除涉及王五共有房屋的条款' },
  REVOKE_RULING: { rulingNo: '（2025）民特12号之一' },
  APPLY_ENFORCEMENT: { applicantPartyIds: ['p1'], appliedOn: TODAY },
  RECORD_PERFORMED: { performedOn: TODAY },
};

function event(type: string, data: Record<string, unknown> = VALID[type] ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  return {
    type,
    data,
    at: `${TODAY}T02:00:00.000Z`,
    today: TODAY,
    deadlines: { 'D-JC1': '2025-04-04', 'D-JC4': D_JC4 },
    actor: { id: 'u-1', role: jc2.events[type]?.roles[0] ?? 'JUDGE' },
    ...over,
  };
}

const sorted = (xs: Iterable<string>) => [...xs].sort();
const key = (t: { from: string; event: string; to: string | null; guards: string[] }) => JSON.stringify([t.from, t.event, t.to, sorted(t.guards)]);

/** What v2 adds to v1's table: [from, event, to (null: stays), guards]. */
const ADDED: [string, string, string | null, string[]][] = [
  ['objectionWindow', 'FILE_INTERESTED_PERSON_OBJECTION', 'objectionReview', ['knewOfHarmNotInFuture', 'interestedPersonInTime']],
  ['enforceable', 'FILE_INTERESTED_PERSON_OBJECTION', 'objectionReview', ['knewOfHarmNotInFuture', 'interestedPersonInTime']],
  ['objectionReview', 'REJECT_OBJECTION', 'objectionWindow', ['partiesWindowStillOpen']],
  ['objectionReview', 'AMEND_RULING', 'objectionWindow', ['partiesWindowStillOpen']],
  ['objectionReview', 'AMEND_RULING', 'enforceable', []],
  ['objectionReview', 'FILE_OBJECTION', null, ['partiesWithinFifteenDays']],
];

const v1Table = describeWorkflow(jc1).transitions.map((t) => [t.from, t.event, t.to, t.guards] as [string, string, string | null, string[]]);
const LEGAL = [...v1Table, ...ADDED];
const FINAL = describeWorkflow(jc1).states.filter((s) => s.final).map((s) => s.id);
const description = describeWorkflow(jc2);

function contextFor(state: string): JcV2Context {
  if (['objectionWindow', 'objectionReview', 'enforceable', 'enforcementApplied', 'performed', 'revoked'].includes(state)) return SERVED;
  if (state === 'supplementRequested') return { ...SERVED, servedOn: undefined, supplementDueOn: '2025-03-30' };
  return OPENING;
}

describe('judicial confirmation (jc) v2 machine', () => {
  describe('against version 1', () => {
    it('keeps every state of v1 with the same id, label, finality and deadlines', () => {
      const v1States = describeWorkflow(jc1).states;
      expect(description.states.map((s) => s.id)).toEqual(v1States.map((s) => s.id));
      for (const s of v1States) {
        const now = description.states.find((x) => x.id === s.id)!;
        expect({ id: s.id, label: now.label, final: now.final, deadlines: now.deadlines.map((d) => d.id) }).toEqual({ id: s.id, label: s.label, final: s.final, deadlines: s.deadlines.map((d) => d.id) });
      }
    });

    it('has exactly v1’s transitions plus the additions of 民诉解释 第三百七十二条', () => {
      expect(sorted(description.transitions.map(key))).toEqual(sorted(LEGAL.map(([from, e, to, guards]) => key({ from, event: e, to, guards }))));
    });

    it('keeps v1’s manifest, opening and roles, so routes into jc open v2 cases unchanged', () => {
      expect(jc2.manifest).toEqual(jc1.manifest);
      expect(jc2.openingSchema).toBe(jc1.openingSchema);
      expect(jc2.openRoles).toEqual(jc1.openRoles);
      expect(jc2.initialContext({ partyIds: PARTIES, openedOn: '2025-03-18' })).toEqual(jc1.initialContext({ partyIds: PARTIES, openedOn: '2025-03-18' }));
      for (const [type, spec] of Object.entries(jc1.events)) expect({ type, roles: jc2.events[type].roles }).toEqual({ type, roles: spec.roles });
    });

    it('keeps the enforcement period running while an interested person’s objection is reviewed (民事诉讼法 第二百五十条)', () => {
      const dex1 = description.states.find((s) => s.id === 'enforceable')!.deadlines.find((d) => d.id === 'D-EX1')!;
      expect(dex1).toMatchObject({ runsThrough: ['objectionReview'], anchor: { contextDate: 'performanceDueOn' }, metBy: ['APPLY_ENFORCEMENT', 'RECORD_PERFORMED'] });
    });
  });

  describe('the objection stage', () => {
    type Row = { name: string; from: string; context: JcV2Context; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; to: string; contextAfter?: Partial<JcV2Context>; effects?: Effect[] };
    const rows: Row[] = [
      { name: 'a party objects within 15 days', from: 'objectionWindow', context: SERVED, type: 'FILE_OBJECTION', to: 'objectionReview', contextAfter: { partiesObjectionDueOn: undefined } },
      {
        name: 'an interested person objects inside the parties’ window, which is kept',
        from: 'objectionWindow',
        context: SERVED,
        type: 'FILE_INTERESTED_PERSON_OBJECTION',
        to: 'objectionReview',
        contextAfter: { partiesObjectionDueOn: D_JC4 },
      },
      {
        name: 'an interested person objects on the last day of six months (2025-03-22 + 6 months)',
        from: 'enforceable',
        context: SERVED,
        type: 'FILE_INTERESTED_PERSON_OBJECTION',
        over: { today: '2025-09-22', deadlines: {} },
        to: 'objectionReview',
        contextAfter: { partiesObjectionDueOn: undefined },
      },
      {
        name: 'six months from 31 August end on the last day of February',
        from: 'enforceable',
        context: SERVED,
        type: 'FILE_INTERESTED_PERSON_OBJECTION',
        data: { ...VALID.FILE_INTERESTED_PERSON_OBJECTION, knewOn: '2025-08-31' },
        over: { today: '2026-02-28', deadlines: {} },
        to: 'objectionReview',
      },
      { name: 'rejected while the parties’ window runs: back to it', from: 'objectionReview', context: REVIEWING_EARLY, type: 'REJECT_OBJECTION', to: 'objectionWindow', contextAfter: { partiesObjectionDueOn: undefined } },
      { name: 'rejected on the window’s last day: back to it', from: 'objectionReview', context: REVIEWING_EARLY, type: 'REJECT_OBJECTION', over: { today: D_JC4 }, to: 'objectionWindow' },
      { name: 'rejected after the parties’ window: enforceable', from: 'objectionReview', context: REVIEWING_EARLY, type: 'REJECT_OBJECTION', over: { today: '2025-04-08' }, to: 'enforceable' },
      { name: 'a party’s objection rejected: enforceable, as in v1', from: 'objectionReview', context: SERVED, type: 'REJECT_OBJECTION', to: 'enforceable' },
      { name: 'the ruling changed while the parties’ window runs', from: 'objectionReview', context: REVIEWING_EARLY, type: 'AMEND_RULING', to: 'objectionWindow' },
      { name: 'the ruling changed after it', from: 'objectionReview', context: SERVED, type: 'AMEND_RULING', to: 'enforceable' },
      { name: 'the ruling revoked', from: 'objectionReview', context: REVIEWING_EARLY, type: 'REVOKE_RULING', to: 'revoked', effects: [{ type: 'report', params: { outcome: 'REVOKED' } }] },
      {
        name: 'a party joins the interested person’s objection in time: reviewed together, the window used',
        from: 'objectionReview',
        context: REVIEWING_EARLY,
        type: 'FILE_OBJECTION',
        to: 'objectionReview',
        contextAfter: { partiesObjectionDueOn: undefined },
      },
    ];

    it.each(rows)('$name', ({ from, context, type, data, over, to, contextAfter = {}, effects = [] }) => {
      const before = structuredClone(context);
      const d = decide(jc2, { value: from, context }, event(type, data, over));
      const set = Object.fromEntries(Object.entries(contextAfter).filter(([, v]) => v !== undefined));
      expect(d).toEqual<Decision>({
        allowed: true,
        from,
        to,
        changedState: from !== to,
        context: expect.objectContaining({ ...set, servedOn: '2025-03-20', partyIds: PARTIES }),
        effects,
        final: FINAL.includes(to),
      });
      for (const [field, value] of Object.entries(contextAfter)) if (value === undefined && d.allowed) expect({ field, value: d.context[field] }).toEqual({ field, value: undefined });
      expect(context).toEqual(before);
    });
  });

  describe('preconditions', () => {
    const ART_372 = '民诉解释 第三百七十二条';
    const rows: { name: string; from: string; context: JcV2Context; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; violations: [string, string | undefined][] }[] = [
      {
        name: 'an interested person objects the day after six months',
        from: 'enforceable',
        context: SERVED,
        type: 'FILE_INTERESTED_PERSON_OBJECTION',
        over: { today: '2025-09-23', deadlines: {} },
        violations: [['interestedPersonInTime', ART_372]],
      },
      {
        name: 'an interested person dates the knowledge tomorrow',
        from: 'objectionWindow',
        context: SERVED,
        type: 'FILE_INTERESTED_PERSON_OBJECTION',
        data: { ...VALID.FILE_INTERESTED_PERSON_OBJECTION, knewOn: '2025-03-26' },
        violations: [['knewOfHarmNotInFuture', undefined]],
      },
      {
        name: 'a party objects during the review after the parties’ window ended',
        from: 'objectionReview',
        context: REVIEWING_EARLY,
        type: 'FILE_OBJECTION',
        over: { today: '2025-04-08' },
        violations: [['partiesWithinFifteenDays', ART_372]],
      },
      {
        name: 'a party objects again during the review of a party’s objection',
        from: 'objectionReview',
        context: SERVED,
        type: 'FILE_OBJECTION',
        violations: [['partiesWithinFifteenDays', ART_372]],
      },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      expectPreconditionRefusal(jc2, from, context, event(type, data, over), violations);
    });
  });

  describeNegativeMatrix({
    def: jc2,
    legal: LEGAL,
    finalStates: FINAL,
    stateCount: 19,
    eventTypeCount: 23,
    contextFor,
    event: (type) => event(type),
  });
});
