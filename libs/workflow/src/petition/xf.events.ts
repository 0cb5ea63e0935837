import type { EventSpec } from '../definition';
import { dateField, enumField, objectSchema, outcomeSchema, partyIdsField, textField } from '../building-blocks';
import { APPLICATION_CHANNELS } from '../reconsideration/rx.events';
import { hearingConcludedEvent, hearingEndedEvent, requestHearingEvent } from '../hearing-request';
import { ACT_TYPES } from '../reconsideration/rx.workflow';

const LAW = '信访工作条例';
const OFFICER = ['PETITION_OFFICER'] as const;
/** The engine finds the petitions on the same matter itself (xf.earlier.ts) for every decision they bear on. */
const EARLIER = ['earlierPetitions'];

export const PETITION_CHANNELS = { ONLINE: '网上信访', LETTER: '来信', PHONE: '来电', VISIT: '走访' };

export const PETITION_CLASSES = { SUGGESTION: '建议意见类', COMPLAINT: '检举控告类', REQUEST: '申诉求决类' };

/**
 * 诉访分离 (第二十二条、第三十一条第一、二、四项): the legal channels a matter is diverted into. Labour arbitration, litigation
 * and reconsideration have a channel in the engine and travel as a transfer; the others are told to the petitioner and end the petition here.
 */
export const LEGAL_CHANNELS = {
  LABOUR_ARBITRATION: '劳动人事争议仲裁（导入仲裁）',
  LAND_ARBITRATION: '农村土地承包经营纠纷仲裁（导入仲裁）',
  LITIGATION: '向人民法院起诉（涉法涉诉，依法定程序处理）',
  RECONSIDERATION: '行政复议（导入行政程序）',
  ADMINISTRATIVE_PROCEDURE: '行政裁决、确认、许可或者处罚程序（导入行政程序）',
  POLICE: '公安机关依法处理（涉法涉诉）',
  PROCURATORATE: '人民检察院立案或者法律监督（涉法涉诉）',
  PARTY_APPEAL: '党员申诉、申请复审等程序',
};

export const OPINION_OUTCOMES = { SUPPORT: '支持', EXPLAIN: '解释说明', NOT_SUPPORTED: '不予支持' };

export const REVIEW_DECISIONS = { UPHOLD: '维持', CHANGE: '变更', REVOKE: '撤销并重新处理' };

export const AFTERCARE_MEASURES = { EDUCATION: '疏导教育', RESOLUTION: '矛盾化解', ASSISTANCE: '帮扶救助（含司法救助、社会救助）' };

export const OBJECTION_REASONS = { NOT_COMPETENT: '不属于本机关职权范围', OTHER_ORGAN: '应由其他机关办理' };

const system = (label: string, labelEn: string, legalBasis: string, schema = outcomeSchema()): EventSpec => ({ label, labelEn, roles: ['SYSTEM'], schema, legalBasis });
const expiry = (label: string, labelEn: string, legalBasis: string): EventSpec => ({ label, labelEn, roles: ['SYSTEM'], legalBasis });
const regionField = (title: string) => ({ type: 'string' as const, title, pattern: '^[0-9]{6}([0-9]{3}){0,2}$' });

