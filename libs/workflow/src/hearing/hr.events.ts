import type { EventSpec } from '../definition';
import type { JsonSchema } from '../json-schema';
import { dateField, enumField, objectSchema, outcomeSchema, partyIdsField, returnSchema, textField } from '../building-blocks';

export const HR_LAW = '信访工作条例 第三十一条第六项、第三十六条；行政复议法 第五十条、第五十一条；村民委员会组织法 第二条、第七条';

/** Who works a hearing: the convening organisation's hearing staff, and the officials of the organisations that convene. */
export const CONVENERS = ['HEARING_OFFICER', 'COMMITTEE_DIRECTOR', 'MEDIATOR', 'JUSTICE_STATION_OFFICER', 'CENTRE_DISPATCHER', 'PETITION_OFFICER', 'RECONSIDERATION_OFFICER'] as const;

export const MEMBER_CAPACITIES = {
  DEPUTY: '人大代表',
  CPPCC: '政协委员',
  LAWYER: '律师（法律顾问）',
  MEDIATOR: '人民调解员',
  VILLAGE_CADRE: '村（居）两委成员',
  VILLAGER_REPRESENTATIVE: '村民代表、党员代表',
  ELDER: '乡贤、“五老”',
  JUSTICE_STATION: '司法所工作人员',
  RECONSIDERATION: '行政复议人员',
  EXPERT: '专家',
  OFFICIAL: '机关工作人员',
  OTHER: '其他',
};

/** Ties that oblige a member to withdraw (回避). */
export const RELATION_KINDS = {
  PARTY_RELATIVE: '是当事人或者其代理人的近亲属',
  PARTY_INTEREST: '与当事人有其他利害关系',
  CASE_INTEREST: '与本案有利害关系',
  HANDLED_CASE: '参与过本案的调查、处理或者调解',
  OTHER: '其他可能影响公正听证的关系',
};

export const DECLINE_GROUNDS = {
  NOT_MAJOR: '不属于重大、复杂、疑难事项',
  LEGAL_CHANNEL: '已经或者应当通过诉讼、仲裁、行政复议等法定途径解决',
  FACTS_CLEAR: '事实清楚、争议不大，无需听证',
  OTHER: '其他理由',
};

export const PARTICIPANT_ROLES = { PARTY: '当事人', AGENT: '代理人', PANEL: '听证员', CLERK: '记录人', WITNESS: '证人', AGENCY: '有关单位人员', OTHER: '其他' };

const relation = objectSchema(
  { kind: enumField('关系', RELATION_KINDS), partyId: { type: 'string', title: '涉及的当事人', 'x-source': 'parties' }, note: textField('说明', 500) },
  ['kind'],
);
export const memberSchema = (title: string): JsonSchema => ({
  ...objectSchema(
    {
      name: textField('姓名', 40),
      capacity: enumField('身份', MEMBER_CAPACITIES),
      relations: { type: 'array', title: '与当事人、本案的关系（须如实申报，有关系的应当回避）', items: relation },
    },
    ['name', 'capacity', 'relations'],
  ),
  title,
});
const named = (title: string, extra: Record<string, JsonSchema> = {}) => objectSchema({ name: textField(title, 200), ref: textField('编号或位置', 200), ...extra }, ['name']);

const convener = (label: string, labelEn: string, schema: JsonSchema | undefined, legalBasis: string, preconditions?: string[]): EventSpec => ({
  label,
  labelEn,
  roles: [...CONVENERS],
  ...(schema ? { schema } : {}),
  legalBasis,
  ...(preconditions ? { preconditions } : {}),
});
const system = (label: string, labelEn: string, schema: JsonSchema | undefined, legalBasis: string, preconditions?: string[]): EventSpec => ({
  label,
  labelEn,
  roles: ['SYSTEM'],
  ...(schema ? { schema } : {}),
  legalBasis,
  ...(preconditions ? { preconditions } : {}),
});

const XF = '信访工作条例 第三十一条第六项';

/** Organisation types that may convene a township or a county hearing in some region: where an escalation can go. */
export const UPPER_CONVENER_TYPES = ['GOVERNANCE_CENTRE', 'JUSTICE_STATION', 'TOWNSHIP_MEDIATION_COMMITTEE', 'PETITION_JOINT_OFFICE', 'RECONSIDERATION_ORGAN'];

