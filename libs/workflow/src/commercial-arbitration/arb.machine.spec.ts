import { decide, open, type Decision } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { plainDue } from '../court/ct.test-support';
import { wiringProblems } from '../routes/route-table';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import type { ArbContext } from './arb.context';
import { SET_ASIDE_NEW_LAW_FROM, setAsideRegime } from './arb.periods';
import { commercialArbitration as arb } from './arb.workflow';
import { schemaErrors } from '../testing/form-schemas';
import { legalRows, machineRows } from '../testing/legal-table';

// ---------- fixtures: a sales-contract dispute received by 青溪仲裁委员会 on 2026-02-10 ----------

const PARTIES = ['p1', 'p2'];
const OPENED: ArbContext = arb.initialContext({ partyIds: PARTIES, openedOn: '2026-02-10', input: { receivedOn: '2026-02-10' } });
const CHECKED: ArbContext = { ...OPENED, agreementForm: 'CONTRACT_CLAUSE', matterType: 'CONTRACT', agreementCheckedOn: '2026-02-11' };
const ACCEPTED: ArbContext = { ...CHECKED, acceptedOn: '2026-02-12' };
const TRIBUNAL: ArbContext = { ...ACCEPTED, arbitratorId: 'u-arb', tribunal: 'SOLE', tribunalFormedOn: '2026-02-13' };
const HEARD: ArbContext = { ...TRIBUNAL, hearingHeldOn: '2026-02-25' };
/** An award of 2026-02-27, under the 2017 text's six months. */
const AWARDED: ArbContext = { ...HEARD, awardNo: '（2026）青仲字第8号', awardedOn: '2026-02-27', performanceDueOn: '2026-04-30' };
const SERVED: ArbContext = { ...AWARDED, awardServedOn: '2026-04-01', setAsideRegime: 'LAW_2017', setAsideFrom2017: '2026-04-01' };
const IN_REVIEW: ArbContext = { ...SERVED, setAsideAppliedOn: '2026-07-02', setAsideCourtName: '青溪市中级人民法院' };
const DOC: ArbContext = { ...HEARD, mediationDocNo: '（2026）青仲调字第3号', performanceDueOn: '2026-04-30' };

/** The set-aside deadline pending on 2026-07-02: six months from receipt on 2026-04-01 (the 2017 regime). */
const DEADLINES = { 'D-AR1': '2026-02-24', 'D-AR2-2017': '2026-10-08' };
const TODAY = '2026-07-02';
const RULING = { ruledOn: TODAY, rulingNo: '（2026）青01民特12号' };

const VALID: Record<string, { data: Record<string, unknown>; today: string }> = {
  CHECK_AGREEMENT: {
    data: { checkedOn: '2026-02-11', agreementForm: 'CONTRACT_CLAUSE', intentToArbitrate: true, matterAgreed: true, commissionChosen: true, partiesHadCapacity: true, matterType: 'CONTRACT' },
    today: '2026-02-11',
  },
  ACCEPT: { data: { acceptedOn: '2026-02-12' }, today: '2026-02-12' },
  NOT_ACCEPT: { data: { reason: 'NO_VALID_AGREEMENT', explanation: '合同未约定仲裁条款' }, today: '2026-02-11' },
  FORM_TRIBUNAL: { data: { formedOn: '2026-02-13', arbitratorId: 'u-arb', tribunal: 'SOLE' }, today: '2026-02-13' },
  HOLD_HEARING: { data: { heldOn: '2026-02-25', summary: '双方到庭' }, today: '2026-02-25' },
  MEDIATE: { data: { note: '双方同意调解' }, today: '2026-02-25' },
  MEDIATION_FAILED: { data: { note: '对违约金数额分歧较大' }, today: '2026-02-26' },
  SIGN_MEDIATION_DOC: { data: { docNo: '（2026）青仲调字第3号', signedPartyIds: PARTIES, performanceDueOn: '2026-04-30' }, today: '2026-02-26' },
  AWARD: { data: { awardNo: '（2026）青仲字第8号', awardedOn: '2026-02-27', performanceDueOn: '2026-04-30' }, today: '2026-02-27' },
  SERVE_AWARD: { data: { servedOn: '2026-04-01' }, today: '2026-04-01' },
  APPLY_SET_ASIDE: { data: { applicantPartyIds: ['p2'], appliedOn: TODAY, courtName: '青溪市中级人民法院', grounds: ['TRIBUNAL_OR_PROCEDURE'] }, today: TODAY },
  SET_ASIDE_WINDOW_ENDED: { data: {}, today: '2026-10-09' },
  SET_ASIDE_GRANTED: { data: RULING, today: TODAY },
  SET_ASIDE_REFUSED: { data: RULING, today: TODAY },
  APPLY_ENFORCEMENT: { data: { appliedOn: TODAY, courtName: '青溪区人民法院' }, today: TODAY },
  RECORD_PERFORMED: { data: { performedOn: TODAY }, today: TODAY },
  WITHDRAW: { data: { partyIds: ['p1'], reason: '双方自行和解' }, today: '2026-02-20' },
};

