import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { acceptTransfer, engineEffects, guardsFrom, pauseDeadlines, report, resumeDeadlines, returnTransfer } from '../building-blocks';
import type { RxContext } from './rx.context';
import { addDays, isIsoDate } from './rx.periods';
import { RESUMABLE, rxPreconditions } from './rx.preconditions';
import { hearingHeard } from '../hearing-request';

const meta = (m: StateMeta) => m;
const to = (path: string) => `#rx.${path}`;
const LAW = '行政复议法';
const XZSS = '行政诉讼法';

// ---------- deadlines (spec table (b), D-RX1..D-RX15) ----------

const calendar = (id: string, label: string, amount: number, unit: 'day' | 'month' | 'year', anchor: keyof RxContext, legalBasis: string, more: Partial<DeadlineSpec> = {}): DeadlineSpec => ({
  id,
  label,
  period: { amount, unit },
  dayType: 'calendar',
  legalBasis,
  confidence: 'V',
  anchor: { contextDate: anchor },
  ...more,
});
/** 第八十八条: the law's "三日、五日、七日、十日" are working days. */
const working = (id: string, label: string, amount: number, anchor: keyof RxContext, legalBasis: string, more: Partial<DeadlineSpec> = {}): DeadlineSpec => ({
  ...calendar(id, label, amount, 'day', anchor, `${legalBasis}、第八十八条`, more),
  dayType: 'working',
});

// The application window: only the variants whose anchor the opening filled are created (rx.workflow.ts).
const D_RX1 = calendar('D-RX1', '申请期限（知道或者应当知道行政行为之日起六十日）', 60, 'day', 'windowFrom', `${LAW} 第二十条第一款`, { metBy: ['APPLY'] });
const D_RX2 = calendar('D-RX2', '未告知申请权利的最长申请期限（知道行政行为内容之日起一年）', 1, 'year', 'capFrom', `${LAW} 第二十条第二款`, { metBy: ['APPLY'] });
const D_RX3 = calendar('D-RX3', '最长申请期限（行政行为作出之日起五年）', 5, 'year', 'barFrom', `${LAW} 第二十一条`, { metBy: ['APPLY'] });
const D_RX3_RP = calendar('D-RX3-RP', '涉及不动产的最长申请期限（行政行为作出之日起二十年）', 20, 'year', 'barFromRealProperty', `${LAW} 第二十一条`, { metBy: ['APPLY'] });
const D_RX13 = calendar('D-RX13', '直接提起行政诉讼期限（知道行政行为之日起六个月）', 6, 'month', 'directSuitFrom', `${XZSS} 第四十六条`, { metBy: ['RECORD_SUIT'] });

const D_RX4 = working('D-RX4', '受理审查期限（收到申请之日起五个工作日，届满未决定不予受理的视为受理）', 5, 'receivedOn', `${LAW} 第三十条`, {
  onExpiry: 'DEEMED_ACCEPTED',
  metBy: ['ACCEPT', 'NOT_ACCEPT', 'REQUEST_SUPPLEMENT'],
});
const D_RX5 = working('D-RX5', '补正通知期限（收到申请之日起五个工作日）', 5, 'supplementNoticeFrom', `${LAW} 第三十一条`, { soft: true, metBy: ['REQUEST_SUPPLEMENT'] });
const D_RX6 = working('D-RX6', '补正期限（收到补正通知之日起十个工作日，无正当理由逾期不补正的视为放弃）', 10, 'supplementNoticeReceivedOn', `${LAW} 第三十一条`, {
  onExpiry: 'SUPPLEMENT_OVERDUE',
  metBy: ['SUPPLEMENT'],
});
const D_RX7 = working('D-RX7', '发送申请书副本期限（受理之日起七个工作日）', 7, 'ordinaryFrom', `${LAW} 第四十八条`, { metBy: ['SERVE_COPY'] });
const D_RX7_S = working('D-RX7-S', '简易程序发送申请书副本期限（受理之日起三个工作日）', 3, 'simpleFrom', `${LAW} 第五十四条`, { metBy: ['SERVE_COPY'] });
// A suspension stops the answer period too: it runs through `suspended`, paused (第三十九条).
const D_RX8 = working('D-RX8', '被申请人答复期限（收到申请书副本之日起十个工作日）', 10, 'answerFrom', `${LAW} 第四十八条、第七十条`, {
  onExpiry: 'ANSWER_OVERDUE',
  metBy: ['RECORD_ANSWER'],
  runsThrough: ['suspended'],
});
const D_RX8_S = { ...D_RX8, id: 'D-RX8-S', label: '简易程序答复期限（收到申请书副本之日起五个工作日）', period: { amount: 5, unit: 'day' as const }, legalBasis: `${LAW} 第五十四条、第七十条、第八十八条`, anchor: { contextDate: 'answerFromSimple' } };

