import { decide, type Decision } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { deadlinesOf, describeWorkflow } from '../describe';
import { judicialConfirmation as jc } from '../judicial-confirmation/jc.workflow';
import { wiringProblems } from '../routes/route-table';
import { ROUTES } from '../routes/routes';
import { describeNegativeMatrix, expectPreconditionRefusal } from '../testing/negative-matrix';
import { sentAlong } from '../testing/route-fixtures';
import type { PmContext } from './pm.context';
import { peopleMediation as pm } from './pm.workflow';
import { legalRows, machineRows } from '../testing/legal-table';

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
/** What the engine delivers with an outcome the 司法确认 case reported (outcomeSchema). */
const FROM_JC = { sourceCaseId: 'case-jc-1', sourceCaseNo: '（2025）浙0102民特确12号', reportedOn: TODAY };
/** What the engine delivers when the entrusting court passes a signal down its route (R8 `down`): the court's event and case. */
const FROM_COURT = { signal: 'MEDIATION_PERIOD_EXPIRED', sourceCaseId: 'case-ct-1', reportedOn: TODAY };

/** Valid data for every event type, as a form would send it. */
const VALID: Record<string, Record<string, unknown>> = {
  SEEK_CONSENT: { note: '双方均在村委会' },
  RECEIVE_ENTRUSTMENT: { procedure: 'SIMPLE', note: '立案后经双方同意委托调解' },
  RECEIVE_REFERRAL: { referredBy: '青溪区公安分局枫桥派出所', matter: '车位分配纠纷' },
  SIGN_FOR: { note: '已签收委托材料' },
  RETURN: { reason: 'CONFLICT_OF_INTEREST', explanation: '本会调解员均与一方当事人有亲属关系' },
  ENTRUSTMENT_ENDED: FROM_COURT,
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
  JC_CONFIRMED: { ...FROM_JC, outcome: 'CONFIRMED' },
  JC_NOT_CONFIRMED: { ...FROM_JC, outcome: 'DISMISSED' },
  JC_RETURNED: { ...FROM_JC, outcome: 'RETURNED', reason: 'INCOMPLETE', explanation: '缺少调解协议原件' },
  RECORD_FOLLOW_UP: { visitedOn: TODAY, method: 'PHONE', summary: '乙方表示正在筹款' },
  RECORD_PERFORMED: { performedOn: TODAY, evidence: '已当面付清' },
  RECORD_DEFAULT: { note: '履行期限届满，乙方未付款' },
  REMEDIATE: { reason: '双方同意变更协议' },
  ADVISE_ENFORCEMENT: { advisedOn: TODAY },
  ARCHIVE: { dossierComplete: true, fileNo: '2025-调-017' },
  REQUEST_HEARING: { hearingOrgId: 'org-fengyuan', matter: '排水沟是否应当改道', initiative: 'APPLICATION' },
  HEARING_CONCLUDED: { outcome: 'CONCLUDED', sourceCaseId: 'hr-1', reportedOn: TODAY, hearingLevel: 'VILLAGE', opinion: '乙方应开挖40厘米排水沟' },
  HEARING_ENDED: { outcome: 'DECLINED', sourceCaseId: 'hr-1', reportedOn: TODAY },
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
/** pm tells a case that sent it work how it went, in its own words (manifest outcomes); a no-op for a case opened directly. */
const reports = (outcome: string): Effect[] => [{ type: 'report', params: { outcome } }];

// ---------- the legal table, written by hand from 人民调解法 and spec appendix A1 ----------

/** [from, event, to (null: stays without re-entering), guards]. Any transition the machine gains or loses fails the test below. */
const LEGAL: [string, string, string | null, string[]][] = [
  ['registered', 'SEEK_CONSENT', 'consentPending', []],
  ['registered', 'NOT_ACCEPT', 'notAccepted', []],
  ['registered', 'TRANSFER', 'transferred', []],
  // A court entrusts a registered case (特邀调解规定 第十一条); the organisation signs for it or returns it with reasons.
  ['registered', 'RECEIVE_ENTRUSTMENT', 'entrustmentReceived', []],
  ['entrustmentReceived', 'SIGN_FOR', 'consentPending', []],
  ['entrustmentReceived', 'RETURN', 'entrustmentReturned', []],
  // Another body (the police, 警调对接) refers a dispute; the organisation signs for it or returns it with reasons.
  ['registered', 'RECEIVE_REFERRAL', 'referralReceived', []],
  ['referralReceived', 'SIGN_FOR', 'consentPending', []],
  ['referralReceived', 'RETURN', 'referralReturned', []],
  // The court ends its entrustment (its period ran out, the suit was withdrawn) at any point before an agreement (特邀调解规定 第二十一条、第二十七条).
  ['entrustmentReceived', 'ENTRUSTMENT_ENDED', 'entrustmentEnded', ['noAgreementYet']],
  ['consentPending', 'ENTRUSTMENT_ENDED', 'entrustmentEnded', ['noAgreementYet']],
  ['assigned', 'ENTRUSTMENT_ENDED', 'entrustmentEnded', ['noAgreementYet']],
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
    [s, 'ENTRUSTMENT_ENDED', 'entrustmentEnded', ['noAgreementYet']],
  ]),
  ['mediating', 'EXTEND_BY_CONSENT', 'extended', ['allPartiesConsentToExtend']],
  // 三级听证 during the mediation (route R21a): the mediation waits for the hearing's opinion, then goes on.
  ['mediating', 'REQUEST_HEARING', 'hearing', []],
  ['hearing', 'HEARING_CONCLUDED', 'mediating', []],
  ['hearing', 'HEARING_ENDED', 'mediating', []],
  ['hearing', 'REPORT_RISK', null, []],
  ['hearing', 'WITHDRAW', 'terminatedByParty', []],
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
const FINAL = ['archived', 'notAccepted', 'refused', 'terminatedFailed', 'terminatedByParty', 'entrustmentReturned', 'entrustmentEnded', 'referralReturned', 'transferred'];

