import { decide, open, type Decision } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { plainDue } from '../court/ct.test-support';
import { ROUTES } from '../routes/routes';
import { wiringProblems } from '../routes/route-table';
import { judicialConfirmationV2 as jc } from '../judicial-confirmation/jc-v2.workflow';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import type { CmContext } from './cm.context';
import { IN_FORCE_FROM } from './cm.preconditions';
import { commercialMediation as cm } from './cm.workflow';
import { schemaErrors } from '../testing/form-schemas';
import { legalRows, machineRows } from '../testing/legal-table';

// ---------- fixtures: a sales-contract dispute brought to 青溪商事调解中心 on 2026-05-06 ----------

const PARTIES = ['p1', 'p2'];
const OPENED: CmContext = cm.initialContext({ partyIds: PARTIES, openedOn: '2026-05-06', input: { appliedOn: '2026-05-06' } });
/** Received before the 商事调解条例 took effect on 2026-05-01. */
const EARLY: CmContext = cm.initialContext({ partyIds: PARTIES, openedOn: '2026-04-28', input: { appliedOn: '2026-04-28' } });
const MEDIATING: CmContext = { ...OPENED, mediatorId: 'u-cm', matterType: 'CONTRACT' };
const AGREED: CmContext = { ...MEDIATING, agreementEffectiveOn: '2026-05-20', performanceDueOn: '2026-06-30' };
const CONFIRMED: CmContext = { ...AGREED, confirmed: true };
/** D-JC1: 30 days from 2026-05-20 end on 2026-06-19, the 端午 holiday, which the legal calendar rolls to 2026-06-22. */
const DEADLINES = { 'D-JC1': '2026-06-22' };
const REPORT = { sourceCaseId: 'jc-1', sourceCaseNo: '（2026）浙0199民特确12号', reportedOn: '2026-06-05' };

const VALID: Record<string, { data: Record<string, unknown>; today: string }> = {
  ACCEPT: { data: { mediatorId: 'u-cm', matterType: 'CONTRACT' }, today: '2026-05-06' },
  DECLINE: { data: { reason: 'NOT_COMMERCIAL', explanation: '系家庭内部财产纠纷' }, today: '2026-05-06' },
  RECORD_SESSION: { data: { heldOn: '2026-05-12', summary: '双方就货款数额初步达成一致' }, today: '2026-05-12' },
  SIGN_AGREEMENT: { data: { content: '买方于2026年6月30日前支付货款30万元', signedPartyIds: PARTIES, effectiveOn: '2026-05-20', performanceDueOn: '2026-06-30' }, today: '2026-05-20' },
  FAIL: { data: { reason: 'NO_AGREEMENT', explanation: '对质量问题分歧较大' }, today: '2026-05-20' },
  APPLY_JUDICIAL_CONFIRMATION: { data: { courtOrgId: 'org-court', applicantPartyIds: PARTIES, form: 'WRITTEN' }, today: '2026-05-25' },
  CONFIRMATION_WINDOW_ENDED: { data: {}, today: '2026-06-23' },
  JC_CONFIRMED: { data: { outcome: 'CONFIRMED', ...REPORT }, today: '2026-06-05' },
  JC_NOT_CONFIRMED: { data: { outcome: 'DISMISSED', ...REPORT }, today: '2026-06-05' },
  JC_RETURNED: { data: { outcome: 'RETURNED', ...REPORT, reason: 'NO_JURISDICTION' }, today: '2026-05-26' },
  APPLY_ENFORCEMENT: { data: { appliedOn: '2026-07-06' }, today: '2026-07-06' },
  RECORD_PERFORMED: { data: { performedOn: '2026-06-28' }, today: '2026-06-28' },
  CLOSE: { data: { note: '当事人另行起诉' }, today: '2026-07-06' },
};

