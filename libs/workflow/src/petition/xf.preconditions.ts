import type { Precondition, WorkflowEvent } from '../definition';
import { everyParty, notInFuture, withinDeadline } from '../building-blocks';
import { isIsoDate } from '../reconsideration/rx.periods';
import type { EarlierPetition, XfContext } from './xf.context';
import { handledBelow } from './xf.earlier';
import { parentRegion, reviewRegionFor } from './xf.ladder';

const LAW = '信访工作条例';

/** The legal channels that have a channel in the engine: the matter travels to it as a transfer (routes.ts R18a–c). */
export const ROUTED_CHANNELS = ['LABOUR_ARBITRATION', 'LITIGATION', 'RECONSIDERATION'];

/** What the engine found for this event (xf.earlier.ts): never what someone typed. */
const found = (e: WorkflowEvent): EarlierPetition[] => (Array.isArray(e.facts?.earlierPetitions) ? (e.facts.earlierPetitions as EarlierPetition[]) : []);
const pendingBelow = (c: XfContext, e: WorkflowEvent) => found(e).filter((p) => p.status === 'HANDLING' && handledBelow(p, { orgType: c.handlingOrgType, regionCode: c.handlingRegionCode }));
const alreadyFinal = (c: XfContext, e: WorkflowEvent) => (c.newFactsAndReasons ? [] : found(e).filter((p) => p.status === 'FINAL'));
/** Names the earlier case by its number where the acting organ may see it, else by the organ that has it. */
const named = (p: EarlierPetition) => (p.caseNo ? `${p.orgName}${p.caseNo}` : p.orgName);
const detail = (list: EarlierPetition[], zh: (p: EarlierPetition) => string, en: (p: EarlierPetition) => string) =>
  list.length ? { zh: list.map(zh).join('；'), en: list.map(en).join('; ') } : undefined;
const handlingDetail = (list: EarlierPetition[]) =>
  detail(list, (p) => `${named(p)}正在办理，办理期限至${p.dueOn}`, (p) => `${p.caseNo ?? 'a case'} at ${p.orgName}, in its period until ${p.dueOn}`);
const finalDetail = (list: EarlierPetition[]) => detail(list, (p) => `${named(p)}已于${p.finalOn}复核终结`, (p) => `${p.caseNo ?? 'a case'} at ${p.orgName}, re-examined on ${p.finalOn}`);
const ofClass = (kind: XfContext['classification'], message: string, messageEn: string, legalBasis: string): Precondition<XfContext> => ({
  check: (c) => c.classification === kind,
  message,
  messageEn,
  legalBasis,
});
const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const receivedAfterIssue = (what: string): Precondition<XfContext> => ({
  check: (_c, e) => isIsoDate(e.data.issuedOn) && isIsoDate(e.data.receivedOn) && e.data.receivedOn >= e.data.issuedOn && e.data.receivedOn <= e.today,
  message: `信访人收到${what}的日期须在出具之后、不晚于今天`,
  messageEn: `The petitioner receives the ${what === '处理意见书' ? 'opinion' : 'review opinion'} on or after the day it is issued, and not in the future`,
});
const requestedWithin = (deadlineId: string, message: string, messageEn: string, legalBasis: string): Precondition<XfContext> => ({
  check: (_c, e) => typeof e.deadlines[deadlineId] === 'string' && isIsoDate(e.data.requestedOn) && e.data.requestedOn <= e.deadlines[deadlineId] && e.data.requestedOn <= e.today,
  message,
  messageEn,
  legalBasis,
});

