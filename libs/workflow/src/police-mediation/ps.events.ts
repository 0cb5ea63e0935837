import type { EventSpec } from '../definition';
import type { JsonSchema } from '../json-schema';
import { dateField, enumField, objectSchema, outcomeSchema, partyIdsField, returnSchema, textField } from '../building-blocks';

export const ZAF = '治安管理处罚法';
export const GAXZ = '公安机关办理行政案件程序规定';
const OFFICER = ['POLICE_OFFICER'] as const;

export const VIOLATIONS = {
  ASSAULT: '殴打他人',
  MINOR_INJURY: '故意伤害（轻微伤）',
  INSULT_DEFAMATION: '侮辱、诽谤',
  FALSE_ACCUSATION: '诬告陷害',
  PROPERTY_DAMAGE: '故意损毁财物',
  DISTURBANCE: '干扰他人正常生活',
  PRIVACY: '侵犯隐私',
  TRESPASS: '非法侵入住宅',
  OTHER: '其他违反治安管理行为',
};

export const RELATIONSHIPS = {
  NEIGHBOURS: '邻里',
  FAMILY: '亲友、家庭成员',
  COLLEAGUES: '同事',
  SCHOOLMATES: '同学',
  ACQUAINTANCES: '其他相识的人',
  STRANGERS: '素不相识',
};

/** 第一百七十九条: the cases the police do not mediate. */
export const EXCLUSIONS = {
  HIRED_ASSAILANT: '雇凶伤害他人',
  GANG_FIGHT: '结伙斗殴或者其他寻衅滋事',
  REPEATED: '多次实施违反治安管理行为',
  MEDIATION_REFUSED: '当事人明确表示不愿意调解处理',
  VIOLENCE_RENEWED: '当事人在治安调解过程中又针对对方实施违反治安管理行为',
  FLED: '调解过程中违法嫌疑人逃跑',
  OTHER: '其他不宜调解处理的情形',
};

export const INELIGIBLE_GROUNDS = {
  ...EXCLUSIONS,
  NOT_CIVIL_DISPUTE: '不是因民间纠纷引起',
  NOT_MINOR: '情节不属于较轻',
  NOT_IN_SCOPE: '不属于可以调解处理的违反治安管理行为',
  NO_CONSENT: '当事人未同意调解',
};

export const END_GROUNDS = {
  NO_AGREEMENT: '经调解未达成协议',
  MEDIATION_REFUSED: EXCLUSIONS.MEDIATION_REFUSED,
  VIOLENCE_RENEWED: EXCLUSIONS.VIOLENCE_RENEWED,
  FLED: EXCLUSIONS.FLED,
};

/** Where the civil part of the dispute can go (治安管理处罚法 第九条; 程序规定 第一百七十八条第二款、第一百八十五条). */
export const CIVIL_ROUTES = { COURT: '向人民法院提起民事诉讼', PEOPLES_MEDIATION: '申请人民调解' };

export const PENALTY_KINDS = { WARNING: '警告', FINE: '罚款', DETENTION: '行政拘留', OTHER: '其他' };

const pmOrg: JsonSchema = { type: 'string', title: '人民调解组织（如派出所人民调解室）', 'x-source': 'orgs:TOWNSHIP_MEDIATION_COMMITTEE,VILLAGE_MEDIATION_COMMITTEE,DISTRICT_MEDIATION_CENTRE' };
const onDate = (title: string) => dateField(title);
const expiry = (label: string, labelEn: string, legalBasis: string): EventSpec => ({ label, labelEn, roles: ['SYSTEM'], legalBasis });
const ART186 = `${GAXZ} 第一百八十六条；${ZAF}（2025年修订） 第九条第四款`;