function event(type: string, data: Record<string, unknown> = VALID[type]?.data ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const today = over.today ?? VALID[type]?.today ?? TODAY;
  return { type, data, at: `${today}T02:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: 'u-1', role: arb.events[type]?.roles[0] ?? 'ARBITRATOR' }, ...over };
}
const sorted = (xs: Iterable<string>) => [...xs].sort();
const reported = (outcome: string): Effect => ({ type: 'report', params: { outcome } });
const RETURN: Effect = { type: 'returnTransfer', params: { reasonField: 'reason' } };

// ---------- the legal table, written by hand from 仲裁法 (2017) and its 2025 revision's 第七十二条 ----------

type Row = [string, string, string | null, string[]];
const ENDS_BEFORE_AWARD = ['accepted', 'tribunal', 'hearing', 'mediation'];
const LEGAL: Row[] = [
  ['agreementCheck', 'CHECK_AGREEMENT', 'acceptanceReview', ['writtenAgreement', 'agreementValid', 'matterArbitrable', 'checkedNotInFuture']],
  ['agreementCheck', 'NOT_ACCEPT', 'notAccepted', []],
  ['acceptanceReview', 'ACCEPT', 'accepted', ['acceptedNotInFuture']],
  ['acceptanceReview', 'NOT_ACCEPT', 'notAccepted', []],
  ['accepted', 'FORM_TRIBUNAL', 'tribunal', ['formedNotInFuture']],
  ['tribunal', 'HOLD_HEARING', 'hearing', ['heldNotInFuture']],
  // 第五十一条: mediation before the award, at the parties' wish; a failure sends the tribunal back to its award.
  ['hearing', 'MEDIATE', 'mediation', []],
  ['hearing', 'AWARD', 'award', ['awardedNotInFuture']],
  ['mediation', 'SIGN_MEDIATION_DOC', 'mediationDoc', ['everyPartySignedMediationDoc']],
  ['mediation', 'MEDIATION_FAILED', 'hearing', []],
  ['mediation', 'AWARD', 'award', ['awardedNotInFuture']],
  ...ENDS_BEFORE_AWARD.map((s): Row => [s, 'WITHDRAW', 'withdrawn', []]),
  // 第五十七条: the award is effective when made; 第九条: no appeal, no suit — only the set-aside application.
  ['award', 'SERVE_AWARD', 'setAsideWindow', ['awardServedAfterAward']],
  ['setAsideWindow', 'APPLY_SET_ASIDE', 'setAsideReview', ['withinSetAsideWindow']],
  ['setAsideWindow', 'SET_ASIDE_WINDOW_ENDED', 'enforceable', []],
  ['setAsideReview', 'SET_ASIDE_GRANTED', 'setAside', ['ruledNotInFuture']],
  ['setAsideReview', 'SET_ASIDE_REFUSED', 'enforceable', ['ruledNotInFuture']],
  ['mediationDoc', 'APPLY_ENFORCEMENT', 'enforcement', []],
  ['mediationDoc', 'RECORD_PERFORMED', 'performed', []],
  ['enforceable', 'APPLY_ENFORCEMENT', 'enforcement', []],
  ['enforceable', 'RECORD_PERFORMED', 'performed', []],
];
const FINAL = ['notAccepted', 'withdrawn', 'setAside', 'enforcement', 'performed'];

const description = describeWorkflow(arb);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

function contextFor(state: string): ArbContext {
  const byState: Record<string, ArbContext> = {
    agreementCheck: OPENED,
    acceptanceReview: CHECKED,
    accepted: ACCEPTED,
    tribunal: TRIBUNAL,
    hearing: HEARD,
    mediation: HEARD,
    mediationDoc: DOC,
    award: AWARDED,
    setAsideWindow: SERVED,
    setAsideReview: IN_REVIEW,
    enforceable: SERVED,
    setAside: IN_REVIEW,
  };
  return byState[state] ?? SERVED;
}

describe('commercial arbitration (arb) machine', () => {
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
      expect(sorted(new Set(description.transitions.map((t) => t.event)))).toEqual(sorted(Object.keys(arb.events)));
      for (const [type, spec] of Object.entries(arb.events)) {
        const guards = new Set(LEGAL.filter(([, t]) => t === type).flatMap(([, , , g]) => g));
        expect({ type, preconditions: sorted(spec.preconditions ?? []) }).toEqual({ type, preconditions: sorted(guards) });
      }
      for (const [name, p] of Object.entries(arb.preconditions)) {
        expect({ name, message: p.message, messageEn: p.messageEn }).toEqual({ name, message: expect.stringMatching(/[\u4e00-\u9fff]/), messageEn: expect.stringMatching(/\w/) });
      }
    });

    it('receives applications in agreementCheck and acceptanceReview (tag inbox), and marks the set-aside period', () => {
      const tagged = (tag: string) => description.states.filter((s) => s.tags.includes(tag)).map((s) => s.id);
      expect(tagged('inbox')).toEqual(['agreementCheck', 'acceptanceReview']);
      expect(tagged('awardWindow')).toEqual(['setAsideWindow']);
    });

    it('opens an application with the day the commission received it', () => {
      expect(open(arb, { partyIds: PARTIES, openedOn: '2026-02-11', input: { receivedOn: '2026-02-10' } })).toEqual({
        state: { value: 'agreementCheck', context: { partyIds: PARTIES, openedOn: '2026-02-11', receivedOn: '2026-02-10' } },
        effects: [],
        final: false,
      });
      expect(arb.initialContext({ partyIds: PARTIES, openedOn: '2026-02-11', input: { receivedOn: 'soon' } }).receivedOn).toBe('2026-02-11');
    });
  });

  describe('the manifest', () => {
    it('introduces the commercial arbitration commission and reuses the arbitrator and intake roles', () => {
      expect(arb.manifest).toMatchObject({
        caseNumberKind: '仲',
        assigneeField: 'arbitratorId',
        roles: {},
        orgTypes: { COMMERCIAL_ARBITRATION_COMMISSION: '仲裁委员会' },
        handlingOrgTypes: ['COMMERCIAL_ARBITRATION_COMMISSION'],
        relationLabel: '商事仲裁',
      });
      expect(sorted(new Set(Object.values(arb.events).flatMap((e) => e.roles)))).toEqual(['ARBITRATOR', 'INTAKE_CLERK', 'SYSTEM']);
    });

    it('uses only engine effects and lists every outcome it reports', () => {
      expect(wiringProblems([arb], [])).toEqual([]);
      const outcomes = new Set<string>();
      for (const t of description.transitions) {
        const d = decide(arb, { value: t.from, context: contextFor(t.from) }, event(t.event));
        if (d.allowed) for (const e of d.effects) if (e.type === 'report') outcomes.add(e.params.outcome);
      }
      expect(sorted(Object.keys(arb.manifest.outcomes))).toEqual(sorted([...outcomes, 'SIGNED_FOR', 'RETURNED']));
    });
  });

  describe('legal transitions', () => {
    type Case = { from: string; context: ArbContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; to: string; effects?: Effect[]; contextAfter?: Partial<ArbContext> };
    const SYSTEM = { actor: { id: 'engine', role: 'SYSTEM' } };
    const rows: Case[] = [
      { from: 'agreementCheck', context: OPENED, type: 'CHECK_AGREEMENT', to: 'acceptanceReview', contextAfter: { agreementForm: 'CONTRACT_CLAUSE', matterType: 'CONTRACT', agreementCheckedOn: '2026-02-11' } },
      // A separate written agreement reached after the dispute arose is as good as a clause (第十六条).
      { from: 'agreementCheck', context: OPENED, type: 'CHECK_AGREEMENT', data: { ...VALID.CHECK_AGREEMENT.data, agreementForm: 'SEPARATE_AGREEMENT', matterType: 'PROPERTY' }, to: 'acceptanceReview' },
      { from: 'agreementCheck', context: OPENED, type: 'NOT_ACCEPT', to: 'notAccepted', effects: [RETURN, reported('NOT_ACCEPTED')] },
      { from: 'acceptanceReview', context: CHECKED, type: 'ACCEPT', to: 'accepted', effects: [{ type: 'acceptTransfer', params: {} }, reported('ACCEPTED')], contextAfter: { acceptedOn: '2026-02-12' } },
      { from: 'acceptanceReview', context: CHECKED, type: 'NOT_ACCEPT', data: { reason: 'NO_CLEAR_CLAIM', explanation: '无具体仲裁请求' }, to: 'notAccepted', effects: [RETURN, reported('NOT_ACCEPTED')] },
      { from: 'accepted', context: ACCEPTED, type: 'FORM_TRIBUNAL', to: 'tribunal', contextAfter: { arbitratorId: 'u-arb', tribunal: 'SOLE', tribunalFormedOn: '2026-02-13' } },
      { from: 'tribunal', context: TRIBUNAL, type: 'HOLD_HEARING', to: 'hearing', contextAfter: { hearingHeldOn: '2026-02-25' } },
      { from: 'hearing', context: HEARD, type: 'MEDIATE', to: 'mediation' },
      { from: 'hearing', context: HEARD, type: 'AWARD', to: 'award', effects: [reported('AWARD_MADE')], contextAfter: { awardNo: '（2026）青仲字第8号', awardedOn: '2026-02-27', performanceDueOn: '2026-04-30' } },
      { from: 'mediation', context: HEARD, type: 'SIGN_MEDIATION_DOC', to: 'mediationDoc', effects: [reported('MEDIATION_DOC_EFFECTIVE')], contextAfter: { mediationDocNo: '（2026）青仲调字第3号', performanceDueOn: '2026-04-30' } },
      { from: 'mediation', context: HEARD, type: 'MEDIATION_FAILED', to: 'hearing' },
      // 第五十一条: the tribunal may write the agreement as an award.
      { from: 'mediation', context: HEARD, type: 'AWARD', data: { ...VALID.AWARD.data, byAgreement: true }, to: 'award', effects: [reported('AWARD_MADE')] },
      ...ENDS_BEFORE_AWARD.map((from): Case => ({ from, context: contextFor(from), type: 'WITHDRAW', to: 'withdrawn', effects: [reported('WITHDRAWN')], contextAfter: { closedOn: '2026-02-20' } })),
      // An award of 2026-02-27 is under the 2017 text: the six-month anchor is filled, the three-month one left empty.
      { from: 'award', context: AWARDED, type: 'SERVE_AWARD', to: 'setAsideWindow', contextAfter: { awardServedOn: '2026-04-01', setAsideRegime: 'LAW_2017', setAsideFrom2017: '2026-04-01', setAsideFrom2025: undefined } },
      // An award of 2026-03-02, served the same day as the one above, is under the 2025 law: three months.
      {
        from: 'award',
        context: { ...AWARDED, awardedOn: '2026-03-02' },
        type: 'SERVE_AWARD',
        to: 'setAsideWindow',
        contextAfter: { setAsideRegime: 'LAW_2025', setAsideFrom2025: '2026-04-01', setAsideFrom2017: undefined },
      },
      { from: 'setAsideWindow', context: SERVED, type: 'APPLY_SET_ASIDE', to: 'setAsideReview', effects: [reported('SET_ASIDE_APPLIED')], contextAfter: { setAsideAppliedOn: TODAY, setAsideCourtName: '青溪市中级人民法院' } },
      { from: 'setAsideWindow', context: SERVED, type: 'SET_ASIDE_WINDOW_ENDED', over: SYSTEM, to: 'enforceable', effects: [reported('AWARD_UNCHALLENGEABLE')] },
      { from: 'setAsideReview', context: IN_REVIEW, type: 'SET_ASIDE_GRANTED', to: 'setAside', effects: [reported('AWARD_SET_ASIDE')], contextAfter: { setAsideRuledOn: TODAY } },
      { from: 'setAsideReview', context: IN_REVIEW, type: 'SET_ASIDE_REFUSED', to: 'enforceable', effects: [reported('AWARD_UNCHALLENGEABLE')], contextAfter: { setAsideRuledOn: TODAY } },
      { from: 'mediationDoc', context: DOC, type: 'APPLY_ENFORCEMENT', to: 'enforcement', contextAfter: { closedOn: TODAY } },
      { from: 'mediationDoc', context: DOC, type: 'RECORD_PERFORMED', to: 'performed', contextAfter: { closedOn: TODAY } },
      { from: 'enforceable', context: SERVED, type: 'APPLY_ENFORCEMENT', to: 'enforcement', contextAfter: { closedOn: TODAY } },
      { from: 'enforceable', context: SERVED, type: 'RECORD_PERFORMED', to: 'performed', contextAfter: { closedOn: TODAY } },
    ];

    it('covers every row of the legal table', () => {
      const covered = new Set(rows.map((r) => `${r.from}|${r.type}|${r.to}`));
      expect(LEGAL.filter(([from, type, to]) => !covered.has(`${from}|${type}|${to ?? from}`))).toEqual([]);
    });

    it('uses sample data every declared schema accepts', () => {
      for (const r of rows) expect({ type: r.type, errors: schemaErrors(arb.events[r.type].schema, event(r.type, r.data, r.over).data) }).toEqual({ type: r.type, errors: [] });
    });

    it.each(rows)('$from --$type--> $to', ({ from, context, type, data, over, to, effects = [], contextAfter = {} }) => {
      const d = decide(arb, { value: from, context }, event(type, data, over));
      expect(d).toEqual<Decision>({
        allowed: true,
        from,
        to,
        changedState: from !== to,
        context: expect.objectContaining({ ...Object.fromEntries(Object.entries(contextAfter).filter(([, v]) => v !== undefined)), partyIds: PARTIES }),
        effects,
        final: FINAL.includes(to),
      });
      if (d.allowed) for (const [k, v] of Object.entries(contextAfter)) if (v === undefined) expect({ [k]: d.context[k] }).toEqual({ [k]: undefined });
    });
  });

  describe('preconditions', () => {
    type Case = { name: string; from: string; context: ArbContext; type: string; data?: Record<string, unknown>; over?: Partial<WorkflowEvent>; violations: [string, string | undefined][] };
    const CHECK = VALID.CHECK_AGREEMENT.data;
    const WRITTEN = '仲裁法 第四条、第十六条';
    const VALIDITY = '仲裁法 第十六条、第十七条、第十八条';
    const SCOPE = '仲裁法 第二条、第三条、第七十七条';
    const SET_ASIDE = '仲裁法（2017年修正） 第五十八条、第五十九条；仲裁法（2025年修订） 第七十二条';
    const rows: Case[] = [
      { name: 'the agreement was only oral', from: 'agreementCheck', context: OPENED, type: 'CHECK_AGREEMENT', data: { ...CHECK, agreementForm: 'ORAL' }, violations: [['writtenAgreement', WRITTEN]] },
      { name: 'the agreement chooses no commission', from: 'agreementCheck', context: OPENED, type: 'CHECK_AGREEMENT', data: { ...CHECK, commissionChosen: false }, violations: [['agreementValid', VALIDITY]] },
      { name: 'the agreement was signed under duress', from: 'agreementCheck', context: OPENED, type: 'CHECK_AGREEMENT', data: { ...CHECK, concludedUnderDuress: true }, violations: [['agreementValid', VALIDITY]] },
      { name: 'a party lacked capacity', from: 'agreementCheck', context: OPENED, type: 'CHECK_AGREEMENT', data: { ...CHECK, partiesHadCapacity: false }, violations: [['agreementValid', VALIDITY]] },
      ...['MARRIAGE', 'ADOPTION', 'GUARDIANSHIP', 'SUPPORT', 'INHERITANCE', 'ADMINISTRATIVE', 'LABOUR', 'RURAL_CONTRACTING'].map(
        (matterType): Case => ({ name: `the matter is ${matterType}`, from: 'agreementCheck', context: OPENED, type: 'CHECK_AGREEMENT', data: { ...CHECK, matterType }, violations: [['matterArbitrable', SCOPE]] }),
      ),
      {
        name: 'an oral agreement on an inheritance, checked tomorrow',
        from: 'agreementCheck',
        context: OPENED,
        type: 'CHECK_AGREEMENT',
        data: { ...CHECK, agreementForm: 'ORAL', matterType: 'INHERITANCE', checkedOn: '2026-02-12' },
        violations: [
          ['writtenAgreement', WRITTEN],
          ['matterArbitrable', SCOPE],
          ['checkedNotInFuture', undefined],
        ],
      },
      { name: 'the acceptance is dated tomorrow', from: 'acceptanceReview', context: CHECKED, type: 'ACCEPT', data: { acceptedOn: '2026-02-13' }, violations: [['acceptedNotInFuture', undefined]] },
      { name: 'only the claimant signed for the mediation document', from: 'mediation', context: HEARD, type: 'SIGN_MEDIATION_DOC', data: { ...VALID.SIGN_MEDIATION_DOC.data, signedPartyIds: ['p1'] }, violations: [['everyPartySignedMediationDoc', '仲裁法 第五十一条、第五十二条']] },
      { name: 'the award is served before it was made', from: 'award', context: AWARDED, type: 'SERVE_AWARD', data: { servedOn: '2026-02-26' }, violations: [['awardServedAfterAward', '仲裁法 第五十四条、第五十七条']] },
      // Six months from 2026-04-01, rolled over the National Day holiday to 2026-10-08.
      { name: 'the set-aside application comes after the six months', from: 'setAsideWindow', context: SERVED, type: 'APPLY_SET_ASIDE', data: { ...VALID.APPLY_SET_ASIDE.data, appliedOn: '2026-10-09' }, over: { today: '2026-10-09' }, violations: [['withinSetAsideWindow', SET_ASIDE]] },
      // The 2025 regime: three months from 2026-04-01 end on 2026-07-01.
      {
        name: 'an award under the 2025 law is challenged after three months',
        from: 'setAsideWindow',
        context: { ...SERVED, awardedOn: '2026-03-02', setAsideRegime: 'LAW_2025', setAsideFrom2017: undefined, setAsideFrom2025: '2026-04-01' },
        type: 'APPLY_SET_ASIDE',
        over: { deadlines: { 'D-AR2': '2026-07-01' } },
        violations: [['withinSetAsideWindow', SET_ASIDE]],
      },
      { name: 'the set-aside application is dated tomorrow', from: 'setAsideWindow', context: SERVED, type: 'APPLY_SET_ASIDE', data: { ...VALID.APPLY_SET_ASIDE.data, appliedOn: '2026-07-03' }, violations: [['withinSetAsideWindow', SET_ASIDE]] },
      { name: 'the court’s ruling is dated tomorrow', from: 'setAsideReview', context: IN_REVIEW, type: 'SET_ASIDE_GRANTED', data: { ...RULING, ruledOn: '2026-07-03' }, violations: [['ruledNotInFuture', undefined]] },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      expectPreconditionRefusal(arb, from, context, event(type, data, over), violations, legalEventsIn(from));
    });

    it('names the excluded matters in Chinese for the form', () => {
      expect(arb.events.CHECK_AGREEMENT.schema?.properties?.matterType).toMatchObject({ enum: expect.arrayContaining(['CONTRACT', 'PROPERTY', 'MARRIAGE', 'INHERITANCE', 'ADMINISTRATIVE']) });
    });
  });

  describe('deadlines', () => {
    it('declares D-AR1 on receipt, running through the acceptance review', () => {
      expect(deadlinesOf(arb, 'agreementCheck')).toEqual([
        expect.objectContaining({ id: 'D-AR1', period: { amount: 5, unit: 'day' }, dayType: 'calendar', anchor: { contextDate: 'receivedOn' }, runsThrough: ['acceptanceReview'], metBy: ['ACCEPT', 'NOT_ACCEPT'], soft: true, legalBasis: '仲裁法 第二十四条', confidence: 'V' }),
      ]);
      // 2026-02-15 is the first day of the Spring Festival holiday (to 02-23): the engine's legal calendar rolls it to 02-24.
      expect(plainDue(OPENED.receivedOn, { amount: 5, unit: 'day' })).toBe('2026-02-15');
    });

    it('declares D-AR2 in both regimes, each from its own anchor, the periods configurable', () => {
      expect(deadlinesOf(arb, 'setAsideWindow')).toEqual([
        expect.objectContaining({ id: 'D-AR2-2017', period: { amount: 6, unit: 'month' }, anchor: { contextDate: 'setAsideFrom2017' }, configKey: 'arb.setAsidePeriod2017', onExpiry: 'SET_ASIDE_WINDOW_ENDED', metBy: ['APPLY_SET_ASIDE'], legalBasis: '仲裁法（2017年修正） 第五十九条', confidence: 'V' }),
        expect.objectContaining({ id: 'D-AR2', period: { amount: 3, unit: 'month' }, anchor: { contextDate: 'setAsideFrom2025' }, configKey: 'arb.setAsidePeriod', onExpiry: 'SET_ASIDE_WINDOW_ENDED', metBy: ['APPLY_SET_ASIDE'], legalBasis: '仲裁法（2025年修订） 第七十二条', confidence: 'S' }),
      ]);
      // Receipt on 2026-04-01: six months end on 2026-10-01 (National Day, rolled by the engine to 2026-10-08), three months on 2026-07-01.
      expect(plainDue('2026-04-01', { amount: 6, unit: 'month' })).toBe('2026-10-01');
      expect(plainDue('2026-04-01', { amount: 3, unit: 'month' })).toBe('2026-07-01');
    });

    it('declares the two-year enforcement period from the last day of performance', () => {
      for (const state of ['mediationDoc', 'enforceable']) {
        expect(deadlinesOf(arb, state)).toEqual([expect.objectContaining({ id: 'D-EX1', period: { amount: 2, unit: 'year' }, anchor: { contextDate: 'performanceDueOn' } })]);
      }
    });

    it('chooses the set-aside regime by the award’s date, on either side of 2026-03-01, and by legal policy', () => {
      expect(setAsideRegime('2026-02-28')).toBe('LAW_2017');
      expect(setAsideRegime('2026-03-01')).toBe('LAW_2025');
      expect(setAsideRegime('2026-03-02')).toBe('LAW_2025');
      expect(setAsideRegime('2026-03-01', { [SET_ASIDE_NEW_LAW_FROM]: '2026-04-01' })).toBe('LAW_2017');
      expect(setAsideRegime('2026-04-01', { [SET_ASIDE_NEW_LAW_FROM]: '2026-04-01' })).toBe('LAW_2025');
      expect(setAsideRegime('2026-03-01', { [SET_ASIDE_NEW_LAW_FROM]: 'not a date' })).toBe('LAW_2025');
    });

    it('serves an award of 2026-02-28 under six months and one of 2026-03-01 under three, and follows the policy', () => {
      const serve = (awardedOn: string, policy?: Record<string, unknown>) => {
        const d = decide(arb, { value: 'award', context: { ...AWARDED, awardedOn } }, event('SERVE_AWARD', undefined, { policy }));
        if (!d.allowed) throw new Error('refused');
        return [d.context.setAsideRegime, d.context.setAsideFrom2017, d.context.setAsideFrom2025];
      };
      expect(serve('2026-02-28')).toEqual(['LAW_2017', '2026-04-01', undefined]);
      expect(serve('2026-03-01')).toEqual(['LAW_2025', undefined, '2026-04-01']);
      expect(serve('2026-03-01', { [SET_ASIDE_NEW_LAW_FROM]: '2026-03-15' })).toEqual(['LAW_2017', '2026-04-01', undefined]);
    });
  });

  describeNegativeMatrix({ def: arb, legal: LEGAL, finalStates: FINAL, stateCount: 16, eventTypeCount: 17, contextFor, event: (type) => event(type) });
});
