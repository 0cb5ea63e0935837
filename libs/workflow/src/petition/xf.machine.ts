import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { acceptTransfer, engineEffects, guardsFrom, pauseDeadlines, report, resumeDeadlines, returnTransfer } from '../building-blocks';
import { addDays, isIsoDate } from '../reconsideration/rx.periods';
import type { EarlierPetition, XfContext } from './xf.context';
import { xfPreconditions } from './xf.preconditions';
import { hearingHeard } from '../hearing-request';

const meta = (m: StateMeta) => m;
const to = (path: string) => `#xf.${path}`;
const LAW = '信访工作条例';

// ---------- deadlines (spec table (b), D-XF1..D-XF9) ----------

const calendar = (id: string, label: string, amount: number, anchor: keyof XfContext, article: string, more: Partial<DeadlineSpec> = {}): DeadlineSpec => ({
  id,
  label,
  period: { amount, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} ${article}`,
  confidence: 'V',
  anchor: { contextDate: anchor },
  ...more,
});

// Missing these is an accountability matter (第四十四条至第四十六条), not a legal bar: service targets.
const D_XF1 = calendar('D-XF1', '信访部门登记后转送、交办或者导入法定途径期限（十五日）', 15, 'registeredOn', '第二十二条', { soft: true, runsThrough: ['triage'] });
const D_XF2 = calendar('D-XF2', '书面告知信访人受理期限（收到转送、交办之日起十五日）', 15, 'transferReceivedOn', '第二十三条', { soft: true, metBy: ['ACCEPT'] });
const D_XF3: DeadlineSpec = {
  ...calendar('D-XF3', '不属于本机关职权范围的异议期限（收到之日起五个工作日，逾期视为有权处理）', 5, 'transferReceivedOn', '第二十三条', { metBy: ['OBJECT'] }),
  dayType: 'working',
};
/** The stages the 60 days run through: mediation inside handling, and 访调对接 (paused there unless policy says otherwise). */
const HANDLING_STAGES = ['mediation', 'referredPM', 'hearingAtHandling'];
const D_XF4 = calendar('D-XF4', '办理期限（受理之日起六十日）', 60, 'acceptedOn', '第三十四条', { soft: true, metBy: ['ISSUE_OPINION', 'SETTLE', 'PM_AGREED'], runsThrough: HANDLING_STAGES });
const D_XF5 = calendar('D-XF5', '延长的办理期限（经本机关负责人批准，不超过三十日）', 0, 'extendedDueOn', '第三十四条', {
  soft: true,
  metBy: ['ISSUE_OPINION', 'SETTLE', 'PM_AGREED'],
  runsThrough: HANDLING_STAGES,
});
const D_XF6 = calendar('D-XF6', '请求复查期限（收到处理意见书之日起三十日）', 30, 'opinionReceivedOn', '第三十五条', { onExpiry: 'OPINION_PERIOD_ENDED', metBy: ['REQUEST_REVIEW'] });
const D_XF7 = calendar('D-XF7', '复查意见期限（收到复查请求之日起三十日）', 30, 'reviewReceivedOn', '第三十五条', { soft: true, metBy: ['ISSUE_REVIEW_OPINION', 'SETTLE'], runsThrough: ['hearingAtReview'] });
const D_XF8 = calendar('D-XF8', '请求复核期限（收到复查意见之日起三十日）', 30, 'reviewOpinionReceivedOn', '第三十六条', { onExpiry: 'REVIEW_PERIOD_ENDED', metBy: ['REQUEST_REEXAM'] });
// 第三十六条: the hearing's days are not counted; the clock stops while it is held (reexamHearing).
const D_XF9 = calendar('D-XF9', '复核意见期限（收到复核请求之日起三十日，听证所需时间不计算在内）', 30, 'reexamReceivedOn', '第三十六条', {
  soft: true,
  metBy: ['ISSUE_REEXAM_OPINION'],
  runsThrough: ['reexamHearing', 'hearingAtReexam'],
});
const HANDLING_CLOCKS = ['D-XF4', 'D-XF5'];

// ---------- transitions shared by several states ----------

const settle = { SETTLE: { target: to('settled'), guard: 'everyPartySigned', actions: ['recordSettlement' as const, report('SETTLED')] } };
const issueOpinion = {
  ISSUE_OPINION: { target: to('opinionIssued'), guard: and(['opinionIssuedNotInFuture', 'opinionReceivedAfterIssue']), actions: ['recordOpinion' as const, report('OPINION_ISSUED')] },
};
const startMediation = { START_MEDIATION: { target: to('mediation'), guard: 'allPartiesConsent', actions: 'recordMediationStart' as const } };
/**
 * 访调对接: the 60-day clock stops while people's mediation runs, unless the legal policy
 * `xf.referralPausesHandlingPeriod` is false ([U]: the 2025 opinion's rule was not retrieved).
 */
const referralClocks = ({ event }: { event: WorkflowEvent }) => ({ specIds: event.policy?.['xf.referralPausesHandlingPeriod'] === false ? [] : HANDLING_CLOCKS });
const referMediation = {
  REFER_MEDIATION: { target: to('referredPM'), guard: and(['allPartiesConsent', 'civilContentOnly']), actions: ['recordReferral' as const, { type: 'pauseDeadlines' as const, params: referralClocks }] },
};
/** Back to handling, or to the extended period when it was extended. */
const backToHandling = (actions: any[] = []) => [
  { target: to('extended'), guard: 'wasExtended', actions },
  { target: to('handling'), actions },
];
/** 三级听证 as a case of its own (routes R21b–R21d): the stage travels to it in `hearingStage`. */
const requestHearing = (stage: NonNullable<XfContext['hearingStage']>, target: string, actions: any[] = []) => ({
  REQUEST_HEARING: { target: to(target), actions: [{ type: 'noteHearingStage' as const, params: { stage } }, ...actions] },
});
/**
 * [U] spec §8: no statute excludes hearing time at 复查 (only 第三十六条 at 复核), so the 复查 clock runs on unless the
 * legal policy `xf.excludeHearingTimeAtReview` is true.
 */
const reviewClocks = ({ event }: { event: WorkflowEvent }) => ({ specIds: event.policy?.['xf.excludeHearingTimeAtReview'] === true ? ['D-XF7'] : [] });
const heard = (target: any) => ({ HEARING_CONCLUDED: target, HEARING_ENDED: target });

const aftercare = {
  RECORD_AFTERCARE: { actions: 'recordAftercare' as const },
  END_AFTERCARE: { target: to('closed') },
};

const xfGuards = guardsFrom(xfPreconditions);

const date = (value: unknown) => (isIsoDate(value) ? value : undefined);

export const xfMachine = setup({
  types: {} as { context: XfContext; events: WorkflowEvent; input: XfContext },
  guards: xfGuards,
  actions: {
    pauseDeadlines: (_args: unknown, _params: { specIds: string[] }) => undefined,
    resumeDeadlines: (_args: unknown, _params: { specIds: string[] }) => undefined,
    ...engineEffects,
    recordClassification: assign(({ event }) => ({
      classification: event.data.classification,
      earlierPetitions: Array.isArray(event.facts?.earlierPetitions) ? (event.facts.earlierPetitions as EarlierPetition[]) : [],
      newFactsAndReasons: typeof event.data.newFactsAndReasons === 'string' ? event.data.newFactsAndReasons : undefined,
    })),
    recordTransferReceipt: assign(({ context, event }) => ({
      transferMode: event.data.mode ?? 'TRANSFER',
      transferReceivedOn: date(event.data.receivedOn) ?? event.today,
      classification: event.data.classification ?? context.classification ?? 'REQUEST',
    })),
    recordTransferOut: assign({ transferMode: ({ event }) => event.data.mode }),
    recordAcceptance: assign({ acceptedOn: ({ event }) => String(event.data.acceptedOn) }),
    recordDiversion: assign({ divertedTo: ({ event }) => String(event.data.legalChannel) }),
    recordExtension: assign(({ event }) => ({
      extension: { days: Number(event.data.days), reason: String(event.data.reason), approvedBy: String(event.data.approvedBy), notifiedOn: String(event.data.notifiedOn) },
      extendedDueOn: addDays(event.deadlines['D-XF4'], Number(event.data.days)),
    })),
    recordMediationStart: assign({ mediationStartedOn: ({ event }) => String(event.data.startedOn) }),
    recordReferral: assign({ referredOn: ({ event }) => event.today }),
    recordSettlement: assign({ settledOn: ({ event }) => date(event.data.signedOn) ?? event.today }),
    recordOpinion: assign(({ event }) => ({
      opinion: { outcomes: event.data.outcomes as string[], issuedOn: String(event.data.issuedOn) },
      opinionReceivedOn: String(event.data.receivedOn),
    })),
    recordReviewRequest: assign(({ event }) => ({
      reviewBody: { name: String(event.data.reviewBody), regionCode: String(event.data.reviewRegionCode) },
      reviewReceivedOn: String(event.data.receivedOn),
    })),
    recordReviewOpinion: assign(({ event }) => ({ reviewDecision: String(event.data.decision), reviewOpinionReceivedOn: String(event.data.receivedOn) })),
    recordReexamRequest: assign(({ event }) => ({
      reexamBody: { name: String(event.data.reexamBody), regionCode: String(event.data.reexamRegionCode) },
      reexamReceivedOn: String(event.data.receivedOn),
    })),
    recordHearingDecision: assign({ hearing: ({ event }) => ({ decidedOn: String(event.data.decidedOn), hearingOn: String(event.data.hearingOn) }) }),
    recordHearing: assign({ hearing: ({ context, event }) => ({ ...context.hearing!, heldOn: String(event.data.heldOn) }) }),
    recordFinal: assign(({ event }) => ({ reexamDecision: String(event.data.decision), finalOn: String(event.data.issuedOn) })),
    noteHearingStage: assign((_args, params: { stage: NonNullable<XfContext['hearingStage']> }) => ({ hearingStage: params.stage })),
    recordHearingReport: assign({ hearings: ({ context, event }) => [...(context.hearings ?? []), hearingHeard(event)] }),
    recordAftercare: assign({
      aftercare: ({ context, event }) => [...context.aftercare, { on: String(event.data.on), measure: String(event.data.measure), ...(event.data.note ? { note: String(event.data.note) } : {}) }],
    }),
  },
}).createMachine({
  id: 'xf',
  initial: 'received',
  context: ({ input }) => input,
  states: {
    received: {
      description: '信访事项已登记录入信访信息系统（网上、来信、来电、走访）；多人走访的推选不超过五名代表。信访部门应当在十五日内转送、交办或者导入法定途径。',
      tags: ['registered'],
      meta: meta({ label: '登记', labelEn: 'Registered', legalBasis: `${LAW} 第十七条、第十九条至第二十二条`, deadlines: [D_XF1] }),
      on: {
        CLASSIFY: { target: to('triage'), actions: 'recordClassification' },
        RECEIVE_TRANSFER: { target: to('transferReceived'), actions: 'recordTransferReceipt' },
      },
    },
    triage: {
      description:
        '分类研判：建议意见类答复，检举控告类转纪检监察机关，申诉求决类依第三十一条导入诉讼、仲裁、行政复议等法定途径，其余受理办理；同一事项下级正在办理的不予受理（第十九条），复核终结后以同一事实和理由再次信访的不再受理（第三十六条）。',
      tags: ['registered'],
      meta: meta({ label: '分类研判', labelEn: 'Classification', legalBasis: `${LAW} 第十九条、第二十二条、第二十九条至第三十一条、第三十六条` }),
      on: {
        CLASSIFY: { actions: 'recordClassification' },
        ACCEPT: { target: to('handling'), guard: and(['isRequest', 'notPendingBelow', 'notFinalAfterReexam', 'acceptedNotInFuture', 'notifiedNotInFuture']), actions: 'recordAcceptance' },
        TRANSFER: { target: to('forwarded'), guard: and(['isRequest', 'notPendingBelow', 'notFinalAfterReexam', 'deliveredNotBeforeTransfer']), actions: 'recordTransferOut' },
        DECLINE_DUPLICATE: { target: to('notAcceptedDuplicate'), guard: 'pendingBelowFound' },
        DECLINE_FINAL: { target: to('notAcceptedFinal'), guard: 'finalFound' },
        DIVERT: { target: to('diverted'), guard: and(['isRequest', 'divertedWithItsOrgan']), actions: 'recordDiversion' },
        REFER_DISCIPLINE: { target: to('routedDiscipline'), guard: 'isComplaint' },
        ANSWER_SUGGESTION: { target: to('suggestionAnswered'), guard: 'isSuggestion' },
      },
    },
    forwarded: {
      description: '已转送或交办有权处理的机关，待其签收或者在五个工作日内提出异议退回。',
      meta: meta({ label: '已转送/交办', labelEn: 'Transferred / assigned', legalBasis: `${LAW} 第二十二条、第二十三条` }),
      on: {
        TRANSFER_SIGNED_FOR: { target: to('transferredOut') },
        TRANSFER_RETURNED: { target: to('triage') },
      },
    },
    transferReceived: {
      description: '收到转送、交办的信访事项：属于本机关职权范围的，自收到之日起十五日内书面告知信访人受理；不属于的，五个工作日内提出异议并说明理由退回，逾期视为有权处理。',
      tags: ['inbox'],
      meta: meta({ label: '待受理（转送/交办）', labelEn: 'Transferred in, awaiting acceptance', legalBasis: `${LAW} 第二十三条`, deadlines: [D_XF2, D_XF3] }),
      on: {
        // 第十九条、第三十六条 bind every organ: a transferred petition is checked again where it arrives.
        ACCEPT: { target: to('handling'), guard: and(['notPendingBelow', 'notFinalAfterReexam', 'acceptedNotInFuture', 'notifiedNotInFuture']), actions: ['recordAcceptance', acceptTransfer] },
        DECLINE_DUPLICATE: { target: to('notAcceptedDuplicate'), guard: 'pendingBelowFound', actions: [acceptTransfer] },
        DECLINE_FINAL: { target: to('notAcceptedFinal'), guard: 'finalFound', actions: [acceptTransfer] },
        OBJECT: { target: to('returned'), guard: 'objectionInTime', actions: [returnTransfer('reason')] },
      },
    },
    handling: {
      description: '办理：听取信访人陈述，调查核实，必要时听证；经双方同意可以调解或者和解；自受理之日起六十日内办结，出具信访处理意见书。',
      tags: ['handling'],
      meta: meta({ label: '办理', labelEn: 'Handling', legalBasis: `${LAW} 第三十一条第六项、第三十二条至第三十四条`, deadlines: [D_XF4] }),
      on: {
        EXTEND: { target: to('extended'), guard: and(['extensionAtMost30Days', 'extensionBeforePeriodEnds']), actions: 'recordExtension' },
        ...startMediation,
        ...referMediation,
        ...settle,
        ...issueOpinion,
        ...requestHearing('XF_HANDLING', 'hearingAtHandling'),
      },
    },
    hearingAtHandling: {
      description: '办理中听证：重大、复杂、疑难的信访事项举行听证，听证意见作为出具处理意见的重要依据；六十日办理期限继续计算。',
      tags: ['handling'],
      meta: meta({ label: '办理中听证', labelEn: 'Hearing during handling', legalBasis: `${LAW} 第三十一条第六项` }),
      on: { ...heard(backToHandling(['recordHearingReport'])), ...settle },
    },
    extended: {
      description: '情况复杂，经本机关负责人批准延长办理期限（不超过三十日）并告知信访人延期理由；只能延长一次。',
      tags: ['handling'],
      meta: meta({ label: '延期办理', labelEn: 'Handling period extended', legalBasis: `${LAW} 第三十四条`, deadlines: [D_XF5] }),
      on: { ...startMediation, ...referMediation, ...settle, ...issueOpinion, ...requestHearing('XF_HANDLING', 'hearingAtHandling') },
    },
    mediation: {
      description: '办理中调解或者和解（经双方当事人同意，不违反法律法规强制性规定）：达成的制作调解协议书或者和解协议书；未达成的继续办理。',
      tags: ['handling'],
      meta: meta({ label: '调解/和解', labelEn: 'Mediation or settlement', legalBasis: `${LAW} 第三十三条` }),
      on: { ...settle, MEDIATION_FAILED: backToHandling() },
    },
    referredPM: {
      description: '访调对接：经双方同意移交人民调解组织调解（限于具有民事权利义务内容的申诉求决类事项）；调解成功的息诉，不成的回到信访办理。',
      meta: meta({ label: '移交人民调解', labelEn: 'Referred to people’s mediation', legalBasis: `${LAW} 第三十三条、第三十七条；司法部、国家信访局关于进一步深化人民调解参与信访工作对接 推进信访工作法治化的意见（2025）` }),
      on: {
        PM_AGREED: { target: to('settled'), actions: ['recordSettlement', report('SETTLED')] },
        PM_ENDED: backToHandling([resumeDeadlines(...HANDLING_CLOCKS)]),
      },
    },
    opinionIssued: {
      description: '已出具信访处理意见书（支持、解释说明或者不予支持）；信访人不服的，可以自收到之日起三十日内请求原办理机关的上一级机关复查。',
      meta: meta({ label: '已出具处理意见', labelEn: 'Opinion issued', legalBasis: `${LAW} 第三十二条、第三十五条`, deadlines: [D_XF6] }),
      on: {
        REQUEST_REVIEW: { target: to('review'), guard: and(['reviewRequestedInTime', 'reviewOneLevelUp']), actions: 'recordReviewRequest' },
        OPINION_PERIOD_ENDED: { target: to('opinionFinal') },
      },
    },
    review: {
      description: '复查：原办理机关的上一级机关自收到复查请求之日起三十日内提出复查意见，书面答复信访人。',
      tags: ['handling'],
      meta: meta({ label: '复查', labelEn: 'Review', legalBasis: `${LAW} 第三十五条`, deadlines: [D_XF7] }),
      on: {
        ISSUE_REVIEW_OPINION: { target: to('reviewOpinion'), guard: and(['reviewOpinionNotInFuture', 'reviewOpinionReceivedAfterIssue']), actions: 'recordReviewOpinion' },
        ...settle,
        ...requestHearing('XF_REVIEW', 'hearingAtReview', [{ type: 'pauseDeadlines', params: reviewClocks }]),
      },
    },
    hearingAtReview: {
      description: '复查听证（区、县级听证）：听证意见作为复查意见的重要依据；听证时间是否从三十日复查期限中扣除，依本地区规定（默认不扣除）。',
      tags: ['handling'],
      meta: meta({ label: '复查听证', labelEn: 'Hearing at review', legalBasis: `${LAW} 第三十一条第六项、第三十五条` }),
      on: { ...heard({ target: to('review'), actions: ['recordHearingReport', { type: 'resumeDeadlines', params: reviewClocks }] }), ...settle },
    },
    reviewOpinion: {
      description: '已出具复查意见；信访人不服的，可以自收到之日起三十日内向复查机关的上一级机关请求复核。',
      meta: meta({ label: '复查意见', labelEn: 'Review opinion', legalBasis: `${LAW} 第三十六条`, deadlines: [D_XF8] }),
      on: {
        REQUEST_REEXAM: { target: to('reexam'), guard: and(['reexamRequestedInTime', 'reexamOneLevelUp']), actions: 'recordReexamRequest' },
        REVIEW_PERIOD_ENDED: { target: to('reviewFinal') },
      },
    },
    reexam: {
      description: '复核：复查机关的上一级机关自收到复核请求之日起三十日内提出复核意见；可以举行听证，听证所需时间不计算在内。',
      tags: ['handling'],
      meta: meta({ label: '复核', labelEn: 'Re-examination', legalBasis: `${LAW} 第三十六条`, deadlines: [D_XF9] }),
      on: {
        DECIDE_HEARING: { target: to('reexamHearing'), guard: 'hearingAfterDecision', actions: ['recordHearingDecision', pauseDeadlines('D-XF9')] },
        ISSUE_REEXAM_OPINION: { target: to('finalClosed'), guard: 'reexamOpinionNotInFuture', actions: ['recordFinal', report('FINAL')] },
        ...requestHearing('XF_REEXAM', 'hearingAtReexam', [pauseDeadlines('D-XF9')]),
      },
    },
    hearingAtReexam: {
      description: '复核听证（作为听证案件举行）：听证所需时间不计算在三十日复核期限内，复核期限自提请听证起中止，听证结束后恢复计算。',
      tags: ['handling'],
      meta: meta({ label: '复核听证（听证案件）', labelEn: 'Hearing at re-examination', legalBasis: `${LAW} 第三十一条第六项、第三十六条` }),
      on: heard({ target: to('reexam'), actions: ['recordHearingReport', resumeDeadlines('D-XF9')] }),
    },
    reexamHearing: {
      description: '复核听证（自决定听证至听证举行）：所需时间不计算在复核期限内。',
      tags: ['handling'],
      meta: meta({ label: '复核听证', labelEn: 'Re-examination hearing', legalBasis: `${LAW} 第三十一条第六项、第三十六条` }),
      on: { HOLD_HEARING: { target: to('reexam'), guard: 'hearingDateReached', actions: ['recordHearing', resumeDeadlines('D-XF9')] } },
    },
    finalClosed: {
      description: '三级终结：对复核意见不服、以同一事实和理由再次信访的，各级机关不再受理；属地继续做好疏导教育、矛盾化解、帮扶救助。',
      tags: ['aftercare'],
      meta: meta({ label: '复核终结（后续帮扶）', labelEn: 'Final; aftercare', legalBasis: `${LAW} 第三十六条、第三十七条` }),
      on: aftercare,
    },
    notAcceptedFinal: {
      description: '复核终结后以同一事实和理由再次信访，不再受理，不启动办理期限；转入疏导教育、帮扶救助。',
      tags: ['aftercare'],
      meta: meta({ label: '不再受理（后续帮扶）', labelEn: 'Not accepted: already final; aftercare', legalBasis: `${LAW} 第三十六条、第三十七条` }),
      on: aftercare,
    },
    notAcceptedDuplicate: {
      type: 'final',
      description: '同一信访事项下级机关已经受理或者正在办理期限内，上级机关不予受理，告知信访人。',
      meta: meta({ label: '不予受理（下级正在办理）', labelEn: 'Not accepted: the same matter is being handled below', legalBasis: `${LAW} 第十九条` }),
    },
    diverted: {
      type: 'final',
      description: '诉访分离：应当通过诉讼、仲裁、行政复议等法定途径解决的，导入相应程序，信访程序终结。',
      meta: meta({ label: '导入法定途径', labelEn: 'Diverted to a legal channel', legalBasis: `${LAW} 第二十二条、第三十一条` }),
    },
    routedDiscipline: {
      type: 'final',
      meta: meta({ label: '转纪检监察机关', labelEn: 'Referred to the discipline organs', legalBasis: `${LAW} 第二十二条、第三十条` }),
    },
    suggestionAnswered: { type: 'final', meta: meta({ label: '建议意见已答复', labelEn: 'Suggestion answered', legalBasis: `${LAW} 第二十九条` }) },
    transferredOut: {
      type: 'final',
      description: '有权处理的机关已签收，在该机关办理。',
      meta: meta({ label: '转送办理', labelEn: 'Handled by the competent organ', legalBasis: `${LAW} 第二十二条、第二十三条` }),
    },
    returned: { type: 'final', meta: meta({ label: '异议退回', labelEn: 'Returned as outside competence', legalBasis: `${LAW} 第二十三条` }) },
    settled: { type: 'final', meta: meta({ label: '达成协议息诉', labelEn: 'Settled', legalBasis: `${LAW} 第三十三条` }) },
    opinionFinal: {
      type: 'final',
      description: '信访人收到处理意见书后三十日内未请求复查，处理意见在本级终结。',
      meta: meta({ label: '处理意见终结', labelEn: 'Opinion final at this level', legalBasis: `${LAW} 第三十五条` }),
    },
    reviewFinal: {
      type: 'final',
      description: '信访人收到复查意见后三十日内未请求复核，复查意见终结。',
      meta: meta({ label: '复查意见终结', labelEn: 'Review opinion final', legalBasis: `${LAW} 第三十六条` }),
    },
    closed: { type: 'final', meta: meta({ label: '结案', labelEn: 'Closed', legalBasis: `${LAW} 第三十七条` }) },
  },
});