/** The stages the decision period runs through, suspension included (its days are paused, not counted). */
const HANDLING = ['accepted', 'answerPending', 'examination', 'hearingNoticed', 'mediation', 'hearingCase'] as const;
const DECIDED_BY = ['DECIDE', 'SIGN_MEDIATION_DOC'];
const D_RX10 = calendar('D-RX10', '行政复议决定期限（普通程序，受理之日起六十日）', 60, 'day', 'ordinaryFrom', `${LAW} 第六十二条`, {
  onExpiry: 'DECISION_PERIOD_EXPIRED',
  metBy: DECIDED_BY,
  runsThrough: [...HANDLING.filter((s) => s !== 'accepted'), 'suspended'],
});
const D_RX11 = { ...D_RX10, id: 'D-RX11', label: '行政复议决定期限（简易程序，受理之日起三十日）', period: { amount: 30, unit: 'day' as const }, anchor: { contextDate: 'simpleFrom' } };
const D_RX10X = calendar('D-RX10X', '延长的行政复议决定期限（经负责人批准，不超过三十日）', 0, 'day', 'extendedDueOn', `${LAW} 第六十二条`, {
  onExpiry: 'DECISION_PERIOD_EXPIRED',
  metBy: DECIDED_BY,
  runsThrough: ['suspended'],
});
const D_RX14 = calendar('D-RX14', '中止满六十日终止（第三十九条第一款第一、二、四项事由）', 60, 'day', 'terminationClockFrom', `${LAW} 第四十一条第五项`, {
  onExpiry: 'SUSPENSION_LAPSED',
  metBy: ['RESUME'],
});
const D_RX12 = calendar('D-RX12', '提起行政诉讼期限（收到决定书或者决定期限届满之日起十五日）', 15, 'day', 'suitWindowFrom', `${XZSS} 第四十五条；${LAW} 第三十四条`, {
  onExpiry: 'SUIT_WINDOW_ENDED',
  metBy: ['RECORD_SUIT'],
});
const D_RX15 = calendar('D-RX15', '被申请人报送纠正情况期限（收到意见书之日起六十日）', 60, 'day', 'opinionReceivedOn', `${LAW} 第七十六条`, { metBy: ['RECORD_COMPLIANCE'] });

// ---------- transitions shared by several states ----------

const assignOfficer = { ASSIGN_OFFICER: { actions: 'assignOfficer' as const } };
const withdraw = { WITHDRAW: { target: to('withdrawn'), actions: ['recordWithdrawal' as const, report('WITHDRAWN')] } };
const periodExpired = { DECISION_PERIOD_EXPIRED: { target: to('litigationWindow'), actions: 'recordNoDecisionInTime' as const } };
/** The clocks a suspension stops: the decision period and, while the respondent has it, the answer period. */
const CLOCKS = { normal: ['D-RX10', 'D-RX11', 'D-RX8', 'D-RX8-S'], extended: ['D-RX10X'] };

/** What every stage between acceptance and decision allows; `state` is where a suspension returns to. */
const handling = (state: string, clocks: string[] = CLOCKS.normal) => ({
  ...assignOfficer,
  ...withdraw,
  ...periodExpired,
  SUSPEND: { target: to('suspended'), actions: [{ type: 'recordSuspension' as const, params: { state } }, pauseDeadlines(...clocks)] },
});

