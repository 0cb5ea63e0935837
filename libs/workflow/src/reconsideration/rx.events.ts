import type { EventSpec } from '../definition';
import type { JsonSchema } from '../json-schema';
import { dateField, enumField, objectSchema, partyIdsField, returnSchema, textField } from '../building-blocks';
import { hearingConcludedEvent, hearingEndedEvent, requestHearingEvent } from '../hearing-request';

const LAW = '行政复议法';
const OFFICER = ['RECONSIDERATION_OFFICER'] as const;

export const APPLICATION_CHANNELS = {
  ORGAN_WRITTEN: '向行政复议机关书面申请',
  ORGAN_ORAL: '向行政复议机关口头申请（记录在案）',
  ONLINE: '通过互联网渠道申请',
  PENALISING_AGENCY: '通过作出当场处罚决定的行政机关提交',
};

export const NOT_ACCEPTED_REASONS = {
  OUT_OF_TIME: '超过法定申请期限',
  NOT_IN_SCOPE: '不属于行政复议范围',
  NO_JURISDICTION: '不属于本机关管辖（告知有管辖权的复议机关）',
  NO_STANDING: '申请人与该行政行为没有利害关系',
  NO_RESPONDENT: '没有明确的被申请人',
  SUIT_ACCEPTED: '人民法院已经受理该行政行为的行政诉讼',
  ALREADY_DECIDED: '同一行政行为已经复议或者撤回后以同一事实和理由再次申请',
  OTHER: '其他不符合受理条件的情形',
};

/** 第三十九条第一款; the first, second and fourth start the 60-day termination clock (第四十一条第五项). */
export const SUSPENSION_GROUNDS = {
  APPLICANT_DIED: '作为申请人的公民死亡，其近亲属尚未确定是否参加行政复议',
  APPLICANT_INCAPACITATED: '作为申请人的公民丧失参加行政复议的行为能力，尚未确定法定代理人',
  APPLICANT_MISSING: '作为申请人的公民下落不明',
  ENTITY_TERMINATED: '作为申请人的法人或者其他组织终止，尚未确定权利义务承受人',
  FORCE_MAJEURE: '申请人、被申请人因不可抗力或者其他正当理由不能参加行政复议',
  MEDIATION_BY_CONSENT: '依法进行调解、和解，申请人和被申请人同意中止',
  INTERPRETATION_NEEDED: '案件涉及法律适用问题，需要有权机关作出解释或者确认',
  AWAITING_OTHER_CASE: '案件审理需要以其他案件的审理结果为依据，而其他案件尚未审结',
  OTHER: '其他需要中止行政复议的情形',
};

export const DECISION_TYPES = {
  CHANGE: '变更',
  REVOKE: '撤销或者部分撤销',
  DECLARE_ILLEGAL: '确认违法',
  ORDER_PERFORMANCE: '责令限期履行',
  DECLARE_VOID: '确认无效',
  UPHOLD: '维持',
  REJECT: '驳回行政复议请求',
};

const docNo = (title: string) => textField(title, 60);
const expiry = (label: string, labelEn: string, legalBasis: string): EventSpec => ({ label, labelEn, roles: ['SYSTEM'], legalBasis });
const withdrawalSchema: JsonSchema = objectSchema(
  {
    withdrawnOn: dateField('撤回日期'),
    afterSettlement: { type: 'boolean', title: '双方和解后撤回' },
    facts: textField('申请所依据的事实', 2000),
    reasons: textField('申请所依据的理由', 2000),
    voluntary: { type: 'boolean', title: '撤回出于申请人真实意愿' },
  },
  ['withdrawnOn', 'afterSettlement', 'facts', 'reasons', 'voluntary'],
);

