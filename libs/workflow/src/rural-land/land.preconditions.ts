import type { Precondition, WorkflowEvent } from '../definition';
import { everyParty, notInFuture, withinDeadline } from '../building-blocks';
// Plain calendar arithmetic on ISO dates, shared with the labour channel; it knows no holidays.
import { addYears, isIsoDate } from '../labour-arbitration/lab.periods';
import type { LandContext } from './land.context';

const LAW = '农村土地承包经营纠纷调解仲裁法';
const LAND_ADMIN = '土地管理法 第十四条';

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);

/** The states a suit may be filed from, which a returned suit goes back to (land.machine.ts). */
export const SUIT_SOURCE_STATES: readonly string[] = ['intake', 'mediation.ongoing', 'mediation.failed', 'arb.notAccepted', 'post.suitWindow', 'rights.suitWindow'];

/** A division code contains another when it is the same or an ancestor: 330199 contains 330199101201. */
export const regionContains = (outer: string | undefined, inner: string | undefined) =>
  typeof outer === 'string' && typeof inner === 'string' && outer !== '' && inner.startsWith(outer);

/**
 * The last day to apply for arbitration (第十八条): two years from the day the party knew or should have known, started
 * afresh by an interruption inside the running period (民法典 第一百九十五条). Not rolled forward over rest days.
 */
export function limitationEndsOn(knewOn: string | undefined, interruptions: (string | undefined)[]): string | undefined {
  if (!isIsoDate(knewOn)) return undefined;
  let start = knewOn;
  for (const on of interruptions.filter(isIsoDate).sort()) if (on > start && on <= addYears(start, 2)) start = on;
  return addYears(start, 2);
}

const notExpropriation: Precondition<LandContext> = {
  check: (c) => c.disputeKind !== 'EXPROPRIATION_COMPENSATION',
  message: '因征收集体所有的土地及其补偿发生的纠纷，不属于农村土地承包仲裁委员会的受理范围，不适用本程序，可以通过行政复议或者诉讼等方式解决',
  messageEn: 'Disputes over the expropriation of collective land and its compensation are outside this channel: they go to administrative reconsideration or litigation',
  legalBasis: `${LAW} 第二条第二款`,
};

const notLandRights: Precondition<LandContext> = {
  check: (c) => c.disputeKind !== 'LAND_RIGHTS',
  message: '土地所有权和使用权争议由当事人协商解决；协商不成的，由人民政府处理，当事人对处理决定不服的方可向人民法院起诉：应先申请人民政府处理',
  messageEn: 'A dispute over land ownership or use rights goes to the people’s government first; only its decision can be sued over',
  legalBasis: LAND_ADMIN,
};

/** A window precondition that holds trivially where its window is not the one that governs the case. */
function whenApplicable(applies: (c: LandContext) => boolean, window: Precondition): Precondition<LandContext> {
  return { ...window, check: (context, event) => !applies(context) || window.check(context, event) };
}

