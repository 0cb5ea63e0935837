import type { EventSpec } from '../definition';
import type { JsonSchema } from '../json-schema';
import { dateField, enumField, objectSchema, outcomeSchema, partyIdsField, textField } from '../building-blocks';
import { LIABILITY_DEGREES } from './ta.calculator';

export const DJCX = '道路交通事故处理程序规定';
export const DJAF = '道路交通安全法';
export const BXF = '保险法';
const OFFICER = ['TRAFFIC_OFFICER'] as const;

export const HARMS = { PROPERTY_ONLY: '仅造成财产损失', INJURY: '造成人身伤害', DEATH: '造成人员死亡' };
export const PROCEDURES = { SIMPLE: '简易程序', GENERAL: '一般程序' };
export const LOSS_KINDS = { TREATMENT_ENDED: '治疗终结', DISABILITY_RATED: '定残', FUNERAL_DONE: '办理丧葬事宜结束', PROPERTY_ASSESSED: '财产损失确定' };
/** 第六十五条: the 认定书 is served with the notice of the rights to 复核, mediation and suit. */
export const RIGHTS = { REVIEW: '申请复核', MEDIATION: '申请调解', LITIGATION: '提起民事诉讼' };
export const SIDES = { CLAIMANT: '赔偿权利人一方', LIABLE: '赔偿义务人一方（含保险公司）' };
export const END_GROUNDS = { NO_AGREEMENT: '调解未达成协议', SUIT_FILED: '一方当事人起诉', ABSENT: '一方当事人无正当理由不参加调解', WITHDRAWN: '一方当事人放弃调解' };

const money = (title: string): JsonSchema => ({ type: 'number', title, minimum: 0 });
const partyField = (title: string): JsonSchema => ({ type: 'string', title, 'x-source': 'parties' });
const court: JsonSchema = { type: 'string', title: '人民法院', 'x-source': 'orgs:BASIC_COURT' };
const trafficMediationOrg: JsonSchema = { type: 'string', title: '道路交通事故人民调解委员会', 'x-source': 'orgs:DISTRICT_MEDIATION_CENTRE,TOWNSHIP_MEDIATION_COMMITTEE' };
const system = (label: string, labelEn: string, legalBasis: string, schema?: JsonSchema): EventSpec => ({ label, labelEn, roles: ['SYSTEM'], legalBasis, ...(schema ? { schema } : {}) });
const shares: JsonSchema = {
  type: 'array',
  title: '各方承担金额',
  items: objectSchema({ partyId: partyField('当事人'), amount: money('金额（元）') }, ['partyId', 'amount']),
  'x-uniqueBy': 'partyId',
};
const attendees: JsonSchema = {
  type: 'array',
  title: '参加调解人员',
  minItems: 1,
  items: objectSchema({ name: textField('姓名', 60), side: enumField('所属一方', SIDES), partyId: partyField('代表的当事人') }, ['name', 'side']),
};
const confirmationOutcome = outcomeSchema({ rulingNo: textField('裁定书文号', 100) });

