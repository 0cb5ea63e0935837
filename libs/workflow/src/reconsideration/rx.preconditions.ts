import type { Precondition } from '../definition';
import { everyParty, notInFuture, withinDeadline } from '../building-blocks';
import type { RxContext } from './rx.context';
import { isIsoDate, weekdaysBetween } from './rx.periods';

const LAW = '行政复议法';
const XZSS = '行政诉讼法';

/** The states a suspension returns to (rx.machine.ts). */
export const RESUMABLE: readonly string[] = ['accepted', 'answerPending', 'examination', 'hearingNoticed', 'mediation', 'extended'];

/** The simple-procedure cases of 第五十三条: on-the-spot acts, warnings and criticism, up to 3,000 yuan, information disclosure. */
export const SIMPLE_AMOUNT_LIMIT = 3000;
const fitsSimple = (c: RxContext) =>
  c.onTheSpot || c.penaltyKind === 'WARNING' || c.penaltyKind === 'CRITICISM' || (typeof c.amount === 'number' && c.amount <= SIMPLE_AMOUNT_LIMIT) || c.actType === 'INFORMATION_DISCLOSURE';

/** The application window deadlines that govern the case; each must still be pending and not passed on the filing day. */
const WINDOWS: [keyof RxContext, string][] = [
  ['windowFrom', 'D-RX1'],
  ['capFrom', 'D-RX2'],
  ['barFrom', 'D-RX3'],
  ['barFromRealProperty', 'D-RX3-RP'],
];

/** A decision that cannot stand on a respondent's missing answer: the act is treated as having no evidence (第七十条). */
const NEEDS_EVIDENCE = ['UPHOLD', 'REJECT'];

/** A suit after the reconsideration (its window has started) rather than instead of it. */
const afterReconsideration = (c: RxContext) => isIsoDate(c.suitWindowFrom);
/** A window precondition that holds trivially where its window is not the one that governs the suit. */
function whenApplicable(applies: (c: RxContext) => boolean, window: Precondition): Precondition<RxContext> {
  return { ...window, check: (context, event) => !applies(context) || window.check(context, event) };
}

