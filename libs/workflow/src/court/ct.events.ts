import type { EventSpec } from '../definition';
import type { JsonSchema } from '../json-schema';
import { dateField, enumField, objectSchema, outcomeSchema, partyIdsField, returnSchema, textField } from '../building-blocks';
import { arbitrationAgreementEvents } from './ct.arbitration-agreement';

const COURT = ['COURT_CLERK', 'JUDGE'] as const;
const REFORM_OPINION = '最高人民法院关于严格依法规范民事案件立案与调解工作的意见';
const TYTJ = '最高人民法院关于人民法院特邀调解的规定';
const MSJS = '最高人民法院关于适用《中华人民共和国民事诉讼法》的解释';

// ---------- vocabularies ----------

export const PROCEDURES = { SIMPLE: '简易程序', ORDINARY: '普通程序' };

export const LABOUR_BYPASSES = {
  WAGE_IOU: '劳动者持用人单位工资欠条直接起诉（劳动争议解释（一）第十五条）',
  WAGE_ONLY_AGREEMENT: '仅就劳动报酬达成调解协议，用人单位不履行（劳动争议解释（一）第五十一条）',
};

export const PRIOR_ARBITRATION = {
  NON_FINAL_AWARD: '不服非终局仲裁裁决（劳动争议调解仲裁法 第五十条）',
  FINAL_AWARD: '终局仲裁裁决（劳动者不服的可起诉，第四十八条）',
  AWARD_SET_ASIDE: '终局裁决已被中级人民法院裁定撤销（第四十九条）',
  NOT_ACCEPTED_BY_COMMISSION: '仲裁委员会不予受理或逾期未作出受理决定（第二十九条）',
  NO_AWARD_IN_TIME: '仲裁委员会逾期未作出仲裁裁决（第四十三条）',
};

export const PLAINTIFF_SIDES = { WORKER: '劳动者', EMPLOYER: '用人单位' };

export const LAND_RIGHTS = { LAND_RIGHTS: '土地所有权、使用权争议（土地管理法 第十四条）' };

/** 民事诉讼法 第一百二十二条 (conditions of a suit) and 第一百二十七条 第六、七项 (no new suit within a statutory period). */
export const NON_ACCEPTANCE_GROUNDS = {
  NO_DIRECT_INTEREST: '原告与本案没有直接利害关系',
  NO_DEFINITE_DEFENDANT: '没有明确的被告',
  NO_SPECIFIC_CLAIM: '没有具体的诉讼请求和事实、理由',
  OUTSIDE_CIVIL_SCOPE: '不属于人民法院受理民事诉讼的范围',
  NO_SUIT_PERIOD: '依法在一定期限内不得起诉',
  EMPLOYER_FINAL_AWARD: '用人单位对终局仲裁裁决起诉（应向中级人民法院申请撤销）',
};

/** 民事诉讼法 第一百二十七条 第一至五项, and the statutes that send a dispute to another body first. */
export const REDIRECT_REASONS = {
  ADMINISTRATIVE_LITIGATION: '属于行政诉讼受案范围，告知提起行政诉讼',
  ARBITRATION_AGREEMENT: '双方订有书面仲裁协议，告知申请仲裁',
  LABOUR_ARBITRATION_FIRST: '劳动争议须先申请劳动仲裁',
  LAND_RIGHTS_FIRST: '土地所有权、使用权争议须先由人民政府处理',
  OTHER_AUTHORITY: '依法应当由其他机关处理，告知向有关机关申请解决',
  OTHER_COURT: '不属于本院管辖，告知向有管辖权的人民法院起诉',
  RES_JUDICATA: '已有生效判决、裁定、调解书，告知申请再审',
};

export const FEE_RELIEF = { DEFERRED: '准予缓交', REDUCED: '准予减交', EXEMPTED: '准予免交' };