const description = describeWorkflow(pm);
const STATES = description.states.map((s) => s.id);
const legalEventsIn = (state: string) => sorted(new Set(LEGAL.filter(([from]) => from === state).map(([, type]) => type)));

/** A context a case could plausibly have in each state (the negative matrix does not depend on it, but stays realistic). */
function contextFor(state: string): PmContext {
  if (['registered', 'entrustmentReceived', 'entrustmentReturned', 'referralReceived', 'referralReturned', 'consentPending', 'notAccepted', 'transferred', 'refused'].includes(state)) return OPENED;
  if (['assigned', 'mediating', 'hearing', 'extended', 'terminatedFailed', 'terminatedByParty', 'entrustmentEnded'].includes(state)) return ASSIGNED;
  if (state === 'agreedOral') return ORAL;
  return WRITTEN;
}

describe('people mediation (pm) machine', () => {
  describe('the legal (state, event) table', () => {
    it('matches the machine exactly, targets and guards included', () => {
      expect(machineRows(description)).toEqual(legalRows(LEGAL));
    });

    it('names exactly the final states of 人民调解 (spec A1)', () => {
      expect(sorted(description.states.filter((s) => s.final).map((s) => s.id))).toEqual(sorted(FINAL));
    });

    it('lists every state of the machine', () => {
      const inTable = new Set(LEGAL.flatMap(([from, , to]) => (to ? [from, to] : [from])));
      expect(sorted(STATES)).toEqual(sorted(new Set([...inTable, ...FINAL])));
    });
  });

  describe('a court’s entrustment (委托调解)', () => {
    it('waits in the inbox of mediation staff until signed for or returned, within three working days (D-OL2)', () => {
      expect(STATES.filter((state) => pm.machine.resolveState({ value: state, context: contextFor(state) }).hasTag('inbox'))).toEqual(['referralReceived', 'entrustmentReceived']);
      expect(deadlinesOf(pm, 'entrustmentReceived')).toEqual([
        expect.objectContaining({ id: 'D-OL2', period: { amount: 3, unit: 'day' }, dayType: 'working', legalBasis: '人民法院在线调解规则 第十二条', metBy: ['SIGN_FOR', 'RETURN'] }),
      ]);
      expect(pm.manifest.queues).toContainEqual(expect.objectContaining({ tag: 'inbox', roles: expect.arrayContaining(['MEDIATOR']) }));
    });

    it('comes from the engine only, and is signed for or returned by mediation staff with a reason', () => {
      expect(pm.events.RECEIVE_ENTRUSTMENT.roles).toEqual(['SYSTEM']);
      expect(pm.events.ENTRUSTMENT_ENDED.roles).toEqual(['SYSTEM']);
      for (const type of ['SIGN_FOR', 'RETURN']) expect({ type, roles: sorted(pm.events[type].roles) }).toEqual({ type, roles: ['COMMITTEE_DIRECTOR', 'MEDIATOR'] });
      expect(pm.events.RETURN.schema?.required).toEqual(['reason', 'explanation']);
    });

    it('is ended by the court’s signals down routes R8 and R8L, and reports nothing back: the court decided it', () => {
      for (const id of ['R8', 'R8L']) {
        const route = ROUTES.find((r) => r.id === id)!;
        expect({ id, to: route.to.workflow, down: new Set(Object.values(route.down ?? {})) }).toEqual({ id, to: 'pm', down: new Set(['ENTRUSTMENT_ENDED']) });
      }
      expect(pm.events.ENTRUSTMENT_ENDED.schema?.required).toEqual(['signal', 'sourceCaseId']);
      const endedIn = description.transitions.filter((t) => t.event === 'ENTRUSTMENT_ENDED');
      expect(sorted(endedIn.map((t) => t.from))).toEqual(['assigned', 'consentPending', 'entrustmentReceived', 'extended', 'mediating']);
      expect(new Set(endedIn.map((t) => t.to))).toEqual(new Set(['entrustmentEnded']));
    });
  });

  describe('the rights notice when mediation ends without agreement (人民调解法 第二十六条)', () => {
    it('can name litigation, another committee, 信访 and the 综治中心 among the routes left open', () => {
      const routes = (pm.events.TERMINATE_FAILED.schema as any).properties.rightsNotice.properties.routes.items;
      expect(routes.enum).toEqual(expect.arrayContaining(['LITIGATION', 'OTHER_MEDIATION', 'PETITION', 'GOVERNANCE_CENTRE']));
      expect(routes['x-enumLabels'][routes.enum.indexOf('GOVERNANCE_CENTRE')]).toContain('综治中心');
    });
  });

  describe('the director’s queue of cases awaiting a mediator', () => {
    it('holds registered cases and cases awaiting the parties’ consent, until a mediator is assigned', () => {
      expect(STATES.filter((state) => pm.machine.resolveState({ value: state, context: contextFor(state) }).hasTag('awaitingAssignment'))).toEqual(['registered', 'consentPending']);
      expect(pm.manifest.queues).toContainEqual({ id: 'pm-unassigned', label: '待指定调解员', roles: ['COMMITTEE_DIRECTOR'], tag: 'awaitingAssignment' });
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
      { from: 'registered', context: OPENED, type: 'NOT_ACCEPT', to: 'notAccepted', effects: reports('NOT_ACCEPTED') },
      { from: 'registered', context: OPENED, type: 'TRANSFER', to: 'transferred', effects: reports('TRANSFERRED') },
      {
        // A transfer to an organisation the system knows names it as well.
        from: 'registered',
        context: OPENED,
        type: 'TRANSFER',
        data: { to: 'COURT', receivingOrgId: 'court-1', receivingOrgName: '枫源区人民法院', reason: '一方已起诉' },
        to: 'transferred',
        effects: reports('TRANSFERRED'),
      },
      { from: 'registered', context: OPENED, type: 'RECEIVE_ENTRUSTMENT', to: 'entrustmentReceived' },
      // Signing for an entrustment leads to the parties' consent like any other case; the engine reports SIGNED_FOR to the court.
      { from: 'entrustmentReceived', context: OPENED, type: 'SIGN_FOR', to: 'consentPending', effects: [{ type: 'acceptTransfer', params: {} }] },
      {
        // A return states its reason (人民法院在线调解规则 第十二条); the engine reports RETURNED with it.
        from: 'entrustmentReceived',
        context: OPENED,
        type: 'RETURN',
        to: 'entrustmentReturned',
        effects: [{ type: 'returnTransfer', params: { reasonField: 'reason' } }],
      },
      // The court ends its entrustment: the case closes without reporting back, since the court itself decided it.
      { from: 'entrustmentReceived', context: OPENED, type: 'ENTRUSTMENT_ENDED', to: 'entrustmentEnded' },
      // A referral from the police (警调对接, routes R23 and R23a) is signed for or returned like an entrustment.
      { from: 'registered', context: OPENED, type: 'RECEIVE_REFERRAL', to: 'referralReceived' },
      { from: 'referralReceived', context: OPENED, type: 'SIGN_FOR', to: 'consentPending', effects: [{ type: 'acceptTransfer', params: {} }] },
      { from: 'referralReceived', context: OPENED, type: 'RETURN', to: 'referralReturned', effects: [{ type: 'returnTransfer', params: { reasonField: 'reason' } }] },
      {
        from: 'consentPending',
        context: OPENED,
        type: 'ENTRUSTMENT_ENDED',
        data: { ...FROM_COURT, signal: 'WITHDRAW_SUIT', sourceCaseNo: '（2025）浙0102民初88号' },
        to: 'entrustmentEnded',
      },
      { from: 'assigned', context: ASSIGNED, type: 'ENTRUSTMENT_ENDED', to: 'entrustmentEnded', contextAfter: { mediatorId: 'm1' } },
      { from: 'mediating', context: ASSIGNED, type: 'ENTRUSTMENT_ENDED', to: 'entrustmentEnded' },
      {
        from: 'extended',
        context: ASSIGNED,
        type: 'ENTRUSTMENT_ENDED',
        data: { ...FROM_COURT, signal: 'EXTENSION_EXPIRED' },
        to: 'entrustmentEnded',
      },
      { from: 'consentPending', context: OPENED, type: 'ASSIGN_MEDIATOR', to: 'assigned', contextAfter: { mediatorId: 'm1' } },
      {
        from: 'consentPending',
        context: OPENED,
        type: 'ASSIGN_MEDIATOR',
        data: { mediatorId: 'm7', consentedPartyIds: ['p2', 'p1', 'p3'], selectedBy: 'PARTIES' },
        to: 'assigned',
        contextAfter: { mediatorId: 'm7' },
      },
      { from: 'consentPending', context: OPENED, type: 'RECORD_REFUSAL', to: 'refused', effects: reports('REFUSED') },
      {
        from: 'consentPending',
        context: OPENED,
        type: 'RECORD_REFUSAL',
        data: { refusingPartyIds: ['p1'], rightsNotice: { routes: ['OTHER_MEDIATION'], notifiedOn: TODAY, method: 'ORAL' } },
        to: 'refused',
        effects: reports('REFUSED'),
      },
      { from: 'consentPending', context: OPENED, type: 'NOT_ACCEPT', to: 'notAccepted', effects: reports('NOT_ACCEPTED') },
      { from: 'consentPending', context: OPENED, type: 'TRANSFER', to: 'transferred', effects: reports('TRANSFERRED') },
      { from: 'assigned', context: ASSIGNED, type: 'START_MEDIATION', to: 'mediating' },
      { from: 'assigned', context: ASSIGNED, type: 'RECORD_REFUSAL', to: 'refused', effects: reports('REFUSED') },
      { from: 'assigned', context: ASSIGNED, type: 'WITHDRAW', to: 'terminatedByParty', effects: reports('WITHDRAWN') },
      // The session's record is its audit entry; the case notes that mediation has begun in earnest.
      { from: 'mediating', context: ASSIGNED, type: 'RECORD_SESSION', to: 'mediating', contextAfter: { sessionHeld: true } },
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
        effects: reports('AGREED'),
        contextAfter: { agreementForm: 'ORAL', agreementEffectiveOn: TODAY, performanceDueOn: '2025-03-20' },
      },
      {
        from: 'mediating',
        context: ASSIGNED,
        type: 'SIGN_WRITTEN_AGREEMENT',
        to: 'agreedWritten',
        effects: reports('AGREED'),
        contextAfter: { agreementForm: 'WRITTEN', agreementEffectiveOn: TODAY, performanceDueOn: '2025-04-30', confirmed: false },
      },
      {
        from: 'mediating',
        context: ASSIGNED,
        type: 'SIGN_WRITTEN_AGREEMENT',
        data: { ...VALID.SIGN_WRITTEN_AGREEMENT, effectiveOn: '2025-03-08', performanceDueOn: undefined },
        to: 'agreedWritten',
        effects: reports('AGREED'),
        contextAfter: { agreementEffectiveOn: '2025-03-08', performanceDueOn: undefined },
      },
      { from: 'extended', context: ASSIGNED, type: 'SIGN_WRITTEN_AGREEMENT', to: 'agreedWritten', effects: reports('AGREED'), contextAfter: { agreementForm: 'WRITTEN' } },
      { from: 'extended', context: ASSIGNED, type: 'RECORD_ORAL_AGREEMENT', to: 'agreedOral', effects: reports('AGREED'), contextAfter: { agreementForm: 'ORAL' } },
      { from: 'mediating', context: ASSIGNED, type: 'TERMINATE_FAILED', to: 'terminatedFailed', effects: reports('FAILED') },
      { from: 'extended', context: ASSIGNED, type: 'TERMINATE_FAILED', to: 'terminatedFailed', effects: reports('FAILED') },
      { from: 'mediating', context: ASSIGNED, type: 'WITHDRAW', to: 'terminatedByParty', effects: reports('WITHDRAWN') },
      { from: 'extended', context: ASSIGNED, type: 'WITHDRAW', to: 'terminatedByParty', effects: reports('WITHDRAWN') },
      { from: 'mediating', context: ASSIGNED, type: 'TRANSFER', to: 'transferred', effects: reports('TRANSFERRED') },
      { from: 'mediating', context: ASSIGNED, type: 'REQUEST_HEARING', to: 'hearing' },
      { from: 'hearing', context: ASSIGNED, type: 'HEARING_CONCLUDED', to: 'mediating', contextAfter: { hearings: [{ outcome: 'CONCLUDED', level: 'VILLAGE', opinion: '乙方应开挖40厘米排水沟' }] } },
      { from: 'hearing', context: ASSIGNED, type: 'HEARING_ENDED', to: 'mediating', contextAfter: { hearings: [{ outcome: 'DECLINED', level: '' }] } },
      { from: 'hearing', context: ASSIGNED, type: 'REPORT_RISK', to: 'hearing', effects: [{ type: 'notifyRisk', params: { level: 'ORANGE', reportedTo: 'POLICE' } }] },
      { from: 'hearing', context: ASSIGNED, type: 'WITHDRAW', to: 'terminatedByParty', effects: reports('WITHDRAWN') },
      { from: 'extended', context: ASSIGNED, type: 'RECORD_SESSION', to: 'extended', contextAfter: { sessionHeld: true } },
      { from: 'extended', context: ASSIGNED, type: 'TRANSFER', to: 'transferred', effects: reports('TRANSFERRED') },
      { from: 'agreedOral', context: ORAL, type: 'DECLINE_JUDICIAL_CONFIRMATION', to: 'monitoring' },
      { from: 'agreedOral', context: ORAL, type: 'RECORD_PERFORMED', to: 'performed' },
      {
        from: 'agreedWritten',
        context: WRITTEN,
        type: 'APPLY_JUDICIAL_CONFIRMATION',
        to: 'judicialConfirmation',
        // The machine names no other channel: the route table (R4) opens the application (see below).
        effects: [],
      },
      {
        // The last day of the 30-day window still counts (民事诉讼法 第二百零五条).
        from: 'agreedWritten',
        context: WRITTEN,
        type: 'APPLY_JUDICIAL_CONFIRMATION',
        data: { courtOrgId: 'court-2', applicantPartyIds: ['p2', 'p1'], form: 'ORAL' },
        over: { today: '2025-04-04', at: '2025-04-04T08:00:00.000Z' },
        to: 'judicialConfirmation',
        effects: [],
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
      { from: 'monitoring', context: CONFIRMED, type: 'JC_NOT_CONFIRMED', data: { ...FROM_JC, outcome: 'REVOKED' }, to: 'monitoring', contextAfter: { confirmed: false } },
      { from: 'defaulted', context: CONFIRMED, type: 'JC_NOT_CONFIRMED', data: { ...FROM_JC, outcome: 'REVOKED' }, to: 'defaulted', contextAfter: { confirmed: false } },
      { from: 'performed', context: WRITTEN, type: 'RECORD_FOLLOW_UP', to: 'performed', contextAfter: { followUpDone: true } },
      { from: 'performed', context: { ...WRITTEN, followUpDone: true }, type: 'ARCHIVE', to: 'archived' },
      {
        from: 'defaulted',
        context: CONFIRMED,
        type: 'ADVISE_ENFORCEMENT',
        to: 'defaulted',
        contextAfter: { confirmed: true, enforcementAdvised: true },
      },
      { from: 'defaulted', context: WRITTEN, type: 'RECORD_PERFORMED', to: 'performed' },
      { from: 'defaulted', context: WRITTEN, type: 'REMEDIATE', to: 'mediating' },
      { from: 'defaulted', context: WRITTEN, type: 'ARCHIVE', data: { dossierComplete: true, routeNotice: ['LITIGATION'] }, to: 'archived' },
      // Re-mediation ends in a new agreement: whatever a court ruled on the old one, the new one is not confirmed.
      { from: 'mediating', context: CONFIRMED, type: 'RECORD_ORAL_AGREEMENT', to: 'agreedOral', effects: reports('AGREED'), contextAfter: { confirmed: false, agreementForm: 'ORAL' } },
      {
        from: 'extended',
        context: CONFIRMED,
        type: 'SIGN_WRITTEN_AGREEMENT',
        to: 'agreedWritten',
        effects: reports('AGREED'),
        contextAfter: { confirmed: false, agreementEffectiveOn: TODAY },
      },
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

  describe('applying for 司法确认 sends the agreement to the court (route R4)', () => {
    const R4 = ROUTES.find((r) => r.id === 'R4')!;
    const SENDER = { orgName: '枫源村人民调解委员会', caseNo: '（2025）枫源调字第3号', caseId: 'case-pm-1', openedOn: OPENED.openedOn };

    it('is the one route the application sets off, and it fits both machines', () => {
      expect(ROUTES.filter((r) => r.from.workflow === pm.id && r.from.event === 'APPLY_JUDICIAL_CONFIRMATION')).toEqual([R4]);
      expect(R4.to).toEqual({ workflow: jc.id, orgTypes: ['BASIC_COURT'], orgField: 'courtOrgId' });
      expect(wiringProblems([pm, jc], [R4])).toEqual([]);
      // The link between the two cases is labelled by the receiving channel.
      expect(jc.manifest.relationLabel).toBe('司法确认');
    });

    it.each([
      { name: 'a written application', data: VALID.APPLY_JUDICIAL_CONFIRMATION, over: {}, orgId: 'court-1', start: { applicantPartyIds: ['p1', 'p2'], form: 'WRITTEN' } },
      {
        // The last day of the 30-day window still counts (民事诉讼法 第二百零五条).
        name: 'an oral application on the last day',
        data: { courtOrgId: 'court-2', applicantPartyIds: ['p2', 'p1'], form: 'ORAL' },
        over: { today: '2025-04-04', at: '2025-04-04T08:00:00.000Z' },
        orgId: 'court-2',
        start: { applicantPartyIds: ['p2', 'p1'], form: 'ORAL' },
      },
    ])('opens, for $name, a jc case at the court named, with the agreement’s dates, and files it', ({ data, over, orgId, start }) => {
      const e = event('APPLY_JUDICIAL_CONFIRMATION', data, over);
      expect(decide(pm, { value: 'agreedWritten', context: WRITTEN }, e)).toMatchObject({ allowed: true, to: 'judicialConfirmation', effects: [] });
      expect(sentAlong(R4, { context: WRITTEN, facts: SENDER }, e.data, e.today)).toEqual({
        workflow: 'jc',
        orgId,
        input: { agreementEffectiveOn: '2025-03-05', performanceDueOn: '2025-04-30', mediationOrgName: SENDER.orgName },
        start: { type: 'FILE', data: start },
      });
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
      expectPreconditionRefusal(pm, from, context, event(type, data, over), violations, legalEventsIn(from));
    });

    it('explains an Art. 29 failure in words people understand', () => {
      const d = decide(pm, { value: 'mediating', context: ASSIGNED }, event('SIGN_WRITTEN_AGREEMENT', { ...sign, committeeSealed: false }));
      expect(d.allowed).toBe(false);
      if (!d.allowed) expect(d.violations[0].message).toContain('人民调解委员会印章');
    });
  });

  describeNegativeMatrix({ def: pm, legal: LEGAL, finalStates: FINAL, stateCount: 23, eventTypeCount: 33, contextFor, event: (type) => event(type) });

  describe('events the workflow does not know', () => {

    it('refuses an event type the workflow does not know', () => {
      const d = decide(pm, { value: 'mediating', context: ASSIGNED }, event('RULE_VALID', { rulingNo: '（2025）民特1号', ruledOn: TODAY }));
      expect(d).toMatchObject({ allowed: false, reason: 'NOT_IN_STATE', violations: [] });
    });
  });
});

describe('the court ending its entrustment after an agreement', () => {
  it.each(['mediating', 'extended'])('is refused in %s once the parties agreed (a re-mediation after a default is the committee’s)', (state) => {
    const agreed: PmContext = { ...OPENED, mediatorId: 'u1', agreementForm: 'WRITTEN', agreementEffectiveOn: '2025-03-10' };
    const d = decide(pm, { value: state, context: agreed }, event('ENTRUSTMENT_ENDED'));
    expect(d).toMatchObject({ allowed: false, reason: 'PRECONDITION', violations: [expect.objectContaining({ precondition: 'noAgreementYet', legalBasis: '人民调解法 第三十一条' })] });
    expect(decide(pm, { value: state, context: { ...OPENED, mediatorId: 'u1' } }, event('ENTRUSTMENT_ENDED'))).toMatchObject({ allowed: true, to: 'entrustmentEnded' });
  });
});
