import type { Precondition, WorkflowEvent } from '../definition';
import { everyParty, notInFuture } from '../building-blocks';
import { arbitrationAgreementPreconditions } from './ct.arbitration-agreement';
import type { CtContext } from './ct.context';

/** The day 《最高人民法院关于严格依法规范民事案件立案与调解工作的意见》 took effect: no mediation before registration from then on. */
export const REGISTRATION_REFORM_FROM = '2025-01-01';
/** Legal policy: the legacy pre-filing delegation stays open for cases filed later (e.g. when importing old files). */
export const ALLOW_LEGACY_PRE_FILING = 'ct.allowLegacyPreFiling';

const REFORM_OPINION = '最高人民法院关于严格依法规范民事案件立案与调解工作的意见（2025年1月1日起施行）';
const LABOUR_JS1 = '最高人民法院关于审理劳动争议案件适用法律问题的解释（一）';

/** The D-CT2 variant the case runs: 15 days under the ordinary procedure, 7 under the simple one. */
export const mediationPeriodId = (context: Pick<CtContext, 'procedure'>) => (context.procedure === 'SIMPLE' ? 'D-CT2-SIMPLE' : 'D-CT2-ORDINARY');

/** The date in `field` of the event data is on or before the due date of the pending deadline `deadlineId`. */
function filedInTime(deadlineId: string, field: string, message: string, messageEn: string, legalBasis: string): Precondition<CtContext> {
  return {
    check: (_context, event: WorkflowEvent) => {
      const due = event.deadlines[deadlineId];
      const on = event.data[field];
      return typeof due === 'string' && typeof on === 'string' && on <= due && on <= event.today;
    },
    message,
    messageEn,
    legalBasis,
  };
}

