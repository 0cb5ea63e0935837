import type { Precondition, WorkflowEvent } from '../definition';
import { everyParty, notInFuture, withinDeadline } from '../building-blocks';
import type { TaContext } from './ta.context';
import { BXF, DJCX, RIGHTS } from './ta.events';

/** The losses the harm requires to be fixed before mediation (第九十条): property, injury (treatment ended or rated), death. */
function lossesFixedFor(context: TaContext): boolean {
  const kinds = new Set(context.lossesFixed.map((l) => l.kind));
  if (context.harm === 'DEATH') return kinds.has('FUNERAL_DONE');
  if (context.harm === 'INJURY') return kinds.has('TREATMENT_ENDED') || kinds.has('DISABILITY_RATED');
  return kinds.has('PROPERTY_ASSESSED');
}

/** The parties other than the insurers, who apply for mediation themselves (第八十六条). */
const claimants = (context: TaContext) => context.partyIds.filter((p) => !context.insurerPartyIds.includes(p));
/** Today is on or before the pending deadline `id` (a deadline already run out is no longer pending). */
const openUntil = (id: string, event: WorkflowEvent) => typeof event.deadlines[id] === 'string' && event.today <= event.deadlines[id];
const listed = (event: WorkflowEvent, field: string): string[] => (Array.isArray(event.data[field]) ? event.data[field] : []);

