import { decide, type Decision } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { describeNegativeMatrix } from '../testing/negative-matrix';
import type { PmContext } from './pm.context';
import { peopleMediation as pm } from './pm.workflow';

// ---------- fixtures ----------

const PARTIES = ['p1', 'p2'];
const TODAY = '2025-03-10';
const OPENED: PmContext = pm.initialContext({ partyIds: PARTIES, openedOn: '2025-03-01' });
const ASSIGNED: PmContext = { ...OPENED, mediatorId: 'm1' };
/** A written agreement that took effect on 2025-03-05: D-JC1 falls due 30 days later, on 2025-04-04. */
const WRITTEN: PmContext = { ...ASSIGNED, agreementForm: 'WRITTEN', agreementEffectiveOn: '2025-03-05', performanceDueOn: '2025-04-30' };
const ORAL: PmContext = { ...ASSIGNED, agreementForm: 'ORAL', agreementEffectiveOn: '2025-03-05', performanceDueOn: '2025-04-30' };
const CONFIRMED: PmContext = { ...WRITTEN, confirmed: true };
const JC_WINDOW_OPEN = { 'D-JC1': '2025-04-04' };

const RIGHTS_NOTICE = { routes: ['LITIGATION', 'ARBITRATION'], notifiedOn: TODAY, method: 'WRITTEN' };

/** Valid data for every event type, as a form would send it. */
const VALID: Record<string, Record<string, unknown>> = {
  SEEK_CONSENT: { note: '双方均在村委会' },
  NOT_ACCEPT: { reason: 'ALREADY_HANDLED', explanation: '该纠纷已由派出所受理' },
  ASSIGN_MEDIATOR: { mediatorId: 'm1', consentedPartyIds: ['p1', 'p2'], selectedBy: 'COMMITTEE' },
  RECORD_REFUSAL: { refusingPartyIds: ['p2'], reason: '不愿调解', rightsNotice: RIGHTS_NOTICE },
  START_MEDIATION: { startedOn: TODAY, mode: 'ON_SITE' },
  RECORD_SESSION: { heldOn: TODAY, summary: '双方陈述各自意见', participants: ['村民组长'] },
  REPORT_RISK: { level: 'ORANGE', reportedTo: 'POLICE', summary: '一方扬言报复' },
  EXTEND_BY_CONSENT: { consentedPartyIds: ['p2', 'p1'], reason: '等待损失评估' },
  RECORD_ORAL_AGREEMENT: { content: '乙方赔偿甲方500元', reachedOn: TODAY, performanceDueOn: '2025-03-20' },
  SIGN_WRITTEN_AGREEMENT: {
    content: '乙方于2025年4月30日前修复排水沟',
    signedPartyIds: ['p1', 'p2'],
    mediatorSigned: true,
    committeeSealed: true,
    effectiveOn: TODAY,
    performanceDueOn: '2025-04-30',
  },
  TERMINATE_FAILED: { reason: '双方分歧过大', rightsNotice: RIGHTS_NOTICE },
  WITHDRAW: { partyIds: ['p1'], reason: '准备起诉' },
  TRANSFER: { to: 'POLICE', receivingOrgName: '城关派出所', reason: '可能引发治安案件' },
  APPLY_JUDICIAL_CONFIRMATION: { courtOrgId: 'court-1', applicantPartyIds: ['p1', 'p2'], form: 'WRITTEN' },
  DECLINE_JUDICIAL_CONFIRMATION: { note: '双方认为无需司法确认' },
  JC_WINDOW_EXPIRED: {},
  JC_CONFIRMED: {},
  JC_NOT_CONFIRMED: { outcome: 'DISMISSED' },
  JC_RETURNED: {},
  RECORD_FOLLOW_UP: { visitedOn: TODAY, method: 'PHONE', summary: '乙方表示正在筹款' },
  RECORD_PERFORMED: { performedOn: TODAY, evidence: '已当面付清' },
  RECORD_DEFAULT: { note: '履行期限届满，乙方未付款' },
  REMEDIATE: { reason: '双方同意变更协议' },
  ADVISE_ENFORCEMENT: { advisedOn: TODAY },
  ARCHIVE: { dossierComplete: true, fileNo: '2025-调-017' },
};