export const xfPreconditions: Record<string, Precondition<XfContext>> = {
  isRequest: ofClass('REQUEST', '只有申诉求决类信访事项依第三十一条分别导入法定途径或者受理办理；建议意见类应当研究答复，检举控告类转纪检监察机关或者有权处理的机关', 'Only a request (申诉求决) is diverted or accepted for handling; suggestions are answered, complaints referred', `${LAW} 第二十九条至第三十一条`),
  isComplaint: ofClass('COMPLAINT', '只有检举控告类信访事项转纪检监察机关或者有权处理的机关依规依纪依法处理', 'Only a complaint or report goes to the discipline organs', `${LAW} 第三十条`),
  isSuggestion: ofClass('SUGGESTION', '只有建议意见类信访事项研究论证后答复', 'Only a suggestion is answered as such', `${LAW} 第二十九条`),
  notPendingBelow: {
    check: (c, e) => pendingBelow(c, e).length === 0,
    message: '信访事项已经受理或者正在办理的，信访人在规定期限内向受理、办理机关的上级机关再提出同一信访事项的，该上级机关不予受理',
    messageEn: 'The same matter is being handled by a lower organ within its period: a higher organ does not accept it',
    legalBasis: `${LAW} 第十九条`,
    detail: (c, e) => handlingDetail(pendingBelow(c, e)),
  },
  notFinalAfterReexam: {
    check: (c, e) => alreadyFinal(c, e).length === 0,
    message: '信访人对复核意见不服，仍然以同一事实和理由提出信访事项的，各级机关不再受理；提出新的事实和理由的，在分类研判时记录',
    messageEn: 'After re-examination, a petition on the same facts and reasons is not accepted again by any organ; new facts and reasons are recorded at classification',
    legalBasis: `${LAW} 第三十六条`,
    detail: (c, e) => finalDetail(alreadyFinal(c, e)),
  },
  deliveredNotBeforeTransfer: {
    check: (_c, e) => e.data.deliveredOn === undefined || (isIsoDate(e.data.deliveredOn) && e.data.deliveredOn >= e.today),
    message: '送达有权处理机关的日期不得早于转送、交办之日',
    messageEn: 'The petition reaches the competent organ on or after the day it is transferred',
  },
  pendingBelowFound: {
    check: (c, e) => pendingBelow(c, e).length > 0,
    message: '信访信息系统中没有下级机关在办理期限内正在办理的同一信访人的同一信访事项，不能以此不予受理',
    messageEn: 'No lower organ is handling the same petitioner’s same matter within its period: this is no ground to decline',
    legalBasis: `${LAW} 第十九条`,
  },
  finalFound: {
    check: (c, e) => alreadyFinal(c, e).length > 0,
    message: '信访信息系统中没有以同一事实和理由已经复核终结的同一信访人的信访事项（或者已记录新的事实和理由），不能以此不再受理',
    messageEn: 'No petition of the same petitioner on the same facts and reasons was closed after re-examination (or new facts and reasons were recorded): this is no ground to decline',
    legalBasis: `${LAW} 第三十六条`,
  },
  acceptedNotInFuture: notInFuture('acceptedOn', '受理日期'),
  notifiedNotInFuture: {
    check: (_c, e) => isIsoDate(e.data.acceptedOn) && isIsoDate(e.data.notifiedOn) && e.data.notifiedOn >= e.data.acceptedOn && e.data.notifiedOn <= e.today,
    message: '告知信访人受理的日期须在受理之后、不晚于今天',
    messageEn: 'The petitioner is told of the acceptance on or after accepting, and not in the future',
  },
  objectionInTime: withinDeadline('D-XF3', '对转送的不属于本机关职权范围的信访事项，应当自收到之日起五个工作日内提出异议并详细说明理由', 'An objection to a transferred petition is made within five working days of receipt', `${LAW} 第二十三条`),
  divertedWithItsOrgan: {
    check: (_c, e) => {
      const routed = ROUTED_CHANNELS.includes(e.data.legalChannel);
      if (routed !== text(e.data.receivingOrgId)) return false;
      return e.data.legalChannel !== 'RECONSIDERATION' || (text(e.data.actType) && isIsoDate(e.data.knewOn) && text(e.data.applicationChannel) && text(e.data.requests));
    },
    message: '导入仲裁、诉讼或者行政复议的，须选择受理机关（导入行政复议的，须写明行政行为类型、知道该行为之日、申请方式和复议请求）；其他法定途径告知信访人，不选择受理机关',
    messageEn: 'Arbitration, litigation and reconsideration name the receiving body (reconsideration also the act type, the day the act was known, the way of applying and the requests); other channels name none',
    legalBasis: `${LAW} 第二十二条、第三十一条`,
  },
  extensionAtMost30Days: {
    check: (_c, e) => Number.isInteger(e.data.days) && e.data.days >= 1 && e.data.days <= 30,
    message: '情况复杂的，经本机关负责人批准，可以适当延长办理期限，但延长期限不得超过三十日',
    messageEn: 'The extension is at most 30 days',
    legalBasis: `${LAW} 第三十四条`,
  },
  extensionBeforePeriodEnds: withinDeadline('D-XF4', '延长办理期限须在六十日办理期限届满前批准并告知信访人延期理由', 'The extension is approved before the 60 days end, and the petitioner told the reason', `${LAW} 第三十四条`),
  allPartiesConsent: everyParty('consentedPartyIds', '调解须经双方当事人同意', 'Mediation needs every party’s consent', `${LAW} 第三十三条`),
  civilContentOnly: {
    check: (c, e) => c.classification === 'REQUEST' && e.data.civilContent === true && e.data.administrativeDispute !== true,
    message: '访调对接限于具有民事权利义务内容的申诉求决类信访事项；行政争议和尚未终结的涉法涉诉事项不得移交人民调解',
    messageEn: 'Only requests with civil rights-and-obligations content go to people’s mediation; not administrative disputes',
    legalBasis: `${LAW} 第三十三条；司法部、国家信访局关于进一步深化人民调解参与信访工作对接 推进信访工作法治化的意见（2025）`,
  },
  // Picks the branch back to handling: not a bar, so it never refuses an event (the other branch has no guard).
  wasExtended: {
    check: (c) => isIsoDate(c.extendedDueOn),
    message: '办理期限已经延长的，回到延长的办理期限内继续办理',
    messageEn: 'When the period was extended, handling goes on in the extended period',
    legalBasis: `${LAW} 第三十四条`,
  },
  everyPartySigned: everyParty('signedPartyIds', '调解协议书或者和解协议书须经各方当事人签字', 'Every party signs the mediation or settlement agreement', `${LAW} 第三十三条`),
  opinionIssuedNotInFuture: notInFuture('issuedOn', '出具日期'),
  opinionReceivedAfterIssue: receivedAfterIssue('处理意见书'),
  reviewRequestedInTime: requestedWithin('D-XF6', '信访人对信访处理意见不服的，可以自收到书面答复之日起三十日内请求原办理机关的上一级机关复查', 'Review is asked for within 30 days of receiving the written opinion', `${LAW} 第三十五条`),
  reviewOneLevelUp: {
    check: (c, e) => e.data.reviewRegionCode === reviewRegionFor(c.handlingOrgType, c.handlingRegionCode),
    message: '复查由原办理机关的上一级机关进行：政府工作部门的上一级为本级人民政府，乡镇人民政府的上一级为县级人民政府',
    messageEn: 'Review is by the original organ’s superior: a department’s own government, a township’s county',
    legalBasis: `${LAW} 第三十五条`,
  },
  reviewOpinionNotInFuture: notInFuture('issuedOn', '出具日期'),
  reviewOpinionReceivedAfterIssue: receivedAfterIssue('复查意见'),
  reexamRequestedInTime: requestedWithin('D-XF8', '信访人对复查意见不服的，可以自收到书面答复之日起三十日内向复查机关的上一级机关请求复核', 'Re-examination is asked for within 30 days of receiving the review opinion', `${LAW} 第三十六条`),
  reexamOneLevelUp: {
    check: (c, e) => typeof e.data.reexamRegionCode === 'string' && e.data.reexamRegionCode === parentRegion(c.reviewBody?.regionCode),
    message: '复核由复查机关的上一级机关进行',
    messageEn: 'Re-examination is by the reviewing body’s superior',
    legalBasis: `${LAW} 第三十六条`,
  },
  hearingAfterDecision: {
    check: (_c, e) => isIsoDate(e.data.decidedOn) && isIsoDate(e.data.hearingOn) && e.data.decidedOn <= e.today && e.data.hearingOn > e.data.decidedOn,
    message: '听证日期须在决定听证之后，决定日期不晚于今天',
    messageEn: 'The hearing comes after the decision to hold it, which is not in the future',
  },
  hearingDateReached: {
    check: (c, e) => !!c.hearing && isIsoDate(e.data.heldOn) && e.data.heldOn >= c.hearing.hearingOn && e.data.heldOn <= e.today,
    message: '听证应当在通知的听证日期举行，举行日期不晚于今天',
    messageEn: 'The hearing is held on or after the notified day, and not in the future',
  },
  reexamOpinionNotInFuture: notInFuture('issuedOn', '出具日期'),
};