export const taPreconditions: Record<string, Precondition<TaContext>> = {
  propertyOnly: {
    check: (context) => context.harm === 'PROPERTY_ONLY',
    message: '只有仅造成财产损失的道路交通事故，当事人才可以自行协商处理',
    messageEn: 'Only an accident that caused property damage alone may be settled by the parties themselves',
    legalBasis: `${DJCX} 第十九条`,
  },
  everyPartyAgreedToNegotiate: everyParty('agreedPartyIds', '自行协商须各方当事人同意', 'Every party must agree to negotiate', `${DJCX} 第十九条`),
  settledNotInFuture: notInFuture('settledOn', '协议日期'),
  sceneNotInFuture: notInFuture('sceneOn', '现场日期'),
  notFatal: {
    check: (context) => context.harm !== 'DEATH',
    message: '造成人员死亡的事故适用一般程序，不能当场调解',
    messageEn: 'An accident with a death follows the general procedure: no mediation on the spot',
    legalBasis: `${DJCX} 第二十四条、第二十五条`,
  },
  everyPartyRequestedOnSpot: everyParty('requestedPartyIds', '当场调解须由各方当事人共同申请', 'On-the-spot mediation needs a joint request of every party', `${DJCX} 第二十五条`),
  everyPartySigned: everyParty('signedPartyIds', '调解协议（调解书）须由各方当事人签名', 'Every party must sign', `${DJCX} 第二十六条、第九十三条`),
  signedNotInFuture: notInFuture('signedOn', '签名日期'),
  resultNotInFuture: notInFuture('resultOn', '确定日期'),
  madeNotInFuture: notInFuture('madeOn', '制作日期'),
  everyPartyServed: everyParty('servedPartyIds', '认定书应当送达各方当事人', 'The determination must be served on every party', `${DJCX} 第六十五条`),
  rightsNoticeComplete: {
    check: (_context, event) => Object.keys(RIGHTS).every((r) => listed(event, 'rights').includes(r)),
    message: '送达认定书时应当告知当事人申请复核、调解和提起民事诉讼的权利、期限',
    messageEn: 'Serving the determination, tell the parties of their rights to review, mediation and suit',
    legalBasis: `${DJCX} 第六十五条`,
  },
  servedNotInFuture: notInFuture('servedOn', '送达日期'),
  withinReviewWindow: withinDeadline('D-TA4', '当事人应当自道路交通事故认定书送达之日起三日内提出书面复核申请', 'The review must be applied for within three working days of service', `${DJCX} 第七十一条`),
  reviewNotUsed: {
    check: (context) => !context.reviewUsed,
    message: '复核以一次为限',
    messageEn: 'A determination can be reviewed once only',
    legalBasis: `${DJCX} 第七十一条`,
  },
  acceptedNotInFuture: notInFuture('acceptedOn', '受理日期'),
  receivedNotInFuture: notInFuture('receivedOn', '收到日期'),
  orderedNotInFuture: notInFuture('orderedOn', '责令日期'),
  fixedNotInFuture: notInFuture('fixedOn', '确定日期'),
  lossesFixed: {
    check: (context) => lossesFixedFor(context),
    message: '损失确定后才能调解、计算赔偿：造成人员死亡的自办理丧葬事宜结束，受伤的自治疗终结或者定残，财产损失的自损失确定之日起',
    messageEn: 'Mediation and the calculation start only once the losses are fixed (funeral, end of treatment or disability rating, property loss)',
    legalBasis: `${DJCX} 第九十条`,
  },
  appliedNotInFuture: notInFuture('appliedOn', '申请日期'),
  jointApplication: {
    check: (context, event) => claimants(context).every((p) => listed(event, 'applicantPartyIds').includes(p)),
    message: '交警调解须由各方当事人共同书面申请',
    messageEn: 'Police mediation needs a joint written application of the parties',
    legalBasis: `${DJCX} 第八十六条`,
  },
  // One precondition for both windows, since a refusal names the event's preconditions whatever the state: after a
  // failed people's mediation the three working days of 第八十五条 apply, otherwise the ten of 第八十六条.
  withinPoliceMediationWindow: {
    check: (context, event) => openUntil(context.pmEndedOn ? 'D-TA12' : 'D-TA7', event),
    message: '交警调解须在收到认定书、事故证明或者复核结论之日起十日内，或者人民调解终止之日起三日内共同书面申请；逾期的，可以申请人民调解或者提起民事诉讼',
    messageEn: 'Police mediation must be applied for within ten working days of the determination, or three of a failed people’s mediation; people’s mediation and suit remain open',
    legalBasis: `${DJCX} 第八十五条、第八十六条`,
  },
  startedNotInFuture: notInFuture('startedOn', '调解开始日期'),
  atMostThreePerSide: {
    check: (_context, event) => {
      const count: Record<string, number> = {};
      for (const a of listed(event, 'attendees') as { side?: string }[]) count[String(a.side)] = (count[String(a.side)] ?? 0) + 1;
      return Object.values(count).every((n) => n <= 3);
    },
    message: '参加调解的当事人一方不得超过三人（含保险公司工作人员）',
    messageEn: 'At most three people per side attend the mediation, the insurer’s staff included',
    legalBasis: `${DJCX} 第八十九条`,
  },
  noticeNotInFuture: notInFuture('noticeOn', '通知日期'),
  heldNotInFuture: notInFuture('heldOn', '调解日期'),
  noticePeriodElapsed: {
    check: (_context, event) => typeof event.deadlines['D-TA8'] === 'string' && event.today >= event.deadlines['D-TA8'],
    message: '调解时间应当提前三日通知当事人，通知后三个工作日内不得举行调解',
    messageEn: 'The session must be notified three working days ahead: it cannot be held sooner',
    legalBasis: `${DJCX} 第八十八条`,
  },
  withinPoliceMediationPeriod: withinDeadline('D-TA9', '交警调解应当自调解开始之日起十日内制作调解书或者调解终结书', 'Police mediation ends within ten working days of its start', `${DJCX} 第九十条`),
  endedNotInFuture: notInFuture('endedOn', '终结日期'),
  filedNotInFuture: notInFuture('filedOn', '起诉日期'),
  ownAgreement: {
    check: (context) => context.agreement?.source === 'ON_SPOT' || context.agreement?.source === 'POLICE',
    message: '人民调解委员会主持达成的调解协议由该调解委员会的案件申请司法确认',
    messageEn: 'An agreement reached at a people’s mediation committee is confirmed through that committee’s case',
    legalBasis: '民事诉讼法 第二百零五条',
  },
  everyPartyApplied: everyParty('applicantPartyIds', '司法确认须由双方当事人共同申请', 'Judicial confirmation needs a joint application', '民事诉讼法 第二百零五条'),
  withinConfirmationWindow: withinDeadline('D-JC1', '应当自调解协议生效之日起三十日内申请司法确认', 'Judicial confirmation must be applied for within 30 days of the agreement', '人民调解法 第三十三条；民事诉讼法 第二百零五条'),
  ruledNotInFuture: notInFuture('ruledOn', '裁定日期'),
  insurerIsParty: {
    check: (context, event) => context.insurerPartyIds.includes(String(event.data.insurerPartyId)),
    message: '理赔申请应当向作为当事人参加处理的保险公司提出',
    messageEn: 'The claim goes to an insurer that is a party to the case',
    legalBasis: `${BXF} 第六十五条`,
  },
  claimedNotInFuture: notInFuture('claimedOn', '收到索赔材料日期'),
  paidNotInFuture: notInFuture('paidOn', '赔付日期'),
  requestedNotInFuture: notInFuture('requestedOn', '提请日期'),
  hasEnforceableTitle: {
    check: (context) => context.enforceableTitle !== undefined,
    message: '只有经司法确认的调解协议、法院调解书或者生效判决才能申请强制执行；交警调解书和未经确认的协议须先确认或者起诉',
    messageEn: 'Only a confirmed agreement, a court mediation document or a final judgment can be enforced',
    legalBasis: '民事诉讼法 第二百零六条、第二百四十七条',
  },
  allSharesPaid: {
    check: (context) =>
      context.insurerPaidOn !== undefined &&
      (context.claim?.partyShares ?? []).every((s) => context.partyPayments.filter((p) => p.partyId === s.partyId).reduce((n, p) => n + p.amount, 0) >= s.amount),
    message: '保险公司和各赔偿义务人尚未履行完毕',
    messageEn: 'The insurer and every liable party must have paid their shares',
    legalBasis: `${DJCX} 第九十三条`,
  },
  noConfirmationPending: {
    check: (context) => context.confirmationPending !== true,
    message: '司法确认申请尚在人民法院审查中，裁定后才能结案',
    messageEn: 'The judicial confirmation is still before the court: close the case after its ruling',
    legalBasis: '民事诉讼法 第二百零六条',
  },
};