export const rxPreconditions: Record<string, Precondition<RxContext>> = {
  withinApplicationPeriod: {
    check: (context, event) => {
      const filed = event.data.appliedOn;
      if (!isIsoDate(filed) || filed > event.today || !isIsoDate(context.knewOn)) return false;
      const governing = WINDOWS.filter(([anchor]) => isIsoDate(context[anchor]));
      return governing.length > 0 && governing.every(([, id]) => typeof event.deadlines[id] === 'string' && filed <= event.deadlines[id]);
    },
    message:
      '应当自知道或者应当知道该行政行为之日起六十日内提出行政复议申请；行政机关未告知申请权利、复议机关和期限的，自知道之日起计算，但最长不得超过自知道行政行为内容之日起一年；自行政行为作出之日起超过五年（不动产二十年）的不予受理',
    messageEn:
      'Apply within 60 days of knowing of the act; if the party was not told of the right, from learning of it but within one year of knowing the act; never more than 5 years (20 for real property) after the act',
    legalBasis: `${LAW} 第二十条、第二十一条`,
  },
  // Routing rule R16 (spec appendix (c)): an agency's mediation of a civil dispute goes to civil court, not here.
  reviewableAct: {
    check: (context) => context.actType !== 'CIVIL_DISPUTE_MEDIATION',
    message: '行政机关对民事纠纷作出的调解不属于行政复议范围；当事人对调解结果不服的，可以就该民事纠纷依法向人民法院提起民事诉讼',
    messageEn: 'An agency’s mediation of a civil dispute cannot be reconsidered; the party may sue over the civil dispute in court',
    legalBasis: `${LAW} 第十二条第四项`,
  },
  // Routing rule R15: no parallel tracks — once a court has accepted a suit on the act, no reconsideration.
  noSuitAccepted: {
    check: (_context, event) => event.data.courtSuitAccepted !== true,
    message: '公民、法人或者其他组织已经依法提起行政诉讼，人民法院已经依法受理的，不得申请行政复议',
    messageEn: 'A court has already accepted a suit over the act: no reconsideration may be applied for',
    legalBasis: `${LAW} 第二十九条`,
  },
  // Routing rule R17: a settlement means withdrawal, and the same facts and reasons cannot be filed again.
  notRefiledAfterWithdrawal: {
    check: (_context, event) => {
      const earlier = event.data.earlierApplication;
      return !earlier || earlier.sameFactsAndReasons !== true || earlier.withdrawalInvoluntary === true;
    },
    message: '申请人撤回行政复议申请的，不得再以同一事实和理由提出行政复议申请，但能够证明撤回违背其真实意愿的除外',
    messageEn: 'After withdrawing, the applicant cannot apply again on the same facts and reasons unless the withdrawal was involuntary',
    legalBasis: `${LAW} 第七十四条`,
  },
  agencyForwardingRecorded: {
    check: (_context, event) =>
      event.data.channel !== 'PENALISING_AGENCY' || (typeof event.data.forwardingAgency === 'string' && event.data.forwardingAgency.trim() !== '' && isIsoDate(event.data.agencyReceivedOn)),
    message: '通过作出当场处罚决定的行政机关提交申请的，须记录该行政机关及其收到申请的日期',
    messageEn: 'An application filed through the penalising agency records the agency and the day it received the application',
    legalBasis: `${LAW} 第三十二条`,
  },
  // Routing rule R15: the party chooses reconsideration or a suit, except in 复议前置 cases.
  directSuitAllowed: {
    check: (context) => afterReconsideration(context) || !context.reconsiderationFirst,
    message: '依法应当先申请行政复议的（当场作出的行政处罚决定等），对行政复议决定不服的，才可以依法向人民法院提起行政诉讼',
    messageEn: 'Reconsideration must come first in this case (e.g. an on-the-spot penalty): no direct suit',
    legalBasis: `${LAW} 第二十三条；${XZSS} 第四十四条`,
  },
  withinDirectSuitPeriod: whenApplicable((c) => !afterReconsideration(c) && !c.reconsiderationFirst, withinDeadline('D-RX13', '直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起六个月内提出', 'A direct suit must be brought within six months of knowing of the act', `${XZSS} 第四十六条`)),
  acceptedNotInFuture: notInFuture('acceptedOn', '受理日期'),
  simpleProcedureFits: {
    check: (context, event) => event.data.procedure !== 'SIMPLE' || fitsSimple(context) || event.data.partiesConsentToSimple === true,
    message: '适用简易程序的，限于当场作出的行政行为、警告或者通报批评、三千元以下罚款、政府信息公开，或者当事人各方同意',
    messageEn: 'The simple procedure is for on-the-spot acts, warnings, fines up to 3,000 yuan, information disclosure, or by consent',
    legalBasis: `${LAW} 第五十三条`,
  },
  supplementOnlyOnce: {
    check: (context) => !context.supplementRequestedOn,
    message: '申请材料不齐全或者表述不清楚的，应当一次性书面通知申请人补正全部内容',
    messageEn: 'Everything to be supplemented is asked for at once, in one written notice',
    legalBasis: `${LAW} 第三十一条`,
  },
  supplementNoticeInTime: withinDeadline('D-RX5', '补正通知应当自收到申请之日起五个工作日内书面发出', 'The supplement notice is sent within five working days of receipt', `${LAW} 第三十一条`),
  hearingNoticeInTime: {
    check: (_context, event) => isIsoDate(event.data.hearingOn) && weekdaysBetween(event.today, event.data.hearingOn) >= 5,
    message: '行政复议机构组织听证的，应当于举行听证的五个工作日前将听证的时间、地点和拟听证事项书面通知当事人',
    messageEn: 'The hearing is notified in writing at least five working days before it',
    legalBasis: `${LAW} 第五十一条`,
  },
  hearingDateReached: {
    check: (context, event) => isIsoDate(context.hearingOn) && event.today >= context.hearingOn,
    message: '听证应当按照书面通知的时间举行，未到听证日期',
    messageEn: 'The hearing is held on the notified day, which has not come',
    legalBasis: `${LAW} 第五十一条`,
  },
  hearingHeldIfMajor: {
    check: (context) => !context.major || isIsoDate(context.hearingHeldOn),
    message: '审理重大、疑难、复杂的行政复议案件，行政复议机构应当组织听证',
    messageEn: 'A major, difficult or complex case must have a hearing before the decision',
    legalBasis: `${LAW} 第五十条`,
  },
  viewsHeardInOrdinary: {
    check: (context) => context.procedure !== 'ORDINARY' || isIsoDate(context.viewsHeardOn) || isIsoDate(context.hearingHeldOn),
    message: '适用普通程序审理的行政复议案件，行政复议机构应当当面或者通过互联网、电话等方式听取当事人的意见',
    messageEn: 'In the ordinary procedure the parties’ views are heard before the decision',
    legalBasis: `${LAW} 第四十九条`,
  },
  evidenceBacksDecision: {
    check: (context, event) => !context.answerMissing || !NEEDS_EVIDENCE.includes(event.data.decisionType),
    message: '被申请人不按照规定提出书面答复、提交作出行政行为的证据和依据的，视为该行政行为没有证据、依据，应当决定撤销、部分撤销、确认违法、确认无效或者责令履行',
    messageEn: 'The respondent gave no answer or evidence: the act is treated as unfounded and cannot be upheld',
    legalBasis: `${LAW} 第七十条`,
  },
  decidedNotInFuture: notInFuture('decidedOn', '决定日期'),
  everyPartySignedMediationDoc: everyParty(
    'signedPartyIds',
    '行政复议调解书经双方当事人签字或者签章，并加盖行政复议机关印章，即具有法律效力',
    'The mediation document takes effect when every party has signed and the organ has sealed it',
    `${LAW} 第七十三条`,
  ),
  mediationHeld: {
    check: (context) => isIsoDate(context.mediationStartedOn),
    message: '行政复议调解书根据调解达成的协议制作，须先行调解',
    messageEn: 'A mediation document records an agreement reached in mediation: mediate first',
    legalBasis: `${LAW} 第七十三条`,
  },
  organSealedMediationDoc: {
    check: (_context, event) => event.data.organSealed === true,
    message: '行政复议调解书须加盖行政复议机关印章',
    messageEn: 'The organ seals the mediation document',
    legalBasis: `${LAW} 第七十三条`,
  },
  ordinaryProcedure: {
    check: (context) => context.procedure === 'ORDINARY',
    message: '适用简易程序的案件应当在三十日内作出决定，不得延长；确需延长的应先转为普通程序',
    messageEn: 'Only the ordinary procedure’s period may be extended',
    legalBasis: `${LAW} 第五十五条、第六十二条`,
  },
  extensionAtMost30Days: {
    check: (_context, event) => Number.isInteger(event.data.days) && event.data.days >= 1 && event.data.days <= 30,
    message: '情况复杂、不能在规定期限内作出行政复议决定的，延长期限最多不得超过三十日',
    messageEn: 'The decision period may be extended by at most 30 days',
    legalBasis: `${LAW} 第六十二条`,
  },
  extensionBeforePeriodEnds: withinDeadline('D-RX10', '延长须在六十日的决定期限届满前经行政复议机构负责人批准', 'The extension is approved before the 60 days end', `${LAW} 第六十二条`),
  extensionApprovedByHead: {
    check: (_context, event) =>
      typeof event.data.approvedBy === 'string' && event.data.approvedBy.trim() !== '' && isIsoDate(event.data.notifiedOn) && event.data.notifiedOn <= event.today,
    message: '延长期限须经行政复议机构的负责人批准，并书面告知当事人',
    messageEn: 'The head of the reconsideration body approves the extension, notified to the parties in writing',
    legalBasis: `${LAW} 第六十二条`,
  },
  servedAfterDecision: {
    check: (context, event) => isIsoDate(event.data.servedOn) && event.data.servedOn <= event.today && (!context.decidedOn || event.data.servedOn >= context.decidedOn),
    message: '送达日期须在决定作出之后且不得晚于今天',
    messageEn: 'The decision is served on or after the day it was made and not later than today',
    legalBasis: `${LAW} 第七十五条`,
  },
  withinSuitWindow: whenApplicable(afterReconsideration, withinDeadline('D-RX12', '对行政复议决定不服的，可以自收到决定书之日起十五日内（复议机关逾期不作决定的，自期满之日起十五日内）向人民法院提起诉讼', 'Sue within 15 days of receiving the decision, or of the end of the decision period', `${XZSS} 第四十五条；${LAW} 第三十四条`)),
  reconsiderationFirstCase: {
    check: (context) => context.reconsiderationFirst,
    message: '本案属于复议前置案件，不予受理后申请人可以自收到决定书之日起十五日内提起行政诉讼',
    messageEn: 'Reconsideration comes first in this case: after a refusal the applicant may sue within 15 days',
    legalBasis: `${LAW} 第二十三条、第三十四条`,
  },
  decisionMade: {
    check: (context) => typeof context.decisionType === 'string',
    message: '本案有行政复议决定',
    messageEn: 'The case has a reconsideration decision',
  },
  resumesWhereSuspended: {
    check: (context) => typeof context.suspendedIn === 'string' && RESUMABLE.includes(context.suspendedIn),
    message: '恢复审理的，回到中止前的阶段；本案未记录中止前的阶段',
    messageEn: 'Resumption returns to the stage the case was suspended in, which is not recorded',
    legalBasis: `${LAW} 第三十九条`,
  },
};
