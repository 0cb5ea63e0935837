import type { Precondition, WorkflowEvent } from '../definition';
import { everyParty, notInFuture, withinDeadline } from '../building-blocks';
import type { LabContext } from './lab.context';
import { daysBetween, isIsoDate, limitationEndsOn } from './lab.periods';

const LAW = '劳动争议调解仲裁法';

/** The legal minimum between the hearing notice and the hearing; a deployment may set `lab.hearingNoticeMinDays`. */
export const HEARING_NOTICE_MIN_DAYS = 5;

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);
const workersOf = (context: LabContext, event: WorkflowEvent) => (context.workerPartyIds.length ? context.workerPartyIds : ids(event.data.workerPartyIds));

/** Every listed party is on the worker's side. */
export const allWorkers = (context: LabContext, partyIds: string[]) => partyIds.length > 0 && partyIds.every((id) => context.workerPartyIds.includes(id));
/** No listed party is on the worker's side. */
export const allEmployers = (context: LabContext, partyIds: string[]) => partyIds.length > 0 && partyIds.every((id) => !context.workerPartyIds.includes(id));

/** The stages a suspension can be resumed into, and the states a suit can be filed from (lab.machine.ts). */
export const RESUMABLE: readonly string[] = ['arb.accepted', 'arb.served', 'arb.hearingNoticed', 'arb.mediation', 'arb.deliberation', 'arb.extended'];
export const SUIT_SOURCE_STATES: readonly string[] = ['arb.notAccepted', 'arb.undecided', 'arb.overdue', 'post.finalWindows', 'post.workerSuit', 'post.setAsideApplied', 'post.setAsideGranted', 'post.partySuit'];

/** A final award binds the employer until an intermediate court sets it aside (第四十七条、第四十九条). */
const finalAwardStands = (c: LabContext) => c.awardType === 'FINAL' && !c.setAsideGranted;

/** A window precondition that holds trivially where its window is not the one that governs the case. */
function whenApplicable(applies: (c: LabContext) => boolean, window: Precondition): Precondition<LabContext> {
  return { ...window, check: (context, event) => !applies(context) || window.check(context, event) };
}