export const landPreconditions: Record<string, Precondition<LandContext>> = {
  notExpropriation,
  notLandRights,
  isExpropriation: {
    check: (c) => c.disputeKind === 'EXPROPRIATION_COMPENSATION',
    message: '只有因征收集体所有的土地及其补偿发生的纠纷才按不属于本程序受理范围结案',
    messageEn: 'Only an expropriation or compensation dispute is closed as outside this channel',
    legalBasis: `${LAW} 第二条第二款`,
  },
  isLandRights: {
    check: (c) => c.disputeKind === 'LAND_RIGHTS',
    message: '由人民政府处理的是土地所有权和使用权争议；农村土地承包经营纠纷可以申请仲裁或者直接起诉',
    messageEn: 'Only an ownership or use-rights dispute goes to the government; a land-contract dispute may be arbitrated or sued',
    legalBasis: LAND_ADMIN,
  },
  atMediationBody: {
    check: (c) => c.handledBy === 'MEDIATION',
    message: '农村土地承包经营纠纷的调解由村民委员会、乡（镇）人民政府等进行，仲裁委员会不受理调解申请',
    messageEn: 'Mediation is done by the village committee or the township; the arbitration commission does not take mediation applications',
    legalBasis: `${LAW} 第三条、第八条`,
  },
  atCommission: {
    check: (c) => c.handledBy === 'COMMISSION',
    message: '仲裁申请由农村土地承包仲裁委员会收取，调解组织不能受理仲裁申请',
    messageEn: 'Only a land-contract arbitration commission receives an arbitration application',
    legalBasis: `${LAW} 第十二条、第二十一条`,
  },
  notAtCommission: {
    check: (c) => c.handledBy !== 'COMMISSION',
    message: '仲裁委员会直接收取当事人的仲裁申请，无需向仲裁委员会移送',
    messageEn: 'The commission receives the application itself; it does not send it on',
    legalBasis: `${LAW} 第二十条、第二十一条`,
  },
  landWhereCommissionSits: {
    check: (c) => regionContains(c.commissionRegionCode, c.landRegionCode),
    message: '当事人申请仲裁，应当向纠纷涉及的土地所在地的农村土地承包仲裁委员会递交仲裁申请书：该土地不在本仲裁委员会辖区内',
    messageEn: 'The application goes to the commission where the land lies; this land is outside the commission’s area',
    legalBasis: `${LAW} 第二十一条`,
  },
  receivedNotInFuture: notInFuture('receivedOn', '收到仲裁申请日期'),
  withinLimitation: {
    check: (c, e) => {
      const end = limitationEndsOn(isIsoDate(e.data.knewOn) ? e.data.knewOn : c.knewOn, [c.interruptedOn]);
      return end !== undefined && isIsoDate(c.receivedOn) && c.receivedOn <= end;
    },
    message: '农村土地承包经营纠纷申请仲裁的时效期间为二年，自当事人知道或者应当知道其权利被侵害之日起计算；申请已超过时效或时效起算日不明的不予受理',
    messageEn: 'The two-year limitation has run (from when the party knew or should have known), or its start is unknown',
    legalBasis: `${LAW} 第十八条`,
  },
  notBeforeCourtOrDecided: {
    check: (_c, e) => e.data.otherProceedings === 'NONE',
    message: '人民法院已受理该纠纷，或者已有生效的判决、裁定、仲裁裁决、行政处理决定的，仲裁委员会不予受理',
    messageEn: 'Not accepted: a court has accepted the dispute, or an effective judgment, ruling, award or administrative decision exists',
    legalBasis: `${LAW} 第二十二条`,
  },
  acceptedNotInFuture: notInFuture('acceptedOn', '受理日期'),
  respondentServedNotInFuture: notInFuture('respondentServedOn', '被申请人收到仲裁申请书副本日期'),
  tribunalFormedNotInFuture: notInFuture('formedOn', '仲裁庭组成日期'),
  soleArbitratorByConsent: {
    check: (c, e) => e.data.composition !== 'SOLE' || c.partyIds.every((id) => ids(e.data.consentedPartyIds).includes(id)),
    message: '仲裁庭由三名仲裁员组成；事实清楚、权利义务关系明确、争议不大的，经双方当事人同意，可以由一名仲裁员仲裁',
    messageEn: 'A sole arbitrator needs the consent of both parties; otherwise the tribunal has three arbitrators',
    legalBasis: `${LAW} 第二十七条`,
  },
  hearingAfterNotice: {
    check: (_c, e) => isIsoDate(e.data.hearingOn) && e.data.hearingOn > e.today,
    message: '开庭日期须在发出开庭通知之后',
    messageEn: 'The hearing date must come after the notice',
    legalBasis: `${LAW} 第三十一条`,
  },
  hearingWhereBothAsked: {
    check: (_c, e) => e.data.bothPartiesAskedLocal !== true || e.data.place !== 'COMMISSION',
    message: '开庭可以在纠纷涉及的土地所在地的乡（镇）或者村进行；当事人双方要求在乡（镇）或者村开庭的，应当在该乡（镇）或者村开庭',
    messageEn: 'When both parties ask for the hearing in the township or village, it is held there',
    legalBasis: `${LAW} 第三十条`,
  },
  hearingNoticePeriodRun: {
    check: (c, e: WorkflowEvent) => {
      const due = e.deadlines['D-RL6'];
      return isIsoDate(c.hearingOn) && e.today >= c.hearingOn && (due === undefined || e.today >= due);
    },
    message: '仲裁庭应当在开庭五个工作日前将开庭的时间、地点通知当事人：未到开庭日期，或开庭通知送达不足五个工作日，须改期重新通知',
    messageEn: 'The hearing opens on the notified day and at least five working days after the notice',
    legalBasis: `${LAW} 第三十一条`,
  },
  interimRulingGrounds: {
    check: (_c, e) => e.data.rightsAndDutiesClear === true && ids(e.data.applicantPartyIds).length > 0,
    message: '对权利义务关系明确的纠纷，经当事人申请，仲裁庭可以先行裁定维持现状、恢复农业生产以及停止取土、占地等行为',
    messageEn: 'An interim ruling needs a party’s application and a dispute whose rights and duties are clear',
    legalBasis: `${LAW} 第四十二条`,
  },
  mediationAttempted: {
    check: (c) => isIsoDate(c.mediationAttemptedOn),
    message: '仲裁庭对农村土地承包经营纠纷应当进行调解，调解不成的方可作出裁决',
    messageEn: 'The tribunal must mediate before making an award',
    legalBasis: `${LAW} 第十一条`,
  },
  everyPartySignedAgreement: everyParty(
    'signedPartyIds',
    '调解达成协议的，调解协议书由双方当事人签名、盖章或者按指印，经调解人员签名并加盖调解组织印章后生效',
    'The mediation agreement takes effect once every party has signed, sealed or fingerprinted it',
    `${LAW} 第十条`,
  ),
  everyPartySignedMediationDoc: everyParty(
    'signedPartyIds',
    '调解书经双方当事人签收后，即发生法律效力；在调解书签收前当事人反悔的，仲裁庭应当及时作出裁决',
    'The mediation document takes effect only when every party has signed for it',
    `${LAW} 第十一条`,
  ),
  extensionAtMost30Days: {
    check: (_c, e) => Number.isInteger(e.data.days) && e.data.days >= 1 && e.data.days <= 30,
    message: '案情复杂需要延长的，延长期限不得超过三十日',
    messageEn: 'An extension may not exceed 30 days',
    legalBasis: `${LAW} 第四十七条`,
  },
  extensionBeforePeriodEnds: withinDeadline(
    'D-RL7',
    '延长须在受理之日起六十日的期限届满前批准',
    'The extension must be approved before the 60-day period ends',
    `${LAW} 第四十七条`,
  ),
  extensionApprovedByChair: {
    check: (_c, e) =>
      typeof e.data.approvedBy === 'string' && e.data.approvedBy.trim() !== '' && isIsoDate(e.data.notifiedOn) && e.data.notifiedOn <= e.today,
    message: '延长审理期限须经农村土地承包仲裁委员会主任批准，并书面通知当事人',
    messageEn: 'An extension needs the commission chair’s approval and a written notice to the parties',
    legalBasis: `${LAW} 第四十七条`,
  },
  awardedNotInFuture: notInFuture('awardedOn', '裁决日期'),
  awardServedAfterAward: {
    check: (c, e) => isIsoDate(e.data.receivedOn) && e.data.receivedOn <= e.today && (!c.awardedOn || e.data.receivedOn >= c.awardedOn),
    message: '裁决书送达日期须在裁决日期之后且不得晚于今天',
    messageEn: 'The award is received on or after the day it was made and not later than today',
    legalBasis: `${LAW} 第四十五条`,
  },
  withinAwardSuitWindow: whenApplicable(
    (c) => c.awardReceivedOn !== undefined,
    withinDeadline(
      'D-RL10',
      '当事人不服仲裁裁决的，须自收到裁决书之日起三十日内向人民法院起诉；逾期不起诉的，裁决书即发生法律效力',
      'A party must sue within 30 days of receiving the award; after that the award takes effect',
      `${LAW} 第四十八条`,
    ),
  ),
  withinRightsSuitWindow: whenApplicable(
    (c) => c.rightsDecisionReceivedOn !== undefined,
    withinDeadline(
      'D-RL11',
      '当事人对人民政府的处理决定不服的，须自接到处理通知之日起三十日内向人民法院起诉',
      'A party must sue within 30 days of receiving the government’s decision',
      LAND_ADMIN,
    ),
  ),
  landRightsDecidedFirst: {
    check: (c) => c.disputeKind !== 'LAND_RIGHTS' || c.rightsDecisionReceivedOn !== undefined,
    message: '土地所有权和使用权争议须先由人民政府处理，当事人对处理决定不服的，方可自接到处理决定通知之日起三十日内向人民法院起诉',
    messageEn: 'An ownership or use-rights dispute can be sued over only after the government’s decision',
    legalBasis: `${LAND_ADMIN} 第一款、第三款`,
  },
  competentGovernment: {
    check: (_c, e) => e.data.between !== 'UNITS' || e.data.governmentLevel === 'COUNTY',
    message: '单位之间的争议，由县级以上人民政府处理；个人之间、个人与单位之间的争议，由乡级人民政府或者县级以上人民政府处理',
    messageEn: 'A dispute between units goes to a government at county level or above',
    legalBasis: `${LAND_ADMIN} 第二款`,
  },
  rightsAppliedNotInFuture: notInFuture('appliedOn', '申请人民政府处理日期'),
  rightsDecisionReceived: {
    check: (_c, e) => isIsoDate(e.data.decidedOn) && isIsoDate(e.data.receivedOn) && e.data.decidedOn <= e.data.receivedOn && e.data.receivedOn <= e.today,
    message: '接到处理决定的日期须在作出决定之后且不得晚于今天',
    messageEn: 'The decision is received on or after the day it was made and not later than today',
    legalBasis: LAND_ADMIN,
  },
  noLandChangeWhileRightsPending: {
    check: (c) => !c.rightsPending,
    message: '在土地所有权和使用权争议解决前，任何一方不得改变土地利用现状：人民政府处理（及其后的起诉期间）期间不得记录改变土地现状的行为',
    messageEn: 'Until the ownership or use-rights dispute is resolved nobody may change the land’s current use',
    legalBasis: `${LAND_ADMIN} 第四款`,
  },
  landChangedNotInFuture: notInFuture('changedOn', '改变土地现状日期'),
  enforcementAppliedNotInFuture: notInFuture('appliedOn', '申请执行日期'),
  // Branch precondition: each transition of SUIT_RETURNED adds guard params naming its state (see land.machine.ts).
  suitReturnsWhereFiled: {
    check: (c) => typeof c.suedFrom === 'string' && SUIT_SOURCE_STATES.includes(c.suedFrom),
    message: '人民法院退回起诉的，回到起诉前的阶段；本案未记录起诉前的阶段',
    messageEn: 'A returned suit goes back to the stage it was filed from, which is not recorded',
    legalBasis: `${LAW} 第四条、第四十八条`,
  },
};
