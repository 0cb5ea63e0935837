import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { confirmationWindow, engineEffects, guardsFrom, report } from '../building-blocks';
import { calculateCompensation } from './ta.calculator';
import type { AgreementSource, LossKind, TaContext } from './ta.context';
import { BXF, DJAF, DJCX } from './ta.events';
import { taPreconditions } from './ta.preconditions';

const meta = (m: StateMeta) => m;
const to = (state: string) => `#ta.${state}`;
const date = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

// ---------- deadlines (spec table (b); 第一百一十二条: the 道交 days are working days) ----------

const working = (id: string, label: string, amount: number, legalBasis: string, extra: Partial<DeadlineSpec> = {}): DeadlineSpec => ({
  id,
  label,
  period: { amount, unit: 'day' },
  dayType: 'working',
  legalBasis: `${legalBasis}、第一百一十二条`,
  confidence: 'V',
  ...extra,
});

const D_TA1 = working('D-TA1', '简易程序认定书期限（当场或者三日内）', 3, `${DJCX} 第二十四条`, { anchor: { contextDate: 'simpleSceneOn' }, metBy: ['ISSUE_DETERMINATION'] });
const D_TA2 = working('D-TA2', '认定书制作期限（现场调查之日起十日内）', 10, `${DJCX} 第六十二条`, { anchor: { contextDate: 'generalSceneOn' }, metBy: ['ISSUE_DETERMINATION'] });
const D_TA2A = working('D-TA2A', '认定书制作期限（检验报告、鉴定意见确定之日起五日内）', 5, `${DJCX} 第六十二条`, { anchor: { contextDate: 'testResultOn' }, metBy: ['ISSUE_DETERMINATION'] });
const D_TA3 = working('D-TA3', '认定书送达期限（制作后三日内）', 3, `${DJCX} 第六十五条`, { anchor: { contextDate: 'determinationMadeOn' }, metBy: ['SERVE_DETERMINATION'] });
const D_TA4 = working('D-TA4', '复核申请期限（认定书送达之日起三日内）', 3, `${DJCX} 第七十一条`, { anchor: { contextDate: 'determinationServedOn' }, onExpiry: 'REVIEW_WINDOW_ENDED' });
const D_TA5: DeadlineSpec = {
  id: 'D-TA5',
  label: '复核期限（受理之日起三十日内作出复核结论）',
  period: { amount: 30, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${DJCX} 第七十四条`,
  confidence: 'V',
  anchor: { contextDate: 'reviewAcceptedOn' },
  metBy: ['REVIEW_UPHELD', 'REINVESTIGATION_ORDERED'],
};
const D_TA6 = working('D-TA6', '重新调查认定期限（十日内）', 10, `${DJCX} 第七十九条`, { anchor: { contextDate: 'reinvestigationOrderedOn' }, metBy: ['ISSUE_DETERMINATION'] });

/** Before the route is chosen, the ten working days for police mediation run through loss fixing, appraisal and the calculation. */
const BEFORE_ROUTE = ['lossFixing', 'appraisal', 'calculation'];
const D_TA7 = (state: string) =>
  working('D-TA7', '申请交警调解期限（收到认定书或复核结论之日起十日内）', 10, `${DJCX} 第八十六条`, {
    anchor: { contextDate: 'policeMediationWindowFrom' },
    onExpiry: 'POLICE_MEDIATION_WINDOW_ENDED',
    metBy: ['APPLY_POLICE_MEDIATION'],
    runsThrough: BEFORE_ROUTE.filter((s) => s !== state),
  });
const D_TA8 = working('D-TA8', '调解通知期（提前三日通知，满三日方可调解）', 3, `${DJCX} 第八十八条`, { anchor: { contextDate: 'sessionNoticeOn' }, soft: true, metBy: ['HOLD_SESSION'] });
const D_TA9 = working('D-TA9', '交警调解期限（调解开始之日起十日内）', 10, `${DJCX} 第九十条`, {
  anchor: { contextDate: 'policeMediationStartedOn' },
  onExpiry: 'POLICE_MEDIATION_PERIOD_ENDED',
  metBy: ['SIGN_MEDIATION_DOCUMENT', 'END_POLICE_MEDIATION'],
  runsThrough: ['sessionNoticed', 'sessionHeld'],
});
const D_TA12 = working('D-TA12', '人民调解不成后申请交警调解期限（终止之日起三日内）', 3, `${DJCX} 第八十五条`, { anchor: { contextDate: 'pmEndedOn' }, metBy: ['APPLY_POLICE_MEDIATION'] });
const D_TA10: DeadlineSpec = {
  id: 'D-TA10',
  label: '保险公司赔付期限（达成赔偿协议后十日内）',
  period: { amount: 10, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${BXF} 第二十三条`,
  confidence: 'V',
  anchor: { contextDate: 'agreedOn' },
  onExpiry: 'CLAIM_OVERDUE',
  metBy: ['INSURER_PAID'],
  runsThrough: ['claim'],
};
const D_TA10A: DeadlineSpec = {
  id: 'D-TA10A',
  label: '保险公司核定期限（情形复杂的三十日内）',
  period: { amount: 30, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${BXF} 第二十三条`,
  confidence: 'V',
  anchor: { contextDate: 'claimedOn' },
  soft: true,
  metBy: ['INSURER_PAID'],
};
const D_TA11: DeadlineSpec = {
  id: 'D-TA11',
  label: '先予支付可以确定的数额（收到索赔材料之日起六十日）',
  period: { amount: 60, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${BXF} 第二十五条`,
  confidence: 'V',
  anchor: { contextDate: 'claimedOn' },
  metBy: ['INSURER_PAID'],
};
const AFTER_AGREEMENT = ['agreement', 'claim', 'claimOverdue', 'paid'];
/** This case's own agreement (on the spot or police mediation) may be confirmed within 30 days while the claim goes on. */
const { onExpiry: _none, ...confirmation } = confirmationWindow('', ['APPLY_JUDICIAL_CONFIRMATION']);
const D_JC1: DeadlineSpec = { ...confirmation, runsThrough: AFTER_AGREEMENT.slice(1) };

// ---------- transitions shared by several states ----------

const assignOfficer = { ASSIGN_OFFICER: { actions: 'assignOfficer' as const } };
const fileSuit = { FILE_SUIT: { target: to('litigation'), guard: 'filedNotInFuture' as const, actions: 'recordSuit' as const } };
const applyPeoples = { APPLY_PEOPLES_MEDIATION: { target: to('peopleMediation'), guard: 'appliedNotInFuture' as const, actions: 'recordPmApplied' as const } };
const beforeRoute = {
  ...assignOfficer,
  APPLY_POLICE_MEDIATION: { target: to('policeMediationApplied'), guard: and(['jointApplication', 'withinPoliceMediationWindow', 'appliedNotInFuture']), actions: 'recordPoliceApplication' as const },
  ...applyPeoples,
  ...fileSuit,
  POLICE_MEDIATION_WINDOW_ENDED: { actions: 'closePoliceWindow' as const },
};
const policeEnd = {
  END_POLICE_MEDIATION: { target: to('policeMediationFailed'), guard: 'endedNotInFuture' as const, actions: 'recordPoliceEnd' as const },
  ...fileSuit,
  POLICE_MEDIATION_PERIOD_ENDED: { target: to('policeMediationFailed'), actions: 'recordPoliceExpired' as const },
};
const afterAgreement = {
  ...assignOfficer,
  APPLY_JUDICIAL_CONFIRMATION: { guard: and(['ownAgreement', 'everyPartyApplied', 'withinConfirmationWindow']), actions: 'recordConfirmationApplied' as const },
  JC_CONFIRMED: { actions: 'recordConfirmed' as const },
  JC_NOT_CONFIRMED: { actions: 'recordNotConfirmed' as const },
  RECORD_CONFIRMATION: { guard: 'ruledNotInFuture' as const, actions: 'recordConfirmation' as const },
  RECORD_PARTY_PAYMENT: { guard: 'paidNotInFuture' as const, actions: 'recordPartyPayment' as const },
};
const insurerPaid = { INSURER_PAID: { target: to('paid'), guard: 'paidNotInFuture' as const, actions: 'recordInsurerPaid' as const } };

const agreed = (source: AgreementSource, on: string, own: boolean) => ({ agreement: { source, on }, agreedOn: on, ...(own ? { agreementEffectiveOn: on } : {}) });

export const taMachine = setup({
  types: {} as { context: TaContext; events: WorkflowEvent; input: TaContext },
  guards: guardsFrom(taPreconditions),
  actions: {
    ...engineEffects,
    assignOfficer: assign({ officerId: ({ event }) => String(event.data.officerId) }),
    recordSelfSettlement: assign({ quickSettlement: ({ event }) => ({ on: String(event.data.settledOn), content: String(event.data.content) }) }),
    recordScene: assign(({ event }) =>
      event.data.procedure === 'GENERAL'
        ? { procedure: 'GENERAL' as const, generalSceneOn: String(event.data.sceneOn), simpleSceneOn: undefined }
        : { procedure: 'SIMPLE' as const, simpleSceneOn: String(event.data.sceneOn), generalSceneOn: undefined },
    ),
    recordOnSpot: assign({ procedure: 'SIMPLE' as const, simpleSceneOn: ({ event }) => String(event.data.sceneOn) }),
    // 第二十六条: a party refusing to sign ends the on-the-spot mediation; the determination follows the simple procedure.
    recordOnSpotRefused: assign({ procedure: 'SIMPLE' as const, simpleSceneOn: ({ context, event }) => context.simpleSceneOn ?? event.today }),
    // Once a test or appraisal is ordered, the five working days after its result replace the ten after the scene.
    recordTestOrdered: assign({ generalSceneOn: undefined, simpleSceneOn: undefined }),
    recordTestResult: assign({ testResultOn: ({ event }) => String(event.data.resultOn) }),
    recordDetermination: assign(({ event }) => ({
      determinationMadeOn: String(event.data.madeOn),
      determination: { kind: event.data.kind, liability: event.data.liability as { partyId: string; share: string }[] },
      reinvestigationOrderedOn: undefined,
    })),
    recordService: assign(({ event }) => ({ determinationServedOn: String(event.data.servedOn), policeMediationWindowFrom: String(event.data.servedOn) })),
    recordReview: assign({ reviewUsed: true, reviewAcceptedOn: ({ event }) => String(event.data.acceptedOn) }),
    // 第八十六条: the ten working days run again from the receipt of the review conclusion.
    recordReviewUpheld: assign({ policeMediationWindowFrom: ({ event }) => String(event.data.receivedOn) }),
    recordReinvestigation: assign({ reinvestigationOrderedOn: ({ event }) => String(event.data.orderedOn) }),
    recordLossFixed: assign({ lossesFixed: ({ context, event }) => [...context.lossesFixed, { kind: event.data.kind as LossKind, on: String(event.data.fixedOn) }] }),
    recordAppraisal: assign(({ context, event }) => ({
      appraisal: {
        resultOn: String(event.data.resultOn),
        institution: String(event.data.institution),
        ...(typeof event.data.disabilityGrade === 'number' ? { disabilityGrade: event.data.disabilityGrade } : {}),
      },
      lossesFixed: typeof event.data.disabilityGrade === 'number' ? [...context.lossesFixed, { kind: 'DISABILITY_RATED' as const, on: String(event.data.resultOn) }] : context.lossesFixed,
    })),
    calculate: assign({
      compensation: ({ event }) =>
        calculateCompensation(
          {
            medical: Number(event.data.medical),
            deathDisability: Number(event.data.deathDisability),
            property: Number(event.data.property),
            liability: String(event.data.liability),
            compulsoryInsured: event.data.compulsoryInsured === true,
            commercialLimit: Number(event.data.commercialLimit),
            excludedFromCommercial: Number(event.data.excludedFromCommercial),
          },
          event.policy,
        ),
    }),
    closePoliceWindow: assign({ policeMediationWindowFrom: undefined }),
    recordPmApplied: assign({ peoplesMediation: ({ event }) => ({ appliedOn: String(event.data.appliedOn) }), pmEndedOn: undefined }),
    recordPmAgreed: assign(({ event }) => agreed('PEOPLES_MEDIATION', date(event.data.reportedOn) ?? event.today, false)),
    recordPmEnded: assign(({ context, event }) => {
      const on = date(event.data.reportedOn) ?? event.today;
      return { pmEndedOn: on, peoplesMediation: context.peoplesMediation && { ...context.peoplesMediation, endedOn: on } };
    }),
    recordPmReturned: assign({ peoplesMediation: undefined }),
    recordPoliceApplication: assign({ policeMediationAppliedOn: ({ event }) => String(event.data.appliedOn), policeMediationEnded: undefined }),
    recordPoliceStart: assign({ policeMediationStartedOn: ({ event }) => String(event.data.startedOn) }),
    recordSessionNotice: assign({ sessionNoticeOn: ({ event }) => String(event.data.noticeOn), sessionOn: ({ event }) => String(event.data.sessionOn) }),
    recordSessionHeld: assign({ sessionOn: ({ event }) => String(event.data.heldOn) }),
    recordPoliceAgreement: assign(({ event }) => agreed('POLICE', String(event.data.signedOn), true)),
    recordOnSpotAgreement: assign(({ event }) => agreed('ON_SPOT', String(event.data.signedOn), true)),
    recordPoliceEnd: assign({ policeMediationEnded: ({ event }) => ({ on: String(event.data.endedOn), ground: String(event.data.ground) }) }),
    recordPoliceExpired: assign({ policeMediationEnded: ({ event }) => ({ on: date(event.data.dueOn) ?? event.today, ground: 'PERIOD_ENDED' }) }),
    // 第九十四条: a suit filed during police mediation ends it.
    recordSuit: assign(({ context, event }) => ({
      suitFiledOn: String(event.data.filedOn),
      ...(context.policeMediationAppliedOn && !context.policeMediationEnded ? { policeMediationEnded: { on: String(event.data.filedOn), ground: 'SUIT_FILED' } } : {}),
    })),
    recordCourtSettled: assign(({ event }) => {
      const on = date(event.data.reportedOn) ?? event.today;
      return { ...agreed('COURT', on, false), enforceableTitle: { kind: 'MEDIATION_DOC' as const, ref: String(event.data.sourceCaseNo ?? event.data.sourceCaseId), on } };
    }),
    recordJudgment: assign(({ event }) => {
      const on = date(event.data.reportedOn) ?? event.today;
      return { ...agreed('COURT', on, false), enforceableTitle: { kind: 'JUDGMENT' as const, ref: String(event.data.sourceCaseNo ?? event.data.sourceCaseId), on } };
    }),
    recordCourtEnded: assign({ suitFiledOn: undefined }),
    recordConfirmationApplied: assign({ confirmationPending: true }),
    recordConfirmed: assign(({ event }) => ({
      confirmationPending: false,
      enforceableTitle: { kind: 'CONFIRMATION' as const, ref: String(event.data.rulingNo ?? event.data.sourceCaseNo ?? event.data.sourceCaseId), on: date(event.data.reportedOn) ?? event.today },
    })),
    recordNotConfirmed: assign({ confirmationPending: false }),
    recordConfirmation: assign({ enforceableTitle: ({ event }) => ({ kind: 'CONFIRMATION' as const, ref: String(event.data.rulingNo), on: String(event.data.ruledOn) }) }),
    recordClaim: assign(({ event }) => ({
      claimedOn: String(event.data.claimedOn),
      claim: {
        insurerPartyId: String(event.data.insurerPartyId),
        amount: Number(event.data.amount),
        partyShares: (Array.isArray(event.data.partyShares) ? event.data.partyShares : []) as { partyId: string; amount: number }[],
      },
    })),
    recordInsurerPaid: assign({ insurerPaidOn: ({ event }) => String(event.data.paidOn) }),
    recordOverdue: assign({ overdueOn: ({ event }) => date(event.data.dueOn) ?? event.today }),
    recordSuggestion: assign({
      judicialSuggestion: ({ event }) => ({ requestedOn: String(event.data.requestedOn), note: String(event.data.note), ...(typeof event.data.courtOrgId === 'string' ? { courtOrgId: event.data.courtOrgId } : {}) }),
    }),
    recordEnforcementAdvice: assign({ enforcementAdvisedOn: ({ event }) => String(event.data.advisedOn) }),
    recordPartyPayment: assign({
      partyPayments: ({ context, event }) => [...context.partyPayments, { partyId: String(event.data.partyId), amount: Number(event.data.amount), paidOn: String(event.data.paidOn) }],
    }),
    recordClosure: assign({ closedOn: ({ event }) => String(event.data.closedOn) }),
  },
}).createMachine({
  id: 'ta',
  initial: 'reported',
  context: ({ input }) => input,
  states: {
    reported: {
      description: '报警：交警接报道路交通事故。仅造成财产损失的可以自行协商（快处快赔）；当事人共同申请的可以当场调解；其他的现场调查。',
      meta: meta({ label: '报警', labelEn: 'Reported', legalBasis: `${DJCX} 第十三条、第十九条` }),
      on: {
        ...assignOfficer,
        CHOOSE_SELF_NEGOTIATION: { target: to('selfNegotiation'), guard: and(['propertyOnly', 'everyPartyAgreedToNegotiate']) },
        MEDIATE_ON_SPOT: { target: to('onSpotMediation'), guard: and(['notFatal', 'everyPartyRequestedOnSpot', 'sceneNotInFuture']), actions: 'recordOnSpot' },
        START_INVESTIGATION: { target: to('investigation'), guard: 'sceneNotInFuture', actions: 'recordScene' },
      },
    },
    selfNegotiation: {
      description: '快处快赔：固定证据后撤离现场，当事人自行协商损害赔偿；协议不履行的，可以申请人民调解或者提起民事诉讼。',
      meta: meta({ label: '自行协商', labelEn: 'Self-negotiation', legalBasis: `${DJCX} 第十九条、第二十二条` }),
      on: {
        ...assignOfficer,
        RECORD_SELF_SETTLEMENT: { target: to('quickSettled'), guard: 'settledNotInFuture', actions: ['recordSelfSettlement', report('QUICK_SETTLED')] },
        NEGOTIATION_FAILED: { target: to('investigation'), guard: 'sceneNotInFuture', actions: 'recordScene' },
      },
    },
    onSpotMediation: {
      description: '当场调解：各方当事人共同申请的，交警在现场调解；当事人拒绝签名或者不同意调解的，不适用当场调解，依简易程序认定责任。',
      meta: meta({ label: '当场调解', labelEn: 'On-the-spot mediation', legalBasis: `${DJCX} 第二十五条、第二十六条` }),
      on: {
        ...assignOfficer,
        SIGN_ON_SPOT_AGREEMENT: { target: to('agreement'), guard: and(['everyPartySigned', 'signedNotInFuture']), actions: 'recordOnSpotAgreement' },
        ON_SPOT_REFUSED: { target: to('investigation'), actions: 'recordOnSpotRefused' },
      },
    },
    investigation: {
      description: '现场调查、认定责任：简易程序当场或者三日内制作认定书；一般程序自现场调查之日起十日内，需要检验、鉴定的自结果确定之日起五日内制作。事实无法查清的出具道路交通事故证明。',
      meta: meta({ label: '现场调查', labelEn: 'Investigation', legalBasis: `${DJCX} 第二十四条、第六十二条、第六十七条`, deadlines: [D_TA1, D_TA2, D_TA2A] }),
      on: {
        ...assignOfficer,
        ISSUE_DETERMINATION: { target: to('determinationMade'), guard: 'madeNotInFuture', actions: 'recordDetermination' },
        ORDER_TEST: { target: to('testing'), actions: 'recordTestOrdered' },
      },
    },
    testing: {
      description: '检验、鉴定中：认定书自检验报告、鉴定意见确定之日起五日内制作。',
      meta: meta({ label: '检验鉴定', labelEn: 'Test or appraisal for the determination', legalBasis: `${DJCX} 第六十二条` }),
      on: { ...assignOfficer, RECORD_TEST_RESULT: { target: to('investigation'), guard: 'resultNotInFuture', actions: 'recordTestResult' } },
    },
    determinationMade: {
      description: '认定书已制作，三日内送达当事人，并告知申请复核、调解和提起民事诉讼的权利、期限。',
      meta: meta({ label: '待送达认定书', labelEn: 'Determination made, to be served', legalBasis: `${DJCX} 第六十五条`, deadlines: [D_TA3] }),
      on: {
        ...assignOfficer,
        SERVE_DETERMINATION: { target: to('reviewWindow'), guard: and(['everyPartyServed', 'rightsNoticeComplete', 'servedNotInFuture']), actions: 'recordService' },
      },
    },
    reviewWindow: {
      description: '复核申请期：当事人对认定书有异议的，可以自送达之日起三日内向上一级交管部门提出书面复核申请，以一次为限。',
      meta: meta({ label: '复核申请期', labelEn: 'Review window', legalBasis: `${DJCX} 第七十一条`, deadlines: [D_TA4] }),
      on: {
        ...assignOfficer,
        APPLY_REVIEW: { target: to('underReview'), guard: and(['withinReviewWindow', 'reviewNotUsed', 'acceptedNotInFuture']), actions: 'recordReview' },
        REVIEW_WINDOW_ENDED: { target: to('lossFixing') },
      },
    },
    underReview: {
      description: '复核中：上一级交管部门自受理之日起三十日内作出复核结论（维持，或者责令重新调查、认定）。',
      meta: meta({ label: '复核中', labelEn: 'Under review', legalBasis: `${DJCX} 第七十四条、第七十八条`, deadlines: [D_TA5] }),
      on: {
        ...assignOfficer,
        REVIEW_UPHELD: { target: to('lossFixing'), guard: 'receivedNotInFuture', actions: 'recordReviewUpheld' },
        REINVESTIGATION_ORDERED: { target: to('reinvestigation'), guard: 'orderedNotInFuture', actions: 'recordReinvestigation' },
      },
    },
    reinvestigation: {
      description: '重新调查：原办案单位自收到复核结论之日起十日内重新调查，重新作出认定。',
      meta: meta({ label: '重新调查', labelEn: 'Re-investigation', legalBasis: `${DJCX} 第七十九条`, deadlines: [D_TA6] }),
      on: { ...assignOfficer, ISSUE_DETERMINATION: { target: to('determinationMade'), guard: 'madeNotInFuture', actions: 'recordDetermination' } },
    },
    lossFixing: {
      description: '损失确定：造成人员死亡的丧葬事宜结束，受伤的治疗终结或者定残，财产损失确定。当事人可以选择人民调解、交警调解（收到认定书之日起十日内共同申请）或者提起民事诉讼。',
      tags: ['routeChoice'],
      meta: meta({ label: '损失确定', labelEn: 'Fixing the losses', legalBasis: `${DJCX} 第八十四条、第九十条`, deadlines: [D_TA7('lossFixing')] }),
      on: {
        ...beforeRoute,
        RECORD_LOSS_FIXED: { guard: 'fixedNotInFuture', actions: 'recordLossFixed' },
        ORDER_APPRAISAL: { target: to('appraisal') },
        CALCULATE_COMPENSATION: { target: to('calculation'), guard: 'lossesFixed', actions: 'calculate' },
      },
    },
    appraisal: {
      description: '伤残、损失鉴定：由当事人协商确定的有资质的鉴定机构进行，费用由当事人承担。',
      tags: ['routeChoice'],
      meta: meta({ label: '鉴定', labelEn: 'Appraisal', legalBasis: `${DJCX} 第九十二条`, deadlines: [D_TA7('appraisal')] }),
      on: { ...beforeRoute, RECORD_APPRAISAL: { target: to('lossFixing'), guard: 'resultNotInFuture', actions: 'recordAppraisal' } },
    },
    calculation: {
      description: '理赔计算：交强险在责任限额内先行赔付，不足部分按责任由商业第三者责任险赔付，其余由赔偿义务人承担。',
      tags: ['routeChoice'],
      meta: meta({ label: '理赔计算', labelEn: 'Compensation calculated', legalBasis: `${DJAF} 第七十六条`, deadlines: [D_TA7('calculation')] }),
      on: { ...beforeRoute, CALCULATE_COMPENSATION: { guard: 'lossesFixed', actions: 'calculate' } },
    },
    peopleMediation: {
      description: '交调委人民调解：道路交通事故人民调解委员会调解（保险公司参加），达成协议的可以申请司法确认。',
      meta: meta({ label: '交调委调解中', labelEn: 'People’s mediation at the traffic committee', legalBasis: `${DJCX} 第八十五条` }),
      on: {
        ...assignOfficer,
        PM_AGREED: { target: to('agreement'), actions: 'recordPmAgreed' },
        PM_ENDED: { target: to('peopleMediationFailed'), actions: 'recordPmEnded' },
        PM_RETURNED: { target: to('calculation'), actions: 'recordPmReturned' },
      },
    },
    peopleMediationFailed: {
      description: '人民调解不成：当事人可以直接起诉，或者自调解终止之日起三日内共同书面申请交警调解。',
      meta: meta({ label: '人民调解不成', labelEn: 'People’s mediation failed', legalBasis: `${DJCX} 第八十五条`, deadlines: [D_TA12] }),
      on: {
        ...assignOfficer,
        APPLY_POLICE_MEDIATION: { target: to('policeMediationApplied'), guard: and(['jointApplication', 'withinPoliceMediationWindow', 'appliedNotInFuture']), actions: 'recordPoliceApplication' },
        ...fileSuit,
        CLOSE_UNRESOLVED: { target: to('closed'), actions: ['recordClosure', report('UNRESOLVED')] },
      },
    },
    policeMediationApplied: {
      description: '已申请交警调解：损失确定后开始调解（死亡的丧葬事宜结束，受伤的治疗终结或定残，财产损失确定）。',
      tags: ['policeMediation'],
      meta: meta({ label: '交警调解待开始', labelEn: 'Police mediation applied for', legalBasis: `${DJCX} 第八十六条、第九十条` }),
      on: {
        ...assignOfficer,
        RECORD_LOSS_FIXED: { guard: 'fixedNotInFuture', actions: 'recordLossFixed' },
        START_POLICE_MEDIATION: { target: to('policeMediating'), guard: and(['lossesFixed', 'startedNotInFuture']), actions: 'recordPoliceStart' },
        END_POLICE_MEDIATION: { target: to('policeMediationFailed'), guard: 'endedNotInFuture', actions: 'recordPoliceEnd' },
        ...fileSuit,
      },
    },
    policeMediating: {
      description: '交警调解：确定调解时间、地点并提前三日通知，当事人一方参加人数不超过三人（含保险公司工作人员）；自开始之日起十日内结束。',
      tags: ['policeMediation'],
      meta: meta({ label: '交警调解中', labelEn: 'Police mediation', legalBasis: `${DJCX} 第八十八条至第九十一条`, deadlines: [D_TA9] }),
      on: {
        ...assignOfficer,
        NOTIFY_SESSION: { target: to('sessionNoticed'), guard: and(['atMostThreePerSide', 'noticeNotInFuture']), actions: 'recordSessionNotice' },
        ...policeEnd,
      },
    },
    sessionNoticed: {
      description: '已通知调解：通知满三日后举行调解。',
      tags: ['policeMediation'],
      meta: meta({ label: '已通知调解', labelEn: 'Session notified', legalBasis: `${DJCX} 第八十八条`, deadlines: [D_TA8] }),
      on: {
        ...assignOfficer,
        HOLD_SESSION: { target: to('sessionHeld'), guard: and(['noticePeriodElapsed', 'heldNotInFuture']), actions: 'recordSessionHeld' },
        ...policeEnd,
      },
    },
    sessionHeld: {
      description: '调解会议：告知权利义务，听取请求，依道路交通安全法第七十六条确定责任、计算数额、确定履行方式和期限；达成协议的制作调解书，未达成的制作调解终结书。',
      tags: ['policeMediation'],
      meta: meta({ label: '调解会议', labelEn: 'Session held', legalBasis: `${DJCX} 第九十一条、第九十三条、第九十四条` }),
      on: {
        ...assignOfficer,
        SIGN_MEDIATION_DOCUMENT: { target: to('agreement'), guard: and(['withinPoliceMediationPeriod', 'everyPartySigned', 'signedNotInFuture']), actions: 'recordPoliceAgreement' },
        ...policeEnd,
      },
    },
    policeMediationFailed: {
      description: '交警调解终结：当事人可以向人民法院提起民事诉讼，或者申请人民调解。',
      meta: meta({ label: '交警调解终结', labelEn: 'Police mediation ended', legalBasis: `${DJCX} 第八十六条、第九十四条` }),
      on: { ...assignOfficer, ...fileSuit, ...applyPeoples, CLOSE_UNRESOLVED: { target: to('closed'), actions: ['recordClosure', report('UNRESOLVED')] } },
    },
    litigation: {
      description: '网上立案、诉讼：人民法院立案后可以委托调解；调解书或生效判决确定的赔偿由保险公司通过一键理赔支付。',
      meta: meta({ label: '诉讼中', labelEn: 'In litigation', legalBasis: `${DJAF} 第七十四条` }),
      on: {
        ...assignOfficer,
        COURT_SETTLED: { target: to('agreement'), actions: 'recordCourtSettled' },
        COURT_JUDGMENT_FINAL: { target: to('agreement'), actions: 'recordJudgment' },
        COURT_ENDED: { target: to('calculation'), actions: 'recordCourtEnded' },
      },
    },
    agreement: {
      description: '赔偿已确定（调解协议、调解书或生效判决）：保险公司应当在达成赔偿协议后十日内赔付；本案的调解协议可以在三十日内申请司法确认。',
      tags: ['claimPending'],
      meta: meta({ label: '赔偿已确定', labelEn: 'Compensation agreed', legalBasis: `${DJCX} 第九十三条；${BXF} 第二十三条`, deadlines: [D_TA10, D_JC1] }),
      on: {
        ...afterAgreement,
        APPLY_CLAIM: { target: to('claim'), guard: and(['insurerIsParty', 'claimedNotInFuture']), actions: 'recordClaim' },
        ...insurerPaid,
        CLAIM_OVERDUE: { target: to('claimOverdue'), actions: 'recordOverdue' },
      },
    },
    claim: {
      description: '一键理赔：保险公司收到索赔材料后及时核定，情形复杂的三十日内核定；六十日内不能确定数额的，先予支付可以确定的部分。',
      tags: ['claimPending'],
      meta: meta({ label: '一键理赔', labelEn: 'Insurance claim', legalBasis: `${BXF} 第二十三条、第二十五条`, deadlines: [D_TA10A, D_TA11] }),
      on: { ...afterAgreement, ...insurerPaid, CLAIM_OVERDUE: { target: to('claimOverdue'), actions: 'recordOverdue' } },
    },
    claimOverdue: {
      description: '理赔逾期：保险公司未在十日内赔付，应当赔偿损失；可以提请人民法院通过平台向保险监管部门发送司法建议，有执行依据的可以申请强制执行。',
      tags: ['claimOverdue'],
      meta: meta({ label: '理赔逾期', labelEn: 'Claim overdue', legalBasis: `${BXF} 第二十三条` }),
      on: {
        ...afterAgreement,
        REQUEST_JUDICIAL_SUGGESTION: { guard: 'requestedNotInFuture', actions: 'recordSuggestion' },
        ADVISE_ENFORCEMENT: { guard: 'hasEnforceableTitle', actions: 'recordEnforcementAdvice' },
        ...insurerPaid,
      },
    },
    paid: {
      description: '保险公司已赔付；其余赔偿义务人履行完毕后结案。',
      meta: meta({ label: '已赔付', labelEn: 'Insurer paid', legalBasis: `${BXF} 第二十三条` }),
      on: { ...afterAgreement, CLOSE: { target: to('closed'), guard: and(['allSharesPaid', 'noConfirmationPending']), actions: ['recordClosure', report('CLOSED')] } },
    },
    closed: {
      type: 'final',
      description: '结案：赔偿履行完毕，或者当事人未再选择处理途径。',
      meta: meta({ label: '结案', labelEn: 'Closed' }),
    },
    quickSettled: {
      type: 'final',
      description: '快处快赔结案：当事人自行协商达成协议。',
      meta: meta({ label: '快处快赔结案', labelEn: 'Settled by the parties', legalBasis: `${DJCX} 第十九条` }),
    },
  },
});