export const labPreconditions: Record<string, Precondition<LabContext>> = {
  withinLimitation: {
    check: (context, event) => {
      const d = event.data;
      const end = limitationEndsOn({
        knewOn: isIsoDate(d.knewOn) ? d.knewOn : context.knewOn,
        wageArrears: context.wageArrears,
        employmentEndedOn: context.employmentEndedOn,
        interruptions: [context.interruptedOn, d.interruptedOn].filter(isIsoDate),
        suspension: isIsoDate(d.suspendedFrom) && isIsoDate(d.suspendedUntil) ? { from: d.suspendedFrom, to: d.suspendedUntil } : undefined,
      });
      return end === null || (end !== undefined && context.receivedOn <= end);
    },
    message:
      '仲裁时效期间为一年，自当事人知道或者应当知道其权利被侵害之日起计算（劳动关系终止后追索劳动报酬的，自劳动关系终止之日起计算）；申请已超过时效或时效起算日不明的不予受理，仲裁员查明时效中断或中止的应予记录',
    messageEn:
      'The one-year limitation has run (from when the party knew or should have known; for wages, from the end of the employment) or its start is unknown; record an interruption or suspension if there was one',
    legalBasis: `${LAW} 第二十七条`,
  },
  workerSideKnown: {
    check: (context, event) => {
      const workers = workersOf(context, event);
      return workers.length > 0 && workers.every((id) => context.partyIds.includes(id)) && context.partyIds.some((id) => !workers.includes(id));
    },
    message: '劳动争议的双方当事人为劳动者和用人单位，须指明劳动者一方当事人',
    messageEn: 'Name the parties on the worker’s side; the others are the employer',
    legalBasis: `${LAW} 第二条、第二十二条`,
  },
  acceptedNotInFuture: notInFuture('acceptedOn', '受理日期'),
  respondentServedNotInFuture: notInFuture('respondentServedOn', '被申请人收到申请书副本日期'),
  hearingNoticeInTime: {
    check: (_context, event) => {
      const min = Number(event.policy?.['lab.hearingNoticeMinDays'] ?? HEARING_NOTICE_MIN_DAYS);
      return isIsoDate(event.data.hearingOn) && daysBetween(event.today, event.data.hearingOn) >= min;
    },
    message: '仲裁庭应当在开庭五日前将开庭日期、地点书面通知双方当事人',
    messageEn: 'The hearing must be notified in writing at least five days before it',
    legalBasis: `${LAW} 第三十五条`,
  },
  hearingDateReached: {
    check: (context, event) => isIsoDate(context.hearingOn) && event.today >= context.hearingOn,
    message: '须按书面通知的日期开庭，未到开庭日期',
    messageEn: 'The hearing opens on the notified date, which has not come',
    legalBasis: `${LAW} 第三十五条`,
  },
  mediationAttempted: {
    check: (context) => isIsoDate(context.mediationAttemptedOn),
    message: '仲裁庭在作出裁决前，应当先行调解',
    messageEn: 'The tribunal must attempt mediation before making an award',
    legalBasis: `${LAW} 第四十二条`,
  },
  awardedNotInFuture: notInFuture('awardedOn', '裁决日期'),
  everyPartySignedMediationDoc: everyParty(
    'signedPartyIds',
    '仲裁调解书经双方当事人签收后，发生法律效力；调解书送达前一方反悔的，仲裁庭应当及时作出裁决',
    'The mediation document takes effect only when every party has signed for it',
    `${LAW} 第四十二条`,
  ),
  extensionAtMost15Days: {
    check: (_context, event) => Number.isInteger(event.data.days) && event.data.days >= 1 && event.data.days <= 15,
    message: '案情复杂需要延期的，延长期限不得超过十五日',
    messageEn: 'An extension may not exceed 15 days',
    legalBasis: `${LAW} 第四十三条`,
  },
  extensionBeforeAwardPeriodEnds: withinDeadline(
    'D-LB7',
    '延期须在受理之日起四十五日的审理期限届满前批准',
    'The extension must be approved before the 45-day period ends',
    `${LAW} 第四十三条`,
  ),
  extensionApprovedByChair: {
    check: (_context, event) =>
      typeof event.data.approvedBy === 'string' && event.data.approvedBy.trim() !== '' && isIsoDate(event.data.approvedOn) && event.data.approvedOn <= event.today,
    message: '延期须经仲裁委员会主任书面批准，并书面通知当事人',
    messageEn: 'An extension needs the commission chair’s written approval, notified in writing to the parties',
    legalBasis: `${LAW} 第四十三条`,
  },
  awardServedAfterAward: {
    check: (context, event) =>
      [event.data.workerReceivedOn, event.data.employerReceivedOn].every(
        (d) => isIsoDate(d) && d <= event.today && (!context.awardedOn || d >= context.awardedOn),
      ),
    message: '裁决书送达日期须在裁决日期之后且不得晚于今天',
    messageEn: 'The award is served on or after the day it was made and not later than today',
    legalBasis: `${LAW} 第四十八条至第五十条`,
  },
  employerCannotSueOnFinalAward: {
    check: (context, event) => !finalAwardStands(context) || allWorkers(context, ids(event.data.plaintiffPartyIds)),
    message: '终局裁决自作出之日起发生法律效力，用人单位不得就终局裁决向基层人民法院起诉，只能自收到裁决书之日起三十日内向中级人民法院申请撤销',
    messageEn: 'An employer cannot sue over a final award; it may only apply to the intermediate court to set it aside',
    legalBasis: `${LAW} 第四十七条、第四十八条、第四十九条`,
  },
  withinWorkerSuitWindow: whenApplicable(
    finalAwardStands,
    withinDeadline('D-LB9', '劳动者对终局裁决不服的，须自收到仲裁裁决书之日起十五日内起诉', 'A worker must sue within 15 days of receiving a final award', `${LAW} 第四十八条`),
  ),
  withinSuitWindowAfterSetAside: whenApplicable(
    (c) => c.setAsideGranted,
    withinDeadline('D-LB11', '终局裁决被撤销的，当事人须自收到裁定书之日起十五日内起诉', 'After the award is set aside, sue within 15 days of receiving the ruling', `${LAW} 第四十九条`),
  ),
  withinNonFinalSuitWindow: whenApplicable(
    (c) => c.awardType === 'NON_FINAL',
    withinDeadline('D-LB12', '对非终局裁决不服的，须自收到仲裁裁决书之日起十五日内起诉', 'Sue over a non-final award within 15 days of receiving it', `${LAW} 第五十条`),
  ),
  onlyEmployerMaySetAside: {
    check: (context, event) => allEmployers(context, ids(event.data.applicantPartyIds)),
    message: '申请撤销终局裁决的只能是用人单位',
    messageEn: 'Only the employer may apply to set a final award aside',
    legalBasis: `${LAW} 第四十九条`,
  },
  withinSetAsideWindow: withinDeadline(
    'D-LB10',
    '用人单位须自收到终局裁决书之日起三十日内向中级人民法院申请撤销',
    'The employer must apply within 30 days of receiving the final award',
    `${LAW} 第四十九条`,
  ),
  setAsideRulingReceivedNotInFuture: notInFuture('receivedOn', '收到裁定书日期'),
  // Branch preconditions: each transition of the event adds guard params naming its branch (see lab.machine.ts).
  awardClassified: {
    check: (_context, event) => Array.isArray(event.data.items) && event.data.items.length > 0,
    message: '仲裁裁决须列明裁决事项，并逐项认定是否为终局裁决',
    messageEn: 'The award lists its items, each tested for finality',
    legalBasis: `${LAW} 第四十七条；最高人民法院关于审理劳动争议案件适用法律问题的解释（一） 第十九条、第二十条`,
  },
  resumesWhereSuspended: {
    check: (context) => typeof context.suspendedIn === 'string' && RESUMABLE.includes(context.suspendedIn),
    message: '恢复仲裁的，回到中止前的审理阶段；本案未记录中止前的阶段',
    messageEn: 'Resumption returns to the stage the case was suspended in, which is not recorded',
    legalBasis: '劳动人事争议仲裁办案规则 第四十六条',
  },
  suitReturnsWhereFiled: {
    check: (context) => typeof context.suedFrom === 'string' && SUIT_SOURCE_STATES.includes(context.suedFrom),
    message: '人民法院退回起诉的，回到起诉前的阶段；本案未记录起诉前的阶段',
    messageEn: 'A returned suit goes back to the stage it was filed from, which is not recorded',
    legalBasis: `${LAW} 第二十九条、第四十三条、第四十八条至第五十条`,
  },
};