export const ctPreconditions: Record<string, Precondition<CtContext>> = {
  registeredNotInFuture: notInFuture('registeredOn', '立案日期'),
  servedNotInFuture: notInFuture('servedOn', '送达日期'),
  signedNotInFuture: notInFuture('signedOn', '调解书签收日期'),
  noticeNotInFuture: notInFuture('noticeReceivedOn', '收到交费通知日期'),
  ...arbitrationAgreementPreconditions,

  labourArbitratedFirst: {
    check: (c) => c.category !== 'LABOUR' || c.originWorkflow === 'lab' || c.labourBypass !== undefined || c.priorArbitration !== undefined,
    message:
      '劳动争议须先申请劳动争议仲裁，对仲裁裁决不服的方可向人民法院起诉（劳动争议调解仲裁法 第五条）；本案未经劳动仲裁，也不属于劳动者持工资欠条直接起诉或仅就劳动报酬达成调解协议后用人单位不履行的情形（劳动争议解释（一） 第十五条、第五十一条），应告知原告先申请劳动仲裁',
    messageEn:
      'A labour dispute must go to labour arbitration before it can be sued (Labour Dispute Mediation and Arbitration Law Art. 5); this one was not arbitrated and no direct-suit exception (a wage IOU, a wages-only mediation agreement the employer did not perform) was declared',
    legalBasis: `劳动争议调解仲裁法 第五条；${LABOUR_JS1} 第十五条、第五十一条`,
  },
  employerCannotSueOnFinalAward: {
    check: (c) => !(c.priorArbitration === 'FINAL_AWARD' && c.plaintiffSide === 'EMPLOYER'),
    message:
      '终局裁决：用人单位不得向基层人民法院起诉，只能自收到仲裁裁决书之日起三十日内向劳动争议仲裁委员会所在地的中级人民法院申请撤销裁决（劳动争议调解仲裁法 第四十七条、第四十九条；劳动争议解释（一） 第十八条）',
    messageEn: 'An employer cannot sue against a final labour award at a basic court; it may only apply to the intermediate court to set the award aside within 30 days',
    legalBasis: `劳动争议调解仲裁法 第四十七条、第四十九条；${LABOUR_JS1} 第十八条`,
  },
  landRightsDeterminedFirst: {
    check: (c) => c.landRights !== 'LAND_RIGHTS' || c.landRightsDecisionReceivedOn !== undefined,
    message:
      '土地所有权和使用权争议由当事人协商解决，协商不成的由人民政府处理；当事人对处理决定不服的，方可自接到处理决定通知之日起三十日内向人民法院起诉：本案未经人民政府处理，应告知原告先申请人民政府处理',
    messageEn: 'A land ownership or use-rights dispute is decided by the people’s government first; only its decision can be sued over',
    legalBasis: '土地管理法 第十四条',
  },
  legacyPreFilingAllowed: {
    check: (c, e) => c.receivedOn < REGISTRATION_REFORM_FROM || c.legacyPreFilingByPolicy === true || e.policy?.[ALLOW_LEGACY_PRE_FILING] === true,
    message: '自2025年1月1日起不得未经立案先行调解：本案于2025年1月1日以后起诉，应当先登记立案，经当事人同意后方可委托调解',
    messageEn: 'Since 2025-01-01 a court may not mediate before registering the case: this complaint must be registered first, and mediation entrusted only with the parties’ consent',
    legalBasis: `民事诉讼法 第一百二十六条；${REFORM_OPINION}`,
  },
  allPartiesConsentToDelegation: everyParty(
    'consentedPartyIds',
    '诉前委派调解须经各方当事人同意',
    'Pre-filing delegation needs the consent of every party',
    '最高人民法院关于人民法院特邀调解的规定 第十一条',
  ),
  allPartiesConsentToMediation: everyParty(
    'consentedPartyIds',
    '委托调解须经各方当事人同意；当事人拒绝调解的，不得委托调解',
    'Entrusted mediation needs the consent of every party; a party who refuses cannot be made to mediate',
    `民事诉讼法 第一百二十五条；最高人民法院关于人民法院特邀调解的规定 第十一条；${REFORM_OPINION} 二`,
  ),
  allPartiesConsentToExtension: everyParty(
    'consentedPartyIds',
    '延长委托调解期限须经双方当事人同意',
    'Extending the entrusted mediation needs the consent of every party',
    `最高人民法院关于人民法院特邀调解的规定 第二十七条；人民法院在线调解规则 第二十四条；${REFORM_OPINION} 三`,
  ),
  withinMediationPeriod: {
    check: (c, e) => {
      const due = e.deadlines[mediationPeriodId(c)];
      return typeof due === 'string' && e.today <= due;
    },
    message: '委托调解期限已届满，不能再延长：当事人未达成协议的，应当转入审理',
    messageEn: 'The entrusted-mediation period has run out and can no longer be extended: the case goes to trial',
    legalBasis: `最高人民法院关于人民法院特邀调解的规定 第二十七条；${REFORM_OPINION} 五`,
  },
  bothPartiesSignedMediationDoc: everyParty(
    'signedPartyIds',
    '调解书经双方当事人签收后才具有法律效力',
    'A mediation document takes effect only once every party has signed for it',
    '民事诉讼法 第一百条',
  ),
  appealInTime: filedInTime(
    'D-CT7',
    'appealedOn',
    '上诉须在判决书送达之日起十五日内提出',
    'An appeal against the judgment must be lodged within 15 days of its service',
    '民事诉讼法 第一百七十一条',
  ),
  rulingAppealInTime: filedInTime(
    'D-CT7-RULING',
    'appealedOn',
    '对不予受理裁定的上诉须在裁定书送达之日起十日内提出',
    'An appeal against the non-acceptance ruling must be lodged within 10 days of its service',
    '民事诉讼法 第一百二十六条、第一百七十一条',
  ),
  notRemandedBefore: {
    check: (c) => c.remandedOn === undefined,
    message: '原审人民法院对发回重审的案件作出判决后，当事人提起上诉的，第二审人民法院不得再次发回重审',
    messageEn: 'A case retried after a remand cannot be remanded a second time',
    legalBasis: '民事诉讼法 第一百七十七条',
  },
  // Two exact complements: they only choose where a paid fee leads, so together they never refuse anything.
  simpleProcedure: {
    check: (c) => c.procedure === 'SIMPLE',
    message: '立案时确定适用简易程序的，交费后按简易程序审理',
    messageEn: 'A case registered under the simple procedure is tried under it once the fee is paid',
    legalBasis: '民事诉讼法 第一百六十条',
  },
  ordinaryProcedure: {
    check: (c) => c.procedure !== 'SIMPLE',
    message: '适用普通程序的，交费后按普通程序审理',
    messageEn: 'A case under the ordinary procedure is tried under it once the fee is paid',
    legalBasis: '民事诉讼法 第一百六十条；最高人民法院关于适用《中华人民共和国民事诉讼法》的解释 第二百五十七条',
  },
};