export const hrEvents: Record<string, EventSpec> = {
  RECEIVE_REQUEST: system(
    '收到听证提请',
    'Hearing requested by the sending case',
    objectSchema({ requestedBy: textField('提请单位', 200), matter: textField('听证事项', 1000), initiative: enumField('听证启动方式', { APPLICATION: '当事人申请', ORGAN: '机关（组织）提出' }) }, ['matter']),
    '本地区听证规则；' + XF,
    ['convenerFitsLevel'],
  ),
  PROPOSE: convener(
    '提出听证',
    'Propose a hearing',
    objectSchema({ proposedOn: dateField('告知当事人听证权利或征询意见的日期'), matter: textField('听证事项', 1000), initiative: enumField('听证启动方式', { APPLICATION: '当事人申请', ORGAN: '机关（组织）提出' }) }, ['proposedOn', 'matter', 'initiative']),
    XF,
    ['convenerFitsLevel', 'proposedNotInFuture'],
  ),
  SIGN_FOR: convener('签收听证提请', 'Sign for the hearing request', undefined, '本地区听证规则'),
  RETURN: convener('退回听证提请', 'Return the hearing request', returnSchema({ NOT_CONVENER: '不属于本组织召集的听证', OTHER: '其他理由' }), '本地区听证规则'),
  APPLY: convener(
    '当事人申请听证',
    'A party applies for a hearing',
    objectSchema({ applicantPartyIds: partyIdsField('申请人'), appliedOn: dateField('申请日期') }, ['applicantPartyIds', 'appliedOn']),
    '本地区听证规则（如安徽省信访事项听证办法：告知后五个工作日内申请）',
    ['appliedNotInFuture', 'applicantsAreParties'],
  ),
  CONSENT: convener(
    '当事人同意听证',
    'The parties consent to the hearing',
    objectSchema({ consentedPartyIds: partyIdsField('同意听证的当事人'), consentedOn: dateField('同意日期') }, ['consentedPartyIds', 'consentedOn']),
    '本地区听证规则（机关提出的听证须经信访人同意，逾期未答复视为不同意）',
    ['everyPartyConsents', 'consentedNotInFuture'],
  ),
  RECORD_REFUSAL: convener(
    '当事人不同意听证',
    'A party refuses the hearing',
    objectSchema({ partyIds: partyIdsField('不同意的当事人'), recordedOn: dateField('记录日期') }, ['partyIds', 'recordedOn']),
    '本地区听证规则',
  ),
  CONSENT_WINDOW_ENDED: system('申请（同意）期限届满', 'Time to apply or consent ran out', undefined, '本地区听证规则'),
  DECIDE_TO_HOLD: convener('决定举行听证', 'Decide to hold the hearing', objectSchema({ decidedOn: dateField('决定日期') }, ['decidedOn']), XF, ['decidedNotInFuture']),
  DECLINE: convener(
    '决定不予听证（书面说明理由）',
    'Decline to hold the hearing, with written reasons',
    objectSchema({ decidedOn: dateField('决定日期'), ground: enumField('不予听证的理由', DECLINE_GROUNDS), reasons: textField('书面理由', 2000) }, ['decidedOn', 'ground', 'reasons']),
    '本地区听证规则；信访工作条例 第三十一条第六项（不予听证的不影响办理）',
    ['decidedNotInFuture', 'writtenReasons'],
  ),
  APPOINT_PANEL: convener(
    '组成听证团',
    'Appoint the hearing panel',
    objectSchema(
      {
        presiding: memberSchema('主持人（非本案调查处理人员）'),
        members: { type: 'array', title: '听证员', items: memberSchema('听证员'), minItems: 1, 'x-uniqueBy': 'name' },
        clerk: textField('记录人', 40),
      },
      ['presiding', 'members'],
    ),
    '本地区听证规则；行政复议法 第五十一条（听证主持人一名、听证员二名以上）',
    ['panelOdd', 'panelWithinRules', 'noMemberRelated', 'namesDistinct'],
  ),
  RECUSE_MEMBER: convener(
    '听证员回避',
    'A panel member withdraws (recusal)',
    objectSchema(
      { name: textField('回避的听证员', 40), ground: enumField('回避理由', RELATION_KINDS), applicantPartyId: { type: 'string', title: '申请回避的当事人', 'x-source': 'parties' }, decidedOn: dateField('决定日期') },
      ['name', 'ground', 'decidedOn'],
    ),
    '本地区听证规则（听证员与当事人或者本案有利害关系的应当回避）',
    ['memberOnPanel', 'recusalNotInFuture'],
  ),
  SERVE_NOTICE: convener(
    '发出听证通知',
    'Serve the hearing notice',
    objectSchema(
      { noticedOn: dateField('通知日期'), hearingOn: dateField('听证日期'), venue: textField('听证地点', 200), notifiedPartyIds: partyIdsField('已通知的当事人') },
      ['noticedOn', 'hearingOn', 'venue', 'notifiedPartyIds'],
    ),
    '本地区听证规则（D-HR4）；行政复议法 第五十一条',
    ['panelComplete', 'everyPartyNotified', 'noticedNotInFuture', 'hearingAfterNotice', 'hearingWithinHoldPeriod'],
  ),
  RECORD_HEARING: convener(
    '记录听证（听证笔录）',
    'Record the hearing',
    objectSchema(
      {
        heldOn: dateField('听证日期'),
        participants: { type: 'array', title: '参加人员', minItems: 1, items: objectSchema({ name: textField('姓名', 40), role: enumField('身份', PARTICIPANT_ROLES), partyId: { type: 'string', title: '当事人', 'x-source': 'parties' } }, ['name', 'role']) },
        statements: { type: 'array', title: '陈述、质证和辩论要点', minItems: 1, items: objectSchema({ speaker: textField('陈述人', 40), summary: textField('要点', 2000) }, ['speaker', 'summary']) },
        attachments: { type: 'array', title: '附件（证据、录音录像、签名笔录）', items: named('名称') },
      },
      ['heldOn', 'participants', 'statements', 'attachments'],
    ),
    '信访工作条例 第三十一条第六项；本地区听证规则（听证笔录经参加人签名，录音录像留存）',
    ['noticePeriodServed', 'heldNotInFuture', 'heldOnNoticedDay'],
  ),
  RECORD_ABSENCE: convener(
    '当事人无正当理由缺席',
    'A party is absent without cause',
    objectSchema({ absentPartyIds: partyIdsField('缺席的当事人'), recordedOn: dateField('记录日期') }, ['absentPartyIds', 'recordedOn']),
    '本地区听证规则（无正当理由不参加听证的视为放弃听证）；行政复议法 第五十一条',
    ['noticePeriodServed', 'absenceOnHearingDay'],
  ),
  CONCLUDE: convener(
    '评议合议并形成听证意见',
    'Deliberate and conclude',
    objectSchema(
      {
        deliberatedOn: dateField('评议日期'),
        votesFor: { type: 'integer', title: '赞成多数意见的听证员人数', minimum: 0 },
        votesAgainst: { type: 'integer', title: '持不同意见的听证员人数', minimum: 0 },
        majorityOpinion: textField('多数意见', 2000),
        minorityOpinions: { type: 'array', title: '少数意见', items: textField('少数意见', 2000) },
        opinion: textField('听证意见（结论）', 2000),
      },
      ['deliberatedOn', 'votesFor', 'votesAgainst', 'majorityOpinion', 'minorityOpinions', 'opinion'],
    ),
    '本地区听证规则（听证员评议，少数服从多数，少数意见记录在案）',
    ['votesMatchPanel', 'majorityReached', 'minorityRecorded', 'deliberatedNotInFuture'],
  ),
  PUBLISH: convener(
    '公示听证意见',
    'Publish the hearing opinion',
    objectSchema({ publishedOn: dateField('公示日期'), channel: textField('公示方式', 200) }, ['publishedOn', 'channel']),
    '信访工作条例 第三十六条（经听证的复核意见可以依法向社会公示）',
    ['publishedNotInFuture'],
  ),
  CLOSE_UNPUBLISHED: convener('听证意见送达（不公示）', 'Deliver the opinion without publication', objectSchema({ closedOn: dateField('送达日期') }, ['closedOn']), '本地区听证规则', ['closedNotInFuture']),
  ESCALATE: convener(
    '提请上一级听证',
    'Escalate to the next level',
    objectSchema({ upperOrgId: { type: 'string', title: '上一级听证召集单位', 'x-source': `orgs:${UPPER_CONVENER_TYPES.join(',')}` }, reason: textField('提请理由', 1000) }, ['upperOrgId', 'reason']),
    '本地区听证规则（区、乡镇、村居三级听证）',
    ['belowTopLevel'],
  ),
  UPPER_CONCLUDED: system(
    '上一级听证形成意见',
    'The next level concluded',
    outcomeSchema(
      {
        hearingLevel: { type: 'string', title: '听证级别' },
        opinion: { type: 'string', title: '听证意见' },
        majorityOpinion: { type: 'string', title: '多数意见' },
        minorityOpinions: { type: 'array', title: '少数意见', items: { type: 'string' } },
        heldOn: dateField('听证日期'),
        concludedOn: dateField('形成意见日期'),
        published: { type: 'boolean', title: '已公示' },
      },
      [],
    ),
    '本地区听证规则',
  ),
  UPPER_ENDED: system('上一级未举行听证', 'The next level held no hearing', outcomeSchema(), '本地区听证规则'),
  WITHDRAW: convener(
    '撤回听证申请',
    'Withdraw the hearing',
    objectSchema({ withdrawnOn: dateField('撤回日期'), partyIds: partyIdsField('撤回的当事人') }, ['withdrawnOn', 'partyIds']),
    '本地区听证规则（听证举行前可以撤回，撤回后不得以同一事实和理由再次申请）',
    ['withdrawnNotInFuture'],
  ),
  PARENT_ENDED: system('提请案件已终结', 'The case that asked for the hearing ended', outcomeSchema(), '本地区听证规则'),
};