function event(type: string, data: Record<string, unknown> = VALID[type] ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  return {
    type,
    data,
    at: `${TODAY}T02:00:00.000Z`,
    today: TODAY,
    deadlines: JC_WINDOW_OPEN,
    actor: { id: 'u-1', role: pm.events[type]?.roles[0] ?? 'MEDIATOR' },
    ...over,
  };
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

// ---------- the legal table, written by hand from 人民调解法 and spec appendix A1 ----------

/** [from, event, to (null: stays without re-entering), guards]. Any transition the machine gains or loses fails the test below. */
const LEGAL: [string, string, string | null, string[]][] = [
  ['registered', 'SEEK_CONSENT', 'consentPending', []],
  ['registered', 'NOT_ACCEPT', 'notAccepted', []],
  ['registered', 'TRANSFER', 'transferred', []],
  ['consentPending', 'ASSIGN_MEDIATOR', 'assigned', ['allPartiesConsent']],
  ['consentPending', 'RECORD_REFUSAL', 'refused', ['rightsNoticeGiven']],
  ['consentPending', 'NOT_ACCEPT', 'notAccepted', []],
  ['consentPending', 'TRANSFER', 'transferred', []],
  ['assigned', 'START_MEDIATION', 'mediating', []],
  ['assigned', 'RECORD_REFUSAL', 'refused', ['rightsNoticeGiven']],
  ['assigned', 'WITHDRAW', 'terminatedByParty', []],
  ...(['mediating', 'extended'] as const).flatMap((s): [string, string, string | null, string[]][] => [
    [s, 'RECORD_SESSION', null, []],
    [s, 'REPORT_RISK', null, []],
    [s, 'RECORD_ORAL_AGREEMENT', 'agreedOral', ['reachedNotInFuture']],
    [s, 'SIGN_WRITTEN_AGREEMENT', 'agreedWritten', ['agreementTakesEffect', 'effectiveNotInFuture']],
    [s, 'TERMINATE_FAILED', 'terminatedFailed', ['rightsNoticeGiven']],
    [s, 'WITHDRAW', 'terminatedByParty', []],
    [s, 'TRANSFER', 'transferred', []],
  ]),
  ['mediating', 'EXTEND_BY_CONSENT', 'extended', ['allPartiesConsentToExtend']],
  ['agreedOral', 'DECLINE_JUDICIAL_CONFIRMATION', 'monitoring', []],
  ['agreedOral', 'RECORD_PERFORMED', 'performed', []],
  ['agreedWritten', 'APPLY_JUDICIAL_CONFIRMATION', 'judicialConfirmation', ['jointApplication', 'withinConfirmationWindow']],
  ['agreedWritten', 'DECLINE_JUDICIAL_CONFIRMATION', 'monitoring', []],
  ['agreedWritten', 'JC_WINDOW_EXPIRED', 'monitoring', []],
  ['agreedWritten', 'RECORD_PERFORMED', 'performed', []],
  ['judicialConfirmation', 'JC_CONFIRMED', 'monitoring', []],
  ['judicialConfirmation', 'JC_NOT_CONFIRMED', 'monitoring', []],
  ['judicialConfirmation', 'JC_RETURNED', 'agreedWritten', []],
  ['monitoring', 'RECORD_FOLLOW_UP', null, []],
  ['monitoring', 'JC_NOT_CONFIRMED', null, []],
  ['monitoring', 'RECORD_PERFORMED', 'performed', []],
  ['monitoring', 'RECORD_DEFAULT', 'defaulted', []],
  ['monitoring', 'REMEDIATE', 'mediating', []],
  ['performed', 'RECORD_FOLLOW_UP', null, []],
  ['performed', 'ARCHIVE', 'archived', []],
  ['defaulted', 'ADVISE_ENFORCEMENT', null, ['wasConfirmed']],
  ['defaulted', 'JC_NOT_CONFIRMED', null, []],
  ['defaulted', 'RECORD_PERFORMED', 'performed', []],
  ['defaulted', 'REMEDIATE', 'mediating', []],
  ['defaulted', 'ARCHIVE', 'archived', []],
];
const FINAL = ['archived', 'notAccepted', 'refused', 'terminatedFailed', 'terminatedByParty', 'transferred'];

const description = describeWorkflow(pm);
const STATES = description.states.map((s) => s.id);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

/** A context a case could plausibly have in each state (the negative matrix does not depend on it, but stays realistic). */
function contextFor(state: string): PmContext {
  if (['registered', 'consentPending', 'notAccepted', 'transferred', 'refused'].includes(state)) return OPENED;
  if (['assigned', 'mediating', 'extended', 'terminatedFailed', 'terminatedByParty'].includes(state)) return ASSIGNED;
  if (state === 'agreedOral') return ORAL;
  return WRITTEN;
}

describe('people mediation (pm) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      const actual = description.transitions.map((t) => [t.from, t.event, t.to, sorted(t.guards)]);
      const expected = LEGAL.map(([from, type, to, guards]) => [from, type, to, sorted(guards)]);
      expect(sorted(actual.map((r) => JSON.stringify(r)))).toEqual(sorted(expected.map((r) => JSON.stringify(r))));
    });

    it('names exactly the final states of 人民调解 (spec A1)', () => {
      expect(sorted(description.states.filter((s) => s.final).map((s) => s.id))).toEqual(sorted(FINAL));
    });

    it('lists every state of the machine', () => {
      const inTable = new Set(LEGAL.flatMap(([from, , to]) => (to ? [from, to] : [from])));
      expect(sorted(STATES)).toEqual(sorted(new Set([...inTable, ...FINAL])));
    });
  });

  describe('legal transitions', () => {
    type Row = {
      from: string;
      context: PmContext;
      type: string;
      data?: Record<string, unknown>;
      over?: Partial<WorkflowEvent>;
      to: string;
      effects?: Effect[];
      contextAfter?: Partial<PmContext>;
    };
    const rows: Row[] = [
      { from: 'registered', context: OPENED, type: 'SEEK_CONSENT', to: 'consentPending' },
      { from: 'registered', context: OPENED, type: 'NOT_ACCEPT', to: 'notAccepted' },
      { from: 'registered', context: OPENED, type: 'TRANSFER', to: 'transferred' },
      { from: 'consentPending', context: OPENED, type: 'ASSIGN_MEDIATOR', to: 'assigned', contextAfter: { mediatorId: 'm1' } },
      {
        from: 'consentPending',
        context: OPENED,
        type: 'ASSIGN_MEDIATOR',
        data: { mediatorId: 'm7', consentedPartyIds: ['p2', 'p1', 'p3'], selectedBy: 'PARTIES' },
        to: 'assigned',
        contextAfter: { mediatorId: 'm7' },
      },
      { from: 'consentPending', context: OPENED, type: 'RECORD_REFUSAL', to: 'refused' },
      {
        from: 'consentPending',
        context: OPENED,
        type: 'RECORD_REFUSAL',
        data: { refusingPartyIds: ['p1'], rightsNotice: { routes: ['OTHER_MEDIATION'], notifiedOn: TODAY, method: 'ORAL' } },
        to: 'refused',
      },
      { from: 'consentPending', context: OPENED, type: 'NOT_ACCEPT', to: 'notAccepted' },
      { from: 'consentPending', context: OPENED, type: 'TRANSFER', to: 'transferred' },
      { from: 'assigned', context: ASSIGNED, type: 'START_MEDIATION', to: 'mediating' },
      { from: 'assigned', context: ASSIGNED, type: 'RECORD_REFUSAL', to: 'refused' },
      { from: 'assigned', context: ASSIGNED, type: 'WITHDRAW', to: 'terminatedByParty' },
      { from: 'mediating', context: ASSIGNED, type: 'RECORD_SESSION', to: 'mediating', effects: [{ type: 'noteSession', params: {} }] },
      {
        from: 'mediating',
        context: ASSIGNED,
        type: 'REPORT_RISK',
        to: 'mediating',
        effects: [{ type: 'notifyRisk', params: { level: 'ORANGE', reportedTo: 'POLICE' } }],
      },
      {
        from: 'extended',
        context: ASSIGNED,
        type: 'REPORT_RISK',
        data: { level: 'RED', reportedTo: 'ZONGZHI_CENTRE', summary: '双方聚集对峙' },
        to: 'extended',
        effects: [{ type: 'notifyRisk', params: { level: 'RED', reportedTo: 'ZONGZHI_CENTRE' } }],
      },
      { from: 'mediating', context: ASSIGNED, type: 'EXTEND_BY_CONSENT', to: 'extended' },
      {
        from: 'mediating',
        context: ASSIGNED,
        type: 'RECORD_ORAL_AGREEMENT',
        to: 'agreedOral',
        contextAfter: { agreementForm: 'ORAL', agreementEffectiveOn: TODAY, performanceDueOn: '2025-03-20' },
      },
      {
        from: 'mediating',
        context: ASSIGNED,
        type: 'SIGN_WRITTEN_AGREEMENT',
        to: 'agreedWritten',
        contextAfter: { agreementForm: 'WRITTEN', agreementEffectiveOn: TODAY, performanceDueOn: '2025-04-30', confirmed: false },
      },
      {
        from: 'mediating',
        context: ASSIGNED,
        type: 'SIGN_WRITTEN_AGREEMENT',
        data: { ...VALID.SIGN_WRITTEN_AGREEMENT, effectiveOn: '2025-03-08', performanceDueOn: undefined },
        to: 'agreedWritten',
        contextAfter: { agreementEffectiveOn: '2025-03-08', performanceDueOn: undefined },
      },
      { from: 'extended', context: ASSIGNED, type: 'SIGN_WRITTEN_AGREEMENT', to: 'agreedWritten', contextAfter: { agreementForm: 'WRITTEN' } },
      { from: 'extended', context: ASSIGNED, type: 'RECORD_ORAL_AGREEMENT', to: 'agreedOral', contextAfter: { agreementForm: 'ORAL' } },
      { from: 'mediating', context: ASSIGNED, type: 'TERMINATE_FAILED', to: 'terminatedFailed' },
      { from: 'extended', context: ASSIGNED, type: 'TERMINATE_FAILED', to: 'terminatedFailed' },
      { from: 'mediating', context: ASSIGNED, type: 'WITHDRAW', to: 'terminatedByParty' },
      { from: 'extended', context: ASSIGNED, type: 'WITHDRAW', to: 'terminatedByParty' },
      { from: 'mediating', context: ASSIGNED, type: 'TRANSFER', to: 'transferred' },
      { from: 'extended', context: ASSIGNED, type: 'RECORD_SESSION', to: 'extended', effects: [{ type: 'noteSession', params: {} }] },
      { from: 'extended', context: ASSIGNED, type: 'TRANSFER', to: 'transferred' },
      { from: 'agreedOral', context: ORAL, type: 'DECLINE_JUDICIAL_CONFIRMATION', to: 'monitoring' },
      { from: 'agreedOral', context: ORAL, type: 'RECORD_PERFORMED', to: 'performed' },
      {
        from: 'agreedWritten',
        context: WRITTEN,
        type: 'APPLY_JUDICIAL_CONFIRMATION',
        to: 'judicialConfirmation',
        effects: [
          {
            type: 'spawnLinkedCase',
            params: {
              workflow: 'jc',
              orgId: 'court-1',
              relation: 'JUDICIAL_CONFIRMATION',
              input: { agreementEffectiveOn: '2025-03-05', performanceDueOn: '2025-04-30' },
              thenApply: { type: 'FILE', data: { applicantPartyIds: ['p1', 'p2'], form: 'WRITTEN' } },
            },
          },
        ],
      },
      {
        // The last day of the 30-day window still counts (民事诉讼法 第二百零五条).
        from: 'agreedWritten',
        context: WRITTEN,
        type: 'APPLY_JUDICIAL_CONFIRMATION',
        data: { courtOrgId: 'court-2', applicantPartyIds: ['p2', 'p1'], form: 'ORAL' },
        over: { today: '2025-04-04', at: '2025-04-04T08:00:00.000Z' },
        to: 'judicialConfirmation',
        effects: [
          expect.objectContaining({
            type: 'spawnLinkedCase',
            params: expect.objectContaining({
              orgId: 'court-2',
              thenApply: { type: 'FILE', data: { applicantPartyIds: ['p2', 'p1'], form: 'ORAL' } },
            }),
          }),
        ],
      },
      { from: 'agreedWritten', context: WRITTEN, type: 'DECLINE_JUDICIAL_CONFIRMATION', to: 'monitoring' },
      { from: 'agreedWritten', context: WRITTEN, type: 'JC_WINDOW_EXPIRED', over: { deadlines: {}, actor: { id: 'engine', role: 'SYSTEM' } }, to: 'monitoring' },
      { from: 'agreedWritten', context: WRITTEN, type: 'RECORD_PERFORMED', to: 'performed' },
      { from: 'judicialConfirmation', context: WRITTEN, type: 'JC_CONFIRMED', to: 'monitoring', contextAfter: { confirmed: true } },
      { from: 'judicialConfirmation', context: WRITTEN, type: 'JC_NOT_CONFIRMED', to: 'monitoring', contextAfter: { confirmed: false } },
      { from: 'judicialConfirmation', context: WRITTEN, type: 'JC_RETURNED', to: 'agreedWritten', contextAfter: { agreementEffectiveOn: '2025-03-05' } },
      { from: 'monitoring', context: WRITTEN, type: 'RECORD_FOLLOW_UP', to: 'monitoring', contextAfter: { followUpDone: true } },
      { from: 'monitoring', context: WRITTEN, type: 'RECORD_PERFORMED', to: 'performed' },
      { from: 'monitoring', context: WRITTEN, type: 'RECORD_DEFAULT', to: 'defaulted' },
      { from: 'monitoring', context: WRITTEN, type: 'REMEDIATE', to: 'mediating' },
      // A confirmation ruling revoked on objection (民诉解释 第三百七十二条) reaches the mediation case after it left judicialConfirmation.
      { from: 'monitoring', context: CONFIRMED, type: 'JC_NOT_CONFIRMED', data: { outcome: 'REVOKED' }, to: 'monitoring', contextAfter: { confirmed: false } },
      { from: 'defaulted', context: CONFIRMED, type: 'JC_NOT_CONFIRMED', data: { outcome: 'REVOKED' }, to: 'defaulted', contextAfter: { confirmed: false } },
      { from: 'performed', context: WRITTEN, type: 'RECORD_FOLLOW_UP', to: 'performed', contextAfter: { followUpDone: true } },
      { from: 'performed', context: { ...WRITTEN, followUpDone: true }, type: 'ARCHIVE', to: 'archived' },
      {
        from: 'defaulted',
        context: CONFIRMED,
        type: 'ADVISE_ENFORCEMENT',
        to: 'defaulted',
        effects: [{ type: 'noteEnforcementAdvice', params: {} }],
        contextAfter: { confirmed: true },
      },
      { from: 'defaulted', context: WRITTEN, type: 'RECORD_PERFORMED', to: 'performed' },
      { from: 'defaulted', context: WRITTEN, type: 'REMEDIATE', to: 'mediating' },
      { from: 'defaulted', context: WRITTEN, type: 'ARCHIVE', data: { dossierComplete: true, routeNotice: ['LITIGATION'] }, to: 'archived' },
      // Re-mediation ends in a new agreement: whatever a court ruled on the old one, the new one is not confirmed.
      { from: 'mediating', context: CONFIRMED, type: 'RECORD_ORAL_AGREEMENT', to: 'agreedOral', contextAfter: { confirmed: false, agreementForm: 'ORAL' } },
      { from: 'extended', context: CONFIRMED, type: 'SIGN_WRITTEN_AGREEMENT', to: 'agreedWritten', contextAfter: { confirmed: false, agreementEffectiveOn: TODAY } },
    ];

    it('covers every row of the legal table', () => {
      const covered = new Set(rows.map((r) => `${r.from}|${r.type}`));
      expect(LEGAL.filter(([from, type]) => !covered.has(`${from}|${type}`))).toEqual([]);
    });

    it.each(rows)('$from --$type--> $to', ({ from, context, type, data, over, to, effects = [], contextAfter = {} }) => {
      const before = structuredClone(context);
      const d = decide(pm, { value: from, context }, event(type, data, over));
      expect(d).toEqual<Decision>({
        allowed: true,
        from,
        to,
        changedState: from !== to,
        context: expect.objectContaining({ ...contextAfter, partyIds: PARTIES, openedOn: '2025-03-01' }),
        effects,
        final: FINAL.includes(to),
      });
      expect(context).toEqual(before); // decide() is pure
    });
  });

  describe('preconditions', () => {
    type Row = {
      name: string;
      from: string;
      context: PmContext;
      type: string;
      data: Record<string, unknown>;
      over?: Partial<WorkflowEvent>;
      violations: [string, string | undefined][];
    };
    const sign = VALID.SIGN_WRITTEN_AGREEMENT;
    const apply = VALID.APPLY_JUDICIAL_CONFIRMATION;
    const ART_17 = '人民调解法 第十七条';
    const ART_26 = '人民调解法 第二十六条';
    const ART_29 = '人民调解法 第二十九条';
    const ART_33 = '人民调解法 第三十三条；民事诉讼法 第二百零五条';
    const rows: Row[] = [
      {
        name: 'a mediator is assigned though one party has not consented',
        from: 'consentPending',
        context: OPENED,
        type: 'ASSIGN_MEDIATOR',
        data: { ...VALID.ASSIGN_MEDIATOR, consentedPartyIds: ['p1'] },
        violations: [['allPartiesConsent', ART_17]],
      },
      {
        name: 'a mediator is assigned on the consent of someone who is not a party',
        from: 'consentPending',
        context: OPENED,
        type: 'ASSIGN_MEDIATOR',
        data: { ...VALID.ASSIGN_MEDIATOR, consentedPartyIds: ['p1', 'p9'] },
        violations: [['allPartiesConsent', ART_17]],
      },
      {
        name: 'a mediator is assigned with no consent recorded',
        from: 'consentPending',
        context: OPENED,
        type: 'ASSIGN_MEDIATOR',
        data: { mediatorId: 'm1', selectedBy: 'COMMITTEE' },
        violations: [['allPartiesConsent', ART_17]],
      },
      {
        name: 'mediation is extended with one party’s consent only',
        from: 'mediating',
        context: ASSIGNED,
        type: 'EXTEND_BY_CONSENT',
        data: { consentedPartyIds: ['p2'], reason: '等待评估' },
        violations: [['allPartiesConsentToExtend', '人民调解工作若干规定 第三十三条（地方规定）']],
      },
      {
        name: 'an oral agreement is dated tomorrow',
        from: 'mediating',
        context: ASSIGNED,
        type: 'RECORD_ORAL_AGREEMENT',
        data: { ...VALID.RECORD_ORAL_AGREEMENT, reachedOn: '2025-03-11' },
        violations: [['reachedNotInFuture', undefined]],
      },
      {
        name: 'a written agreement lacks the committee seal',
        from: 'mediating',
        context: ASSIGNED,
        type: 'SIGN_WRITTEN_AGREEMENT',
        data: { ...sign, committeeSealed: false },
        violations: [['agreementTakesEffect', ART_29]],
      },
      {
        name: 'a written agreement lacks one party’s signature',
        from: 'mediating',
        context: ASSIGNED,
        type: 'SIGN_WRITTEN_AGREEMENT',
        data: { ...sign, signedPartyIds: ['p1'] },
        violations: [['agreementTakesEffect', ART_29]],
      },
      {
        name: 'a written agreement lacks the mediator’s signature',
        from: 'extended',
        context: ASSIGNED,
        type: 'SIGN_WRITTEN_AGREEMENT',
        data: { ...sign, mediatorSigned: false },
        violations: [['agreementTakesEffect', ART_29]],
      },
      {
        name: 'a written agreement says the seal is "yes" instead of true',
        from: 'mediating',
        context: ASSIGNED,
        type: 'SIGN_WRITTEN_AGREEMENT',
        data: { ...sign, committeeSealed: 'yes' },
        violations: [['agreementTakesEffect', ART_29]],
      },
      {
        name: 'a written agreement takes effect tomorrow',
        from: 'mediating',
        context: ASSIGNED,
        type: 'SIGN_WRITTEN_AGREEMENT',
        data: { ...sign, effectiveOn: '2025-03-11' },
        violations: [['effectiveNotInFuture', undefined]],
      },
      {
        name: 'an unsealed written agreement dated tomorrow breaks both rules',
        from: 'mediating',
        context: ASSIGNED,
        type: 'SIGN_WRITTEN_AGREEMENT',
        data: { ...sign, committeeSealed: false, effectiveOn: '2025-03-11' },
        violations: [
          ['agreementTakesEffect', ART_29],
          ['effectiveNotInFuture', undefined],
        ],
      },
      {
        name: 'mediation ends without agreement and without a rights notice',
        from: 'mediating',
        context: ASSIGNED,
        type: 'TERMINATE_FAILED',
        data: { reason: '分歧过大' },
        violations: [['rightsNoticeGiven', ART_26]],
      },
      {
        name: 'mediation ends without agreement with a rights notice naming no route',
        from: 'extended',
        context: ASSIGNED,
        type: 'TERMINATE_FAILED',
        data: { reason: '分歧过大', rightsNotice: { ...RIGHTS_NOTICE, routes: [] } },
        violations: [['rightsNoticeGiven', ART_26]],
      },
      {
        name: 'a refusal is recorded without telling the parties their other routes',
        from: 'consentPending',
        context: OPENED,
        type: 'RECORD_REFUSAL',
        data: { refusingPartyIds: ['p2'] },
        violations: [['rightsNoticeGiven', ART_26]],
      },
      {
        name: 'a refusal after assignment has an undated rights notice',
        from: 'assigned',
        context: ASSIGNED,
        type: 'RECORD_REFUSAL',
        data: { refusingPartyIds: ['p2'], rightsNotice: { routes: ['LITIGATION'], method: 'ORAL' } },
        violations: [['rightsNoticeGiven', ART_26]],
      },
      {
        name: '司法确认 is applied for by one party only',
        from: 'agreedWritten',
        context: WRITTEN,
        type: 'APPLY_JUDICIAL_CONFIRMATION',
        data: { ...apply, applicantPartyIds: ['p1'] },
        violations: [['jointApplication', ART_33]],
      },
      {
        name: '司法确认 is applied for the day after the D-JC1 due date',
        from: 'agreedWritten',
        context: WRITTEN,
        type: 'APPLY_JUDICIAL_CONFIRMATION',
        data: apply,
        over: { today: '2025-04-05', at: '2025-04-05T01:00:00.000Z' },
        violations: [['withinConfirmationWindow', ART_33]],
      },
      {
        name: '司法确认 is applied for when no D-JC1 deadline is pending',
        from: 'agreedWritten',
        context: WRITTEN,
        type: 'APPLY_JUDICIAL_CONFIRMATION',
        data: apply,
        over: { deadlines: { 'PM-PERFORMANCE': '2025-04-30' } },
        violations: [['withinConfirmationWindow', ART_33]],
      },
      {
        name: '司法确认 is applied for late and by one party',
        from: 'agreedWritten',
        context: WRITTEN,
        type: 'APPLY_JUDICIAL_CONFIRMATION',
        data: { ...apply, applicantPartyIds: ['p2'] },
        over: { today: '2025-05-01' },
        violations: [
          ['jointApplication', ART_33],
          ['withinConfirmationWindow', ART_33],
        ],
      },
      {
        name: 'enforcement is advised on an agreement no court confirmed',
        from: 'defaulted',
        context: WRITTEN,
        type: 'ADVISE_ENFORCEMENT',
        data: VALID.ADVISE_ENFORCEMENT,
        violations: [['wasConfirmed', '人民调解法 第三十二条、第三十三条']],
      },
    ];

    it.each(rows)('refuses when $name', ({ from, context, type, data, over, violations }) => {
      const d = decide(pm, { value: from, context }, event(type, data, over));
      expect(d).toEqual<Decision>({
        allowed: false,
        reason: 'PRECONDITION',
        state: from,
        allowedEvents: expect.any(Array),
        violations: violations.map(([precondition, legalBasis]) => ({
          precondition,
          legalBasis,
          message: expect.stringMatching(/[\u4e00-\u9fff]/),
          messageEn: expect.stringMatching(/\w/),
        })),
      });
      if (!d.allowed) expect(sorted(d.allowedEvents)).toEqual(legalEventsIn(from));
      // The machine agrees with the explanation: the guard blocks the same event.
      const snapshot = pm.machine.resolveState({ value: from, context });
      expect(snapshot.can(event(type, data, over))).toBe(false);
    });

    it('explains an Art. 29 failure in words people understand', () => {
      const d = decide(pm, { value: 'mediating', context: ASSIGNED }, event('SIGN_WRITTEN_AGREEMENT', { ...sign, committeeSealed: false }));
      expect(d.allowed).toBe(false);
      if (!d.allowed) expect(d.violations[0].message).toContain('人民调解委员会印章');
    });
  });

  describeNegativeMatrix({ def: pm, legal: LEGAL, finalStates: FINAL, stateCount: 17, eventTypeCount: 25, contextFor, event: (type) => event(type) });

  describe('events the workflow does not know', () => {

    it('refuses an event type the workflow does not know', () => {
      const d = decide(pm, { value: 'mediating', context: ASSIGNED }, event('RULE_VALID', { rulingNo: '（2025）民特1号', ruledOn: TODAY }));
      expect(d).toMatchObject({ allowed: false, reason: 'NOT_IN_STATE', violations: [] });
    });
  });
});
