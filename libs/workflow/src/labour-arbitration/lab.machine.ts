import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { acceptTransfer, engineEffects, guardsFrom, pauseDeadlines, report, resumeDeadlines, returnTransfer } from '../building-blocks';
import { classifyAward, type AwardItem } from './lab.award';
import type { LabContext, SuitBasis } from './lab.context';
import { addDays, isIsoDate } from './lab.periods';
import { allWorkers, labPreconditions, RESUMABLE, SUIT_SOURCE_STATES } from './lab.preconditions';

const meta = (m: StateMeta) => m;
/** Targets are absolute paths: a persisted state value is a path such as `arb.accepted`. */
const to = (path: string) => `#lab.${path}`;
const LAW = '劳动争议调解仲裁法';
const JS1 = '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）';

// ---------- deadlines (spec table (b), D-LB3..D-LB12) ----------

/** The proceeding stages the 45-day period runs through, suspension included (its days are paused, not counted). */
const PROCEEDING = ['arb.accepted', 'arb.served', 'arb.hearingNoticed', 'arb.mediation', 'arb.deliberation'] as const;

/**
 * D-LB4, in calendar days by default. 劳动人事争议仲裁办案规则 is believed to count its "五日" as working days (spec [U];
 * answers.md Q1 [S−]), so the day type is a legal-policy setting (`lab.acceptanceDayType`): the opening fills the
 * anchor of one variant only, and a deadline whose anchor is empty is not created. The period itself is
 * configuration under `lab.acceptancePeriod` (FENGQIAO_LEGAL_PERIODS) for both.
 */
