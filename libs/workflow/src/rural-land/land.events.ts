import type { EventSpec } from '../definition';
import type { JsonSchema } from '../json-schema';
import { dateField, enumField, objectSchema, outcomeSchema, partyIdsField, returnSchema, textField } from '../building-blocks';

const LAW = '农村土地承包经营纠纷调解仲裁法';
const LAND_ADMIN = '土地管理法 第十四条';
/** Who records the dispute before arbitration: the village or township body, or the commission's arbitrator. */
const INTAKE = ['MEDIATOR', 'COMMITTEE_DIRECTOR', 'INTAKE_CLERK', 'LAND_ARBITRATOR'] as const;
const MEDIATION = ['MEDIATOR', 'COMMITTEE_DIRECTOR'] as const;
const COMMISSION = ['LAND_ARBITRATOR'] as const;

// ---------- vocabularies ----------

export const DISPUTE_KINDS = {
  CONTRACT: '承包合同的订立、履行、变更、解除和终止',
  TRANSFER: '承包经营权流转（转包、出租、互换、转让、入股等）',
  RECOVERY_ADJUSTMENT: '收回、调整承包地',
  CONFIRMATION: '确认农村土地承包经营权',
  INFRINGEMENT: '侵害农村土地承包经营权',
  EXPROPRIATION_COMPENSATION: '征收集体所有的土地及其补偿',
  LAND_RIGHTS: '土地所有权、使用权争议（宅基地、林地、村与村之间界址等）',
};

const NOT_ACCEPTED_REASONS = {
  CONDITIONS_UNMET: '不符合申请条件',
  COURT_ACCEPTED: '人民法院已受理该纠纷',
  OTHER_AUTHORITY: '法律规定该纠纷应当由其他机构处理',
  ALREADY_DECIDED: '已有生效的判决、裁定、仲裁裁决、行政处理决定',
  TIME_BARRED: '超过申请仲裁的时效期间',
};

const OTHER_PROCEEDINGS = {
  NONE: '人民法院未受理该纠纷，亦无生效的判决、裁定、仲裁裁决、行政处理决定',
  COURT_ACCEPTED: '人民法院已受理该纠纷',
  ALREADY_DECIDED: '已有生效的判决、裁定、仲裁裁决、行政处理决定',
};

const INTERIM_MEASURES = {
  KEEP_STATUS_QUO: '维持现状',
  RESUME_FARMING: '恢复农业生产',
  STOP_SOIL_REMOVAL: '停止取土',
  STOP_LAND_OCCUPATION: '停止占地',
};

const HEARING_PLACES = { COMMISSION: '仲裁委员会', TOWNSHIP: '土地所在地的乡（镇）', VILLAGE: '土地所在地的村' };

const LAND_CHANGES = {
  TRANSFER: '流转承包土地',
  ADJUSTMENT: '调整承包地',
  RECOVERY: '收回承包地',
  CONSTRUCTION: '建房、取土、占地等改变土地利用现状',
};

const courtField: JsonSchema = { type: 'string', title: '受诉人民法院', 'x-source': 'courts' };
const docNoField = (title: string) => textField(title, 60);
const amountField = (title: string): JsonSchema => ({ type: 'number', title, minimum: 0 });
const EXPIRY = (label: string, labelEn: string, legalBasis: string): EventSpec => ({ label, labelEn, roles: ['SYSTEM'], legalBasis });

