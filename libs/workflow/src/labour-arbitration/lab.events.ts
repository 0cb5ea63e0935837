import type { EventSpec } from '../definition';
import type { JsonSchema } from '../json-schema';
import { dateField, enumField, objectSchema, outcomeSchema, partyIdsField, returnSchema, textField } from '../building-blocks';
import { AWARD_ITEM_KINDS } from './lab.award';

const LAW = '劳动争议调解仲裁法';
const COMMISSION = ['ARBITRATOR', 'INTAKE_CLERK'] as const;

const NOT_ACCEPTED_REASONS = {
  NOT_LABOUR_DISPUTE: '不属于劳动人事争议',
  NO_JURISDICTION: '不属于本仲裁委员会管辖',
  TIME_BARRED: '超过仲裁时效',
  NO_CLEAR_CLAIM: '无明确的被申请人或仲裁请求',
  ALREADY_DECIDED: '已经仲裁裁决、调解或人民法院处理',
  OTHER: '其他不符合受理条件的情形',
};

const SUSPENSION_REASONS = {
  PARTY_DIED_OR_DISSOLVED: '一方当事人死亡或终止，需等待继承人或权利义务承受人',
  PARTY_INCAPACITATED: '一方当事人丧失民事行为能力，尚未确定法定代理人',
  AWAITING_OTHER_CASE: '本案须以另一案的审理结果为依据，而另一案尚未审结',
  FORCE_MAJEURE: '因不可抗力不能参加仲裁',
  OTHER: '其他应当中止仲裁的情形',
};

const SET_ASIDE_GROUNDS = {
  WRONG_LAW: '适用法律、法规确有错误',
  NO_JURISDICTION: '劳动争议仲裁委员会无管辖权',
  PROCEDURE_VIOLATED: '违反法定程序',
  FORGED_EVIDENCE: '裁决所根据的证据是伪造的',
  EVIDENCE_CONCEALED: '对方当事人隐瞒了足以影响公正裁决的证据',
  ARBITRATOR_MISCONDUCT: '仲裁员在仲裁该案时有索贿受贿、徇私舞弊、枉法裁决行为',
};

const amountField = (title: string): JsonSchema => ({ type: 'number', title, minimum: 0 });
const docNoField = (title: string) => textField(title, 60);

/** Engine-sent expiry events carry the deadline's facts. */
const EXPIRY = (label: string, labelEn: string, legalBasis: string): EventSpec => ({ label, labelEn, roles: ['SYSTEM'], legalBasis });