export const rxEvents: Record<string, EventSpec> = {
  APPLY: {
    label: '提出行政复议申请',
    labelEn: 'File the application for reconsideration',
    // SYSTEM: the start event of a route into the channel (R13c), applied by the engine.
    roles: [...OFFICER, 'INTAKE_CLERK', 'SYSTEM'],
    schema: objectSchema(
      {
        appliedOn: dateField('申请日期'),
        channel: enumField('申请方式', APPLICATION_CHANNELS),
        forwardingAgency: textField('转送申请的行政机关', 100),
        agencyReceivedOn: dateField('该行政机关收到申请日期'),
        agencyForwardedOn: dateField('该行政机关转送日期'),
        receivedOn: dateField('行政复议机关收到申请日期'),
        requests: textField('行政复议请求', 2000),
        facts: textField('事实', 2000),
        reasons: textField('理由', 2000),
        courtSuitAccepted: { type: 'boolean', title: '人民法院已受理就该行政行为提起的行政诉讼' },
        earlierApplication: objectSchema(
          {
            caseNo: textField('此前复议案件案号', 60),
            withdrawnOn: dateField('撤回日期'),
            sameFactsAndReasons: { type: 'boolean', title: '本次申请与撤回的申请事实和理由相同' },
            withdrawalInvoluntary: { type: 'boolean', title: '能够证明撤回违背真实意愿' },
          },
          ['caseNo', 'sameFactsAndReasons'],
        ),
      },
      ['appliedOn', 'channel', 'requests'],
    ),
    legalBasis: `${LAW} 第十二条、第二十条至第二十二条、第二十九条、第三十二条、第七十四条`,
    preconditions: ['withinApplicationPeriod', 'reviewableAct', 'noSuitAccepted', 'notRefiledAfterWithdrawal', 'agencyForwardingRecorded'],
  },
  LAPSE: {
    label: '申请期限届满未申请',
    labelEn: 'The application period ended without an application',
    roles: [...OFFICER],
    schema: objectSchema({ note: textField('说明', 500) }),
    legalBasis: `${LAW} 第二十条`,
  },
  RECORD_SUIT: {
    label: '记录申请人已提起行政诉讼',
    labelEn: 'Record that the applicant sued in the administrative court',
    roles: [...OFFICER],
    schema: objectSchema({ suedOn: dateField('起诉日期'), courtName: textField('受诉人民法院', 100), courtCaseNo: docNo('行政诉讼案号') }, ['suedOn', 'courtName']),
    legalBasis: `行政诉讼法 第四十四条至第四十六条；${LAW} 第三十四条`,
    preconditions: ['directSuitAllowed', 'withinDirectSuitPeriod', 'withinSuitWindow'],
  },
  ASSIGN_OFFICER: {
    label: '指定承办人员',
    labelEn: 'Assign the officer in charge',
    roles: [...OFFICER],
    schema: objectSchema({ officerId: { type: 'string', title: '承办人员', 'x-source': 'orgUsers:RECONSIDERATION_OFFICER' } }, ['officerId']),
    legalBasis: `${LAW} 第三十六条`,
  },
  ACCEPT: {
    label: '受理行政复议申请',
    labelEn: 'Accept the application',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        acceptedOn: dateField('受理日期'),
        procedure: enumField('审理程序', { SIMPLE: '简易程序', ORDINARY: '普通程序' }),
        partiesConsentToSimple: { type: 'boolean', title: '当事人各方同意适用简易程序' },
        major: { type: 'boolean', title: '重大、疑难、复杂案件' },
      },
      ['acceptedOn', 'procedure'],
    ),
    legalBasis: `${LAW} 第三十条、第五十三条`,
    preconditions: ['acceptedNotInFuture', 'simpleProcedureFits'],
  },
  NOT_ACCEPT: {
    label: '决定不予受理',
    labelEn: 'Refuse the application',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        ...(returnSchema(NOT_ACCEPTED_REASONS).properties as Record<string, JsonSchema>),
        competentOrgan: textField('告知有管辖权的行政复议机关', 100),
        servedOn: dateField('不予受理决定书送达日期'),
      },
      ['reason', 'explanation', 'servedOn'],
    ),
    legalBasis: `${LAW} 第三十条、第三十四条`,
    preconditions: ['reconsiderationFirstCase'],
  },
  DEEMED_ACCEPTED: expiry('审查期限届满视为受理', 'The review period ended without a refusal: deemed accepted', `${LAW} 第三十条`),
  REQUEST_SUPPLEMENT: {
    label: '书面通知补正',
    labelEn: 'Ask in writing for the missing materials',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        items: { type: 'array', title: '需要补正的全部事项', items: textField('事项', 200), minItems: 1 },
        noticeReceivedOn: dateField('申请人收到补正通知日期'),
      },
      ['items', 'noticeReceivedOn'],
    ),
    legalBasis: `${LAW} 第三十一条`,
    preconditions: ['supplementOnlyOnce', 'supplementNoticeInTime'],
  },
  SUPPLEMENT: {
    label: '申请人补正材料',
    labelEn: 'The applicant supplied the materials',
    roles: [...OFFICER],
    schema: objectSchema({ suppliedOn: dateField('收到补正材料日期') }, ['suppliedOn']),
    legalBasis: `${LAW} 第三十一条`,
  },
  SUPPLEMENT_OVERDUE: expiry('补正期限届满未补正', 'The supplement period ended: the application is deemed abandoned', `${LAW} 第三十一条`),
  SERVE_COPY: {
    label: '向被申请人发送申请书副本',
    labelEn: 'Send the application to the respondent',
    roles: [...OFFICER],
    schema: objectSchema({ servedOn: dateField('被申请人收到申请书副本日期') }, ['servedOn']),
    legalBasis: `${LAW} 第四十八条、第五十四条`,
  },
  RECORD_ANSWER: {
    label: '被申请人提出书面答复',
    labelEn: 'The respondent answered with its evidence',
    roles: [...OFFICER],
    schema: objectSchema({ answeredOn: dateField('答复日期'), evidenceSubmitted: { type: 'boolean', title: '已提交作出行政行为的证据、依据' } }, ['answeredOn', 'evidenceSubmitted']),
    legalBasis: `${LAW} 第四十八条`,
  },
  ANSWER_OVERDUE: expiry('被申请人答复期限届满', 'The respondent’s answer period ended without an answer', `${LAW} 第四十八条、第七十条`),
  RECORD_VIEWS: {
    label: '听取当事人意见',
    labelEn: 'Hear the parties’ views',
    roles: [...OFFICER],
    schema: objectSchema({ heardOn: dateField('听取意见日期'), mode: enumField('方式', { IN_PERSON: '当面', ONLINE: '互联网', PHONE: '电话' }) }, ['heardOn', 'mode']),
    legalBasis: `${LAW} 第四十九条`,
  },
  NOTICE_HEARING: {
    label: '书面通知听证',
    labelEn: 'Notify the hearing in writing',
    roles: [...OFFICER],
    schema: objectSchema({ hearingOn: dateField('听证日期'), venue: textField('听证地点', 200), matters: textField('拟听证事项', 1000) }, ['hearingOn', 'venue']),
    legalBasis: `${LAW} 第五十条、第五十一条`,
    preconditions: ['hearingNoticeInTime'],
  },
  HOLD_HEARING: {
    label: '举行听证',
    labelEn: 'Hold the hearing',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        presidingOfficer: textField('主持人', 60),
        members: { type: 'array', title: '听证员（二人以上）', items: textField('听证员', 60), minItems: 2 },
        clerk: textField('记录员', 60),
        respondentHeadAttended: { type: 'boolean', title: '被申请人负责人出席' },
      },
      ['presidingOfficer', 'members', 'clerk'],
    ),
    legalBasis: `${LAW} 第五十条、第五十一条`,
    preconditions: ['hearingDateReached'],
  },
  START_MEDIATION: {
    label: '开始调解',
    labelEn: 'Start mediation',
    roles: [...OFFICER],
    schema: objectSchema({ consentedPartyIds: partyIdsField('自愿调解的当事人'), note: textField('说明', 500) }, ['consentedPartyIds']),
    legalBasis: `${LAW} 第五条、第七十三条`,
  },
  MEDIATION_FAILED: {
    label: '调解未达成协议',
    labelEn: 'Mediation ended without agreement',
    roles: [...OFFICER],
    schema: objectSchema({ outcome: enumField('情况', { NO_AGREEMENT: '未达成协议', RENEGED: '调解书生效前一方反悔' }), note: textField('说明', 500) }, ['outcome']),
    legalBasis: `${LAW} 第七十三条`,
  },
  SIGN_MEDIATION_DOC: {
    label: '行政复议调解书签署生效',
    labelEn: 'The mediation document is signed and sealed',
    roles: [...OFFICER],
    schema: objectSchema(
      { docNo: docNo('调解书文号'), signedPartyIds: partyIdsField('已签字或者签章的当事人'), organSealed: { type: 'boolean', title: '已加盖行政复议机关印章' }, content: textField('调解内容', 2000) },
      ['docNo', 'signedPartyIds', 'organSealed'],
    ),
    legalBasis: `${LAW} 第七十三条`,
    preconditions: ['mediationHeld', 'everyPartySignedMediationDoc', 'organSealedMediationDoc'],
  },
  WITHDRAW: {
    label: '撤回行政复议申请',
    labelEn: 'The applicant withdraws the application',
    roles: [...OFFICER],
    schema: withdrawalSchema,
    legalBasis: `${LAW} 第七十四条`,
  },
  SUSPEND: {
    label: '中止行政复议',
    labelEn: 'Suspend the reconsideration',
    roles: [...OFFICER],
    schema: objectSchema({ ground: enumField('中止事由', SUSPENSION_GROUNDS), suspendedOn: dateField('中止日期'), note: textField('说明', 500) }, ['ground', 'suspendedOn']),
    legalBasis: `${LAW} 第三十九条`,
  },
  RESUME: {
    label: '恢复审理',
    labelEn: 'Resume the reconsideration',
    roles: [...OFFICER],
    schema: objectSchema({ note: textField('中止原因消除情况', 500) }),
    legalBasis: `${LAW} 第三十九条第二款`,
    preconditions: ['resumesWhereSuspended'],
  },
  SUSPENSION_LAPSED: expiry('中止满六十日原因仍未消除', 'Suspended for 60 days on a personal ground: the reconsideration terminates', `${LAW} 第四十一条第五项`),
  EXTEND: {
    label: '延长决定期限',
    labelEn: 'Extend the decision period',
    roles: [...OFFICER],
    schema: objectSchema(
      { days: { type: 'integer', title: '延长日数', minimum: 1 }, approvedBy: textField('批准的复议机构负责人', 60), notifiedOn: dateField('书面告知当事人日期') },
      ['days', 'approvedBy', 'notifiedOn'],
    ),
    legalBasis: `${LAW} 第六十二条`,
    preconditions: ['ordinaryProcedure', 'extensionAtMost30Days', 'extensionBeforePeriodEnds', 'extensionApprovedByHead'],
  },
  DECISION_PERIOD_EXPIRED: expiry('行政复议决定期限届满', 'The decision period ended without a decision', `${LAW} 第六十二条；行政诉讼法 第四十五条`),
  DECIDE: {
    label: '作出行政复议决定',
    labelEn: 'Make the reconsideration decision',
    roles: [...OFFICER],
    schema: objectSchema({ decisionNo: docNo('决定书文号'), decisionType: enumField('决定类型', DECISION_TYPES), decidedOn: dateField('决定日期'), content: textField('决定内容', 2000) }, [
      'decisionNo',
      'decisionType',
      'decidedOn',
    ]),
    legalBasis: `${LAW} 第六十三条至第七十条`,
    preconditions: ['decidedNotInFuture', 'hearingHeldIfMajor', 'viewsHeardInOrdinary', 'evidenceBacksDecision'],
  },
  SERVE_DECISION: {
    label: '送达行政复议决定书',
    labelEn: 'Serve the decision',
    roles: [...OFFICER],
    schema: objectSchema({ servedOn: dateField('申请人收到决定书日期') }, ['servedOn']),
    legalBasis: `${LAW} 第七十五条`,
    preconditions: ['servedAfterDecision'],
  },
  SUIT_WINDOW_ENDED: { ...expiry('起诉期限届满', 'The period to sue ended', '行政诉讼法 第四十五条'), preconditions: ['decisionMade'] },
  ISSUE_OPINION_LETTER: {
    label: '制发行政复议意见书',
    labelEn: 'Send the reconsideration opinion letter to the respondent',
    roles: [...OFFICER],
    schema: objectSchema({ letterNo: docNo('意见书文号'), receivedOn: dateField('被申请人收到意见书日期'), matters: textField('纠正事项', 2000) }, ['letterNo', 'receivedOn']),
    legalBasis: `${LAW} 第七十六条`,
  },
  RECORD_COMPLIANCE: {
    label: '记录履行情况',
    labelEn: 'Record that the respondent complied',
    roles: [...OFFICER],
    schema: objectSchema({ reportedOn: dateField('报送或者履行日期'), note: textField('履行情况', 1000) }, ['reportedOn']),
    legalBasis: `${LAW} 第七十六条、第七十七条`,
  },
  REQUEST_HEARING: requestHearingEvent(['RECONSIDERATION_OFFICER'], '行政复议法 第五十条、第五十一条', ['RECONSIDERATION_ORGAN']),
  HEARING_CONCLUDED: hearingConcludedEvent('行政复议法 第五十条、第五十一条'),
  HEARING_ENDED: hearingEndedEvent('行政复议法 第五十条、第五十一条'),
};