const extend = {
  EXTEND: {
    target: to('extended'),
    guard: and(['ordinaryProcedure', 'extensionAtMost30Days', 'extensionBeforePeriodEnds', 'extensionApprovedByHead']),
    actions: 'recordExtension' as const,
  },
};
const noticeHearing = (target?: string) => ({ NOTICE_HEARING: { ...(target ? { target: to(target) } : {}), guard: 'hearingNoticeInTime', actions: 'recordHearingNotice' as const } });
const holdHearing = (target?: string) => ({ HOLD_HEARING: { ...(target ? { target: to(target) } : {}), guard: 'hearingDateReached', actions: 'recordHearing' as const } });
const recordViews = { RECORD_VIEWS: { actions: 'recordViews' as const } };
const decide = {
  DECIDE: {
    target: to('decided'),
    guard: and(['decidedNotInFuture', 'hearingHeldIfMajor', 'viewsHeardInOrdinary', 'evidenceBacksDecision']),
    actions: ['recordDecision' as const, report('DECIDED')],
  },
};
const mediationDoc = {
  SIGN_MEDIATION_DOC: {
    target: to('mediationDoc'),
    guard: and(['mediationHeld', 'everyPartySignedMediationDoc', 'organSealedMediationDoc']),
    actions: ['recordMediationDoc' as const, report('MEDIATION_DOC_EFFECTIVE')],
  },
};
const accepted = { actions: ['recordAcceptance' as const, acceptTransfer, report('ACCEPTED')] };

type Guard = (args: { context: RxContext; event: WorkflowEvent }, params?: any) => boolean;
/** The preconditions as guards; `resumesWhereSuspended` also picks the branch (which state) with its params. */
const rxGuards: Record<string, Guard> = {
  ...guardsFrom(rxPreconditions),
  resumesWhereSuspended: ({ context }, params: { state: string }) => context.suspendedIn === params.state,
};

/** 第四十一条第五项: these grounds end the case if they last 60 days; the others suspend without that clock. */
const TERMINATION_CLOCK_GROUNDS = ['APPLICANT_DIED', 'APPLICANT_INCAPACITATED', 'ENTITY_TERMINATED'];
const date = (value: unknown) => (isIsoDate(value) ? value : undefined);

