import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { acceptTransfer, engineEffects, guardsFrom, report, returnTransfer } from '../building-blocks';
import { addDays, isIsoDate } from '../labour-arbitration/lab.periods';
import type { LandContext, LandSuitBasis } from './land.context';
import { landPreconditions, SUIT_SOURCE_STATES } from './land.preconditions';

const meta = (m: StateMeta) => m;
/** Targets are absolute paths: a persisted state value is a path such as `arb.accepted`. */
const to = (path: string) => `#land.${path}`;
const LAW = '农村土地承包经营纠纷调解仲裁法';
const LAND_ADMIN = '土地管理法 第十四条';

// ---------- deadlines (spec table (b), D-RL2..D-RL11) ----------

const D_RL2: DeadlineSpec = {
  id: 'D-RL2',
  label: '受理或者不予受理通知期限（收到仲裁申请之日起五个工作日）',
  period: { amount: 5, unit: 'day' },
  dayType: 'working',
  legalBasis: `${LAW} 第二十三条`,
  confidence: 'V',
  soft: true,
  anchor: { contextDate: 'receivedOn' },
  metBy: ['ACCEPT', 'NOT_ACCEPT'],
};

/** The stages the 60-day period runs through after acceptance. */
const PROCEEDING = ['arb.served', 'arb.tribunalFormed', 'arb.composed', 'arb.hearingNoticed', 'arb.hearingDue', 'arb.hearing', 'arb.deliberation'];

const D_RL3: DeadlineSpec = {
  id: 'D-RL3',
  label: '向被申请人送达受理通知书和仲裁申请书副本期限（受理之日起五个工作日）',
  period: { amount: 5, unit: 'day' },
  dayType: 'working',
  legalBasis: `${LAW} 第二十四条`,
  confidence: 'V',
  soft: true,
  anchor: { contextDate: 'acceptedOn' },
  metBy: ['SERVE_RESPONDENT'],
};