function event(type: string, data: Record<string, unknown> = VALID[type]?.data ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const today = over.today ?? VALID[type]?.today ?? '2026-05-20';
  return { type, data, at: `${today}T02:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: 'u-1', role: cm.events[type]?.roles[0] ?? 'MEDIATOR' }, ...over };
}
const sorted = (xs: Iterable<string>) => [...xs].sort();
const reported = (outcome: string): Effect => ({ type: 'report', params: { outcome } });

// ---------- the legal table, written by hand from 商事调解条例 第二条、第二十三条、第三十三条 and 民事诉讼法 第二百零五条、第二百零六条 ----------

type Row = [string, string, string | null, string[]];
const LEGAL: Row[] = [
  ['applied', 'ACCEPT', 'mediating', ['regulationInForce', 'commercialMatter']],
  ['applied', 'DECLINE', 'declined', []],
  ['mediating', 'RECORD_SESSION', null, ['heldNotInFuture']],
  ['mediating', 'SIGN_AGREEMENT', 'agreed', ['everyPartySigned', 'effectiveNotInFuture']],
  ['mediating', 'FAIL', 'failed', []],
  ['agreed', 'APPLY_JUDICIAL_CONFIRMATION', 'judicialConfirmation', ['jointApplication', 'withinConfirmationWindow']],
  ['agreed', 'CONFIRMATION_WINDOW_ENDED', 'unconfirmed', []],
  ['agreed', 'RECORD_PERFORMED', 'performed', ['performedNotInFuture']],
  ['judicialConfirmation', 'JC_CONFIRMED', 'confirmed', []],
  ['judicialConfirmation', 'JC_NOT_CONFIRMED', 'unconfirmed', []],
  ['judicialConfirmation', 'JC_RETURNED', 'agreed', []],
  // An objection may still revoke the confirmation (民诉解释 第三百七十二条), which R25 reports as JC_NOT_CONFIRMED.
  ['confirmed', 'JC_NOT_CONFIRMED', 'unconfirmed', []],
  ['confirmed', 'APPLY_ENFORCEMENT', 'enforcement', []],
  ['confirmed', 'RECORD_PERFORMED', 'performed', ['performedNotInFuture']],
  // No enforcement of an unconfirmed agreement: it binds as a contract and is sued on.
  ['unconfirmed', 'RECORD_PERFORMED', 'performed', ['performedNotInFuture']],
  ['unconfirmed', 'CLOSE', 'closed', []],
];
const FINAL = ['declined', 'failed', 'performed', 'enforcement', 'closed'];

const description = describeWorkflow(cm);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

function contextFor(state: string): CmContext {
  const byState: Record<string, CmContext> = {
    applied: OPENED,
    mediating: MEDIATING,
    agreed: AGREED,
    judicialConfirmation: AGREED,
    confirmed: CONFIRMED,
    unconfirmed: AGREED,
    enforcement: CONFIRMED,
  };
  return byState[state] ?? AGREED;
}

describe('commercial mediation (cm) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      expect(machineRows(description)).toEqual(legalRows(LEGAL));
    });

    it('names exactly the final states, and lists every state', () => {
      expect(sorted(description.states.filter((s) => s.final).map((s) => s.id))).toEqual(sorted(FINAL));
      const inTable = new Set(LEGAL.flatMap(([from, , to]) => (to ? [from, to] : [from])));
      expect(sorted(description.states.map((s) => s.id))).toEqual(sorted(inTable));
    });

    it('declares an EventSpec for every event, with its preconditions exactly the guards it uses', () => {
      expect(sorted(new Set(description.transitions.map((t) => t.event)))).toEqual(sorted(Object.keys(cm.events)));
      for (const [type, spec] of Object.entries(cm.events)) {
        const guards = new Set(LEGAL.filter(([, t]) => t === type).flatMap(([, , , g]) => g));
        expect({ type, preconditions: sorted(spec.preconditions ?? []) }).toEqual({ type, preconditions: sorted(guards) });
      }
    });

    it('receives applications in applied (tag inbox)', () => {
      expect(description.states.filter((s) => s.tags.includes('inbox')).map((s) => s.id)).toEqual(['applied']);
    });

    it('opens an application with the day the organisation received it', () => {
      expect(open(cm, { partyIds: PARTIES, openedOn: '2026-05-07', input: { appliedOn: '2026-05-06' } })).toEqual({
        state: { value: 'applied', context: { partyIds: PARTIES, openedOn: '2026-05-07', appliedOn: '2026-05-06', confirmed: false } },
        effects: [],
        final: false,
      });
    });
  });

  describe('the manifest and the route to 司法确认 (R25)', () => {
    it('introduces the commercial mediation organisation and reuses the mediation roles', () => {
      expect(cm.manifest).toMatchObject({ caseNumberKind: '商调', assigneeField: 'mediatorId', roles: {}, orgTypes: { COMMERCIAL_MEDIATION_ORG: '商事调解组织' }, handlingOrgTypes: ['COMMERCIAL_MEDIATION_ORG'], relationLabel: '商事调解' });
      expect(sorted(new Set(Object.values(cm.events).flatMap((e) => e.roles)))).toEqual(['INTAKE_CLERK', 'MEDIATOR', 'SYSTEM']);
    });

    it('uses only engine effects and lists every outcome it reports', () => {
      expect(wiringProblems([cm], [])).toEqual([]);
      const outcomes = new Set<string>();
      for (const t of description.transitions) {
        const d = decide(cm, { value: t.from, context: contextFor(t.from) }, event(t.event));
        if (d.allowed) for (const e of d.effects) if (e.type === 'report') outcomes.add(e.params.outcome);
      }
      expect(sorted(Object.keys(cm.manifest.outcomes))).toEqual(sorted([...outcomes, 'SIGNED_FOR', 'RETURNED']));
    });

    it('gives 司法确认 what its opening and its FILE event need, from the agreement and the application', () => {
      const r25 = ROUTES.find((r) => r.id === 'R25')!;
      expect(r25).toMatchObject({ from: { workflow: 'cm', event: 'APPLY_JUDICIAL_CONFIRMATION' }, to: { workflow: 'jc', orgTypes: ['BASIC_COURT'], orgField: 'courtOrgId' } });
      expect(wiringProblems([cm, jc], [r25])).toEqual([]);
      // The opening facts come from cm's context; the start event's from the application's data.
      const input = Object.fromEntries(Object.entries(r25.input!).filter(([, from]) => !from.startsWith('$')).map(([to, from]) => [to, (AGREED as any)[from]]));
      expect(input).toEqual({ agreementEffectiveOn: '2026-05-20', performanceDueOn: '2026-06-30' });
      const opened = open(jc, { partyIds: PARTIES, openedOn: '2026-05-25', input: { ...input, mediationOrgName: '青溪商事调解中心' } });
      const file = { type: r25.start!.event, data: { applicantPartyIds: PARTIES, form: 'WRITTEN' }, at: '2026-05-25T02:00:00.000Z', today: '2026-05-25', deadlines: DEADLINES, actor: { id: 'engine', role: 'SYSTEM' } };
      const filed = decide(jc, opened.state, file);
      expect(filed).toMatchObject({ allowed: true, to: 'filed' });
      // Every outcome of 司法确认 comes back as an event cm takes in while it waits.
      expect(sorted(Object.keys(r25.up))).toEqual(sorted(Object.keys(jc.manifest.outcomes)));
      for (const e of Object.values(r25.up)) if (e) expect(cm.events[e].roles).toEqual(['SYSTEM']);
    });
  });

  describe('legal transitions', () => {
    type Case = { from: string; context: CmContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; to: string; effects?: Effect[]; contextAfter?: Partial<CmContext> };
    const SYSTEM = { actor: { id: 'engine', role: 'SYSTEM' } };
    const rows: Case[] = [
      { from: 'applied', context: OPENED, type: 'ACCEPT', to: 'mediating', effects: [{ type: 'acceptTransfer', params: {} }], contextAfter: { mediatorId: 'u-cm', matterType: 'CONTRACT' } },
      // The first day of the regulation (第三十三条) is a holiday, but the application of that day is under it.
      { from: 'applied', context: { ...OPENED, appliedOn: '2026-05-01' }, type: 'ACCEPT', over: { today: '2026-05-06' }, to: 'mediating', effects: [{ type: 'acceptTransfer', params: {} }] },
      { from: 'applied', context: OPENED, type: 'DECLINE', to: 'declined', effects: [{ type: 'returnTransfer', params: { reasonField: 'reason' } }, reported('DECLINED')] },
      { from: 'mediating', context: MEDIATING, type: 'RECORD_SESSION', to: 'mediating', contextAfter: { lastSessionOn: '2026-05-12' } },
      { from: 'mediating', context: MEDIATING, type: 'SIGN_AGREEMENT', to: 'agreed', effects: [reported('AGREED')], contextAfter: { agreementEffectiveOn: '2026-05-20', performanceDueOn: '2026-06-30' } },
      { from: 'mediating', context: MEDIATING, type: 'FAIL', to: 'failed', effects: [reported('FAILED')], contextAfter: { closedOn: '2026-05-20' } },
      { from: 'agreed', context: AGREED, type: 'APPLY_JUDICIAL_CONFIRMATION', to: 'judicialConfirmation' },
      // The last day, 2026-06-22 after the 端午 roll-forward, is still in time.
      { from: 'agreed', context: AGREED, type: 'APPLY_JUDICIAL_CONFIRMATION', over: { today: '2026-06-22' }, to: 'judicialConfirmation' },
      { from: 'agreed', context: AGREED, type: 'CONFIRMATION_WINDOW_ENDED', over: SYSTEM, to: 'unconfirmed' },
      { from: 'agreed', context: AGREED, type: 'RECORD_PERFORMED', to: 'performed', contextAfter: { closedOn: '2026-06-28' } },
      { from: 'judicialConfirmation', context: AGREED, type: 'JC_CONFIRMED', over: SYSTEM, to: 'confirmed', effects: [reported('CONFIRMED')], contextAfter: { confirmed: true } },
      { from: 'judicialConfirmation', context: AGREED, type: 'JC_NOT_CONFIRMED', over: SYSTEM, to: 'unconfirmed', contextAfter: { confirmed: false } },
      { from: 'judicialConfirmation', context: AGREED, type: 'JC_RETURNED', over: SYSTEM, to: 'agreed' },
      { from: 'confirmed', context: CONFIRMED, type: 'JC_NOT_CONFIRMED', data: { outcome: 'REVOKED', ...REPORT }, over: SYSTEM, to: 'unconfirmed', contextAfter: { confirmed: false } },
      { from: 'confirmed', context: CONFIRMED, type: 'APPLY_ENFORCEMENT', to: 'enforcement', contextAfter: { closedOn: '2026-07-06' } },
      { from: 'confirmed', context: CONFIRMED, type: 'RECORD_PERFORMED', to: 'performed' },
      { from: 'unconfirmed', context: AGREED, type: 'RECORD_PERFORMED', to: 'performed' },
      { from: 'unconfirmed', context: AGREED, type: 'CLOSE', to: 'closed', contextAfter: { closedOn: '2026-07-06' } },
    ];

    it('covers every row of the legal table', () => {
      const covered = new Set(rows.map((r) => `${r.from}|${r.type}|${r.to}`));
      expect(LEGAL.filter(([from, type, to]) => !covered.has(`${from}|${type}|${to ?? from}`))).toEqual([]);
    });

    it('uses sample data every declared schema accepts', () => {
      for (const r of rows) expect({ type: r.type, errors: schemaErrors(cm.events[r.type].schema, event(r.type, r.data, r.over).data) }).toEqual({ type: r.type, errors: [] });
    });

    it.each(rows)('$from --$type--> $to', ({ from, context, type, data, over, to, effects = [], contextAfter = {} }) => {
      const d = decide(cm, { value: from, context }, event(type, data, over));
      expect(d).toEqual<Decision>({ allowed: true, from, to, changedState: from !== to, context: expect.objectContaining({ ...contextAfter, partyIds: PARTIES }), effects, final: FINAL.includes(to) });
    });
  });

  describe('preconditions', () => {
    type Case = { name: string; from: string; context: CmContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; violations: [string, string | undefined][] };
    const rows: Case[] = [
      { name: 'the application was received on 2026-04-28, before the regulation took effect', from: 'applied', context: EARLY, type: 'ACCEPT', violations: [['regulationInForce', '商事调解条例 第三十三条']] },
      { name: 'the application was received on 2026-04-30, the day before', from: 'applied', context: { ...EARLY, appliedOn: '2026-04-30' }, type: 'ACCEPT', violations: [['regulationInForce', '商事调解条例 第三十三条']] },
      ...['MARRIAGE_FAMILY', 'INHERITANCE', 'GUARDIANSHIP', 'LABOUR', 'CONSUMER'].map(
        (matterType): Case => ({ name: `the dispute is ${matterType}`, from: 'applied', context: OPENED, type: 'ACCEPT', data: { mediatorId: 'u-cm', matterType }, violations: [['commercialMatter', '商事调解条例 第二条']] }),
      ),
      {
        name: 'a consumer dispute received before the regulation',
        from: 'applied',
        context: EARLY,
        type: 'ACCEPT',
        data: { mediatorId: 'u-cm', matterType: 'CONSUMER' },
        violations: [
          ['regulationInForce', '商事调解条例 第三十三条'],
          ['commercialMatter', '商事调解条例 第二条'],
        ],
      },
      { name: 'only one party signed the agreement', from: 'mediating', context: MEDIATING, type: 'SIGN_AGREEMENT', data: { ...VALID.SIGN_AGREEMENT.data, signedPartyIds: ['p1'] }, violations: [['everyPartySigned', '民法典 第四百九十条']] },
      { name: 'the agreement is dated tomorrow', from: 'mediating', context: MEDIATING, type: 'SIGN_AGREEMENT', data: { ...VALID.SIGN_AGREEMENT.data, effectiveOn: '2026-05-21' }, violations: [['effectiveNotInFuture', undefined]] },
      { name: 'the session is dated tomorrow', from: 'mediating', context: MEDIATING, type: 'RECORD_SESSION', data: { heldOn: '2026-05-13', summary: '调解' }, violations: [['heldNotInFuture', undefined]] },
      { name: 'only one party applies for 司法确认', from: 'agreed', context: AGREED, type: 'APPLY_JUDICIAL_CONFIRMATION', data: { ...VALID.APPLY_JUDICIAL_CONFIRMATION.data, applicantPartyIds: ['p2'] }, violations: [['jointApplication', '商事调解条例 第二十三条；民事诉讼法 第二百零五条']] },
      { name: '司法确认 is applied for after the 30 days', from: 'agreed', context: AGREED, type: 'APPLY_JUDICIAL_CONFIRMATION', over: { today: '2026-06-23' }, violations: [['withinConfirmationWindow', '民事诉讼法 第二百零五条']] },
      { name: 'performance is dated tomorrow', from: 'agreed', context: AGREED, type: 'RECORD_PERFORMED', data: { performedOn: '2026-06-29' }, violations: [['performedNotInFuture', undefined]] },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      expectPreconditionRefusal(cm, from, context, event(type, data, over), violations, legalEventsIn(from));
    });

    it('takes the regulation’s first day from the legal policy when a deployment sets it', () => {
      const p = cm.preconditions.regulationInForce;
      expect(p.check(EARLY, event('ACCEPT'))).toBe(false);
      expect(p.check(EARLY, event('ACCEPT', undefined, { policy: { [IN_FORCE_FROM]: '2026-04-01' } }))).toBe(true);
      expect(p.check(OPENED, event('ACCEPT', undefined, { policy: { [IN_FORCE_FROM]: '2026-06-01' } }))).toBe(false);
      expect(p.check({ ...OPENED, appliedOn: '2026-05-01' }, event('ACCEPT'))).toBe(true);
    });
  });

  describe('deadlines', () => {
    it('declares D-JC1 from the agreement, met by the application, and D-EX1 once confirmed', () => {
      expect(deadlinesOf(cm, 'agreed')).toEqual([
        expect.objectContaining({ id: 'D-JC1', period: { amount: 30, unit: 'day' }, dayType: 'calendar', anchor: { contextDate: 'agreementEffectiveOn' }, onExpiry: 'CONFIRMATION_WINDOW_ENDED', metBy: ['APPLY_JUDICIAL_CONFIRMATION'] }),
      ]);
      expect(deadlinesOf(cm, 'confirmed')).toEqual([expect.objectContaining({ id: 'D-EX1', period: { amount: 2, unit: 'year' }, anchor: { contextDate: 'performanceDueOn' } })]);
      // 30 days from 2026-05-20 is 2026-06-19 (端午); the engine's legal calendar rolls it to Monday 2026-06-22.
      expect(plainDue(AGREED.agreementEffectiveOn!, { amount: 30, unit: 'day' })).toBe('2026-06-19');
    });
  });

  describeNegativeMatrix({ def: cm, legal: LEGAL, finalStates: FINAL, stateCount: 11, eventTypeCount: 13, contextFor, event: (type) => event(type) });
});