const D_LB4: DeadlineSpec = {
  id: 'D-LB4',
  label: '受理审查期限（收到仲裁申请之日起五日）',
  period: { amount: 5, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第二十九条`,
  confidence: 'U',
  configKey: 'lab.acceptancePeriod',
  anchor: { contextDate: 'acceptanceReviewFrom' },
  onExpiry: 'ACCEPTANCE_OVERDUE',
  metBy: ['ACCEPT', 'NOT_ACCEPT'],
};
const D_LB4_WORKING: DeadlineSpec = {
  ...D_LB4,
  id: 'D-LB4-W',
  label: '受理审查期限（收到仲裁申请之日起五个工作日）',
  dayType: 'working',
  legalBasis: `${LAW} 第二十九条；劳动人事争议仲裁办案规则 第八十条（待核实）`,
  anchor: { contextDate: 'acceptanceReviewFromWorking' },
};

const D_LB5: DeadlineSpec = {
  id: 'D-LB5',
  label: '送达申请书副本并书面通知仲裁庭组成（受理之日起五日）',
  period: { amount: 5, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第三十条、第三十二条`,
  confidence: 'U',
  configKey: 'lab.servicePeriod',
  soft: true,
  anchor: { contextDate: 'acceptedOn' },
  metBy: ['SERVE_NOTICES'],
};

/** The respondent's answer period; an answer not filed does not stop the proceedings, so its end only marks it. */
const D_LB5_ANSWER: DeadlineSpec = {
  id: 'D-LB5-ANSWER',
  label: '被申请人答辩期（收到申请书副本之日起十日）',
  period: { amount: 10, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第三十条`,
  confidence: 'U',
  configKey: 'lab.answerPeriod',
  anchor: { contextDate: 'respondentServedOn' },
  runsThrough: ['arb.hearingNoticed'],
};

const D_LB7: DeadlineSpec = {
  id: 'D-LB7',
  label: '审理期限（受理之日起四十五日内结束）',
  period: { amount: 45, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第四十三条；劳动人事争议仲裁办案规则 第四十六条`,
  confidence: 'V',
  anchor: { contextDate: 'acceptedOn' },
  onExpiry: 'AWARD_PERIOD_EXPIRED',
  metBy: ['AWARD', 'SIGN_MEDIATION_DOC'],
  runsThrough: [...PROCEEDING.filter((s) => s !== 'arb.accepted'), 'arb.suspended'],
};

/** The extended period ends `extendedDueOn` (the 45th day plus the approved days, at most 15). */
const D_LB8: DeadlineSpec = {
  id: 'D-LB8',
  label: '延长的审理期限（经仲裁委员会主任批准，不超过十五日）',
  period: { amount: 0, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第四十三条`,
  confidence: 'V',
  anchor: { contextDate: 'extendedDueOn' },
  onExpiry: 'AWARD_PERIOD_EXPIRED',
  metBy: ['AWARD', 'SIGN_MEDIATION_DOC'],
  runsThrough: ['arb.suspended'],
};

const FINAL_WINDOWS = ['post.finalWindows', 'post.workerSuit', 'post.setAsideApplied'];
const D_LB9: DeadlineSpec = {
  id: 'D-LB9',
  label: '劳动者对终局裁决的起诉期限（收到裁决书之日起十五日）',
  period: { amount: 15, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第四十八条`,
  confidence: 'V',
  anchor: { contextDate: 'workerReceivedOn' },
  onExpiry: 'WORKER_SUIT_WINDOW_ENDED',
  metBy: ['FILE_SUIT'],
  runsThrough: FINAL_WINDOWS,
};

const D_LB10: DeadlineSpec = {
  id: 'D-LB10',
  label: '用人单位申请撤销终局裁决期限（收到裁决书之日起三十日）',
  period: { amount: 30, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第四十九条`,
  confidence: 'V',
  anchor: { contextDate: 'employerReceivedOn' },
  onExpiry: 'SET_ASIDE_WINDOW_ENDED',
  metBy: ['APPLY_SET_ASIDE'],
  runsThrough: ['post.finalWindows', 'post.employerSetAside'],
};

const D_LB11: DeadlineSpec = {
  id: 'D-LB11',
  label: '裁决被撤销后的起诉期限（收到裁定书之日起十五日）',
  period: { amount: 15, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第四十九条`,
  confidence: 'V',
  anchor: { contextDate: 'setAsideReceivedOn' },
  onExpiry: 'SUIT_WINDOW_ENDED',
  metBy: ['FILE_SUIT'],
};

const D_LB12: DeadlineSpec = {
  id: 'D-LB12',
  label: '非终局裁决的起诉期限（收到裁决书之日起十五日）',
  period: { amount: 15, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第五十条`,
  confidence: 'V',
  anchor: { contextDate: 'suitWindowFrom' },
  onExpiry: 'SUIT_WINDOW_ENDED',
  metBy: ['FILE_SUIT'],
};

const D_EX1: DeadlineSpec = {
  id: 'D-EX1',
  label: '申请执行期间（履行期限届满之日起二年）',
  period: { amount: 2, unit: 'year' },
  dayType: 'calendar',
  legalBasis: `民事诉讼法 第二百五十条；${LAW} 第五十一条`,
  confidence: 'V',
  anchor: { contextDate: 'performanceDueOn' },
  metBy: ['APPLY_ENFORCEMENT', 'RECORD_PERFORMED'],
};

// ---------- transitions shared by several states ----------

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);
const awardItems = (event: WorkflowEvent): AwardItem[] => (Array.isArray(event.data.items) ? event.data.items : []);

const decideAcceptance = {
  ACCEPT: {
    target: to('arb.accepted'),
    guard: and(['withinLimitation', 'acceptedNotInFuture', 'workerSideKnown']),
    actions: ['recordAcceptance', acceptTransfer, report('ACCEPTED')],
  },
  NOT_ACCEPT: { target: to('arb.notAccepted'), actions: [returnTransfer('reason'), report('NOT_ACCEPTED')] },
} as const;

const assignArbitrator = { ASSIGN_ARBITRATOR: { actions: 'assignArbitrator' } } as const;

/** What any stage of the proceedings allows; `clock` is the period running in it. */
const proceeding = (state: string, clock: 'D-LB7' | 'D-LB8') => ({
  ...assignArbitrator,
  SUSPEND: { target: to('arb.suspended'), actions: [{ type: 'recordSuspension' as const, params: { state } }, pauseDeadlines(clock)] },
  WITHDRAW: { target: to('withdrawn'), actions: [report('WITHDRAWN')] },
  AWARD_PERIOD_EXPIRED: { target: to('arb.overdue') },
});

// One extension only: the extended state and everything after it have no EXTEND (第四十三条).
const extend = {
  EXTEND: {
    target: to('arb.extended'),
    guard: and(['extensionAtMost15Days', 'extensionBeforeAwardPeriodEnds', 'extensionApprovedByChair']),
    actions: 'recordExtension',
  },
} as const;

const noticeHearing = (target?: string) => ({
  NOTICE_HEARING: { ...(target ? { target: to(target) } : {}), guard: 'hearingNoticeInTime', actions: 'recordHearingNotice' as const },
});

const mediationDoc = {
  SIGN_MEDIATION_DOC: {
    target: to('arb.mediationDoc'),
    guard: 'everyPartySignedMediationDoc',
    actions: ['recordMediationDoc', report('MEDIATION_DOC_EFFECTIVE')],
  },
} as const;

/** Final or non-final is decided from the award's items (第四十七条; 解释一 第十八条至第二十条), never chosen by hand. */
const awardAs = (type: 'FINAL' | 'NON_FINAL') => ({
  target: to(type === 'FINAL' ? 'arb.awardFinal' : 'arb.awardNonFinal'),
  guard: and(['mediationAttempted', 'awardedNotInFuture', { type: 'awardClassified', params: { type } }]),
  actions: ['recordAward' as const, report(type === 'FINAL' ? 'AWARD_FINAL' : 'AWARD_NON_FINAL')],
});
const award = { AWARD: [awardAs('FINAL'), awardAs('NON_FINAL')] };

const SUIT_GUARD = and(['employerCannotSueOnFinalAward', 'withinWorkerSuitWindow', 'withinSuitWindowAfterSetAside', 'withinNonFinalSuitWindow']);
/** The states a suit may be filed from, with the arbitration outcome it rests on. */
const SUIT_SOURCES: Record<string, SuitBasis> = {
  'arb.notAccepted': 'NOT_ACCEPTED_BY_COMMISSION',
  'arb.undecided': 'NOT_ACCEPTED_BY_COMMISSION',
  'arb.overdue': 'NO_AWARD_IN_TIME',
  'post.finalWindows': 'FINAL_AWARD',
  'post.workerSuit': 'FINAL_AWARD',
  'post.setAsideApplied': 'FINAL_AWARD',
  'post.setAsideGranted': 'AWARD_SET_ASIDE',
  'post.partySuit': 'NON_FINAL_AWARD',
};
const fileSuit = (state: keyof typeof SUIT_SOURCES & string) => ({
  FILE_SUIT: {
    target: to('suitFiled'),
    guard: SUIT_GUARD,
    actions: [{ type: 'recordSuit' as const, params: { state, basis: SUIT_SOURCES[state] } }, report('SUED')],
  },
});

/** Back to the state recorded in context (XState history is not persisted); `guard` names the precondition that picks it. */
const backTo = (guard: 'resumesWhereSuspended' | 'suitReturnsWhereFiled', states: readonly string[], actions: (state: string) => unknown[]) =>
  states.map((state) => ({ target: to(state), guard: { type: guard, params: { state } }, actions: actions(state) as any[] }));

const enforcement = {
  APPLY_ENFORCEMENT: { target: to('enforcement') },
  RECORD_PERFORMED: { target: to('performed') },
} as const;

const awardEffective = { target: to('awardEffective'), actions: [report('AWARD_EFFECTIVE')] };
const setAsideGranted = { target: to('post.setAsideGranted'), guard: 'setAsideRulingReceivedNotInFuture', actions: ['recordSetAside' as const, report('AWARD_SET_ASIDE')] };

// ---------- the machine ----------

type Guard = (args: { context: LabContext; event: WorkflowEvent }, params?: any) => boolean;

/**
 * The legal preconditions as guards. Three of them also pick a branch with XState guard params: the precondition
 * says the event can happen (the award has items to classify; the case records where to go back to), the params say
 * which branch a transition is (final or not; which state).
 */
const labGuards: Record<string, Guard> = {
  ...guardsFrom(labPreconditions),
  awardClassified: ({ context, event }, params: { type: 'FINAL' | 'NON_FINAL' }) =>
    labPreconditions.awardClassified.check(context, event) && classifyAward(awardItems(event), Number(event.data.monthlyMinimumWage)).type === params.type,
  resumesWhereSuspended: ({ context }, params: { state: string }) => context.suspendedIn === params.state,
  suitReturnsWhereFiled: ({ context }, params: { state: string }) => context.suedFrom === params.state,
};

export const labMachine = setup({
  types: {} as { context: LabContext; events: WorkflowEvent; input: LabContext },
  guards: labGuards,
  actions: {
    pauseDeadlines: (_args: unknown, _params: { specIds: string[] }) => undefined,
    resumeDeadlines: (_args: unknown, _params: { specIds: string[] }) => undefined,
    ...engineEffects,
    assignArbitrator: assign({ arbitratorId: ({ event }) => String(event.data.arbitratorId) }),
    recordAcceptance: assign(({ context, event }) => ({
      acceptedOn: String(event.data.acceptedOn),
      workerPartyIds: context.workerPartyIds.length ? context.workerPartyIds : ids(event.data.workerPartyIds),
      knewOn: isIsoDate(event.data.knewOn) ? event.data.knewOn : context.knewOn,
      limitationFinding: ['interruptedOn', 'suspendedFrom', 'suspendedUntil', 'limitationNote'].some((k) => event.data[k] !== undefined)
        ? {
            interruptedOn: isIsoDate(event.data.interruptedOn) ? event.data.interruptedOn : undefined,
            suspendedFrom: isIsoDate(event.data.suspendedFrom) ? event.data.suspendedFrom : undefined,
            suspendedUntil: isIsoDate(event.data.suspendedUntil) ? event.data.suspendedUntil : undefined,
            note: typeof event.data.limitationNote === 'string' ? event.data.limitationNote : undefined,
          }
        : undefined,
    })),
    recordService: assign({
      respondentServedOn: ({ event }) => String(event.data.respondentServedOn),
      arbitratorId: ({ event }) => String(event.data.arbitratorId),
    }),
    recordHearingNotice: assign({ hearingOn: ({ event }) => String(event.data.hearingOn) }),
    recordHearing: assign({ hearingHeldOn: ({ event }) => event.today }),
    recordMediationAttempt: assign({ mediationAttemptedOn: ({ event }) => event.today }),
    recordSuspension: assign((_args, params: { state: string }) => ({ suspendedIn: params.state })),
    clearSuspension: assign({ suspendedIn: undefined }),
    recordExtension: assign(({ event }) => ({
      extensionDays: Number(event.data.days),
      extendedDueOn: addDays(event.deadlines['D-LB7'], Number(event.data.days)),
    })),
    recordAward: assign(({ event }) => ({
      awardNo: String(event.data.awardNo),
      awardedOn: String(event.data.awardedOn),
      awardType: classifyAward(awardItems(event), Number(event.data.monthlyMinimumWage)).type,
      performanceDueOn: isIsoDate(event.data.performanceDueOn) ? event.data.performanceDueOn : undefined,
    })),
    recordMediationDoc: assign({
      mediationDocNo: ({ event }) => String(event.data.docNo),
      performanceDueOn: ({ event }) => (isIsoDate(event.data.performanceDueOn) ? event.data.performanceDueOn : undefined),
    }),
    recordAwardService: assign(({ event }) => {
      const worker = String(event.data.workerReceivedOn);
      const employer = String(event.data.employerReceivedOn);
      return { workerReceivedOn: worker, employerReceivedOn: employer, suitWindowFrom: worker > employer ? worker : employer };
    }),
    recordSetAside: assign({ setAsideGranted: true, setAsideReceivedOn: ({ event }) => String(event.data.receivedOn) }),
    recordSuit: assign(({ context, event }, params: { state: string; basis: SuitBasis }) => ({
      suedFrom: params.state,
      suitBasis: params.basis,
      plaintiffSide: allWorkers(context, ids(event.data.plaintiffPartyIds)) ? ('WORKER' as const) : ('EMPLOYER' as const),
      // Suing over a non-final award, even over one item, keeps the whole award from taking effect (解释一 第十六条).
      awardIneffective: context.awardIneffective || params.basis === 'NON_FINAL_AWARD',
    })),
    clearSuit: assign({ suedFrom: undefined, suitBasis: undefined, plaintiffSide: undefined, awardIneffective: false }),
  },
}).createMachine({
  id: 'lab',
  initial: 'arb',
  context: ({ input }) => input,
  states: {
    arb: {
      description: '劳动人事争议仲裁程序：受理审查、审理（先行调解）、调解书或裁决。',
      meta: meta({ label: '仲裁程序', labelEn: 'Arbitration proceedings', legalBasis: `${LAW} 第二十七条至第四十七条` }),
      initial: 'acceptanceReview',
      states: {
        acceptanceReview: {
          description: '仲裁委员会收到仲裁申请之日起五日内审查，认为符合受理条件的受理，不符合的书面通知不予受理并说明理由；审查仲裁时效。',
          tags: ['inbox'],
          meta: meta({ label: '受理审查', labelEn: 'Acceptance review', legalBasis: `${LAW} 第二十七条、第二十九条`, deadlines: [D_LB4, D_LB4_WORKING] }),
          on: {
            ...decideAcceptance,
            ACCEPTANCE_OVERDUE: { target: to('arb.undecided') },
            ...assignArbitrator,
          },
        },
        undecided: {
          description: '仲裁委员会逾期未作出受理决定：申请人可以就该劳动争议事项向人民法院提起诉讼；仲裁委员会仍可作出决定。',
          tags: ['inbox'],
          meta: meta({ label: '逾期未作出受理决定', labelEn: 'No acceptance decision in time', legalBasis: `${LAW} 第二十九条` }),
          on: { ...decideAcceptance, ...fileSuit('arb.undecided'), ...assignArbitrator },
        },
        notAccepted: {
          description: '仲裁委员会决定不予受理：申请人可以就该劳动争议事项向人民法院提起诉讼。',
          meta: meta({ label: '不予受理', labelEn: 'Not accepted', legalBasis: `${LAW} 第二十九条` }),
          on: { ...fileSuit('arb.notAccepted'), CLOSE: { target: to('closed') } },
        },
        accepted: {
          description: '已受理：五日内将申请书副本送达被申请人，并将仲裁庭的组成情况书面通知当事人；仲裁庭应当自受理之日起四十五日内结束。',
          meta: meta({ label: '已受理', labelEn: 'Accepted', legalBasis: `${LAW} 第三十条、第三十二条、第四十三条`, deadlines: [D_LB5, D_LB7] }),
          on: {
            SERVE_NOTICES: { target: to('arb.served'), guard: 'respondentServedNotInFuture', actions: 'recordService' },
            ...extend,
            ...proceeding('arb.accepted', 'D-LB7'),
          },
        },
        served: {
          description: '申请书副本已送达被申请人，仲裁庭已组成；被申请人十日内答辩，未答辩的不影响仲裁程序。',
          meta: meta({ label: '已送达待开庭', labelEn: 'Served, awaiting the hearing notice', legalBasis: `${LAW} 第三十条`, deadlines: [D_LB5_ANSWER] }),
          // No hearing before the respondent has the application and the parties know the tribunal (第三十条、第三十二条).
          on: { ...noticeHearing('arb.hearingNoticed'), ...extend, ...proceeding('arb.served', 'D-LB7') },
        },
        hearingNoticed: {
          description: '开庭日期、地点已于开庭五日前书面通知双方当事人；申请人无正当理由拒不到庭的视为撤回仲裁申请，被申请人拒不到庭的可以缺席裁决。',
          meta: meta({ label: '已通知开庭', labelEn: 'Hearing noticed', legalBasis: `${LAW} 第三十五条、第三十六条` }),
          on: {
            ...noticeHearing(),
            HOLD_HEARING: { target: to('arb.mediation'), guard: 'hearingDateReached', actions: 'recordHearing' },
            ...extend,
            ...proceeding('arb.hearingNoticed', 'D-LB7'),
          },
        },
        mediation: {
          description: '开庭审理，仲裁庭在作出裁决前先行调解；达成协议的制作调解书，经双方当事人签收后发生法律效力。',
          meta: meta({ label: '庭审及先行调解', labelEn: 'Hearing and pre-award mediation', legalBasis: `${LAW} 第四十二条` }),
          on: {
            ...mediationDoc,
            MEDIATION_FAILED: { target: to('arb.deliberation'), actions: 'recordMediationAttempt' },
            ...extend,
            ...proceeding('arb.mediation', 'D-LB7'),
          },
        },
        deliberation: {
          description: '调解不成或调解书送达前一方反悔，仲裁庭应当及时作出裁决；裁决是否终局逐项认定。',
          meta: meta({ label: '调解不成待裁决', labelEn: 'Mediation failed, award pending', legalBasis: `${LAW} 第四十二条、第四十七条` }),
          on: { ...award, ...mediationDoc, ...extend, ...proceeding('arb.deliberation', 'D-LB7') },
        },
        extended: {
          description: '案情复杂，经仲裁委员会主任书面批准延期（不超过十五日）并书面通知当事人；在延长的期限内完成审理。',
          meta: meta({ label: '延期审理', labelEn: 'Period extended', legalBasis: `${LAW} 第四十三条`, deadlines: [D_LB8] }),
          on: {
            SERVE_NOTICES: { guard: 'respondentServedNotInFuture', actions: 'recordService' },
            ...noticeHearing(),
            HOLD_HEARING: { guard: 'hearingDateReached', actions: 'recordHearing' },
            MEDIATION_FAILED: { actions: 'recordMediationAttempt' },
            ...mediationDoc,
            ...award,
            ...proceeding('arb.extended', 'D-LB8'),
          },
        },
        suspended: {
          description: '仲裁中止：中止期间不计入审理期限，中止事由消除后恢复仲裁。',
          meta: meta({ label: '中止仲裁', labelEn: 'Suspended', legalBasis: `${LAW} 第四十三条；劳动人事争议仲裁办案规则 第四十六条` }),
          on: {
            RESUME: backTo('resumesWhereSuspended', RESUMABLE, (state) => [resumeDeadlines(state === 'arb.extended' ? 'D-LB8' : 'D-LB7'), 'clearSuspension']),
            WITHDRAW: { target: to('withdrawn'), actions: [report('WITHDRAWN')] },
            ...assignArbitrator,
          },
        },
        overdue: {
          description: '逾期未作出仲裁裁决：当事人可以就该劳动争议事项向人民法院提起诉讼（因送达、鉴定等正当理由延误的除外）；未起诉的，仲裁庭仍可调解或裁决。',
          meta: meta({ label: '逾期未裁决', labelEn: 'No award in time', legalBasis: `${LAW} 第四十三条；${JS1} 第十二条` }),
          on: {
            ...fileSuit('arb.overdue'),
            MEDIATION_FAILED: { actions: 'recordMediationAttempt' },
            ...mediationDoc,
            ...award,
            WITHDRAW: { target: to('withdrawn'), actions: [report('WITHDRAWN')] },
            ...assignArbitrator,
          },
        },
        mediationDoc: {
          description: '仲裁调解书经双方当事人签收后发生法律效力；当事人不得就同一争议再行起诉，一方逾期不履行的，另一方可以申请人民法院执行。',
          meta: meta({ label: '仲裁调解书生效', labelEn: 'Mediation document in effect', legalBasis: `${LAW} 第四十二条、第五十一条；${JS1} 第十一条`, deadlines: [D_EX1] }),
          // No FILE_SUIT: an effective arbitral 调解书 cannot be re-litigated (解释一 第十一条).
          on: { ...enforcement },
        },
        awardFinal: {
          description: '终局裁决自作出之日起发生法律效力，待送达当事人。',
          meta: meta({ label: '终局裁决', labelEn: 'Final award', legalBasis: `${LAW} 第四十七条` }),
          on: { SERVE_AWARD: { target: to('post.finalWindows'), guard: 'awardServedAfterAward', actions: 'recordAwardService' } },
        },
        awardNonFinal: {
          description: '非终局裁决（含终局与非终局事项并存的裁决），待送达当事人。',
          meta: meta({ label: '非终局裁决', labelEn: 'Non-final award', legalBasis: `${LAW} 第五十条；${JS1} 第二十条` }),
          on: { SERVE_AWARD: { target: to('post.partySuit'), guard: 'awardServedAfterAward', actions: 'recordAwardService' } },
        },
      },
    },
    post: {
      description: '裁决送达后的起诉、申请撤销期间。',
      meta: meta({ label: '裁决后救济期间', labelEn: 'After the award', legalBasis: `${LAW} 第四十八条至第五十条` }),
      initial: 'partySuit',
      states: {
        finalWindows: {
          description: '终局裁决：劳动者可自收到裁决书之日起十五日内向基层人民法院起诉；用人单位不得起诉，可自收到裁决书之日起三十日内向中级人民法院申请撤销。',
          tags: ['awardWindow'],
          meta: meta({ label: '终局裁决救济期间', labelEn: 'Final award: suit and set-aside periods', legalBasis: `${LAW} 第四十八条、第四十九条`, deadlines: [D_LB9, D_LB10] }),
          on: {
            ...fileSuit('post.finalWindows'),
            APPLY_SET_ASIDE: { target: to('post.setAsideApplied'), guard: and(['onlyEmployerMaySetAside', 'withinSetAsideWindow']) },
            WORKER_SUIT_WINDOW_ENDED: { target: to('post.employerSetAside') },
            SET_ASIDE_WINDOW_ENDED: { target: to('post.workerSuit') },
          },
        },
        workerSuit: {
          description: '用人单位申请撤销期限已过或申请未获支持，劳动者仍在起诉期限内。',
          tags: ['awardWindow'],
          meta: meta({ label: '劳动者起诉期', labelEn: 'Worker’s period to sue', legalBasis: `${LAW} 第四十八条`, deadlines: [D_LB9] }),
          on: { ...fileSuit('post.workerSuit'), WORKER_SUIT_WINDOW_ENDED: awardEffective },
        },
        employerSetAside: {
          description: '劳动者起诉期限已过未起诉，用人单位仍在申请撤销期限内。',
          tags: ['awardWindow'],
          meta: meta({ label: '用人单位申请撤销期', labelEn: 'Employer’s set-aside period', legalBasis: `${LAW} 第四十九条` }),
          // No FILE_SUIT: the worker's period has ended and the employer cannot sue over a final award (第四十七条、第四十九条).
          on: {
            APPLY_SET_ASIDE: { target: to('post.setAsideReview'), guard: and(['onlyEmployerMaySetAside', 'withinSetAsideWindow']) },
            SET_ASIDE_WINDOW_ENDED: awardEffective,
          },
        },
        setAsideApplied: {
          description: '用人单位已向中级人民法院申请撤销终局裁决，劳动者仍在起诉期限内；劳动者向基层人民法院起诉的，中级人民法院不予受理或终结审查。',
          tags: ['awardWindow'],
          meta: meta({ label: '申请撤销审查中（劳动者起诉期内）', labelEn: 'Set-aside pending, worker may still sue', legalBasis: `${LAW} 第四十九条；${JS1} 第二十一条` }),
          on: {
            ...fileSuit('post.setAsideApplied'),
            SET_ASIDE_GRANTED: setAsideGranted,
            SET_ASIDE_REFUSED: { target: to('post.workerSuit') },
            WORKER_SUIT_WINDOW_ENDED: { target: to('post.setAsideReview') },
          },
        },
        setAsideReview: {
          description: '用人单位申请撤销终局裁决，中级人民法院审查中；劳动者起诉期限已过。',
          tags: ['awardWindow'],
          meta: meta({ label: '申请撤销审查中', labelEn: 'Set-aside pending', legalBasis: `${LAW} 第四十九条` }),
          on: { SET_ASIDE_GRANTED: setAsideGranted, SET_ASIDE_REFUSED: awardEffective },
        },
        setAsideGranted: {
          description: '终局裁决被人民法院裁定撤销：当事人可以自收到裁定书之日起十五日内就该劳动争议事项向人民法院起诉。',
          tags: ['awardWindow'],
          meta: meta({ label: '裁决已被撤销', labelEn: 'Award set aside', legalBasis: `${LAW} 第四十九条`, deadlines: [D_LB11] }),
          on: { ...fileSuit('post.setAsideGranted'), SUIT_WINDOW_ENDED: { target: to('closed') } },
        },
        partySuit: {
          description: '非终局裁决：当事人可以自收到裁决书之日起十五日内向人民法院起诉；期满不起诉的，裁决书发生法律效力。',
          tags: ['awardWindow'],
          meta: meta({ label: '非终局裁决起诉期', labelEn: 'Period to sue over a non-final award', legalBasis: `${LAW} 第五十条`, deadlines: [D_LB12] }),
          on: { ...fileSuit('post.partySuit'), SUIT_WINDOW_ENDED: awardEffective },
        },
      },
    },
    awardEffective: {
      description: '裁决已发生法律效力且不再能起诉或申请撤销；一方逾期不履行的，另一方可以申请人民法院执行。',
      meta: meta({ label: '裁决生效', labelEn: 'Award in effect', legalBasis: `${LAW} 第四十七条、第五十条、第五十一条`, deadlines: [D_EX1] }),
      on: { ...enforcement },
    },
    suitFiled: {
      description: '当事人已向人民法院起诉，等待法院受理；法院退回的，回到起诉前的阶段。',
      meta: meta({ label: '已起诉待法院受理', labelEn: 'Suit filed, awaiting the court', legalBasis: `${LAW} 第二十九条、第四十三条、第四十八条、第五十条` }),
      on: {
        SUIT_REGISTERED: { target: to('litigation') },
        SUIT_RETURNED: backTo('suitReturnsWhereFiled', SUIT_SOURCE_STATES, () => ['clearSuit']),
      },
    },
    litigation: {
      type: 'final',
      description: '争议已进入诉讼；对非终局裁决起诉的，裁决不发生法律效力。',
      meta: meta({ label: '已转入诉讼', labelEn: 'In litigation', legalBasis: `${JS1} 第十六条` }),
    },
    enforcement: { type: 'final', meta: meta({ label: '已申请强制执行', labelEn: 'Enforcement applied for', legalBasis: `${LAW} 第五十一条` }) },
    performed: { type: 'final', meta: meta({ label: '已履行结案', labelEn: 'Performed' }) },
    withdrawn: { type: 'final', meta: meta({ label: '撤回仲裁申请', labelEn: 'Withdrawn', legalBasis: `${LAW} 第三十六条、第四十一条` }) },
    closed: {
      type: 'final',
      description: '不予受理后未起诉，或裁决被撤销后期满未起诉，结案。',
      meta: meta({ label: '结案', labelEn: 'Closed' }),
    },
  },
});