const D_RL7: DeadlineSpec = {
  id: 'D-RL7',
  label: '审理期限（受理之日起六十日内结束）',
  period: { amount: 60, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第四十七条`,
  confidence: 'V',
  anchor: { contextDate: 'acceptedOn' },
  metBy: ['AWARD', 'SIGN_MEDIATION_DOC'],
  runsThrough: PROCEEDING,
};

/** The respondent's answer period; an answer not filed does not stop the proceedings, so its end only marks it. */
const D_RL4: DeadlineSpec = {
  id: 'D-RL4',
  label: '被申请人答辩期（收到仲裁申请书副本之日起十日）',
  period: { amount: 10, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第二十五条`,
  confidence: 'V',
  anchor: { contextDate: 'respondentServedOn' },
  runsThrough: ['arb.tribunalFormed', 'arb.composed', 'arb.hearingNoticed', 'arb.hearingDue'],
};

const D_RL5: DeadlineSpec = {
  id: 'D-RL5',
  label: '仲裁庭组成情况通知期限（仲裁庭组成之日起二个工作日）',
  period: { amount: 2, unit: 'day' },
  dayType: 'working',
  legalBasis: `${LAW} 第二十七条`,
  confidence: 'V',
  soft: true,
  anchor: { contextDate: 'tribunalFormedOn' },
  metBy: ['NOTIFY_COMPOSITION'],
};

/**
 * The hearing may open once five working days have passed since the notice (第三十一条): its due date is the earliest
 * hearing day, which HOLD_HEARING checks; falling due moves the case on to wait for the hearing.
 */
const D_RL6: DeadlineSpec = {
  id: 'D-RL6',
  label: '开庭通知期间（开庭五个工作日前通知当事人）',
  period: { amount: 5, unit: 'day' },
  dayType: 'working',
  legalBasis: `${LAW} 第三十一条`,
  confidence: 'V',
  anchor: { contextDate: 'hearingNoticedOn' },
  onExpiry: 'HEARING_NOTICE_PERIOD_RUN',
  metBy: ['HOLD_HEARING'],
};

/** The extended period ends `extendedDueOn` (the 60th day plus the approved days, at most 30). */
const D_RL8: DeadlineSpec = {
  id: 'D-RL8',
  label: '延长的审理期限（经仲裁委员会主任批准，不超过三十日）',
  period: { amount: 0, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第四十七条`,
  confidence: 'V',
  anchor: { contextDate: 'extendedDueOn' },
  metBy: ['AWARD', 'SIGN_MEDIATION_DOC'],
};

const D_RL9: DeadlineSpec = {
  id: 'D-RL9',
  label: '裁决书送达期限（裁决作出之日起三个工作日）',
  period: { amount: 3, unit: 'day' },
  dayType: 'working',
  legalBasis: `${LAW} 第四十五条`,
  confidence: 'V',
  soft: true,
  anchor: { contextDate: 'awardedOn' },
  metBy: ['SERVE_AWARD'],
};

const D_RL10: DeadlineSpec = {
  id: 'D-RL10',
  label: '不服裁决的起诉期限（收到裁决书之日起三十日）',
  period: { amount: 30, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第四十八条`,
  confidence: 'V',
  anchor: { contextDate: 'awardReceivedOn' },
  onExpiry: 'SUIT_WINDOW_ENDED',
  metBy: ['FILE_SUIT'],
};

const D_RL11: DeadlineSpec = {
  id: 'D-RL11',
  label: '不服人民政府处理决定的起诉期限（接到处理决定通知之日起三十日）',
  period: { amount: 30, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAND_ADMIN} 第三款`,
  confidence: 'V',
  anchor: { contextDate: 'rightsDecisionReceivedOn' },
  onExpiry: 'RIGHTS_SUIT_WINDOW_ENDED',
  metBy: ['FILE_SUIT'],
};

const D_EX1: DeadlineSpec = {
  id: 'D-EX1',
  label: '申请执行期间（履行期限最后一日起二年）',
  period: { amount: 2, unit: 'year' },
  dayType: 'calendar',
  legalBasis: `民事诉讼法 第二百五十条；${LAW} 第四十九条`,
  confidence: 'V',
  anchor: { contextDate: 'performanceDueOn' },
  metBy: ['APPLY_ENFORCEMENT', 'RECORD_PERFORMED'],
};

// ---------- transitions shared by several states ----------

const SUIT_GUARD = and(['notExpropriation', 'landRightsDecidedFirst', 'withinAwardSuitWindow', 'withinRightsSuitWindow']);
const SUIT_BASIS: Record<string, LandSuitBasis> = {
  intake: 'DIRECT',
  'mediation.ongoing': 'DIRECT',
  'mediation.failed': 'DIRECT',
  'arb.notAccepted': 'NOT_ACCEPTED',
  'post.suitWindow': 'AWARD',
  'rights.suitWindow': 'RIGHTS_DECISION',
};
const fileSuit = (state: string) => ({
  FILE_SUIT: { target: to('suitFiled'), guard: SUIT_GUARD, actions: [{ type: 'recordSuit' as const, params: { state, basis: SUIT_BASIS[state] } }, report('SUED')] },
});

/** The land may change only while no ownership or use-rights determination is pending (土地管理法 第十四条第四款). */
const landChange = { RECORD_LAND_CHANGE: { guard: and(['noLandChangeWhileRightsPending', 'landChangedNotInFuture']), actions: 'recordLandChange' as const } };

/** Before arbitration the party chooses: arbitration or a suit (第四条), or, for ownership or use rights, the government. */
const choices = (state: string) => ({
  APPLY_ARBITRATION: { target: to('arbitrationApplied'), guard: and(['notAtCommission', 'notExpropriation', 'notLandRights']) },
  ...fileSuit(state),
  APPLY_RIGHTS_DETERMINATION: {
    target: to('rights.pending'),
    guard: and(['isLandRights', 'competentGovernment', 'rightsAppliedNotInFuture']),
    actions: 'recordRightsApplication' as const,
  },
  ...landChange,
});

/** What every stage of the proceedings allows. */
const proceeding = {
  ASSIGN_ARBITRATOR: { actions: 'assignArbitrator' as const },
  INTERIM_RULING: { guard: 'interimRulingGrounds', actions: 'recordInterimRuling' as const },
  WITHDRAW: { target: to('withdrawn'), actions: [report('WITHDRAWN')] },
};

const mediationDoc = {
  SIGN_MEDIATION_DOC: { target: to('mediationDoc'), guard: 'everyPartySignedMediationDoc', actions: ['recordMediationDoc' as const, report('MEDIATION_DOC_EFFECTIVE')] },
};
const award = { AWARD: { target: to('arb.awarded'), guard: and(['mediationAttempted', 'awardedNotInFuture']), actions: ['recordAward' as const, report('AWARDED')] } };
// One extension only: the extended state has no EXTEND (第四十七条).
const extend = {
  EXTEND: { target: to('arb.extended'), guard: and(['extensionAtMost30Days', 'extensionBeforePeriodEnds', 'extensionApprovedByChair']), actions: 'recordExtension' as const },
};
const holdHearing = {
  HOLD_HEARING: { target: to('arb.hearing'), guard: 'hearingNoticePeriodRun', actions: 'recordHearing' as const },
  POSTPONE_HEARING: { target: to('arb.composed') },
};
const enforcement = {
  APPLY_ENFORCEMENT: { target: to('enforcement'), guard: 'enforcementAppliedNotInFuture', actions: 'recordEnforcement' as const },
  RECORD_PERFORMED: { target: to('performed') },
};

// ---------- the machine ----------

type Guard = (args: { context: LandContext; event: WorkflowEvent }, params?: any) => boolean;
const date = (value: unknown) => (isIsoDate(value) ? value : undefined);

/** The legal preconditions as guards; SUIT_RETURNED also picks its branch by guard params (the state the suit came from). */
const landGuards: Record<string, Guard> = {
  ...guardsFrom(landPreconditions),
  suitReturnsWhereFiled: ({ context }, params: { state: string }) => context.suedFrom === params.state,
};

export const landMachine = setup({
  types: {} as { context: LandContext; events: WorkflowEvent; input: LandContext },
  guards: landGuards,
  actions: {
    ...engineEffects,
    recordMediationStart: assign(({ context, event }) => ({
      mediationStartedOn: String(event.data.startedOn),
      mediatorId: typeof event.data.mediatorId === 'string' ? event.data.mediatorId : context.mediatorId,
      // A request for mediation interrupts the limitation period (民法典 第一百九十五条).
      interruptedOn: String(event.data.startedOn),
    })),
    recordAgreement: assign({ agreementSignedOn: ({ event }) => String(event.data.signedOn) }),
    recordRightsApplication: assign(({ event }) => ({
      rightsPending: true,
      governmentLevel: event.data.governmentLevel as 'TOWNSHIP' | 'COUNTY',
      rightsAppliedOn: String(event.data.appliedOn),
    })),
    recordRightsDecision: assign({ rightsDecisionNo: ({ event }) => String(event.data.decisionNo), rightsDecisionReceivedOn: ({ event }) => String(event.data.receivedOn) }),
    endRightsDispute: assign({ rightsPending: false }),
    recordLandChange: assign({ landChanges: ({ context, event }) => [...context.landChanges, { kind: String(event.data.kind), on: String(event.data.changedOn) }] }),
    recordApplication: assign(({ context, event }) => ({ receivedOn: String(event.data.receivedOn), knewOn: date(event.data.knewOn) ?? context.knewOn })),
    assignArbitrator: assign({ arbitratorId: ({ event }) => String(event.data.arbitratorId) }),
    recordAcceptance: assign(({ context, event }) => ({ acceptedOn: String(event.data.acceptedOn), knewOn: date(event.data.knewOn) ?? context.knewOn })),
    recordService: assign({ respondentServedOn: ({ event }) => String(event.data.respondentServedOn) }),
    recordTribunal: assign({ tribunalFormedOn: ({ event }) => String(event.data.formedOn) }),
    recordHearingNotice: assign(({ event }) => ({
      hearingNoticedOn: event.today,
      hearingOn: String(event.data.hearingOn),
      hearingPlace: event.data.place as LandContext['hearingPlace'],
    })),
    clearHearing: assign({ hearingNoticedOn: undefined, hearingOn: undefined }),
    recordHearing: assign({ hearingHeldOn: ({ event }) => event.today }),
    recordMediationAttempt: assign({ mediationAttemptedOn: ({ event }) => event.today }),
    recordInterimRuling: assign({ interimRulings: ({ context, event }) => [...context.interimRulings, { measure: String(event.data.measure), ruledOn: event.today }] }),
    recordExtension: assign(({ event }) => ({ extensionDays: Number(event.data.days), extendedDueOn: addDays(event.deadlines['D-RL7'], Number(event.data.days)) })),
    recordMediationDoc: assign({ mediationDocNo: ({ event }) => String(event.data.docNo), performanceDueOn: ({ event }) => date(event.data.performanceDueOn) }),
    recordAward: assign({
      awardNo: ({ event }) => String(event.data.awardNo),
      awardedOn: ({ event }) => String(event.data.awardedOn),
      performanceDueOn: ({ event }) => date(event.data.performanceDueOn),
    }),
    recordAwardService: assign({ awardReceivedOn: ({ event }) => String(event.data.receivedOn) }),
    recordSuit: assign(({ context }, params: { state: string; basis: LandSuitBasis }) => ({
      suedFrom: params.state,
      suitBasis: params.basis,
      // Suing within the 30 days keeps the award from taking effect (第四十八条).
      awardIneffective: context.awardIneffective || params.basis === 'AWARD',
    })),
    clearSuit: assign({ suedFrom: undefined, suitBasis: undefined, awardIneffective: false }),
    recordEnforcement: assign({ enforcementCourtOrgId: ({ event }) => String(event.data.courtOrgId) }),
  },
}).createMachine({
  id: 'land',
  initial: 'intake',
  context: ({ input }) => input,
  states: {
    intake: {
      description:
        '纠纷登记：当事人可以请求村民委员会、乡（镇）人民政府调解，也可以不经调解直接向土地所在地的农村土地承包仲裁委员会申请仲裁或者向人民法院起诉；征收补偿纠纷不适用本程序；土地所有权和使用权争议先由人民政府处理。',
      tags: ['inbox'],
      meta: meta({ label: '纠纷登记', labelEn: 'Dispute registered', legalBasis: `${LAW} 第二条至第四条；${LAND_ADMIN}` }),
      on: {
        START_MEDIATION: { target: to('mediation.ongoing'), guard: and(['atMediationBody', 'notExpropriation']), actions: 'recordMediationStart' },
        RECEIVE_APPLICATION: {
          target: to('arb.applied'),
          guard: and(['atCommission', 'landWhereCommissionSits', 'notExpropriation', 'notLandRights', 'receivedNotInFuture']),
          actions: 'recordApplication',
        },
        ...choices('intake'),
        // An expropriation dispute is never taken up here (it cannot enter mediation), so it ends at registration.
        CLOSE_AS_EXPROPRIATION: { target: to('excludedExpropriation'), guard: 'isExpropriation' },
      },
    },
    mediation: {
      description: '村民委员会或者乡（镇）人民政府调解（可选）。',
      meta: meta({ label: '调解', labelEn: 'Mediation', legalBasis: `${LAW} 第三条、第八条至第十条` }),
      initial: 'ongoing',
      states: {
        ongoing: {
          description: '调解中：调解达成协议的，制作调解协议书；调解不成或者当事人不愿调解的，可以申请仲裁或者起诉。',
          meta: meta({ label: '调解中', labelEn: 'In mediation', legalBasis: `${LAW} 第八条、第九条` }),
          on: {
            SIGN_AGREEMENT: { target: to('agreed'), guard: 'everyPartySignedAgreement', actions: 'recordAgreement' },
            FAIL_MEDIATION: { target: to('mediation.failed') },
            ...choices('mediation.ongoing'),
          },
        },
        failed: {
          description: '调解不成：当事人可以向农村土地承包仲裁委员会申请仲裁，也可以直接向人民法院起诉。',
          meta: meta({ label: '调解不成', labelEn: 'Mediation failed', legalBasis: `${LAW} 第四条` }),
          on: { ...choices('mediation.failed') },
        },
      },
    },
    agreed: {
      type: 'final',
      description: '调解协议书经双方当事人签名、盖章或者按指印，经调解人员签名并加盖调解组织印章后生效。',
      meta: meta({ label: '调解协议生效', labelEn: 'Mediation agreement in effect', legalBasis: `${LAW} 第十条` }),
    },
    excludedExpropriation: {
      type: 'final',
      description: '因征收集体所有的土地及其补偿发生的纠纷，不属于农村土地承包仲裁委员会的受理范围，已告知当事人通过行政复议或者诉讼解决。',
      meta: meta({ label: '征收补偿纠纷（转行政复议或诉讼）', labelEn: 'Expropriation dispute: reconsideration or litigation', legalBasis: `${LAW} 第二条第二款` }),
    },
    arbitrationApplied: {
      description: '已向土地所在地的农村土地承包仲裁委员会申请仲裁，等待仲裁委员会受理或者不予受理。',
      meta: meta({ label: '已申请仲裁', labelEn: 'Arbitration applied for', legalBasis: `${LAW} 第二十一条` }),
      on: {
        ARBITRATION_ACCEPTED: { target: to('sentToArbitration') },
        ARBITRATION_RETURNED: { target: to('mediation.failed') },
      },
    },
    sentToArbitration: {
      type: 'final',
      description: '仲裁委员会已受理仲裁申请，纠纷在仲裁程序中继续处理。',
      meta: meta({ label: '已转入仲裁', labelEn: 'In arbitration', legalBasis: `${LAW} 第二十三条` }),
    },

    rights: {
      description: '土地所有权和使用权争议：协商不成的，由人民政府处理；对处理决定不服的，可以自接到处理决定通知之日起三十日内起诉；争议解决前任何一方不得改变土地利用现状。',
      meta: meta({ label: '土地权属争议处理', labelEn: 'Land ownership or use-rights determination', legalBasis: LAND_ADMIN }),
      initial: 'pending',
      states: {
        pending: {
          description: '人民政府处理中：个人之间、个人与单位之间的争议由乡级或县级以上人民政府处理，单位之间的争议由县级以上人民政府处理。',
          meta: meta({ label: '人民政府处理中', labelEn: 'Before the government', legalBasis: `${LAND_ADMIN} 第一款、第二款、第四款` }),
          on: { RECORD_RIGHTS_DECISION: { target: to('rights.suitWindow'), guard: 'rightsDecisionReceived', actions: 'recordRightsDecision' }, ...landChange },
        },
        suitWindow: {
          description: '人民政府已作出处理决定：当事人不服的，可以自接到处理决定通知之日起三十日内向人民法院起诉；期满未起诉的，处理决定发生效力。',
          meta: meta({ label: '处理决定起诉期', labelEn: 'Period to sue over the decision', legalBasis: `${LAND_ADMIN} 第三款`, deadlines: [D_RL11] }),
          on: { ...fileSuit('rights.suitWindow'), RIGHTS_SUIT_WINDOW_ENDED: { target: to('rightsDecided'), actions: 'endRightsDispute' }, ...landChange },
        },
      },
    },
    rightsDecided: {
      type: 'final',
      description: '当事人在三十日内未起诉，人民政府的处理决定发生效力，土地权属争议解决。',
      meta: meta({ label: '处理决定生效', labelEn: 'Government decision in effect', legalBasis: `${LAND_ADMIN} 第三款` }),
    },

    arb: {
      description: '农村土地承包经营纠纷仲裁：受理、送达、答辩、组庭、开庭、调解、裁决。',
      meta: meta({ label: '仲裁程序', labelEn: 'Arbitration proceedings', legalBasis: `${LAW} 第十八条至第四十七条` }),
      initial: 'applied',
      states: {
        applied: {
          description: '仲裁委员会收到仲裁申请：五个工作日内受理的通知申请人；不予受理的书面通知申请人并说明理由。',
          tags: ['inbox'],
          meta: meta({ label: '申请仲裁（受理审查）', labelEn: 'Application received', legalBasis: `${LAW} 第二十条至第二十三条`, deadlines: [D_RL2] }),
          on: {
            ACCEPT: {
              target: to('arb.accepted'),
              guard: and(['acceptedNotInFuture', 'notBeforeCourtOrDecided', 'withinLimitation']),
              actions: ['recordAcceptance', acceptTransfer, report('ACCEPTED')],
            },
            NOT_ACCEPT: { target: to('arb.notAccepted'), actions: [returnTransfer('reason'), report('NOT_ACCEPTED')] },
            ASSIGN_ARBITRATOR: { actions: 'assignArbitrator' },
          },
        },
        notAccepted: {
          description: '仲裁委员会决定不予受理：当事人可以向人民法院起诉。',
          meta: meta({ label: '不予受理', labelEn: 'Not accepted', legalBasis: `${LAW} 第四条、第二十二条、第二十三条` }),
          on: { ...fileSuit('arb.notAccepted'), CLOSE: { target: to('closed') } },
        },
        accepted: {
          description: '已受理：五个工作日内将受理通知书、仲裁规则、仲裁员名册送达申请人，将受理通知书、仲裁申请书副本送达被申请人；自受理之日起六十日内结束。',
          meta: meta({ label: '已受理', labelEn: 'Accepted', legalBasis: `${LAW} 第二十三条、第二十四条、第四十七条`, deadlines: [D_RL3, D_RL7] }),
          on: { SERVE_RESPONDENT: { target: to('arb.served'), guard: 'respondentServedNotInFuture', actions: 'recordService' }, ...proceeding },
        },
        served: {
          description: '被申请人收到仲裁申请书副本，十日内答辩；仲裁委员会五个工作日内将答辩书副本送达申请人；不答辩不影响仲裁程序进行。',
          meta: meta({ label: '已送达（答辩期）', labelEn: 'Served, answer period', legalBasis: `${LAW} 第二十五条`, deadlines: [D_RL4] }),
          on: {
            FORM_TRIBUNAL: { target: to('arb.tribunalFormed'), guard: and(['tribunalFormedNotInFuture', 'soleArbitratorByConsent']), actions: 'recordTribunal' },
            ...proceeding,
          },
        },
        tribunalFormed: {
          description: '仲裁庭已组成：自组成之日起二个工作日内将组成情况通知当事人。',
          meta: meta({ label: '仲裁庭已组成', labelEn: 'Tribunal formed', legalBasis: `${LAW} 第二十七条`, deadlines: [D_RL5] }),
          on: { NOTIFY_COMPOSITION: { target: to('arb.composed') }, ...proceeding },
        },
        composed: {
          description: '已通知仲裁庭组成情况，待确定开庭时间、地点；开庭可以在土地所在地的乡（镇）或者村进行，双方要求的应当在该地进行。',
          meta: meta({ label: '待通知开庭', labelEn: 'Awaiting the hearing notice', legalBasis: `${LAW} 第三十条` }),
          on: { NOTICE_HEARING: { target: to('arb.hearingNoticed'), guard: and(['hearingAfterNotice', 'hearingWhereBothAsked']), actions: 'recordHearingNotice' }, ...proceeding },
        },
        hearingNoticed: {
          description: '已于开庭五个工作日前将开庭的时间、地点通知当事人；当事人请求变更开庭时间的，由仲裁庭决定。',
          meta: meta({ label: '已通知开庭', labelEn: 'Hearing noticed', legalBasis: `${LAW} 第三十一条`, deadlines: [D_RL6] }),
          on: { ...holdHearing, HEARING_NOTICE_PERIOD_RUN: { target: to('arb.hearingDue') }, ...proceeding },
        },
        hearingDue: {
          description: '开庭通知期间已满，按通知的日期开庭。',
          meta: meta({ label: '待开庭', labelEn: 'Hearing due', legalBasis: `${LAW} 第三十条、第三十一条` }),
          on: { ...holdHearing, ...proceeding },
        },
        hearing: {
          description: '开庭审理；仲裁庭应当进行调解，达成协议的制作调解书，经双方当事人签收后生效。',
          meta: meta({ label: '开庭审理及仲裁庭调解', labelEn: 'Hearing and tribunal mediation', legalBasis: `${LAW} 第十一条、第三十条` }),
          on: { ...mediationDoc, MEDIATION_FAILED: { target: to('arb.deliberation'), actions: 'recordMediationAttempt' }, ...extend, ...proceeding },
        },
        deliberation: {
          description: '调解不成或者调解书签收前当事人反悔，仲裁庭应当及时作出裁决。',
          meta: meta({ label: '调解不成待裁决', labelEn: 'Mediation failed, award pending', legalBasis: `${LAW} 第十一条、第四十三条` }),
          on: { ...award, ...mediationDoc, ...extend, ...proceeding },
        },
        extended: {
          description: '案情复杂，经仲裁委员会主任批准延长（不超过三十日）并书面通知当事人；在延长的期限内调解或者裁决。',
          meta: meta({ label: '延长审理期限', labelEn: 'Period extended', legalBasis: `${LAW} 第四十七条`, deadlines: [D_RL8] }),
          on: { MEDIATION_FAILED: { actions: 'recordMediationAttempt' }, ...mediationDoc, ...award, ...proceeding },
        },
        awarded: {
          description: '仲裁庭已作出裁决：三个工作日内将裁决书送达当事人，并告知当事人不服裁决的起诉权利、期限。',
          meta: meta({ label: '已裁决待送达', labelEn: 'Award made, to be served', legalBasis: `${LAW} 第四十四条、第四十五条`, deadlines: [D_RL9] }),
          on: { SERVE_AWARD: { target: to('post.suitWindow'), guard: 'awardServedAfterAward', actions: 'recordAwardService' } },
        },
      },
    },
    post: {
      description: '裁决送达后的起诉期间。',
      meta: meta({ label: '裁决起诉期间', labelEn: 'After the award', legalBasis: `${LAW} 第四十八条` }),
      initial: 'suitWindow',
      states: {
        suitWindow: {
          description: '当事人不服仲裁裁决的，可以自收到裁决书之日起三十日内向人民法院起诉；逾期不起诉的，裁决书即发生法律效力。',
          tags: ['awardWindow'],
          meta: meta({ label: '裁决起诉期', labelEn: 'Period to sue over the award', legalBasis: `${LAW} 第四十八条`, deadlines: [D_RL10] }),
          on: { ...fileSuit('post.suitWindow'), SUIT_WINDOW_ENDED: { target: to('awardEffective'), actions: [report('AWARD_EFFECTIVE')] } },
        },
      },
    },
    awardEffective: {
      description: '裁决书发生法律效力；一方当事人不履行的，另一方当事人可以向被申请人住所地或者财产所在地的基层人民法院申请执行。',
      meta: meta({ label: '裁决生效', labelEn: 'Award in effect', legalBasis: `${LAW} 第四十八条、第四十九条`, deadlines: [D_EX1] }),
      on: { ...enforcement },
    },
    mediationDoc: {
      description: '仲裁调解书经双方当事人签收后发生法律效力；一方不履行的，另一方可以向人民法院申请执行。',
      meta: meta({ label: '仲裁调解书生效', labelEn: 'Mediation document in effect', legalBasis: `${LAW} 第十一条、第四十九条`, deadlines: [D_EX1] }),
      on: { ...enforcement },
    },
    suitFiled: {
      description: '当事人已向人民法院起诉，等待法院受理；法院退回的，回到起诉前的阶段。',
      meta: meta({ label: '已起诉待法院受理', labelEn: 'Suit filed, awaiting the court', legalBasis: `${LAW} 第四条、第四十八条；${LAND_ADMIN} 第三款` }),
      on: {
        SUIT_REGISTERED: { target: to('litigation') },
        SUIT_RETURNED: SUIT_SOURCE_STATES.map((state) => ({ target: to(state), guard: { type: 'suitReturnsWhereFiled', params: { state } }, actions: ['clearSuit'] })),
      },
    },
    litigation: {
      type: 'final',
      description: '争议已由人民法院审理；在起诉期内对裁决起诉的，裁决不发生法律效力。',
      meta: meta({ label: '已转入诉讼', labelEn: 'In litigation', legalBasis: `${LAW} 第四条、第四十八条` }),
    },
    enforcement: { type: 'final', meta: meta({ label: '已申请强制执行', labelEn: 'Enforcement applied for', legalBasis: `${LAW} 第四十九条` }) },
    performed: { type: 'final', meta: meta({ label: '已履行结案', labelEn: 'Performed' }) },
    withdrawn: { type: 'final', meta: meta({ label: '撤回仲裁申请', labelEn: 'Withdrawn', legalBasis: `${LAW} 第三十四条` }) },
    closed: { type: 'final', description: '不予受理后未起诉，结案。', meta: meta({ label: '结案', labelEn: 'Closed' }) },
  },
});
