import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { acceptTransfer, engineEffects, guardsFrom, report, returnTransfer } from '../building-blocks';
import type { PsContext } from './ps.context';
import { GAXZ, ZAF } from './ps.events';
import { psPreconditions } from './ps.preconditions';

const meta = (m: StateMeta) => m;
const to = (state: string) => `#ps.${state}`;

// ---------- deadlines ----------

const D_PS1: DeadlineSpec = {
  id: 'D-PS1',
  label: '再次调解期限（第一次调解后七个工作日内完成）',
  period: { amount: 7, unit: 'day' },
  dayType: 'working',
  legalBasis: `${GAXZ} 第一百八十三条`,
  confidence: 'V',
  anchor: { contextDate: 'session1On' },
  onExpiry: 'SECOND_SESSION_WINDOW_ENDED',
  metBy: ['SIGN_AGREEMENT', 'END_MEDIATION'],
};

/**
 * The handling period of a public-order case: 30 days (2012 text 第九十九条 from acceptance; 2025 text 第一百一十八条
 * from 立案), extendable once by 30 days with the upper bureau's approval. A mediated case counts it only from the
 * failure or the non-performance (第一百八十五条第二款), so the anchor moves then.
 */
const D_PS2: DeadlineSpec = {
  id: 'D-PS2',
  label: '治安案件办案期限（三十日，调解不成或不履行的自该日起计算）',
  period: { amount: 30, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${ZAF} 第九十九条（2025年修订 第一百一十八条）；${GAXZ} 第一百八十五条第二款`,
  confidence: 'V',
  anchor: { contextDate: 'handlingFrom' },
  metBy: ['DECIDE_PENALTY'],
};

/** The agreement's own time to perform: missing it is what non-performance means (第一百八十五条). */
const D_PS3: DeadlineSpec = {
  id: 'D-PS3',
  label: '调解协议履行期限',
  period: { amount: 0, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${GAXZ} 第一百八十四条、第一百八十五条`,
  confidence: 'V',
  anchor: { contextDate: 'performanceDueOn' },
  soft: true,
  rollForward: false,
  metBy: ['RECORD_PERFORMANCE'],
};

// ---------- transitions shared by several states ----------

const assignOfficer = { ASSIGN_OFFICER: { actions: 'assignOfficer' as const } };
const referCivilPart = { REFER_CIVIL_PART: { guard: 'referredNotInFuture' as const, actions: 'noteCivilReferral' as const } };
/** 第一百八十六条: before the police decide, the parties may go to people's mediation or settle between themselves. */
const insteadOfPolice = {
  REFER_TO_PEOPLES_MEDIATION: { target: to('pmReferral'), guard: and(['everyPartyRequested', 'referredNotInFuture']), actions: { type: 'recordReferral' as const, params: { kind: 'PEOPLES_MEDIATION' as const } } },
  CHOOSE_SELF_SETTLEMENT: { target: to('pmReferral'), guard: and(['everyPartyRequested', 'referredNotInFuture']), actions: { type: 'recordReferral' as const, params: { kind: 'SELF_SETTLEMENT' as const } } },
};
const signAgreement = {
  SIGN_AGREEMENT: {
    target: to('agreement'),
    guard: and(['everyPartySigned', 'onTheSpotRecorded', 'singleOfficerRecorded', 'signedNotInFuture', 'withinSecondSessionWindow']),
    actions: 'recordAgreement' as const,
  },
};
const decidePenalty = { DECIDE_PENALTY: { target: to('penalty'), guard: and(['civilRouteNoticeGiven', 'decisionNotInFuture']), actions: ['recordPenalty' as const, report('PENALISED')] } };
const endMediation = { END_MEDIATION: { target: to('failedOrUnperformed'), guard: 'endedNotInFuture', actions: 'recordEnd' as const } };

const date = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

export const psMachine = setup({
  types: {} as { context: PsContext; events: WorkflowEvent; input: PsContext },
  guards: guardsFrom(psPreconditions),
  actions: {
    ...engineEffects,
    assignOfficer: assign({ officerId: ({ event }) => String(event.data.officerId) }),
    // A transferred case is accepted the day the station signs for it.
    recordAcceptance: assign({ acceptedOn: ({ event }) => event.today }),
    recordReview: assign(({ context, event }) => ({
      violation: typeof event.data.violation === 'string' ? (event.data.violation as PsContext['violation']) : context.violation,
      relationship: event.data.relationship,
      arisesFromCivilDispute: event.data.arisesFromCivilDispute === true,
      minorCircumstances: event.data.minorCircumstances === true,
      minorInvolved: event.data.minorInvolved === true,
    })),
    recordEligible: assign({ eligibleOn: ({ event }) => String(event.data.decidedOn) }),
    // Not mediable: an ordinary public-order case, whose handling period runs from acceptance.
    recordIneligible: assign(({ context, event }) => ({ ineligibleGround: String(event.data.ground), handlingFrom: context.acceptedOn })),
    recordAgreement: assign(({ context, event }) => ({
      agreement: {
        signedOn: String(event.data.signedOn),
        form: event.data.form,
        content: String(event.data.content),
        ...(typeof event.data.recordingRef === 'string' ? { recordingRef: event.data.recordingRef } : {}),
      },
      // An agreement at the first session is that session; one in the window is the second.
      ...(context.session1On ? { session2On: String(event.data.signedOn) } : { session1On: String(event.data.signedOn) }),
      performanceDueOn: date(event.data.performanceDueOn),
    })),
    recordFirstSession: assign({ session1On: ({ event }) => String(event.data.heldOn) }),
    recordEnd: assign(({ event }) => ({ failure: { on: String(event.data.endedOn), ground: String(event.data.ground) }, handlingFrom: String(event.data.endedOn) })),
    recordWindowEnded: assign(({ event }) => {
      const on = date(event.data.dueOn) ?? event.today;
      return { failure: { on, ground: 'SECOND_SESSION_WINDOW_ENDED' }, handlingFrom: on };
    }),
    recordPerformance: assign({ performedOn: ({ event }) => String(event.data.performedOn) }),
    recordNonPerformance: assign(({ event }) => ({ failure: { on: String(event.data.recordedOn), ground: 'NOT_PERFORMED' }, handlingFrom: String(event.data.recordedOn) })),
    recordClosure: assign({ closedOn: ({ event }) => String(event.data.closedOn) }),
    recordCivilRouteNotice: assign({
      civilRouteNotice: ({ event }) => ({ routes: event.data.routes as string[], notifiedOn: String(event.data.notifiedOn), method: String(event.data.method) }),
    }),
    recordPenalty: assign({ penalty: ({ event }) => ({ decisionNo: String(event.data.decisionNo), decidedOn: String(event.data.decidedOn), kind: String(event.data.kind) }) }),
    recordReferral: assign(({ event }, params: { kind: 'PEOPLES_MEDIATION' | 'SELF_SETTLEMENT' }) => ({
      referral: { kind: params.kind, referredOn: String(event.data.referredOn), returned: false },
      pmAgreedOn: undefined,
    })),
    recordPmAgreement: assign({ pmAgreedOn: ({ event }) => date(event.data.reportedOn) ?? event.today }),
    recordPmReturned: assign(({ context }) => ({ referral: context.referral && { ...context.referral, returned: true } })),
    recordPmEnded: assign(({ event }) => {
      const on = date(event.data.reportedOn) ?? event.today;
      return { failure: { on, ground: `PM_${String(event.data.outcome ?? 'ENDED')}` }, handlingFrom: on };
    }),
    recordReferralFailed: assign(({ event }) => ({ failure: { on: String(event.data.endedOn), ground: 'SETTLEMENT_FAILED' }, handlingFrom: String(event.data.endedOn) })),
    recordJointApplication: assign({ jointApplication: ({ event }) => ({ appliedOn: String(event.data.appliedOn), approvedBy: String(event.data.approvedBy) }) }),
    // The civil part's own case is opened by route R23; the police case only notes it and goes on.
    noteCivilReferral: assign(({ context, event }) => ({ civilReferrals: [...(context.civilReferrals ?? []), { matter: String(event.data.matter), referredOn: String(event.data.referredOn) }] })),
  },
}).createMachine({
  id: 'ps',
  initial: 'caseAccepted',
  context: ({ input }) => input,
  states: {
    caseAccepted: {
      description: '公安机关受理治安案件（受案）。因民间纠纷引起、情节较轻的，可以调解处理。',
      meta: meta({ label: '受案', labelEn: 'Case accepted', legalBasis: `${ZAF} 第九条；${GAXZ} 第一百七十八条` }),
      on: {
        ...assignOfficer,
        REVIEW_ELIGIBILITY: { target: to('eligibility'), actions: 'recordReview' },
        RECEIVE_TRANSFER: { target: to('transferReceived') },
      },
    },
    transferReceived: {
      description: '其他机关移送的纠纷（如调解组织发现可能激化、涉嫌违反治安管理）：派出所签收受案，或者说明理由退回。',
      tags: ['inbox'],
      meta: meta({ label: '移送待受案', labelEn: 'Transferred, awaiting acceptance', legalBasis: '人民调解法 第二十五条' }),
      on: {
        SIGN_FOR: { target: to('caseAccepted'), actions: ['recordAcceptance', acceptTransfer] },
        RETURN: { target: to('transferReturned'), actions: [returnTransfer('reason')] },
      },
    },
    eligibility: {
      description: '调解条件审查：因民间纠纷引起、情节较轻的殴打他人、故意伤害、侮辱、诽谤、故意损毁财物等，当事人相识且双方同意；雇凶伤害、结伙斗殴、多次违法、明确不愿调解等不适用调解；未成年当事人的监护人应当到场。',
      meta: meta({ label: '调解条件审查', labelEn: 'Eligibility review', legalBasis: `${GAXZ} 第一百七十八条至第一百八十一条` }),
      on: {
        ...assignOfficer,
        FIND_ELIGIBLE: {
          target: to('session1'),
          guard: and(['mediableViolation', 'civilDisputeBetweenKnownParties', 'bothPartiesConsent', 'noExclusionApplies', 'guardiansPresentForMinors', 'decidedNotInFuture']),
          actions: 'recordEligible',
        },
        FIND_INELIGIBLE: { target: to('ineligible'), actions: 'recordIneligible' },
        ...insteadOfPolice,
      },
    },
    session1: {
      description: '首次调解：在公安机关主持下调解，邻里纠纷可以邀请村（居）委会人员或者双方熟悉的人员协助。调解一般为一次；一次调解不成，公安机关认为有必要或者当事人申请的，可以再次调解。',
      tags: ['mediating'],
      meta: meta({ label: '首次调解', labelEn: 'First session', legalBasis: `${GAXZ} 第一百八十条、第一百八十二条、第一百八十三条` }),
      on: {
        ...assignOfficer,
        ...signAgreement,
        FIRST_SESSION_FAILED: { target: to('session2'), guard: 'heldNotInFuture', actions: 'recordFirstSession' },
        ...endMediation,
        ...insteadOfPolice,
        ...referCivilPart,
      },
    },
    session2: {
      description: '再次调解：应当在第一次调解后的七个工作日内完成；期满未达成协议的，依法处理。',
      tags: ['mediating', 'secondSession'],
      meta: meta({ label: '再次调解', labelEn: 'Second session', legalBasis: `${GAXZ} 第一百八十三条`, deadlines: [D_PS1] }),
      on: {
        ...assignOfficer,
        ...signAgreement,
        ...endMediation,
        SECOND_SESSION_WINDOW_ENDED: { target: to('failedOrUnperformed'), actions: 'recordWindowEnded' },
        ...insteadOfPolice,
        ...referCivilPart,
      },
    },
    agreement: {
      description: '达成调解协议：在公安机关主持下制作调解协议书，双方当事人签名（当场调解的全程录音录像），并履行调解协议。',
      tags: ['performance'],
      meta: meta({ label: '调解协议', labelEn: 'Agreement signed', legalBasis: `${GAXZ} 第一百七十八条、第一百八十四条`, deadlines: [D_PS3] }),
      on: {
        ...assignOfficer,
        RECORD_PERFORMANCE: { target: to('performed'), guard: 'performedNotInFuture', actions: 'recordPerformance' },
        RECORD_NON_PERFORMANCE: { target: to('failedOrUnperformed'), guard: and(['performancePeriodOver', 'recordedNotInFuture']), actions: 'recordNonPerformance' },
        ...referCivilPart,
      },
    },
    performed: {
      description: '调解协议已经履行：公安机关不再处罚。',
      meta: meta({ label: '协议已履行', labelEn: 'Agreement performed', legalBasis: `${ZAF} 第九条；${GAXZ} 第一百八十五条` }),
      on: { ...assignOfficer, CLOSE_WITHOUT_PENALTY: { target: to('noPenalty'), actions: ['recordClosure', report('NO_PENALTY')] }, ...referCivilPart },
    },
    failedOrUnperformed: {
      description: '调解未达成协议或者达成协议后不履行：依法处罚，办案期限自调解未达成协议或者协议不履行之日起计算；告知当事人可以就民事争议向人民法院提起诉讼或者申请人民调解。作出处理决定前，当事人仍可以申请人民调解或者自行和解。',
      tags: ['decisionPending'],
      meta: meta({ label: '调解不成或未履行', labelEn: 'Mediation failed or agreement not performed', legalBasis: `${ZAF} 第九条；${GAXZ} 第一百八十五条`, deadlines: [D_PS2] }),
      on: {
        ...assignOfficer,
        GIVE_CIVIL_ROUTE_NOTICE: { actions: 'recordCivilRouteNotice' },
        ...decidePenalty,
        ...insteadOfPolice,
        ...referCivilPart,
      },
    },
    ineligible: {
      description: '不适用调解：按一般程序办理治安案件，办案期限自受理之日起计算；民事部分可以告知当事人向人民法院起诉或者申请人民调解。',
      tags: ['decisionPending'],
      meta: meta({ label: '不适用调解', labelEn: 'Not mediable', legalBasis: `${GAXZ} 第一百七十八条、第一百七十九条`, deadlines: [D_PS2] }),
      on: {
        ...assignOfficer,
        GIVE_CIVIL_ROUTE_NOTICE: { actions: 'recordCivilRouteNotice' },
        ...decidePenalty,
        ...referCivilPart,
      },
    },
    pmReferral: {
      description: '当事人申请人民调解或者自行和解（警调对接）：达成协议并履行后，双方当事人书面申请并经公安机关认可的，不予处罚；公安机关已作出处理决定的除外。',
      tags: ['referral'],
      meta: meta({ label: '转人民调解/自行和解', labelEn: 'People’s mediation or settlement', legalBasis: `${GAXZ} 第一百八十六条；${ZAF}（2025年修订） 第九条第四款` }),
      on: {
        ...assignOfficer,
        PM_AGREED: { actions: 'recordPmAgreement' },
        PM_RETURNED: { actions: 'recordPmReturned' },
        PM_ENDED: { target: to('failedOrUnperformed'), actions: 'recordPmEnded' },
        JOINT_APPLICATION: {
          target: to('noPenalty'),
          guard: and(['everyPartyApplied', 'agreementPerformedBeforeApplication', 'pmAgreementReported', 'approvedNotInFuture']),
          actions: ['recordJointApplication', report('NO_PENALTY')],
        },
        REFERRAL_FAILED: { target: to('failedOrUnperformed'), guard: 'endedNotInFuture', actions: 'recordReferralFailed' },
      },
    },
    transferReturned: {
      type: 'final',
      description: '派出所说明理由退回移送（如不属于公安机关管辖、不构成违反治安管理行为）。',
      meta: meta({ label: '已退回移送', labelEn: 'Transfer returned' }),
    },
    noPenalty: {
      type: 'final',
      description: '不予处罚：经公安机关调解达成协议并履行，或者经人民调解、自行和解达成协议并履行后双方书面申请经公安机关认可。',
      meta: meta({ label: '不予处罚', labelEn: 'No penalty', legalBasis: `${ZAF} 第九条；${GAXZ} 第一百八十五条、第一百八十六条` }),
    },
    penalty: {
      type: 'final',
      description: '依法作出治安管理处罚决定；民事争议已告知当事人可以向人民法院提起民事诉讼。',
      meta: meta({ label: '依法处罚', labelEn: 'Penalty decided', legalBasis: `${ZAF} 第九条；${GAXZ} 第一百八十五条` }),
    },
  },
});