export const JUDGMENT_RESULTS = { SUPPORTED: '支持诉讼请求', PARTLY_SUPPORTED: '部分支持诉讼请求', DISMISSED: '驳回诉讼请求' };

export const SECOND_INSTANCE_RESULTS = {
  UPHELD: '驳回上诉，维持原判',
  AMENDED: '依法改判',
  MEDIATED: '二审调解结案',
  APPEAL_WITHDRAWN: '准许撤回上诉',
};

const mediationOrgField: JsonSchema = {
  type: 'string',
  title: '调解组织（特邀调解组织名册）',
  minLength: 1,
  'x-source': 'orgs:VILLAGE_MEDIATION_COMMITTEE,TOWNSHIP_MEDIATION_COMMITTEE,DISTRICT_MEDIATION_CENTRE',
};
const dayCount = (title: string): JsonSchema => ({ type: 'integer', title, minimum: 0, maximum: 3650 });
const amountField = (title: string): JsonSchema => ({ type: 'number', title, minimum: 0 });

const returnWith = (reasons: Record<string, string>, extra: Record<string, JsonSchema>, required: string[]): JsonSchema => {
  const base = returnSchema(reasons);
  return objectSchema({ ...base.properties, ...extra }, [...(base.required ?? []), ...required]);
};

// ---------- events ----------