export const psEvents: Record<string, EventSpec> = {
  ASSIGN_OFFICER: {
    label: '指定承办民警',
    labelEn: 'Assign the officer in charge',
    roles: [...OFFICER],
    schema: objectSchema({ officerId: { type: 'string', title: '承办民警', 'x-source': 'orgUsers:POLICE_OFFICER' } }, ['officerId']),
  },
  REVIEW_ELIGIBILITY: {
    label: '审查是否适用治安调解',
    labelEn: 'Review whether the case can be mediated',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        violation: enumField('违反治安管理行为（受案时未明确或者需要更正的）', VIOLATIONS),
        relationship: enumField('当事人关系', RELATIONSHIPS),
        arisesFromCivilDispute: { type: 'boolean', title: '因民间纠纷引起' },
        minorCircumstances: { type: 'boolean', title: '情节较轻' },
        minorInvolved: { type: 'boolean', title: '当事人中有未成年人' },
        facts: textField('查明的事实', 2000),
      },
      ['relationship', 'arisesFromCivilDispute', 'minorCircumstances', 'minorInvolved'],
    ),
    legalBasis: `${ZAF} 第九条；${GAXZ} 第一百七十八条、第一百八十条`,
  },
  FIND_ELIGIBLE: {
    label: '决定调解处理',
    labelEn: 'Decide to mediate',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        decidedOn: onDate('决定日期'),
        consentedPartyIds: partyIdsField('同意调解的当事人'),
        exclusions: { type: 'array', title: '不适用调解的情形', items: enumField('情形', EXCLUSIONS), uniqueItems: true },
        guardiansNotified: { type: 'boolean', title: '已通知未成年当事人的父母或者其他监护人到场' },
        invitedHelpers: { type: 'array', title: '邀请协助调解的人员（村/居委会成员、熟悉的人）', items: { type: 'string', maxLength: 60 } },
      },
      // No exclusion is the usual answer: the console's form must not force a choice.
      ['decidedOn', 'consentedPartyIds'],
    ),
    legalBasis: `${GAXZ} 第一百七十八条、第一百七十九条、第一百八十一条、第一百八十二条`,
    preconditions: ['mediableViolation', 'civilDisputeBetweenKnownParties', 'bothPartiesConsent', 'noExclusionApplies', 'guardiansPresentForMinors', 'decidedNotInFuture'],
  },
  FIND_INELIGIBLE: {
    label: '决定不适用调解',
    labelEn: 'Decide the case cannot be mediated',
    roles: [...OFFICER],
    schema: objectSchema({ decidedOn: onDate('决定日期'), ground: enumField('不适用调解的理由', INELIGIBLE_GROUNDS), explanation: textField('说明', 1000) }, ['decidedOn', 'ground']),
    legalBasis: `${GAXZ} 第一百七十八条、第一百七十九条`,
  },
  SIGN_AGREEMENT: {
    label: '签订治安调解协议书',
    labelEn: 'Sign the mediation agreement',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        signedOn: onDate('签订日期'),
        form: enumField('调解方式', { WRITTEN: '在公安机关主持下制作调解协议书', ON_THE_SPOT: '当场调解（全程录音录像）' }),
        content: textField('协议内容', 2000),
        signedPartyIds: partyIdsField('签名的当事人'),
        performanceDueOn: onDate('履行期限'),
        singleOfficer: { type: 'boolean', title: '由一名人民警察在执法办案场所主持调解' },
        recordingRef: textField('录音录像编号', 100),
      },
      ['signedOn', 'form', 'content', 'signedPartyIds'],
    ),
    legalBasis: `${GAXZ} 第一百七十八条、第一百八十三条、第一百八十四条；${ZAF}（2025年修订） 第一百零八条`,
    preconditions: ['everyPartySigned', 'onTheSpotRecorded', 'singleOfficerRecorded', 'signedNotInFuture', 'withinSecondSessionWindow'],
  },
  FIRST_SESSION_FAILED: {
    label: '首次调解未达成协议，再次调解',
    labelEn: 'The first session failed: hold a second',
    roles: [...OFFICER],
    schema: objectSchema(
      { heldOn: onDate('首次调解日期'), secondSessionBasis: enumField('再次调解的理由', { NEEDED: '公安机关认为有必要', REQUESTED: '当事人申请' }), summary: textField('调解情况', 2000) },
      ['heldOn', 'secondSessionBasis'],
    ),
    legalBasis: `${GAXZ} 第一百八十三条`,
    preconditions: ['heldNotInFuture'],
  },
  END_MEDIATION: {
    label: '调解终止（未达成协议）',
    labelEn: 'End the mediation without agreement',
    roles: [...OFFICER],
    schema: objectSchema({ endedOn: onDate('终止日期'), ground: enumField('终止理由', END_GROUNDS), summary: textField('情况说明', 2000) }, ['endedOn', 'ground']),
    legalBasis: `${GAXZ} 第一百七十九条、第一百八十五条`,
    preconditions: ['endedNotInFuture'],
  },
  SECOND_SESSION_WINDOW_ENDED: expiry('再次调解期限届满', 'The seven working days for the second session ended', `${GAXZ} 第一百八十三条`),
  RECORD_PERFORMANCE: {
    label: '记录协议已履行',
    labelEn: 'Record that the agreement was performed',
    roles: [...OFFICER],
    schema: objectSchema({ performedOn: onDate('履行日期'), evidence: textField('履行情况（如收据）', 500) }, ['performedOn']),
    legalBasis: `${GAXZ} 第一百八十五条`,
    preconditions: ['performedNotInFuture'],
  },
  RECORD_NON_PERFORMANCE: {
    label: '记录协议未履行',
    labelEn: 'Record that the agreement was not performed',
    roles: [...OFFICER],
    schema: objectSchema({ recordedOn: onDate('确认未履行日期'), note: textField('情况说明', 1000) }, ['recordedOn']),
    legalBasis: `${ZAF} 第九条；${GAXZ} 第一百八十五条`,
    preconditions: ['performancePeriodOver', 'recordedNotInFuture'],
  },
  CLOSE_WITHOUT_PENALTY: {
    label: '不予处罚结案',
    labelEn: 'Close the case without a penalty',
    roles: [...OFFICER],
    schema: objectSchema({ closedOn: onDate('结案日期'), note: textField('说明', 500) }, ['closedOn']),
    legalBasis: `${ZAF} 第九条；${GAXZ} 第一百八十五条`,
  },
  GIVE_CIVIL_ROUTE_NOTICE: {
    label: '告知民事争议的解决途径',
    labelEn: 'Tell the parties where the civil part can go',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        routes: { type: 'array', title: '告知的途径', items: enumField('途径', CIVIL_ROUTES), minItems: 1, uniqueItems: true },
        notifiedOn: onDate('告知日期'),
        method: enumField('告知方式', { WRITTEN: '书面告知', ORAL: '口头告知并记录' }),
        notifiedPartyIds: partyIdsField('被告知的当事人'),
      },
      ['routes', 'notifiedOn', 'method'],
    ),
    legalBasis: `${ZAF} 第九条；${GAXZ} 第一百七十八条第二款、第一百八十五条`,
  },
  DECIDE_PENALTY: {
    label: '作出治安管理处罚决定',
    labelEn: 'Decide the penalty',
    roles: [...OFFICER],
    schema: objectSchema(
      { decisionNo: textField('处罚决定书文号', 60), decidedOn: onDate('决定日期'), kind: enumField('处罚种类', PENALTY_KINDS), amount: { type: 'number', title: '罚款金额（元）', minimum: 0 } },
      ['decisionNo', 'decidedOn', 'kind'],
    ),
    legalBasis: `${ZAF} 第九条；${GAXZ} 第一百八十五条`,
    preconditions: ['civilRouteNoticeGiven', 'decisionNotInFuture'],
  },
  REFER_TO_PEOPLES_MEDIATION: {
    label: '当事人申请人民调解（警调对接）',
    labelEn: 'The parties choose people’s mediation instead',
    roles: [...OFFICER],
    schema: objectSchema({ mediationOrgId: pmOrg, referredOn: onDate('移交日期'), requestedPartyIds: partyIdsField('申请人民调解的当事人'), note: textField('移交说明', 1000) }, [
      'mediationOrgId',
      'referredOn',
      'requestedPartyIds',
    ]),
    legalBasis: ART186,
    preconditions: ['everyPartyRequested', 'referredNotInFuture'],
  },
  CHOOSE_SELF_SETTLEMENT: {
    label: '当事人选择自行和解',
    labelEn: 'The parties choose to settle between themselves',
    roles: [...OFFICER],
    schema: objectSchema({ referredOn: onDate('日期'), requestedPartyIds: partyIdsField('选择自行和解的当事人') }, ['referredOn', 'requestedPartyIds']),
    legalBasis: ART186,
    preconditions: ['everyPartyRequested', 'referredNotInFuture'],
  },
  PM_AGREED: { label: '人民调解达成协议', labelEn: 'The people’s mediation reached an agreement', roles: ['SYSTEM'], schema: outcomeSchema(), legalBasis: ART186 },
  PM_ENDED: { label: '人民调解未达成协议', labelEn: 'The people’s mediation ended without agreement', roles: ['SYSTEM'], schema: outcomeSchema(), legalBasis: `${GAXZ} 第一百八十五条、第一百八十六条` },
  PM_RETURNED: { label: '人民调解组织退回', labelEn: 'The people’s mediation organisation returned the referral', roles: ['SYSTEM'], schema: outcomeSchema(), legalBasis: ART186 },
  JOINT_APPLICATION: {
    label: '认可双方不予处罚的书面申请',
    labelEn: 'Approve the joint written application for no penalty',
    roles: [...OFFICER],
    schema: objectSchema(
      {
        appliedOn: onDate('申请日期'),
        applicantPartyIds: partyIdsField('共同申请的当事人'),
        agreementPerformed: { type: 'boolean', title: '协议已经履行' },
        approvedBy: textField('认可的公安机关负责人', 60),
        approvedOn: onDate('认可日期'),
      },
      ['appliedOn', 'applicantPartyIds', 'agreementPerformed', 'approvedBy', 'approvedOn'],
    ),
    legalBasis: ART186,
    preconditions: ['everyPartyApplied', 'agreementPerformedBeforeApplication', 'pmAgreementReported', 'approvedNotInFuture'],
  },
  REFERRAL_FAILED: {
    label: '人民调解或和解未成',
    labelEn: 'The people’s mediation or settlement came to nothing',
    roles: [...OFFICER],
    schema: objectSchema({ endedOn: onDate('日期'), note: textField('情况说明', 1000) }, ['endedOn']),
    legalBasis: `${GAXZ} 第一百八十五条、第一百八十六条`,
    preconditions: ['endedNotInFuture'],
  },
  RECEIVE_TRANSFER: {
    label: '收到移送的纠纷',
    labelEn: 'A dispute is transferred to the station',
    roles: ['SYSTEM'],
    schema: objectSchema({ sentBy: textField('移送单位', 100), reason: textField('移送理由', 1000) }),
    legalBasis: '人民调解法 第二十五条',
  },
  SIGN_FOR: {
    label: '签收受案',
    labelEn: 'Sign for the transfer and accept the case',
    roles: [...OFFICER],
    schema: objectSchema({ note: textField('备注', 500) }),
  },
  RETURN: {
    label: '退回移送',
    labelEn: 'Return the transfer, with the reason',
    roles: [...OFFICER],
    schema: returnSchema({ NOT_POLICE_MATTER: '不属于公安机关管辖', NO_VIOLATION: '不构成违反治安管理行为', WRONG_STATION: '不属于本所管辖', OTHER: '其他' }),
  },
  REFER_CIVIL_PART: {
    label: '民事纠纷移交人民调解',
    labelEn: 'Refer the civil part of the dispute to people’s mediation',
    roles: [...OFFICER],
    schema: objectSchema({ mediationOrgId: pmOrg, matter: textField('移交调解的民事纠纷', 500), referredOn: onDate('移交日期') }, ['mediationOrgId', 'matter', 'referredOn']),
    legalBasis: `${ZAF} 第九条；${GAXZ} 第一百七十八条第二款、第一百八十五条；人民调解法 第十八条`,
    preconditions: ['referredNotInFuture'],
  },
};