export const landEvents: Record<string, EventSpec> = {
  // ----- before arbitration: mediation, the party's choice of arbitration or suit -----
  START_MEDIATION: {
    label: '受理调解申请',
    labelEn: 'Take up the mediation',
    roles: [...MEDIATION, 'INTAKE_CLERK'],
    schema: objectSchema({ startedOn: dateField('受理调解日期'), mediatorId: { type: 'string', title: '调解员', 'x-source': 'orgUsers:MEDIATOR' } }, ['startedOn']),
    legalBasis: `${LAW} 第三条、第八条`,
    preconditions: ['atMediationBody', 'notExpropriation'],
  },
  SIGN_AGREEMENT: {
    label: '调解达成协议',
    labelEn: 'The parties sign the mediation agreement',
    roles: [...MEDIATION],
    schema: objectSchema(
      { signedPartyIds: partyIdsField('签名、盖章或者按指印的当事人'), signedOn: dateField('调解协议书签订日期'), terms: textField('协议内容') },
      ['signedPartyIds', 'signedOn', 'terms'],
    ),
    legalBasis: `${LAW} 第十条`,
    preconditions: ['everyPartySignedAgreement'],
  },
  FAIL_MEDIATION: {
    label: '调解不成',
    labelEn: 'Mediation ended without agreement',
    roles: [...MEDIATION],
    schema: objectSchema({ endedOn: dateField('调解终止日期'), note: textField('说明', 1000) }, ['endedOn']),
    legalBasis: `${LAW} 第四条`,
  },
  APPLY_ARBITRATION: {
    label: '向土地所在地的农村土地承包仲裁委员会申请仲裁',
    labelEn: 'Apply to the land-contract arbitration commission where the land lies',
    roles: [...INTAKE],
    schema: objectSchema(
      { commissionOrgId: { type: 'string', title: '农村土地承包仲裁委员会', 'x-source': 'orgs:LAND_CONTRACT_ARBITRATION_COMMISSION' }, note: textField('说明', 1000) },
      ['commissionOrgId'],
    ),
    legalBasis: `${LAW} 第四条、第二十一条`,
    preconditions: ['notAtCommission', 'notExpropriation', 'notLandRights'],
  },
  ARBITRATION_ACCEPTED: { label: '仲裁委员会已受理', labelEn: 'The commission accepted the application', roles: ['SYSTEM'], schema: outcomeSchema(), legalBasis: `${LAW} 第二十三条` },
  ARBITRATION_RETURNED: {
    label: '仲裁委员会不予受理',
    labelEn: 'The commission did not accept the application',
    roles: ['SYSTEM'],
    schema: outcomeSchema({ reason: textField('理由', 200), explanation: textField('说明', 1000) }),
    legalBasis: `${LAW} 第二十二条、第二十三条`,
  },
  CLOSE_AS_EXPROPRIATION: {
    label: '告知通过行政复议或者诉讼解决（征收补偿纠纷）',
    labelEn: 'Tell the parties to seek reconsideration or litigation (expropriation dispute)',
    roles: [...INTAKE],
    // With a reconsideration organ named, the party's application goes there as a transfer (route R13c).
    schema: objectSchema(
      {
        notifiedOn: dateField('告知日期'),
        note: textField('说明', 1000),
        reconsiderationOrgId: { type: 'string', title: '当事人申请行政复议的，行政复议机关', 'x-source': 'orgs:RECONSIDERATION_ORGAN' },
        actType: enumField('申请复议的行政行为', { EXPROPRIATION_COMPENSATION: '征收征用决定及补偿决定', ADMINISTRATIVE_AGREEMENT: '征收补偿协议（行政协议）' }),
        actRef: textField('行政行为文书编号', 60),
        respondentAgency: textField('作出行政行为的行政机关', 100),
        actOn: dateField('行政行为作出日期'),
        knewOn: dateField('知道或者应当知道该行政行为之日'),
        channel: enumField('申请方式', { ORGAN_WRITTEN: '向行政复议机关书面申请', ORGAN_ORAL: '向行政复议机关口头申请（记录在案）', ONLINE: '通过互联网渠道申请' }),
        requests: textField('行政复议请求', 2000),
      },
      ['notifiedOn'],
    ),
    legalBasis: `${LAW} 第二条第二款；中华人民共和国行政复议法 第十一条`,
    preconditions: ['isExpropriation'],
  },
  RECORD_LAND_CHANGE: {
    label: '记录改变土地现状的行为',
    labelEn: 'Record a change to the land’s current use',
    roles: [...INTAKE],
    schema: objectSchema({ kind: enumField('行为', LAND_CHANGES), changedOn: dateField('日期'), note: textField('说明', 1000) }, ['kind', 'changedOn']),
    legalBasis: `${LAND_ADMIN} 第四款`,
    preconditions: ['noLandChangeWhileRightsPending', 'landChangedNotInFuture'],
  },
  HEARING_NOTICE_PERIOD_RUN: {
    label: '开庭通知期间届满',
    labelEn: 'The hearing-notice period has run',
    roles: ['SYSTEM'],
    legalBasis: `${LAW} 第三十一条`,
  },

  // ----- land ownership or use rights: government 处理 first (土地管理法 第十四条) -----
  APPLY_RIGHTS_DETERMINATION: {
    label: '申请人民政府处理土地权属争议',
    labelEn: 'Apply to the people’s government to decide the ownership or use-rights dispute',
    roles: [...INTAKE],
    schema: objectSchema(
      {
        between: enumField('争议双方', { INDIVIDUALS: '个人之间、个人与单位之间', UNITS: '单位之间' }),
        governmentLevel: enumField('处理机关', { TOWNSHIP: '乡级人民政府', COUNTY: '县级以上人民政府' }),
        governmentName: textField('人民政府名称', 100),
        appliedOn: dateField('申请日期'),
      },
      ['between', 'governmentLevel', 'governmentName', 'appliedOn'],
    ),
    legalBasis: `${LAND_ADMIN} 第一款、第二款`,
    preconditions: ['isLandRights', 'competentGovernment', 'rightsAppliedNotInFuture'],
  },
  RECORD_RIGHTS_DECISION: {
    label: '记录人民政府处理决定',
    labelEn: 'Record the government’s decision',
    roles: [...INTAKE],
    schema: objectSchema(
      { decisionNo: docNoField('处理决定书文号'), decidedOn: dateField('作出决定日期'), receivedOn: dateField('当事人接到处理决定日期') },
      ['decisionNo', 'decidedOn', 'receivedOn'],
    ),
    legalBasis: `${LAND_ADMIN} 第三款`,
    preconditions: ['rightsDecisionReceived'],
  },
  RIGHTS_SUIT_WINDOW_ENDED: EXPIRY('处理决定起诉期限届满', 'The period to sue over the government’s decision ran out', `${LAND_ADMIN} 第三款`),

  // ----- arbitration -----
  RECEIVE_APPLICATION: {
    label: '收到仲裁申请',
    labelEn: 'Receive the arbitration application',
    roles: ['SYSTEM', ...COMMISSION],
    schema: objectSchema({ receivedOn: dateField('收到仲裁申请日期'), knewOn: dateField('知道或者应当知道权利被侵害之日') }, ['receivedOn']),
    legalBasis: `${LAW} 第二十条、第二十一条`,
    preconditions: ['atCommission', 'landWhereCommissionSits', 'notExpropriation', 'notLandRights', 'receivedNotInFuture'],
  },
  ASSIGN_ARBITRATOR: {
    label: '指定承办仲裁员',
    labelEn: 'Assign the arbitrator in charge',
    roles: [...COMMISSION],
    schema: objectSchema({ arbitratorId: { type: 'string', title: '承办仲裁员', 'x-source': 'orgUsers:LAND_ARBITRATOR' } }, ['arbitratorId']),
    legalBasis: `${LAW} 第二十七条`,
  },
  ACCEPT: {
    label: '受理仲裁申请',
    labelEn: 'Accept the application',
    roles: [...COMMISSION],
    schema: objectSchema(
      { acceptedOn: dateField('受理日期'), otherProceedings: enumField('其他程序情况', OTHER_PROCEEDINGS), knewOn: dateField('知道或者应当知道权利被侵害之日') },
      ['acceptedOn', 'otherProceedings'],
    ),
    legalBasis: `${LAW} 第十八条、第二十条、第二十二条、第二十三条`,
    preconditions: ['acceptedNotInFuture', 'notBeforeCourtOrDecided', 'withinLimitation'],
  },
  NOT_ACCEPT: {
    label: '决定不予受理',
    labelEn: 'Decide not to accept the application',
    roles: [...COMMISSION],
    schema: returnSchema(NOT_ACCEPTED_REASONS),
    legalBasis: `${LAW} 第二十二条、第二十三条`,
  },
  CLOSE: { label: '结案', labelEn: 'Close the case', roles: [...COMMISSION], legalBasis: `${LAW} 第四条` },
  SERVE_RESPONDENT: {
    label: '向被申请人送达受理通知书和仲裁申请书副本',
    labelEn: 'Serve the acceptance notice and the application on the respondent',
    roles: [...COMMISSION],
    schema: objectSchema({ respondentServedOn: dateField('被申请人收到日期') }, ['respondentServedOn']),
    legalBasis: `${LAW} 第二十四条、第二十五条`,
    preconditions: ['respondentServedNotInFuture'],
  },
  FORM_TRIBUNAL: {
    label: '组成仲裁庭',
    labelEn: 'Form the tribunal',
    roles: [...COMMISSION],
    schema: objectSchema(
      {
        formedOn: dateField('仲裁庭组成日期'),
        composition: enumField('组成方式', { THREE: '三名仲裁员', SOLE: '一名仲裁员（经双方当事人同意）' }),
        consentedPartyIds: partyIdsField('同意由一名仲裁员仲裁的当事人'),
      },
      ['formedOn', 'composition'],
    ),
    legalBasis: `${LAW} 第二十七条`,
    preconditions: ['tribunalFormedNotInFuture', 'soleArbitratorByConsent'],
  },
  NOTIFY_COMPOSITION: {
    label: '通知当事人仲裁庭组成情况',
    labelEn: 'Notify the parties of the tribunal’s composition',
    roles: [...COMMISSION],
    schema: objectSchema({ notifiedOn: dateField('通知日期') }, ['notifiedOn']),
    legalBasis: `${LAW} 第二十七条`,
  },
  NOTICE_HEARING: {
    label: '通知开庭时间、地点',
    labelEn: 'Notify the hearing date and place',
    roles: [...COMMISSION],
    schema: objectSchema(
      {
        hearingOn: dateField('开庭日期'),
        place: enumField('开庭地点', HEARING_PLACES),
        bothPartiesAskedLocal: { type: 'boolean', title: '双方当事人要求在乡（镇）或者村开庭' },
      },
      ['hearingOn', 'place'],
    ),
    legalBasis: `${LAW} 第三十条、第三十一条`,
    preconditions: ['hearingAfterNotice', 'hearingWhereBothAsked'],
  },
  POSTPONE_HEARING: {
    label: '变更开庭时间',
    labelEn: 'Postpone the hearing',
    roles: [...COMMISSION],
    schema: objectSchema({ reason: textField('理由', 1000) }, ['reason']),
    legalBasis: `${LAW} 第三十一条`,
  },
  HOLD_HEARING: { label: '开庭审理', labelEn: 'Hold the hearing', roles: [...COMMISSION], legalBasis: `${LAW} 第三十条、第三十一条`, preconditions: ['hearingNoticePeriodRun'] },
  INTERIM_RULING: {
    label: '先行裁定',
    labelEn: 'Make an interim ruling',
    roles: [...COMMISSION],
    schema: objectSchema(
      {
        applicantPartyIds: partyIdsField('申请先行裁定的当事人'),
        measure: enumField('先行裁定事项', INTERIM_MEASURES),
        rightsAndDutiesClear: { type: 'boolean', title: '权利义务关系明确' },
        rulingNo: docNoField('裁定书文号'),
      },
      ['applicantPartyIds', 'measure', 'rightsAndDutiesClear'],
    ),
    legalBasis: `${LAW} 第四十二条`,
    preconditions: ['interimRulingGrounds'],
  },
  MEDIATION_FAILED: { label: '仲裁庭调解不成', labelEn: 'The tribunal’s mediation failed', roles: [...COMMISSION], legalBasis: `${LAW} 第十一条` },
  SIGN_MEDIATION_DOC: {
    label: '双方签收仲裁调解书',
    labelEn: 'Both parties sign for the mediation document',
    roles: [...COMMISSION],
    schema: objectSchema(
      { docNo: docNoField('调解书文号'), signedPartyIds: partyIdsField('签收调解书的当事人'), performanceDueOn: dateField('履行期限') },
      ['docNo', 'signedPartyIds'],
    ),
    legalBasis: `${LAW} 第十一条`,
    preconditions: ['everyPartySignedMediationDoc'],
  },
  EXTEND: {
    label: '延长审理期限',
    labelEn: 'Extend the period for the award',
    roles: [...COMMISSION],
    schema: objectSchema(
      { days: { type: 'integer', title: '延长天数', minimum: 1, maximum: 365 }, approvedBy: textField('批准的仲裁委员会主任', 60), notifiedOn: dateField('书面通知当事人日期') },
      ['days', 'approvedBy', 'notifiedOn'],
    ),
    legalBasis: `${LAW} 第四十七条`,
    preconditions: ['extensionAtMost30Days', 'extensionBeforePeriodEnds', 'extensionApprovedByChair'],
  },
  AWARD: {
    label: '作出裁决',
    labelEn: 'Make the award',
    roles: [...COMMISSION],
    schema: objectSchema(
      { awardNo: docNoField('裁决书文号'), awardedOn: dateField('裁决日期'), amount: amountField('裁决给付金额（元）'), performanceDueOn: dateField('履行期限'), summary: textField('裁决主文') },
      ['awardNo', 'awardedOn'],
    ),
    legalBasis: `${LAW} 第四十三条、第四十四条、第四十七条`,
    preconditions: ['mediationAttempted', 'awardedNotInFuture'],
  },
  WITHDRAW: {
    label: '撤回仲裁申请',
    labelEn: 'The applicant withdraws the application',
    roles: [...COMMISSION],
    schema: objectSchema({ withdrawnOn: dateField('撤回日期') }, ['withdrawnOn']),
    legalBasis: `${LAW} 第三十四条`,
  },
  SERVE_AWARD: {
    label: '送达裁决书（告知起诉权利和期限）',
    labelEn: 'Serve the award, with notice of the right and time to sue',
    roles: [...COMMISSION],
    schema: objectSchema({ receivedOn: dateField('最后一方当事人收到裁决书日期') }, ['receivedOn']),
    legalBasis: `${LAW} 第四十五条`,
    preconditions: ['awardServedAfterAward'],
  },
  SUIT_WINDOW_ENDED: EXPIRY('裁决起诉期限届满', 'The period to sue over the award ran out', `${LAW} 第四十八条`),

  // ----- suit, effect, enforcement -----
  FILE_SUIT: {
    label: '当事人向人民法院起诉',
    labelEn: 'A party sues in the people’s court',
    roles: [...INTAKE],
    schema: objectSchema({ courtOrgId: courtField, plaintiffPartyIds: partyIdsField('起诉的当事人'), note: textField('说明', 1000) }, ['courtOrgId', 'plaintiffPartyIds']),
    legalBasis: `${LAW} 第四条、第四十八条；${LAND_ADMIN} 第三款`,
    preconditions: ['notExpropriation', 'landRightsDecidedFirst', 'withinAwardSuitWindow', 'withinRightsSuitWindow'],
  },
  SUIT_REGISTERED: { label: '人民法院已受理起诉', labelEn: 'The court took up the suit', roles: ['SYSTEM'], schema: outcomeSchema(), legalBasis: `${LAW} 第四十八条` },
  SUIT_RETURNED: {
    label: '人民法院退回起诉',
    labelEn: 'The court returned the suit',
    roles: ['SYSTEM'],
    schema: outcomeSchema({ reason: textField('退回理由', 200), explanation: textField('说明', 1000) }),
    preconditions: ['suitReturnsWhereFiled'],
  },
  APPLY_ENFORCEMENT: {
    label: '向人民法院申请执行',
    labelEn: 'Apply to the basic court for enforcement',
    roles: [...COMMISSION],
    schema: objectSchema(
      { applicantPartyIds: partyIdsField('申请执行人'), courtOrgId: { ...courtField, title: '被申请人住所地或者财产所在地的基层人民法院' }, appliedOn: dateField('申请日期') },
      ['applicantPartyIds', 'courtOrgId', 'appliedOn'],
    ),
    legalBasis: `${LAW} 第四十九条；民事诉讼法 第二百五十条`,
    preconditions: ['enforcementAppliedNotInFuture'],
  },
  RECORD_PERFORMED: {
    label: '已履行',
    labelEn: 'Performed',
    roles: [...COMMISSION],
    schema: objectSchema({ performedOn: dateField('履行日期') }, ['performedOn']),
  },
};