export const ctEvents: Record<string, EventSpec> = {
  // ----- filing: 立案登记 -----
  REGISTER: {
    label: '登记立案',
    labelEn: 'Register the case',
    roles: [...COURT],
    schema: objectSchema(
      { docketNo: textField('案号（民初）', 60), registeredOn: dateField('立案日期'), procedure: enumField('适用程序', PROCEDURES) },
      ['docketNo', 'registeredOn', 'procedure'],
    ),
    legalBasis: `民事诉讼法 第一百二十二条、第一百二十六条；${MSJS} 第二百零八条；${REFORM_OPINION} 一、二`,
    preconditions: ['registeredNotInFuture', 'labourArbitratedFirst', 'employerCannotSueOnFinalAward', 'landRightsDeterminedFirst'],
  },
  NOT_ACCEPT: {
    label: '裁定不予受理',
    labelEn: 'Rule not to accept the complaint',
    roles: ['JUDGE'],
    schema: returnWith(NON_ACCEPTANCE_GROUNDS, { rulingNo: textField('裁定书文号', 60), servedOn: dateField('裁定书送达日期') }, ['rulingNo', 'servedOn']),
    legalBasis: '民事诉讼法 第一百二十二条、第一百二十六条、第一百二十七条、第一百五十七条',
    preconditions: ['servedNotInFuture'],
  },
  REDIRECT: {
    label: '告知另循途径',
    labelEn: 'Tell the plaintiff to take another route',
    roles: [...COURT],
    schema: returnSchema(REDIRECT_REASONS),
    legalBasis: '民事诉讼法 第一百二十七条；劳动争议调解仲裁法 第五条；土地管理法 第十四条',
  },
  DELEGATE_PRE_FILING: {
    label: '诉前委派调解（2025年前案件）',
    labelEn: 'Delegate to pre-filing mediation (cases filed before 2025)',
    roles: [...COURT],
    schema: objectSchema(
      { mediationOrgId: mediationOrgField, consentedPartyIds: partyIdsField('同意委派调解的当事人'), delegatedOn: dateField('委派日期'), note: textField('委派说明', 1000) },
      ['mediationOrgId', 'consentedPartyIds'],
    ),
    legalBasis: `${TYTJ} 第十一条、第二十七条；人民法院在线调解规则 第二十四条`,
    preconditions: ['legacyPreFilingAllowed', 'allPartiesConsentToDelegation'],
  },
  PRE_FILING_PERIOD_EXPIRED: {
    label: '诉前调解期限届满',
    labelEn: 'The pre-filing mediation period ran out',
    roles: ['SYSTEM'],
    legalBasis: `${TYTJ} 第二十七条`,
  },
  WITHDRAW_COMPLAINT: {
    label: '当事人不再坚持起诉',
    labelEn: 'The plaintiff no longer insists on suing',
    roles: [...COURT],
    schema: objectSchema({ withdrawnOn: dateField('撤回起诉材料日期'), note: textField('说明', 1000) }, ['withdrawnOn']),
    legalBasis: `${TYTJ} 第二十一条`,
  },

  // ----- non-acceptance appeal -----
  APPEAL_RULING: {
    label: '对不予受理裁定提起上诉',
    labelEn: 'Appeal the non-acceptance ruling',
    roles: [...COURT],
    schema: objectSchema({ appellantPartyIds: partyIdsField('上诉人'), appealedOn: dateField('上诉日期') }, ['appellantPartyIds', 'appealedOn']),
    legalBasis: '民事诉讼法 第一百二十六条、第一百七十一条',
    preconditions: ['rulingAppealInTime'],
  },
  RULING_APPEAL_PERIOD_ENDED: {
    label: '不予受理裁定上诉期届满',
    labelEn: 'The appeal period against the non-acceptance ruling ended',
    roles: ['SYSTEM'],
    legalBasis: '民事诉讼法 第一百五十八条、第一百七十一条',
  },
  UPHOLD_NON_ACCEPTANCE: {
    label: '二审维持不予受理裁定',
    labelEn: 'The appeal court upheld the non-acceptance',
    roles: [...COURT],
    schema: objectSchema({ rulingNo: textField('二审裁定书文号', 60), servedOn: dateField('送达日期') }, ['rulingNo']),
    legalBasis: '民事诉讼法 第一百七十七条、第一百八十三条',
  },
  ORDER_ACCEPTANCE: {
    label: '二审指令立案受理',
    labelEn: 'The appeal court ordered the case to be accepted',
    roles: [...COURT],
    schema: objectSchema({ rulingNo: textField('二审裁定书文号', 60), orderReceivedOn: dateField('收到指令立案裁定日期') }, ['rulingNo', 'orderReceivedOn']),
    legalBasis: `${MSJS} 第三百三十条`,
  },

  // ----- the judge -----
  ASSIGN_JUDGE: {
    label: '指定承办法官',
    labelEn: 'Assign the judge',
    roles: [...COURT],
    schema: objectSchema({ judgeId: { type: 'string', title: '承办法官', 'x-source': 'orgUsers:JUDGE' } }, ['judgeId']),
    legalBasis: '民事诉讼法 第四十条、第一百六十条',
  },

  // ----- entrusted mediation: 委托调解 -----
  SEEK_MEDIATION_CONSENT: {
    label: '征询调解意愿',
    labelEn: 'Ask the parties whether they will mediate',
    roles: [...COURT],
    schema: objectSchema({ note: textField('征询情况', 1000) }),
    legalBasis: `民事诉讼法 第一百二十五条；${REFORM_OPINION} 二`,
  },
  RECORD_MEDIATION_CONSENT: {
    label: '记录当事人同意委托调解',
    labelEn: 'Record that every party agrees to mediate',
    roles: [...COURT],
    schema: objectSchema(
      {
        consentedPartyIds: partyIdsField('同意调解的当事人'),
        consentedOn: dateField('同意日期'),
        method: enumField('同意方式', { WRITTEN: '书面同意', ORAL_RECORDED: '口头同意并记录', ONLINE: '在线确认' }),
      },
      ['consentedPartyIds', 'consentedOn'],
    ),
    legalBasis: `民事诉讼法 第一百二十五条；${TYTJ} 第十一条；${REFORM_OPINION} 二`,
    preconditions: ['allPartiesConsentToMediation'],
  },
  RECORD_MEDIATION_REFUSAL: {
    label: '当事人拒绝调解',
    labelEn: 'A party refuses to mediate',
    roles: [...COURT],
    schema: objectSchema({ refusingPartyIds: partyIdsField('拒绝调解的当事人'), note: textField('说明', 1000) }, ['refusingPartyIds']),
    legalBasis: `民事诉讼法 第一百二十五条；${TYTJ} 第十二条`,
  },
  ENTRUST_MEDIATION: {
    label: '委托调解组织调解',
    labelEn: 'Entrust the case to a mediation organisation',
    roles: [...COURT],
    schema: objectSchema(
      { mediationOrgId: mediationOrgField, entrustedOn: dateField('委托日期'), note: textField('委托说明', 1000) },
      ['mediationOrgId'],
    ),
    legalBasis: `${TYTJ} 第一条、第十一条；${REFORM_OPINION} 二`,
  },
  MEDIATOR_SIGNED: {
    label: '调解组织签收委托材料',
    labelEn: 'The mediator signed for the court’s materials',
    roles: ['SYSTEM'],
    schema: outcomeSchema(),
    legalBasis: `${TYTJ} 第二十七条；人民法院在线调解规则 第十二条、第二十四条`,
  },
  ENTRUSTMENT_RETURNED: {
    label: '调解组织退回委托',
    labelEn: 'The mediation organisation returned the case',
    roles: ['SYSTEM'],
    schema: outcomeSchema({ reason: { type: 'string', title: '退回理由' }, explanation: { type: 'string', title: '说明' } }),
    legalBasis: '人民法院在线调解规则 第十二条、第二十一条',
  },
  MEDIATION_AGREED: {
    label: '委托调解达成协议',
    labelEn: 'The mediation reached an agreement',
    roles: ['SYSTEM'],
    schema: outcomeSchema(),
    legalBasis: `${TYTJ} 第二十条；${REFORM_OPINION} 四`,
  },
  MEDIATION_FAILED: {
    label: '委托调解不成',
    labelEn: 'The mediation ended without agreement',
    roles: ['SYSTEM'],
    schema: outcomeSchema(),
    legalBasis: `${TYTJ} 第二十一条、第二十六条；人民法院在线调解规则 第二十五条；${REFORM_OPINION} 五`,
  },
  EXTEND_MEDIATION: {
    label: '经双方同意延长调解期限',
    labelEn: 'Extend the mediation by the parties’ consent',
    roles: [...COURT],
    schema: objectSchema({ consentedPartyIds: partyIdsField('同意延长的当事人'), agreedOn: dateField('同意日期') }, ['consentedPartyIds', 'agreedOn']),
    legalBasis: `${TYTJ} 第二十七条；人民法院在线调解规则 第二十四条；${REFORM_OPINION} 三`,
    preconditions: ['allPartiesConsentToExtension', 'withinMediationPeriod'],
  },
  MEDIATION_PERIOD_EXPIRED: {
    label: '委托调解期限届满',
    labelEn: 'The entrusted-mediation period ran out',
    roles: ['SYSTEM'],
    legalBasis: `${TYTJ} 第二十七条；${REFORM_OPINION} 五`,
  },
  EXTENSION_EXPIRED: {
    label: '延长的调解期限届满',
    labelEn: 'The extended mediation period ran out',
    roles: ['SYSTEM'],
    legalBasis: `${REFORM_OPINION} 三、五`,
  },

  // ----- R7(b): the defendant invokes an arbitration agreement -----
  ...arbitrationAgreementEvents,

  // ----- closing after an agreement -----
  WITHDRAW_SUIT: {
    label: '裁定准许撤诉',
    labelEn: 'Allow the plaintiff to withdraw the suit',
    roles: ['JUDGE'],
    schema: objectSchema({ rulingNo: textField('裁定书文号', 60), ruledOn: dateField('裁定日期') }, ['ruledOn']),
    legalBasis: `民事诉讼法 第一百四十八条；${TYTJ} 第二十条；诉讼费用交纳办法 第十五条`,
  },
  RECORD_IMMEDIATE_PERFORMANCE: {
    label: '即时履行，以其他方式结案',
    labelEn: 'Performed at once: close the case otherwise',
    roles: [...COURT],
    schema: objectSchema({ performedOn: dateField('履行日期'), summary: textField('履行情况', 1000) }, ['performedOn', 'summary']),
    legalBasis: `${REFORM_OPINION} 四；诉讼费用交纳办法 第十五条`,
  },
  MEDIATION_DOC_SIGNED: {
    label: '民事调解书经双方签收',
    labelEn: 'Every party signed for the mediation document',
    roles: [...COURT],
    schema: objectSchema(
      {
        docNo: textField('调解书文号', 60),
        signedPartyIds: partyIdsField('签收调解书的当事人'),
        signedOn: dateField('最后一方签收日期'),
        performanceDueOn: dateField('调解书确定的履行期限'),
      },
      ['docNo', 'signedPartyIds', 'signedOn'],
    ),
    legalBasis: `民事诉讼法 第一百条；${TYTJ} 第二十条；诉讼费用交纳办法 第十五条`,
    preconditions: ['bothPartiesSignedMediationDoc', 'signedNotInFuture'],
  },
  AGREEMENT_REPUDIATED: {
    label: '当事人反悔，转入审理',
    labelEn: 'A party went back on the agreement: to trial',
    roles: [...COURT],
    schema: objectSchema({ partyIds: partyIdsField('反悔的当事人'), note: textField('说明', 1000) }, ['partyIds']),
    legalBasis: '民事诉讼法 第一百零二条；人民法院在线调解规则 第二十五条',
  },

  // ----- fee: 诉讼费用 -----
  NOTIFY_FEE: {
    label: '通知交纳案件受理费',
    labelEn: 'Notify the plaintiff to pay the acceptance fee',
    roles: [...COURT],
    schema: objectSchema({ amount: amountField('应交受理费（元）'), noticeReceivedOn: dateField('原告收到交费通知日期') }, ['noticeReceivedOn']),
    legalBasis: `诉讼费用交纳办法 第二十二条；${REFORM_OPINION} 六`,
    preconditions: ['noticeNotInFuture'],
  },
  PAY_FEE: {
    label: '交纳受理费或准予司法救助',
    labelEn: 'The fee is paid, or deferred, reduced or waived',
    roles: [...COURT],
    schema: objectSchema(
      { paidOn: dateField('交费或准予救助日期'), amount: amountField('实交金额（元）'), relief: enumField('司法救助', FEE_RELIEF) },
      ['paidOn'],
    ),
    legalBasis: '诉讼费用交纳办法 第十六条、第二十二条、第四十四条',
    preconditions: ['simpleProcedure', 'ordinaryProcedure'],
  },
  FEE_OVERDUE: {
    label: '逾期未交受理费',
    labelEn: 'The fee was not paid in time',
    roles: ['SYSTEM'],
    legalBasis: `诉讼费用交纳办法 第二十二条；${MSJS} 第二百一十三条；${REFORM_OPINION} 六`,
  },

  // ----- trial, judgment, appeal -----
  CONVERT_TO_ORDINARY: {
    label: '裁定转为普通程序',
    labelEn: 'Convert to the ordinary procedure',
    roles: ['JUDGE'],
    schema: objectSchema({ ruledOn: dateField('裁定日期'), reason: textField('不宜适用简易程序的理由', 1000) }, ['ruledOn', 'reason']),
    legalBasis: `民事诉讼法 第一百七十条；${MSJS} 第二百五十八条`,
  },
  JUDGE: {
    label: '宣告判决',
    labelEn: 'Pronounce the judgment',
    roles: ['JUDGE'],
    schema: objectSchema(
      {
        judgmentNo: textField('判决书文号', 60),
        judgedOn: dateField('宣判日期'),
        result: enumField('判决结果', JUDGMENT_RESULTS),
        performanceDays: dayCount('履行期间（判决生效之日起若干日）'),
      },
      ['judgmentNo', 'judgedOn', 'result'],
    ),
    legalBasis: '民事诉讼法 第一百五十一条、第一百五十二条、第一百六十四条',
  },
  SERVE_JUDGMENT: {
    label: '送达判决书',
    labelEn: 'Serve the judgment',
    roles: [...COURT],
    schema: objectSchema({ servedOn: dateField('送达日期（最后一方）') }, ['servedOn']),
    legalBasis: '民事诉讼法 第一百五十一条、第一百七十一条',
    preconditions: ['servedNotInFuture'],
  },
  APPEAL: {
    label: '提起上诉',
    labelEn: 'Appeal the judgment',
    roles: [...COURT],
    schema: objectSchema({ appellantPartyIds: partyIdsField('上诉人'), appealedOn: dateField('上诉日期（递交或邮寄）') }, ['appellantPartyIds', 'appealedOn']),
    legalBasis: '民事诉讼法 第一百七十一条、第一百七十三条',
    preconditions: ['appealInTime'],
  },
  APPEAL_PERIOD_ENDED: {
    label: '上诉期届满未上诉',
    labelEn: 'The appeal period ended without appeal',
    roles: ['SYSTEM'],
    legalBasis: '民事诉讼法 第一百五十八条、第一百七十一条',
  },
  APPEAL_REGISTERED: {
    label: '二审立案',
    labelEn: 'The appeal court registered the appeal',
    roles: [...COURT],
    schema: objectSchema({ docketNo: textField('二审案号（民终）', 60), registeredOn: dateField('二审立案日期') }, ['registeredOn']),
    legalBasis: '民事诉讼法 第一百八十三条',
    preconditions: ['registeredNotInFuture'],
  },
  SECOND_INSTANCE_CONCLUDED: {
    label: '二审审结',
    labelEn: 'The appeal was decided',
    roles: [...COURT],
    schema: objectSchema(
      {
        result: enumField('二审结果', SECOND_INSTANCE_RESULTS),
        documentNo: textField('二审裁判文书文号', 60),
        servedOn: dateField('二审裁判送达日期'),
        performanceDueOn: dateField('履行期限'),
      },
      ['result', 'servedOn'],
    ),
    legalBasis: '民事诉讼法 第一百七十七条、第一百八十二条',
    preconditions: ['servedNotInFuture'],
  },
  REMAND: {
    label: '发回重审',
    labelEn: 'Remanded for retrial',
    roles: [...COURT],
    schema: objectSchema({ rulingNo: textField('发回重审裁定书文号', 60), reRegisteredOn: dateField('重审立案日期') }, ['reRegisteredOn']),
    legalBasis: `民事诉讼法 第四十一条、第一百七十七条；${MSJS} 第二百五十七条；最高人民法院关于严格执行案件审理期限制度的若干规定 第六条`,
    preconditions: ['notRemandedBefore'],
  },

  // ----- after the case is decided -----
  APPLY_ENFORCEMENT: {
    label: '申请强制执行',
    labelEn: 'Apply for enforcement',
    roles: [...COURT],
    schema: objectSchema({ applicantPartyIds: partyIdsField('申请执行人'), appliedOn: dateField('申请日期') }, ['applicantPartyIds', 'appliedOn']),
    legalBasis: '民事诉讼法 第二百三十五条、第二百四十七条、第二百五十条',
  },
  RECORD_PERFORMED: {
    label: '履行完毕（或无须执行）结案',
    labelEn: 'Performed, or nothing to enforce',
    roles: [...COURT],
    schema: objectSchema({ performedOn: dateField('履行日期'), note: textField('说明', 1000) }, ['performedOn']),
    legalBasis: '民事诉讼法 第二百四十七条',
  },
};