export const labEvents: Record<string, EventSpec> = {
  ASSIGN_ARBITRATOR: {
    label: '指定承办仲裁员',
    labelEn: 'Assign the arbitrator in charge',
    roles: ['ARBITRATOR'],
    schema: objectSchema({ arbitratorId: { type: 'string', title: '承办仲裁员', 'x-source': 'orgUsers:ARBITRATOR' } }, ['arbitratorId']),
    legalBasis: `${LAW} 第三十一条`,
  },
  ACCEPT: {
    label: '受理仲裁申请',
    labelEn: 'Accept the application',
    roles: ['ARBITRATOR'],
    schema: objectSchema(
      {
        acceptedOn: dateField('受理日期'),
        workerPartyIds: partyIdsField('劳动者一方当事人'),
        knewOn: dateField('知道或者应当知道权利被侵害之日'),
        interruptedOn: dateField('仲裁时效中断之日'),
        suspendedFrom: dateField('仲裁时效中止起始日'),
        suspendedUntil: dateField('中止时效的原因消除之日'),
        limitationNote: textField('时效审查说明', 1000),
      },
      ['acceptedOn'],
    ),
    legalBasis: `${LAW} 第二十七条、第二十九条`,
    preconditions: ['withinLimitation', 'acceptedNotInFuture', 'workerSideKnown'],
  },
  NOT_ACCEPT: {
    label: '决定不予受理',
    labelEn: 'Refuse the application',
    roles: ['ARBITRATOR'],
    schema: returnSchema(NOT_ACCEPTED_REASONS),
    legalBasis: `${LAW} 第二十九条`,
  },
  ACCEPTANCE_OVERDUE: EXPIRY('受理审查期限届满', 'The acceptance period passed without a decision', `${LAW} 第二十九条`),
  SERVE_NOTICES: {
    label: '送达申请书副本并书面通知仲裁庭组成',
    labelEn: 'Serve the application on the respondent and notify the tribunal’s composition',
    roles: [...COMMISSION],
    schema: objectSchema(
      {
        respondentServedOn: dateField('被申请人收到申请书副本日期'),
        arbitratorId: { type: 'string', title: '首席仲裁员或独任仲裁员', 'x-source': 'orgUsers:ARBITRATOR' },
        tribunal: enumField('仲裁庭组成', { PANEL: '三名仲裁员组成仲裁庭', SOLE: '独任仲裁员（简单案件）' }),
        tribunalNotifiedOn: dateField('书面通知仲裁庭组成日期'),
      },
      ['respondentServedOn', 'arbitratorId', 'tribunal', 'tribunalNotifiedOn'],
    ),
    legalBasis: `${LAW} 第三十条、第三十一条、第三十二条`,
    preconditions: ['respondentServedNotInFuture'],
  },
  NOTICE_HEARING: {
    label: '书面通知开庭',
    labelEn: 'Notify the hearing in writing',
    roles: [...COMMISSION],
    schema: objectSchema({ hearingOn: dateField('开庭日期'), venue: textField('开庭地点', 200) }, ['hearingOn', 'venue']),
    legalBasis: `${LAW} 第三十五条`,
    preconditions: ['hearingNoticeInTime'],
  },
  HOLD_HEARING: {
    label: '开庭审理',
    labelEn: 'Hold the hearing',
    roles: ['ARBITRATOR'],
    schema: objectSchema({ summary: textField('庭审情况', 2000) }),
    legalBasis: `${LAW} 第三十五条至第四十条`,
    preconditions: ['hearingDateReached'],
  },
  MEDIATION_FAILED: {
    label: '裁决前先行调解不成',
    labelEn: 'The pre-award mediation failed',
    roles: ['ARBITRATOR'],
    schema: objectSchema(
      {
        outcome: enumField('调解情况', {
          NO_AGREEMENT: '调解未达成协议',
          PARTY_DECLINED: '当事人不同意调解',
          RENEGED: '调解书送达前一方反悔',
          RESPONDENT_ABSENT: '被申请人无正当理由拒不到庭（缺席裁决）',
        }),
        note: textField('说明', 1000),
      },
      ['outcome'],
    ),
    legalBasis: `${LAW} 第三十六条、第四十二条`,
  },
  SIGN_MEDIATION_DOC: {
    label: '双方签收仲裁调解书',
    labelEn: 'Both parties signed for the mediation document',
    roles: [...COMMISSION],
    schema: objectSchema(
      {
        docNo: docNoField('调解书文号'),
        signedPartyIds: partyIdsField('已签收的当事人'),
        signedOn: dateField('签收日期'),
        performanceDueOn: dateField('履行期限'),
      },
      ['docNo', 'signedPartyIds', 'signedOn'],
    ),
    legalBasis: `${LAW} 第四十二条、第五十一条`,
    preconditions: ['everyPartySignedMediationDoc'],
  },
  AWARD: {
    label: '作出仲裁裁决',
    labelEn: 'Make the award',
    roles: ['ARBITRATOR'],
    schema: objectSchema(
      {
        awardNo: docNoField('裁决书文号'),
        awardedOn: dateField('裁决日期'),
        monthlyMinimumWage: { type: 'number', title: '当地月最低工资标准（元）', minimum: 0 },
        items: {
          type: 'array',
          title: '裁决事项',
          minItems: 1,
          items: objectSchema(
            { kind: enumField('事项类别', AWARD_ITEM_KINDS), amount: amountField('裁决数额（元）'), description: textField('裁决内容', 500) },
            ['kind', 'description'],
          ),
        },
        performanceDueOn: dateField('履行期限'),
      },
      ['awardNo', 'awardedOn', 'monthlyMinimumWage', 'items'],
    ),
    legalBasis: `${LAW} 第四十二条、第四十七条；最高人民法院关于审理劳动争议案件适用法律问题的解释（一） 第十八条至第二十条`,
    preconditions: ['mediationAttempted', 'awardedNotInFuture', 'awardClassified'],
  },
  SUSPEND: {
    label: '中止仲裁',
    labelEn: 'Suspend the proceedings',
    roles: ['ARBITRATOR'],
    schema: objectSchema({ reason: enumField('中止事由', SUSPENSION_REASONS), explanation: textField('说明', 1000) }, ['reason']),
    legalBasis: `${LAW} 第四十三条；劳动人事争议仲裁办案规则 第四十六条`,
  },
  RESUME: {
    label: '恢复仲裁',
    labelEn: 'Resume the proceedings',
    roles: ['ARBITRATOR'],
    schema: objectSchema({ note: textField('说明', 1000) }),
    legalBasis: '劳动人事争议仲裁办案规则 第四十六条',
    preconditions: ['resumesWhereSuspended'],
  },
  EXTEND: {
    label: '延长审理期限',
    labelEn: 'Extend the period for the award',
    roles: ['ARBITRATOR'],
    schema: objectSchema(
      {
        days: { type: 'integer', title: '延长天数', minimum: 1 },
        approvedBy: textField('批准人（仲裁委员会主任）', 50),
        approvedOn: dateField('批准日期'),
        approvalDocNo: docNoField('批准文书编号'),
        partiesNotifiedOn: dateField('书面通知当事人日期'),
      },
      ['days', 'approvedBy', 'approvedOn', 'approvalDocNo', 'partiesNotifiedOn'],
    ),
    legalBasis: `${LAW} 第四十三条`,
    preconditions: ['extensionAtMost15Days', 'extensionBeforeAwardPeriodEnds', 'extensionApprovedByChair'],
  },
  AWARD_PERIOD_EXPIRED: EXPIRY('审理期限届满未作出裁决', 'The period for the award ended without an award', `${LAW} 第四十三条`),
  WITHDRAW: {
    label: '撤回仲裁申请',
    labelEn: 'The application is withdrawn',
    roles: [...COMMISSION],
    schema: objectSchema(
      {
        reason: enumField('撤回情形', {
          SETTLED: '当事人自行和解后撤回',
          WITHDRAWN: '申请人撤回仲裁申请',
          DEEMED_ABSENT: '申请人无正当理由拒不到庭或中途退庭，视为撤回',
        }),
        note: textField('说明', 1000),
      },
      ['reason'],
    ),
    legalBasis: `${LAW} 第三十六条、第四十一条`,
  },
  SERVE_AWARD: {
    label: '送达裁决书',
    labelEn: 'Serve the award',
    roles: [...COMMISSION],
    schema: objectSchema({ workerReceivedOn: dateField('劳动者收到裁决书日期'), employerReceivedOn: dateField('用人单位收到裁决书日期') }, [
      'workerReceivedOn',
      'employerReceivedOn',
    ]),
    legalBasis: `${LAW} 第四十八条至第五十条`,
    preconditions: ['awardServedAfterAward'],
  },
  FILE_SUIT: {
    label: '当事人向人民法院起诉',
    labelEn: 'A party sues in the people’s court',
    roles: [...COMMISSION],
    schema: objectSchema(
      { courtOrgId: { type: 'string', title: '受诉人民法院', 'x-source': 'courts' }, plaintiffPartyIds: partyIdsField('起诉的当事人'), note: textField('说明', 1000) },
      ['courtOrgId', 'plaintiffPartyIds'],
    ),
    legalBasis: `${LAW} 第二十九条、第四十三条、第四十八条至第五十条`,
    preconditions: ['employerCannotSueOnFinalAward', 'withinWorkerSuitWindow', 'withinSuitWindowAfterSetAside', 'withinNonFinalSuitWindow'],
  },
  APPLY_SET_ASIDE: {
    label: '用人单位申请撤销终局裁决',
    labelEn: 'The employer applies to set the final award aside',
    roles: [...COMMISSION],
    schema: objectSchema(
      {
        applicantPartyIds: partyIdsField('申请撤销的用人单位'),
        courtName: textField('中级人民法院', 100),
        grounds: { type: 'array', title: '申请撤销的理由', items: enumField('理由', SET_ASIDE_GROUNDS), minItems: 1, uniqueItems: true },
        appliedOn: dateField('申请日期'),
      },
      ['applicantPartyIds', 'courtName', 'grounds', 'appliedOn'],
    ),
    legalBasis: `${LAW} 第四十九条`,
    preconditions: ['onlyEmployerMaySetAside', 'withinSetAsideWindow'],
  },
  SET_ASIDE_GRANTED: {
    label: '中级人民法院裁定撤销裁决',
    labelEn: 'The intermediate court set the award aside',
    roles: [...COMMISSION],
    schema: objectSchema({ rulingNo: docNoField('裁定书文号'), receivedOn: dateField('收到裁定书日期') }, ['rulingNo', 'receivedOn']),
    legalBasis: `${LAW} 第四十九条`,
    preconditions: ['setAsideRulingReceivedNotInFuture'],
  },
  SET_ASIDE_REFUSED: {
    label: '中级人民法院驳回撤销申请',
    labelEn: 'The intermediate court refused to set the award aside',
    roles: [...COMMISSION],
    schema: objectSchema(
      {
        rulingNo: docNoField('裁定书文号'),
        outcome: enumField('结果', { DISMISSED: '裁定驳回申请', NOT_ACCEPTED: '不予受理', REVIEW_ENDED: '裁定终结撤销审查' }),
      },
      ['rulingNo', 'outcome'],
    ),
    legalBasis: `${LAW} 第四十九条；最高人民法院关于审理劳动争议案件适用法律问题的解释（一） 第二十一条`,
  },
  WORKER_SUIT_WINDOW_ENDED: EXPIRY('劳动者起诉期限届满', 'The worker’s period to sue over the final award ended', `${LAW} 第四十八条`),
  SET_ASIDE_WINDOW_ENDED: EXPIRY('用人单位申请撤销期限届满', 'The employer’s period to apply for set-aside ended', `${LAW} 第四十九条`),
  SUIT_WINDOW_ENDED: EXPIRY('起诉期限届满', 'The period to sue ended', `${LAW} 第四十九条、第五十条`),
  SUIT_REGISTERED: {
    label: '人民法院已受理起诉',
    labelEn: 'The court took up the suit',
    roles: ['SYSTEM'],
    schema: outcomeSchema(),
    legalBasis: '最高人民法院关于审理劳动争议案件适用法律问题的解释（一） 第十六条',
  },
  SUIT_RETURNED: {
    label: '人民法院退回起诉',
    labelEn: 'The court returned the suit',
    roles: ['SYSTEM'],
    schema: outcomeSchema({ reason: textField('退回理由', 200), explanation: textField('说明', 1000) }),
    preconditions: ['suitReturnsWhereFiled'],
  },
  APPLY_ENFORCEMENT: {
    label: '申请强制执行',
    labelEn: 'Apply to the court for enforcement',
    roles: [...COMMISSION],
    schema: objectSchema({ applicantPartyIds: partyIdsField('申请执行人'), appliedOn: dateField('申请日期') }, ['applicantPartyIds', 'appliedOn']),
    legalBasis: `${LAW} 第五十一条；民事诉讼法 第二百五十条`,
  },
  RECORD_PERFORMED: {
    label: '已履行',
    labelEn: 'Performed',
    roles: [...COMMISSION],
    schema: objectSchema({ performedOn: dateField('履行日期') }, ['performedOn']),
  },
  CLOSE: {
    label: '结案',
    labelEn: 'Close the case',
    roles: [...COMMISSION],
    schema: objectSchema({ note: textField('说明', 1000) }),
  },
};