export const xfEvents: Record<string, EventSpec> = {
  CLASSIFY: {
    label: '分类研判',
    labelEn: 'Classify the petition',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        classification: enumField('信访事项类别', PETITION_CLASSES),
        newFactsAndReasons: textField('复核终结后再次信访提出的新的事实和理由', 2000),
      },
      ['classification'],
    ),
    legalBasis: `${LAW} 第十九条、第二十一条、第二十九条至第三十一条、第三十六条`,
    lookups: EARLIER,
  },
  ACCEPT: {
    label: '受理并告知',
    labelEn: 'Accept and notify the petitioner',
    roles: [...OFFICER],
    schema: objectSchema({ acceptedOn: dateField('受理日期'), notifiedOn: dateField('书面告知信访人日期') }, ['acceptedOn', 'notifiedOn']),
    legalBasis: `${LAW} 第十九条、第二十三条、第三十一条第六项、第三十六条`,
    preconditions: ['isRequest', 'notPendingBelow', 'notFinalAfterReexam', 'acceptedNotInFuture', 'notifiedNotInFuture'],
    lookups: EARLIER,
  },
  TRANSFER: {
    label: '转送或交办有权处理机关',
    labelEn: 'Transfer or assign to the competent organ',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        mode: enumField('方式', { TRANSFER: '转送', ASSIGN: '交办（要求反馈结果）' }),
        receivingOrgId: { type: 'string', title: '有权处理的机关', 'x-source': 'orgs:GOVERNMENT_DEPARTMENT,PETITION_OFFICE,PETITION_BUREAU' },
        deliveredOn: dateField('送达有权处理机关日期（默认当日）'),
        feedbackDueOn: dateField('交办反馈期限'),
      },
      ['mode', 'receivingOrgId'],
    ),
    legalBasis: `${LAW} 第十九条、第二十二条、第三十六条`,
    preconditions: ['isRequest', 'notPendingBelow', 'notFinalAfterReexam', 'deliveredNotBeforeTransfer'],
    lookups: EARLIER,
  },
  RECEIVE_TRANSFER: system(
    '收到转送、交办的信访事项',
    'A transferred or assigned petition arrives',
    `${LAW} 第二十三条`,
    // Without a mode it was sent on (转送), as the 综治中心 does.
    objectSchema({ mode: enumField('方式', { TRANSFER: '转送', ASSIGN: '交办' }), receivedOn: dateField('收到日期'), classification: enumField('信访事项类别', PETITION_CLASSES) }),
  ),
  OBJECT: {
    label: '提出异议并退回',
    labelEn: 'Object: outside the organ’s competence',
    roles: [...OFFICER],
    schema: objectSchema({ reason: enumField('异议理由', OBJECTION_REASONS), explanation: textField('理由说明', 1000) }, ['reason', 'explanation']),
    legalBasis: `${LAW} 第二十三条`,
    preconditions: ['objectionInTime'],
  },
  TRANSFER_SIGNED_FOR: system('有权处理机关已签收', 'The competent organ signed for the petition', `${LAW} 第二十三条`),
  TRANSFER_RETURNED: system('有权处理机关提出异议退回', 'The competent organ returned the petition', `${LAW} 第二十三条`, outcomeSchema({ reason: { type: 'string', title: '异议理由' }, explanation: { type: 'string', title: '理由说明' } })),
  DECLINE_DUPLICATE: {
    label: '不予受理（同一事项下级正在办理）',
    labelEn: 'Not accepted: the same matter is being handled below',
    roles: [...OFFICER],
    schema: objectSchema({ decidedOn: dateField('决定日期'), explanation: textField('告知信访人的说明', 1000) }, ['decidedOn', 'explanation']),
    legalBasis: `${LAW} 第十九条`,
    preconditions: ['pendingBelowFound'],
    lookups: EARLIER,
  },
  DECLINE_FINAL: {
    label: '不再受理（复核终结）',
    labelEn: 'Not accepted again: the matter was re-examined',
    roles: [...OFFICER],
    schema: objectSchema({ decidedOn: dateField('决定日期'), explanation: textField('告知信访人的说明', 1000) }, ['decidedOn', 'explanation']),
    legalBasis: `${LAW} 第三十六条`,
    preconditions: ['finalFound'],
    lookups: EARLIER,
  },
  DIVERT: {
    label: '导入法定途径（诉访分离）',
    labelEn: 'Divert into the legal channel',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        legalChannel: enumField('法定途径', LEGAL_CHANNELS),
        receivingOrgId: { type: 'string', title: '受理机关', 'x-source': 'orgs:LABOUR_ARBITRATION_COMMISSION,BASIC_COURT,RECONSIDERATION_ORGAN' },
        notifiedOn: dateField('告知信访人日期'),
        explanation: textField('告知信访人的说明', 1000),
        actType: enumField('行政行为类型（导入行政复议）', ACT_TYPES),
        respondentAgency: textField('作出行政行为的机关（导入行政复议）', 100),
        knewOn: dateField('知道或者应当知道权利被侵害或者行政行为之日'),
        applicationChannel: enumField('申请行政复议方式（导入行政复议）', APPLICATION_CHANNELS),
        requests: textField('行政复议请求（导入行政复议）', 2000),
      },
      ['legalChannel', 'notifiedOn', 'explanation'],
    ),
    legalBasis: `${LAW} 第二十二条、第三十一条第一、二、三、四项`,
    preconditions: ['isRequest', 'divertedWithItsOrgan'],
  },
  REFER_DISCIPLINE: {
    label: '转纪检监察机关',
    labelEn: 'Refer to the discipline inspection organs',
    roles: [...OFFICER],
    schema: objectSchema({ organName: textField('纪检监察机关', 100), referredOn: dateField('转送日期') }, ['organName', 'referredOn']),
    legalBasis: `${LAW} 第二十二条、第三十条`,
    preconditions: ['isComplaint'],
  },
  ANSWER_SUGGESTION: {
    label: '答复建议意见',
    labelEn: 'Answer the suggestion',
    roles: [...OFFICER],
    schema: objectSchema({ repliedOn: dateField('答复日期'), reply: textField('答复内容', 2000), adopted: { type: 'boolean', title: '建议被采纳' } }, ['repliedOn', 'reply']),
    legalBasis: `${LAW} 第二十九条`,
    preconditions: ['isSuggestion'],
  },
  EXTEND: {
    label: '延长办理期限',
    labelEn: 'Extend the handling period',
    roles: [...OFFICER],
    schema: objectSchema(
      { days: { type: 'integer', title: '延长天数', minimum: 1 }, reason: textField('延期理由', 1000), approvedBy: textField('批准的本机关负责人', 60), notifiedOn: dateField('告知信访人延期理由日期') },
      ['days', 'reason', 'approvedBy', 'notifiedOn'],
    ),
    legalBasis: `${LAW} 第三十四条`,
    preconditions: ['extensionAtMost30Days', 'extensionBeforePeriodEnds'],
  },
  START_MEDIATION: {
    label: '开始调解或和解',
    labelEn: 'Start mediation or settlement talks',
    roles: [...OFFICER],
    schema: objectSchema({ consentedPartyIds: partyIdsField('同意调解的当事人'), startedOn: dateField('开始日期') }, ['consentedPartyIds', 'startedOn']),
    legalBasis: `${LAW} 第三十三条`,
    preconditions: ['allPartiesConsent'],
  },
  MEDIATION_FAILED: { label: '调解未达成协议', labelEn: 'Mediation ended without agreement', roles: [...OFFICER], legalBasis: `${LAW} 第三十三条`, preconditions: ['wasExtended'] },
  SETTLE: {
    label: '达成调解或和解协议',
    labelEn: 'Settle by mediation or reconciliation agreement',
    roles: [...OFFICER],
    schema: objectSchema(
      { kind: enumField('协议', { MEDIATION: '调解协议书', RECONCILIATION: '和解协议书' }), signedPartyIds: partyIdsField('签字的当事人'), signedOn: dateField('签订日期') },
      ['kind', 'signedPartyIds', 'signedOn'],
    ),
    legalBasis: `${LAW} 第三十三条`,
    preconditions: ['everyPartySigned'],
  },
  REFER_MEDIATION: {
    label: '访调对接：移交人民调解',
    labelEn: 'Refer to people’s mediation',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        mediationOrgId: { type: 'string', title: '人民调解委员会', 'x-source': 'orgs:VILLAGE_MEDIATION_COMMITTEE,TOWNSHIP_MEDIATION_COMMITTEE,DISTRICT_MEDIATION_CENTRE' },
        consentedPartyIds: partyIdsField('同意人民调解的当事人'),
        civilContent: { type: 'boolean', title: '涉及民事权利义务内容' },
        administrativeDispute: { type: 'boolean', title: '属于行政争议' },
        note: textField('移交说明', 1000),
      },
      ['mediationOrgId', 'consentedPartyIds', 'civilContent'],
    ),
    legalBasis: '信访工作条例 第三十三条、第三十七条；司法部、国家信访局关于进一步深化人民调解参与信访工作对接 推进信访工作法治化的意见（2025）',
    preconditions: ['allPartiesConsent', 'civilContentOnly'],
  },
  PM_AGREED: system('人民调解达成协议', 'People’s mediation reached agreement', '人民调解法 第二十八条至第三十一条'),
  PM_ENDED: { ...system('人民调解未成，退回信访办理', 'People’s mediation ended without agreement', '人民调解法 第二十六条'), preconditions: ['wasExtended'] },
  ISSUE_OPINION: {
    label: '出具信访处理意见书',
    labelEn: 'Issue the written opinion',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        outcomes: { type: 'array', title: '处理意见', items: enumField('意见', OPINION_OUTCOMES), minItems: 1, uniqueItems: true },
        issuedOn: dateField('出具日期'),
        receivedOn: dateField('信访人收到日期'),
      },
      ['outcomes', 'issuedOn', 'receivedOn'],
    ),
    legalBasis: `${LAW} 第三十二条、第三十四条`,
    preconditions: ['opinionIssuedNotInFuture', 'opinionReceivedAfterIssue'],
  },
  OPINION_PERIOD_ENDED: expiry('复查请求期限届满', 'The 30 days to ask for review ended', `${LAW} 第三十五条`),
  REQUEST_REVIEW: {
    label: '请求复查',
    labelEn: 'Ask the superior for review',
    roles: [...OFFICER],
    schema: objectSchema({ requestedOn: dateField('提出复查请求日期'), receivedOn: dateField('复查机关收到日期'), reviewBody: textField('复查机关', 100), reviewRegionCode: regionField('复查机关所在行政区划代码') }, [
      'requestedOn',
      'receivedOn',
      'reviewBody',
      'reviewRegionCode',
    ]),
    legalBasis: `${LAW} 第三十五条`,
    preconditions: ['reviewRequestedInTime', 'reviewOneLevelUp'],
  },
  ISSUE_REVIEW_OPINION: {
    label: '出具复查意见',
    labelEn: 'Issue the review opinion',
    roles: [...OFFICER],
    schema: objectSchema({ decision: enumField('复查意见', REVIEW_DECISIONS), issuedOn: dateField('出具日期'), receivedOn: dateField('信访人收到日期') }, ['decision', 'issuedOn', 'receivedOn']),
    legalBasis: `${LAW} 第三十五条`,
    preconditions: ['reviewOpinionNotInFuture', 'reviewOpinionReceivedAfterIssue'],
  },
  REVIEW_PERIOD_ENDED: expiry('复核请求期限届满', 'The 30 days to ask for re-examination ended', `${LAW} 第三十六条`),
  REQUEST_REEXAM: {
    label: '请求复核',
    labelEn: 'Ask for re-examination',
    roles: [...OFFICER],
    schema: objectSchema({ requestedOn: dateField('提出复核请求日期'), receivedOn: dateField('复核机关收到日期'), reexamBody: textField('复核机关', 100), reexamRegionCode: regionField('复核机关所在行政区划代码') }, [
      'requestedOn',
      'receivedOn',
      'reexamBody',
      'reexamRegionCode',
    ]),
    legalBasis: `${LAW} 第三十六条`,
    preconditions: ['reexamRequestedInTime', 'reexamOneLevelUp'],
  },
  DECIDE_HEARING: {
    label: '决定举行复核听证',
    labelEn: 'Decide to hold a re-examination hearing',
    roles: [...OFFICER],
    schema: objectSchema({ decidedOn: dateField('决定听证日期'), hearingOn: dateField('听证日期') }, ['decidedOn', 'hearingOn']),
    legalBasis: `${LAW} 第三十一条第六项、第三十六条`,
    preconditions: ['hearingAfterDecision'],
  },
  HOLD_HEARING: {
    label: '举行听证',
    labelEn: 'Hold the hearing',
    roles: [...OFFICER],
    schema: objectSchema({ heldOn: dateField('听证举行日期'), panel: textField('听证员（人大代表、政协委员、律师、专家等）', 500) }, ['heldOn']),
    legalBasis: `${LAW} 第三十六条`,
    preconditions: ['hearingDateReached'],
  },
  ISSUE_REEXAM_OPINION: {
    label: '出具复核意见（终结）',
    labelEn: 'Issue the re-examination opinion (final)',
    roles: [...OFFICER],
    schema: objectSchema({ decision: enumField('复核意见', REVIEW_DECISIONS), issuedOn: dateField('出具日期'), published: { type: 'boolean', title: '经听证的复核意见已向社会公示' } }, ['decision', 'issuedOn']),
    legalBasis: `${LAW} 第三十六条`,
    preconditions: ['reexamOpinionNotInFuture'],
  },
  RECORD_AFTERCARE: {
    label: '记录疏导、化解、帮扶',
    labelEn: 'Record aftercare',
    roles: [...OFFICER],
    schema: objectSchema({ on: dateField('日期'), measure: enumField('措施', AFTERCARE_MEASURES), note: textField('情况', 1000) }, ['on', 'measure']),
    legalBasis: `${LAW} 第三十七条`,
  },
  END_AFTERCARE: {
    label: '结束后续帮扶',
    labelEn: 'End aftercare',
    roles: [...OFFICER],
    schema: objectSchema({ endedOn: dateField('结束日期'), note: textField('情况', 1000) }, ['endedOn']),
    legalBasis: `${LAW} 第三十七条`,
  },
  // 三级听证: a hearing at handling (第三十一条第六项), 复查 or 复核 (第三十六条) runs as a case of its own (routes R21b–R21d).
  REQUEST_HEARING: requestHearingEvent([...OFFICER], `${LAW} 第三十一条第六项、第三十六条`),
  // Back to handling or to the extended period (wasExtended), as after 访调对接.
  HEARING_CONCLUDED: { ...hearingConcludedEvent(`${LAW} 第三十一条第六项、第三十六条`), preconditions: ['wasExtended'] },
  HEARING_ENDED: { ...hearingEndedEvent(`${LAW} 第三十一条第六项、第三十六条`), preconditions: ['wasExtended'] },
};