export const taEvents: Record<string, EventSpec> = {
  ASSIGN_OFFICER: {
    label: '指定承办民警',
    labelEn: 'Assign the officer in charge',
    roles: [...OFFICER],
    schema: objectSchema({ officerId: { type: 'string', title: '承办民警', 'x-source': 'orgUsers:TRAFFIC_OFFICER' } }, ['officerId']),
  },
  CHOOSE_SELF_NEGOTIATION: {
    label: '快处快赔：当事人自行协商',
    labelEn: 'Quick handling: the parties negotiate between themselves',
    roles: [...OFFICER],
    schema: objectSchema({ agreedPartyIds: partyIdsField('同意自行协商的当事人'), evidenceFixed: { type: 'boolean', title: '已拍照或标划事故车辆现场位置' } }, ['agreedPartyIds', 'evidenceFixed']),
    legalBasis: `${DJCX} 第十九条`,
    preconditions: ['propertyOnly', 'everyPartyAgreedToNegotiate'],
  },
  RECORD_SELF_SETTLEMENT: {
    label: '记录自行协商协议',
    labelEn: 'Record the parties’ own settlement',
    roles: [...OFFICER],
    schema: objectSchema({ settledOn: dateField('协议日期'), content: textField('协议内容', 2000) }, ['settledOn', 'content']),
    legalBasis: `${DJCX} 第十九条、第二十二条`,
    preconditions: ['settledNotInFuture'],
  },
  NEGOTIATION_FAILED: {
    label: '协商不成，由交警处理',
    labelEn: 'The negotiation failed: the police handle the accident',
    roles: [...OFFICER],
    schema: objectSchema({ procedure: enumField('适用程序', PROCEDURES), sceneOn: dateField('现场处理日期') }, ['procedure', 'sceneOn']),
    legalBasis: `${DJCX} 第二十条、第二十二条`,
    preconditions: ['sceneNotInFuture'],
  },
  MEDIATE_ON_SPOT: {
    label: '当事人共同申请当场调解',
    labelEn: 'The parties jointly ask for mediation on the spot',
    roles: [...OFFICER],
    schema: objectSchema({ requestedPartyIds: partyIdsField('共同申请的当事人'), sceneOn: dateField('现场日期') }, ['requestedPartyIds', 'sceneOn']),
    legalBasis: `${DJCX} 第二十四条、第二十五条`,
    preconditions: ['notFatal', 'everyPartyRequestedOnSpot', 'sceneNotInFuture'],
  },
  SIGN_ON_SPOT_AGREEMENT: {
    label: '当场调解达成协议',
    labelEn: 'Sign the agreement reached on the spot',
    roles: [...OFFICER],
    schema: objectSchema({ signedOn: dateField('签名日期'), signedPartyIds: partyIdsField('签名的当事人'), content: textField('协议内容', 2000) }, ['signedOn', 'signedPartyIds', 'content']),
    legalBasis: `${DJCX} 第二十五条、第二十六条`,
    preconditions: ['everyPartySigned', 'signedNotInFuture'],
  },
  ON_SPOT_REFUSED: {
    label: '当事人拒绝签名或不同意当场调解',
    labelEn: 'A party refuses to sign or to mediate on the spot',
    roles: [...OFFICER],
    schema: objectSchema({ refusedPartyId: partyField('拒绝的当事人'), note: textField('情况说明', 1000) }, ['refusedPartyId']),
    legalBasis: `${DJCX} 第二十六条`,
  },
  START_INVESTIGATION: {
    label: '现场调查',
    labelEn: 'Investigate the scene',
    roles: [...OFFICER],
    schema: objectSchema({ procedure: enumField('适用程序', PROCEDURES), sceneOn: dateField('现场调查日期') }, ['procedure', 'sceneOn']),
    legalBasis: `${DJCX} 第二十四条、第六十二条`,
    preconditions: ['sceneNotInFuture'],
  },
  ORDER_TEST: {
    label: '委托检验、鉴定',
    labelEn: 'Order a test or appraisal for the determination',
    roles: [...OFFICER],
    schema: objectSchema({ orderedOn: dateField('委托日期'), matter: textField('检验、鉴定事项', 500) }, ['orderedOn', 'matter']),
    legalBasis: `${DJCX} 第六十二条`,
  },
  RECORD_TEST_RESULT: {
    label: '检验报告、鉴定意见确定',
    labelEn: 'The test or appraisal result is fixed',
    roles: [...OFFICER],
    schema: objectSchema({ resultOn: dateField('确定日期'), summary: textField('结论', 1000) }, ['resultOn']),
    legalBasis: `${DJCX} 第六十二条`,
    preconditions: ['resultNotInFuture'],
  },
  ISSUE_DETERMINATION: {
    label: '制作道路交通事故认定书',
    labelEn: 'Make the responsibility determination',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        madeOn: dateField('制作日期'),
        kind: enumField('文书', { DETERMINATION: '道路交通事故认定书', CERTIFICATE: '道路交通事故证明（事实无法查清）' }),
        liability: {
          type: 'array',
          title: '当事人责任',
          minItems: 1,
          items: objectSchema({ partyId: partyField('当事人'), share: enumField('责任', LIABILITY_DEGREES) }, ['partyId', 'share']),
          'x-uniqueBy': 'partyId',
        },
      },
      ['madeOn', 'kind', 'liability'],
    ),
    legalBasis: `${DJCX} 第二十四条、第六十条至第六十七条`,
    preconditions: ['madeNotInFuture'],
  },
  SERVE_DETERMINATION: {
    label: '送达认定书并告知权利',
    labelEn: 'Serve the determination with the notice of rights',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        servedOn: dateField('送达日期'),
        servedPartyIds: partyIdsField('送达的当事人'),
        rights: { type: 'array', title: '告知的权利', items: enumField('权利', RIGHTS), minItems: 1, uniqueItems: true },
      },
      ['servedOn', 'servedPartyIds', 'rights'],
    ),
    legalBasis: `${DJCX} 第六十五条`,
    preconditions: ['everyPartyServed', 'rightsNoticeComplete', 'servedNotInFuture'],
  },
  APPLY_REVIEW: {
    label: '当事人申请复核',
    labelEn: 'A party applies for review of the determination',
    roles: [...OFFICER],
    schema: objectSchema({ appliedOn: dateField('申请日期'), applicantPartyId: partyField('申请人'), acceptedOn: dateField('上一级交管部门受理日期'), grounds: textField('申请理由', 2000) }, ['appliedOn', 'applicantPartyId', 'acceptedOn']),
    legalBasis: `${DJCX} 第七十一条、第七十二条`,
    preconditions: ['withinReviewWindow', 'reviewNotUsed', 'acceptedNotInFuture'],
  },
  REVIEW_WINDOW_ENDED: system('复核申请期限届满', 'The three working days to apply for review ended', `${DJCX} 第七十一条`),
  REVIEW_UPHELD: {
    label: '复核维持认定',
    labelEn: 'The review upholds the determination',
    roles: [...OFFICER],
    schema: objectSchema({ concludedOn: dateField('复核结论日期'), receivedOn: dateField('当事人收到复核结论日期') }, ['concludedOn', 'receivedOn']),
    legalBasis: `${DJCX} 第七十四条、第七十八条、第八十六条`,
    preconditions: ['receivedNotInFuture'],
  },
  REINVESTIGATION_ORDERED: {
    label: '复核责令重新调查、认定',
    labelEn: 'The review orders a new investigation and determination',
    roles: [...OFFICER],
    schema: objectSchema({ orderedOn: dateField('责令日期'), reasons: textField('理由', 2000) }, ['orderedOn']),
    legalBasis: `${DJCX} 第七十八条、第七十九条`,
    preconditions: ['orderedNotInFuture'],
  },
  RECORD_LOSS_FIXED: {
    label: '记录损失确定',
    labelEn: 'Record that a loss is fixed',
    roles: [...OFFICER],
    schema: objectSchema({ kind: enumField('损失', LOSS_KINDS), fixedOn: dateField('确定日期'), note: textField('说明', 500) }, ['kind', 'fixedOn']),
    legalBasis: `${DJCX} 第九十条`,
    preconditions: ['fixedNotInFuture'],
  },
  ORDER_APPRAISAL: {
    label: '委托伤残、损失鉴定',
    labelEn: 'Have the disability or loss appraised',
    roles: [...OFFICER],
    schema: objectSchema({ orderedOn: dateField('委托日期'), institution: textField('鉴定机构（当事人协商确定）', 100), matter: textField('鉴定事项', 500) }, ['orderedOn', 'institution']),
    legalBasis: `${DJCX} 第九十二条`,
  },
  RECORD_APPRAISAL: {
    label: '记录鉴定意见',
    labelEn: 'Record the appraisal result',
    roles: [...OFFICER],
    schema: objectSchema(
      { resultOn: dateField('鉴定意见日期'), institution: textField('鉴定机构', 100), disabilityGrade: { type: 'integer', title: '伤残等级', minimum: 1, maximum: 10 }, summary: textField('鉴定意见', 1000) },
      ['resultOn', 'institution'],
    ),
    legalBasis: `${DJCX} 第九十条、第九十二条`,
    preconditions: ['resultNotInFuture'],
  },
  CALCULATE_COMPENSATION: {
    label: '理赔计算（交强险先行赔付）',
    labelEn: 'Calculate the compensation (the compulsory insurance pays first)',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        medical: money('医疗费用'),
        deathDisability: money('死亡伤残费用（残疾赔偿金、误工费、护理费等）'),
        property: money('财产损失'),
        liability: enumField('投保车辆一方的责任', LIABILITY_DEGREES),
        compulsoryInsured: { type: 'boolean', title: '已投保交强险' },
        commercialLimit: money('商业第三者责任险限额'),
        excludedFromCommercial: money('商业险不予赔付的部分（如非医保用药）'),
      },
      ['medical', 'deathDisability', 'property', 'liability', 'compulsoryInsured', 'commercialLimit', 'excludedFromCommercial'],
    ),
    legalBasis: `${DJAF} 第七十六条；机动车交通事故责任强制保险条例 第二十一条、第二十三条`,
    preconditions: ['lossesFixed'],
  },
  APPLY_PEOPLES_MEDIATION: {
    label: '申请道路交通事故人民调解',
    labelEn: 'Apply for people’s mediation at the road-traffic mediation committee',
    roles: [...OFFICER],
    schema: objectSchema({ mediationOrgId: trafficMediationOrg, appliedOn: dateField('申请日期'), note: textField('说明', 1000) }, ['mediationOrgId', 'appliedOn']),
    legalBasis: `${DJCX} 第八十四条、第八十五条；人民调解法 第十七条、第十八条`,
    preconditions: ['appliedNotInFuture'],
  },
  PM_AGREED: system('人民调解达成协议', 'The people’s mediation reached an agreement', `${DJCX} 第八十五条`, outcomeSchema()),
  PM_ENDED: system('人民调解终止', 'The people’s mediation ended without agreement', `${DJCX} 第八十五条`, outcomeSchema()),
  PM_RETURNED: system('调解委员会退回', 'The mediation committee returned the application', '人民调解法 第十八条', outcomeSchema()),
  APPLY_POLICE_MEDIATION: {
    label: '当事人共同书面申请交警调解',
    labelEn: 'The parties jointly apply in writing for police mediation',
    roles: [...OFFICER],
    schema: objectSchema({ appliedOn: dateField('申请日期'), applicantPartyIds: partyIdsField('共同申请的当事人') }, ['appliedOn', 'applicantPartyIds']),
    legalBasis: `${DJCX} 第八十五条、第八十六条`,
    preconditions: ['jointApplication', 'withinPoliceMediationWindow', 'appliedNotInFuture'],
  },
  POLICE_MEDIATION_WINDOW_ENDED: system('申请交警调解期限届满', 'The ten working days to apply for police mediation ended', `${DJCX} 第八十六条`),
  START_POLICE_MEDIATION: {
    label: '开始交警调解（损失已确定）',
    labelEn: 'Start the police mediation once the losses are fixed',
    roles: [...OFFICER],
    schema: objectSchema({ startedOn: dateField('调解开始日期') }, ['startedOn']),
    legalBasis: `${DJCX} 第九十条`,
    preconditions: ['lossesFixed', 'startedNotInFuture'],
  },
  NOTIFY_SESSION: {
    label: '通知调解时间、地点和参加人员',
    labelEn: 'Notify the session, its place and who attends',
    roles: [...OFFICER],
    schema: objectSchema({ noticeOn: dateField('通知日期'), sessionOn: dateField('调解日期'), place: textField('调解地点', 200), attendees }, ['noticeOn', 'sessionOn', 'attendees']),
    legalBasis: `${DJCX} 第八十八条、第八十九条`,
    preconditions: ['atMostThreePerSide', 'noticeNotInFuture'],
  },
  HOLD_SESSION: {
    label: '举行调解会议',
    labelEn: 'Hold the mediation session',
    roles: [...OFFICER],
    schema: objectSchema({ heldOn: dateField('调解日期'), record: textField('调解记录', 4000) }, ['heldOn']),
    legalBasis: `${DJCX} 第八十八条、第九十一条`,
    preconditions: ['noticePeriodElapsed', 'heldNotInFuture'],
  },
  SIGN_MEDIATION_DOCUMENT: {
    label: '制作道路交通事故损害赔偿调解书',
    labelEn: 'Sign the police mediation document',
    roles: [...OFFICER],
    schema: objectSchema({ signedOn: dateField('签名日期'), signedPartyIds: partyIdsField('签名的当事人'), content: textField('赔偿项目、数额、履行方式和期限', 2000) }, ['signedOn', 'signedPartyIds', 'content']),
    legalBasis: `${DJCX} 第八十八条、第九十条、第九十三条`,
    preconditions: ['withinPoliceMediationPeriod', 'everyPartySigned', 'signedNotInFuture'],
  },
  END_POLICE_MEDIATION: {
    label: '调解终结（制作调解终结书）',
    labelEn: 'End the police mediation without agreement',
    roles: [...OFFICER],
    schema: objectSchema({ endedOn: dateField('终结日期'), ground: enumField('终结理由', END_GROUNDS), note: textField('说明', 1000) }, ['endedOn', 'ground']),
    legalBasis: `${DJCX} 第九十条、第九十四条`,
    preconditions: ['endedNotInFuture'],
  },
  POLICE_MEDIATION_PERIOD_ENDED: system('交警调解期限届满', 'The ten working days of police mediation ended', `${DJCX} 第九十条`),
  FILE_SUIT: {
    label: '向人民法院提起诉讼（网上立案）',
    labelEn: 'Sue online at the court',
    roles: [...OFFICER],
    schema: objectSchema({ courtOrgId: court, filedOn: dateField('起诉日期'), claimAmount: money('诉讼请求金额（元）') }, ['courtOrgId', 'filedOn']),
    legalBasis: `${DJAF} 第七十四条；${DJCX} 第八十四条、第九十四条`,
    preconditions: ['filedNotInFuture'],
  },
  COURT_SETTLED: system('法院调解结案', 'The court case ended with a mediation document', '民事诉讼法 第一百条', outcomeSchema()),
  COURT_JUDGMENT_FINAL: system('判决已生效', 'The judgment became final', '民事诉讼法 第一百七十一条', outcomeSchema()),
  COURT_ENDED: system('诉讼未经裁判终结', 'The suit ended without a decision on the merits', '民事诉讼法 第一百二十六条、第一百四十八条', outcomeSchema()),
  CLOSE_UNRESOLVED: {
    label: '当事人未再选择途径，结案',
    labelEn: 'Close: the parties took no further route',
    roles: [...OFFICER],
    schema: objectSchema({ closedOn: dateField('结案日期'), note: textField('说明', 1000) }, ['closedOn']),
    legalBasis: `${DJCX} 第八十四条`,
  },
  APPLY_JUDICIAL_CONFIRMATION: {
    label: '共同申请司法确认',
    labelEn: 'Apply jointly for judicial confirmation of the agreement',
    roles: [...OFFICER],
    schema: objectSchema({ courtOrgId: court, applicantPartyIds: partyIdsField('共同申请的当事人'), form: enumField('申请方式', { WRITTEN: '书面申请', ORAL: '口头申请' }) }, ['courtOrgId', 'applicantPartyIds']),
    legalBasis: '民事诉讼法 第二百零五条',
    preconditions: ['ownAgreement', 'everyPartyApplied', 'withinConfirmationWindow'],
  },
  JC_CONFIRMED: system('司法确认裁定协议有效', 'The court confirmed the agreement', '民事诉讼法 第二百零六条', confirmationOutcome),
  JC_NOT_CONFIRMED: system('司法确认未获确认', 'The court did not confirm the agreement', '民事诉讼法 第二百零六条', confirmationOutcome),
  RECORD_CONFIRMATION: {
    label: '记录司法确认裁定',
    labelEn: 'Record the court’s confirmation ruling',
    roles: [...OFFICER],
    schema: objectSchema({ rulingNo: textField('裁定书文号', 100), ruledOn: dateField('裁定日期') }, ['rulingNo', 'ruledOn']),
    legalBasis: '民事诉讼法 第二百零六条',
    preconditions: ['ruledNotInFuture'],
  },
  APPLY_CLAIM: {
    label: '一键理赔：向保险公司申请赔付',
    labelEn: 'One-click claim to the insurer',
    roles: [...OFFICER],
    schema: objectSchema(
      { claimedOn: dateField('保险公司收到索赔材料日期'), insurerPartyId: partyField('保险公司'), amount: money('保险公司赔付金额（元）'), partyShares: shares },
      ['claimedOn', 'insurerPartyId', 'amount'],
    ),
    legalBasis: `${BXF} 第二十二条、第二十三条、第六十五条`,
    preconditions: ['insurerIsParty', 'claimedNotInFuture'],
  },
  INSURER_PAID: {
    label: '保险公司已赔付',
    labelEn: 'The insurer paid',
    roles: [...OFFICER],
    schema: objectSchema({ paidOn: dateField('赔付日期'), amount: money('赔付金额（元）'), reference: textField('支付凭证号', 100) }, ['paidOn', 'amount']),
    legalBasis: `${BXF} 第二十三条、第六十五条`,
    preconditions: ['paidNotInFuture'],
  },
  CLAIM_OVERDUE: system('保险公司逾期未赔付', 'The insurer did not pay within ten days of the agreement', `${BXF} 第二十三条；道路交通事故损害赔偿纠纷“网上数据一体化处理”工作规范（试行）`),
  REQUEST_JUDICIAL_SUGGESTION: {
    label: '提请人民法院向保险监管部门发送司法建议',
    labelEn: 'Ask the court to send a judicial suggestion to the insurance regulator',
    roles: [...OFFICER],
    schema: objectSchema({ requestedOn: dateField('提请日期'), courtOrgId: court, note: textField('逾期情况', 1000) }, ['requestedOn', 'note']),
    legalBasis: `${BXF} 第二十三条；道路交通事故损害赔偿纠纷“网上数据一体化处理”工作规范（试行）`,
    preconditions: ['requestedNotInFuture'],
  },
  ADVISE_ENFORCEMENT: {
    label: '告知可以申请强制执行',
    labelEn: 'Advise the claimant to apply for enforcement',
    roles: [...OFFICER],
    schema: objectSchema({ advisedOn: dateField('告知日期'), advisedPartyIds: partyIdsField('告知的当事人') }, ['advisedOn']),
    legalBasis: '民事诉讼法 第二百零六条、第二百四十七条',
    preconditions: ['hasEnforceableTitle'],
  },
  RECORD_PARTY_PAYMENT: {
    label: '记录当事人履行赔偿',
    labelEn: 'Record a party’s own payment',
    roles: [...OFFICER],
    schema: objectSchema({ partyId: partyField('履行的当事人'), amount: money('金额（元）'), paidOn: dateField('履行日期') }, ['partyId', 'amount', 'paidOn']),
    legalBasis: `${DJCX} 第九十三条`,
    preconditions: ['paidNotInFuture'],
  },
  CLOSE: {
    label: '赔偿履行完毕，结案',
    labelEn: 'Close: the compensation has been paid',
    roles: [...OFFICER],
    schema: objectSchema({ closedOn: dateField('结案日期') }, ['closedOn']),
    legalBasis: `${DJCX} 第九十三条`,
    preconditions: ['allSharesPaid', 'noConfirmationPending'],
  },
};