export const rxMachine = setup({
  types: {} as { context: RxContext; events: WorkflowEvent; input: RxContext },
  guards: rxGuards,
  actions: {
    pauseDeadlines: (_args: unknown, _params: { specIds: string[] }) => undefined,
    resumeDeadlines: (_args: unknown, _params: { specIds: string[] }) => undefined,
    ...engineEffects,
    assignOfficer: assign({ officerId: ({ event }) => String(event.data.officerId) }),
    recordApplication: assign(({ event }) => {
      const d = event.data;
      const receivedOn = date(d.receivedOn) ?? String(d.appliedOn);
      return {
        appliedOn: String(d.appliedOn),
        channel: d.channel,
        forwardedBy: d.channel === 'PENALISING_AGENCY' ? { agency: String(d.forwardingAgency), receivedOn: String(d.agencyReceivedOn), forwardedOn: date(d.agencyForwardedOn) } : undefined,
        receivedOn,
        supplementNoticeFrom: receivedOn,
      };
    }),
    recordSupplementRequest: assign(({ event }) => ({
      supplementRequestedOn: event.today,
      supplementNoticeReceivedOn: String(event.data.noticeReceivedOn),
      supplementNoticeFrom: undefined,
    })),
    // 第三十一条: the review period runs again from the receipt of the supplemented materials.
    recordSupplement: assign(({ event }) => ({ receivedOn: String(event.data.suppliedOn), supplementNoticeReceivedOn: undefined })),
    recordAcceptance: assign(({ event }) => {
      const acceptedOn = String(event.data.acceptedOn);
      const simple = event.data.procedure === 'SIMPLE';
      return {
        acceptedOn,
        deemedAccepted: false,
        procedure: simple ? ('SIMPLE' as const) : ('ORDINARY' as const),
        major: event.data.major === true,
        ...(simple ? { simpleFrom: acceptedOn } : { ordinaryFrom: acceptedOn }),
      };
    }),
    // 第三十条第二款: deemed accepted on the last day of the review period, in the ordinary procedure.
    recordDeemedAcceptance: assign(({ event }) => {
      const acceptedOn = date(event.data.dueOn) ?? event.today;
      return { acceptedOn, deemedAccepted: true, procedure: 'ORDINARY' as const, ordinaryFrom: acceptedOn };
    }),
    recordRefusal: assign(({ event }) => ({ suitWindowFrom: String(event.data.servedOn), suitBasis: 'NOT_ACCEPTED' as const })),
    recordCopyService: assign(({ context, event }) =>
      context.procedure === 'SIMPLE' ? { answerFromSimple: String(event.data.servedOn) } : { answerFrom: String(event.data.servedOn) },
    ),
    recordAnswer: assign(({ event }) => ({ answeredOn: String(event.data.answeredOn), answerMissing: event.data.evidenceSubmitted !== true })),
    recordMissingAnswer: assign({ answerMissing: true }),
    recordViews: assign({ viewsHeardOn: ({ event }) => String(event.data.heardOn) }),
    recordHearingNotice: assign({ hearingOn: ({ event }) => String(event.data.hearingOn) }),
    recordHearing: assign({ hearingHeldOn: ({ event }) => event.today }),
    // An applicant who stays away without cause waives the hearing (第五十一条): the organ has done what 第五十条 asks.
    recordHearingCase: assign(({ context, event }) => ({
      hearings: [...(context.hearings ?? []), hearingHeard(event)],
      hearingHeldOn:
        event.data.outcome === 'CONCLUDED' || event.data.outcome === 'WAIVED' ? (typeof event.data.heldOn === 'string' ? event.data.heldOn : event.today) : context.hearingHeldOn,
    })),
    recordMediationStart: assign({ mediationStartedOn: ({ event }) => event.today }),
    recordMediationDoc: assign({ mediationDocNo: ({ event }) => String(event.data.docNo) }),
    recordWithdrawal: assign(({ event }) => ({
      withdrawal: {
        withdrawnOn: String(event.data.withdrawnOn),
        afterSettlement: event.data.afterSettlement === true,
        facts: String(event.data.facts),
        reasons: String(event.data.reasons),
      },
    })),
    recordSuspension: assign(({ event }, params: { state: string }) => ({
      suspendedIn: params.state,
      suspensionGround: String(event.data.ground),
      terminationClockFrom: TERMINATION_CLOCK_GROUNDS.includes(event.data.ground) ? String(event.data.suspendedOn) : undefined,
    })),
    clearSuspension: assign({ suspendedIn: undefined, suspensionGround: undefined, terminationClockFrom: undefined }),
    recordExtension: assign(({ event }) => ({ extensionDays: Number(event.data.days), extendedDueOn: addDays(event.deadlines['D-RX10'], Number(event.data.days)) })),
    recordNoDecisionInTime: assign(({ event }) => ({ suitWindowFrom: date(event.data.dueOn) ?? event.today, suitBasis: 'NO_DECISION_IN_TIME' as const })),
    recordDecision: assign(({ event }) => ({ decisionNo: String(event.data.decisionNo), decisionType: event.data.decisionType, decidedOn: String(event.data.decidedOn) })),
    recordDecisionService: assign(({ event }) => ({ suitWindowFrom: String(event.data.servedOn), suitBasis: 'DECISION' as const })),
    recordSuit: assign({ suedOn: ({ event }) => String(event.data.suedOn) }),
    recordOpinionLetter: assign({ opinionReceivedOn: ({ event }) => String(event.data.receivedOn) }),
  },
}).createMachine({
  id: 'rx',
  initial: 'eligible',
  context: ({ input }) => input,
  states: {
    eligible: {
      description: '行政行为已作出，当事人可以在法定期限内申请行政复议；非复议前置的，也可以在六个月内直接提起行政诉讼。',
      meta: meta({ label: '可申请', labelEn: 'Application window open', legalBasis: `${LAW} 第二十条、第二十一条；${XZSS} 第四十四条、第四十六条`, deadlines: [D_RX1, D_RX2, D_RX3, D_RX3_RP, D_RX13] }),
      on: {
        APPLY: {
          target: to('review'),
          guard: and(['withinApplicationPeriod', 'reviewableAct', 'noSuitAccepted', 'notRefiledAfterWithdrawal', 'agencyForwardingRecorded']),
          actions: 'recordApplication',
        },
        LAPSE: { target: to('lapsed') },
        RECORD_SUIT: { target: to('sued'), guard: and(['directSuitAllowed', 'withinDirectSuitPeriod']), actions: ['recordSuit', report('SUED')] },
        ...assignOfficer,
      },
    },
    review: {
      description: '行政复议机关收到申请后五个工作日内审查；不符合条件的决定不予受理并说明理由；期限届满未作出不予受理决定的，视为受理。材料不齐全的，五个工作日内一次性书面通知补正。',
      tags: ['inbox'],
      meta: meta({ label: '受理审查', labelEn: 'Admissibility review', legalBasis: `${LAW} 第三十条、第三十一条`, deadlines: [D_RX4, D_RX5] }),
      on: {
        ACCEPT: { target: to('accepted'), guard: and(['acceptedNotInFuture', 'simpleProcedureFits']), ...accepted },
        DEEMED_ACCEPTED: { target: to('accepted'), actions: ['recordDeemedAcceptance', acceptTransfer, report('ACCEPTED')] },
        // 第三十四条: in a 复议前置 case the refusal opens the 15-day suit window.
        NOT_ACCEPT: [
          { target: to('litigationWindow'), guard: 'reconsiderationFirstCase', actions: ['recordRefusal', returnTransfer('reason'), report('NOT_ACCEPTED')] },
          { target: to('notAccepted'), actions: ['recordRefusal', returnTransfer('reason'), report('NOT_ACCEPTED')] },
        ],
        REQUEST_SUPPLEMENT: { target: to('supplementRequested'), guard: and(['supplementOnlyOnce', 'supplementNoticeInTime']), actions: 'recordSupplementRequest' },
        ...withdraw,
        ...assignOfficer,
      },
    },
    supplementRequested: {
      description: '已书面通知补正：申请人应当自收到补正通知之日起十个工作日内提交补正材料；无正当理由逾期不补正的，视为放弃行政复议申请。',
      meta: meta({ label: '补正', labelEn: 'Supplement requested', legalBasis: `${LAW} 第三十一条`, deadlines: [D_RX6] }),
      on: {
        SUPPLEMENT: { target: to('review'), actions: 'recordSupplement' },
        SUPPLEMENT_OVERDUE: { target: to('abandoned'), actions: [report('ABANDONED')] },
        ...withdraw,
        ...assignOfficer,
      },
    },
    accepted: {
      description: '已受理（含视为受理）：七个工作日内（简易程序三个工作日内）将申请书副本发送被申请人；决定期限自受理之日起计算。',
      meta: meta({ label: '已受理', labelEn: 'Accepted', legalBasis: `${LAW} 第四十八条、第五十四条、第六十二条`, deadlines: [D_RX7, D_RX7_S, D_RX10, D_RX11] }),
      on: {
        SERVE_COPY: { target: to('answerPending'), actions: 'recordCopyService' },
        ...extend,
        ...handling('accepted'),
      },
    },
    answerPending: {
      description: '被申请人应当自收到申请书副本之日起十个工作日内（简易程序五个工作日内）提出书面答复并提交证据、依据；逾期不提交的，视为该行政行为没有证据、依据。',
      meta: meta({ label: '答复期', labelEn: 'Awaiting the respondent’s answer', legalBasis: `${LAW} 第四十八条、第五十四条、第七十条`, deadlines: [D_RX8, D_RX8_S] }),
      on: {
        RECORD_ANSWER: { target: to('examination'), actions: 'recordAnswer' },
        ANSWER_OVERDUE: { target: to('examination'), actions: 'recordMissingAnswer' },
        ...extend,
        ...handling('answerPending'),
      },
    },
    examination: {
      description: '审理：普通程序听取当事人意见；重大、疑难、复杂案件应当听证；可以自愿、合法调解；审理终结作出决定。',
      meta: meta({ label: '审理', labelEn: 'Examination', legalBasis: `${LAW} 第四十九条、第五十条、第五条` }),
      on: {
        ...recordViews,
        ...noticeHearing('hearingNoticed'),
        // The hearing held as a case of its own (route R21e), by the panel the region's rules set.
        REQUEST_HEARING: { target: to('hearingCase') },
        START_MEDIATION: { target: to('mediation'), actions: 'recordMediationStart' },
        ...decide,
        ...extend,
        ...handling('examination'),
      },
    },
    hearingNoticed: {
      description: '已于听证五个工作日前书面通知当事人；申请人无正当理由拒不参加的视为放弃听证权利；被申请人的负责人应当参加。',
      meta: meta({ label: '听证', labelEn: 'Hearing', legalBasis: `${LAW} 第五十条、第五十一条` }),
      on: { ...noticeHearing(), ...holdHearing('examination'), ...extend, ...handling('hearingNoticed') },
    },
    hearingCase: {
      description: '听证（作为听证案件举行）：听证主持人、听证员依本地区听证规则组成，听证五个工作日前书面通知当事人；申请人无正当理由拒不参加的视为放弃听证权利。听证时间计入复议期限。',
      meta: meta({ label: '听证（听证案件）', labelEn: 'Hearing held as a case of its own', legalBasis: `${LAW} 第五十条、第五十一条` }),
      on: {
        HEARING_CONCLUDED: { target: to('examination'), actions: 'recordHearingCase' },
        HEARING_ENDED: { target: to('examination'), actions: 'recordHearingCase' },
        ...assignOfficer,
        ...withdraw,
        ...periodExpired,
      },
    },
    mediation: {
      description: '调解或和解：调解书经双方当事人签字或者签章并加盖复议机关印章即具有法律效力；调解未达成协议或者调解书生效前一方反悔的，依法作出决定；和解的，申请人撤回申请。',
      meta: meta({ label: '调解/和解', labelEn: 'Mediation / settlement', legalBasis: `${LAW} 第五条、第七十三条、第七十四条` }),
      on: {
        ...mediationDoc,
        MEDIATION_FAILED: { target: to('examination') },
        ...extend,
        ...handling('mediation'),
      },
    },
    extended: {
      description: '情况复杂，经行政复议机构负责人批准延长决定期限（不超过三十日）并书面告知当事人；在延长的期限内审结。',
      meta: meta({ label: '延期审理', labelEn: 'Decision period extended', legalBasis: `${LAW} 第六十二条`, deadlines: [D_RX10X] }),
      on: {
        ...recordViews,
        ...noticeHearing(),
        ...holdHearing(),
        START_MEDIATION: { actions: 'recordMediationStart' },
        ...mediationDoc,
        ...decide,
        ...handling('extended', CLOCKS.extended),
      },
    },
    suspended: {
      description: '行政复议中止：中止期间不计入决定期限；因申请人死亡、丧失行为能力或者法人终止而中止满六十日原因仍未消除的，行政复议终止。',
      meta: meta({ label: '中止', labelEn: 'Suspended', legalBasis: `${LAW} 第三十九条、第四十一条`, deadlines: [D_RX14] }),
      on: {
        RESUME: RESUMABLE.map((state) => ({
          target: to(state),
          guard: { type: 'resumesWhereSuspended' as const, params: { state } },
          actions: [resumeDeadlines(...(state === 'extended' ? CLOCKS.extended : CLOCKS.normal)), 'clearSuspension' as const],
        })),
        SUSPENSION_LAPSED: { target: to('terminated'), actions: [report('TERMINATED')] },
        ...withdraw,
        ...assignOfficer,
      },
    },
    decided: {
      description: '已作出行政复议决定（变更、撤销、确认违法、责令履行、确认无效、维持或者驳回），待送达。',
      meta: meta({ label: '复议决定', labelEn: 'Decision made', legalBasis: `${LAW} 第六十三条至第六十九条、第七十五条` }),
      on: { SERVE_DECISION: { target: to('litigationWindow'), guard: 'servedAfterDecision', actions: 'recordDecisionService' } },
    },
    litigationWindow: {
      description: '起诉期：申请人可以自收到复议决定书（或不予受理决定书）之日起，或者复议期满之日起十五日内向人民法院提起行政诉讼；期满未起诉的，复议决定发生法律效力。',
      tags: ['suitWindow'],
      meta: meta({ label: '起诉期', labelEn: 'Period to sue', legalBasis: `${XZSS} 第四十五条；${LAW} 第三十四条`, deadlines: [D_RX12] }),
      on: {
        RECORD_SUIT: { target: to('sued'), guard: 'withinSuitWindow', actions: ['recordSuit', report('SUED')] },
        SUIT_WINDOW_ENDED: [
          { target: to('effective'), guard: 'decisionMade', actions: [report('DECISION_FINAL')] },
          { target: to('closed') },
        ],
      },
    },
    effective: {
      description: '复议决定发生法律效力，被申请人应当履行；复议机关可以制发行政复议意见书，监督纠正。',
      meta: meta({ label: '决定生效', labelEn: 'Decision final', legalBasis: `${LAW} 第七十七条、第七十八条` }),
      on: {
        ISSUE_OPINION_LETTER: { target: to('compliance'), actions: 'recordOpinionLetter' },
        RECORD_COMPLIANCE: { target: to('performed') },
      },
    },
    compliance: {
      description: '履行监督：被申请人应当自收到行政复议意见书之日起六十日内将纠正相关违法或者不当行政行为的情况报送行政复议机关。',
      meta: meta({ label: '履行监督', labelEn: 'Compliance monitoring', legalBasis: `${LAW} 第七十六条、第七十七条`, deadlines: [D_RX15] }),
      on: { RECORD_COMPLIANCE: { target: to('performed') } },
    },
    lapsed: { type: 'final', meta: meta({ label: '申请期限届满', labelEn: 'Application period ended', legalBasis: `${LAW} 第二十条` }) },
    notAccepted: {
      type: 'final',
      description: '不予受理（非复议前置）：申请人可以依法向人民法院提起行政诉讼。',
      meta: meta({ label: '不予受理', labelEn: 'Not accepted', legalBasis: `${LAW} 第三十条` }),
    },
    abandoned: { type: 'final', meta: meta({ label: '视为放弃申请', labelEn: 'Deemed abandoned', legalBasis: `${LAW} 第三十一条` }) },
    withdrawn: {
      type: 'final',
      description: '申请人撤回申请，行政复议终止；不得再以同一事实和理由提出行政复议申请，撤回违背真实意愿的除外。',
      meta: meta({ label: '撤回终止', labelEn: 'Withdrawn', legalBasis: `${LAW} 第四十一条第一项、第七十四条` }),
    },
    mediationDoc: {
      type: 'final',
      description: '行政复议调解书生效；被申请人不履行的，复议机关责令履行；申请人逾期不履行的，依法强制执行。',
      meta: meta({ label: '复议调解书生效', labelEn: 'Mediation document in effect', legalBasis: `${LAW} 第七十三条、第七十七条、第七十八条第三项` }),
    },
    terminated: { type: 'final', meta: meta({ label: '终止', labelEn: 'Terminated', legalBasis: `${LAW} 第四十一条第五项` }) },
    sued: {
      type: 'final',
      description: '申请人已向人民法院提起行政诉讼（行政诉讼不由民事审判渠道办理）。',
      meta: meta({ label: '已提起行政诉讼', labelEn: 'Administrative suit brought', legalBasis: `${XZSS} 第四十四条至第四十六条` }),
    },
    performed: { type: 'final', meta: meta({ label: '已履行结案', labelEn: 'Complied with', legalBasis: `${LAW} 第七十七条` }) },
    closed: {
      type: 'final',
      description: '复议机关逾期未作决定，申请人在起诉期限内未起诉，结案。',
      meta: meta({ label: '结案', labelEn: 'Closed', legalBasis: `${XZSS} 第四十五条` }),
    },
  },
});
