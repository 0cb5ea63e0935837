import type { EventSpec } from '../definition';
import type { JsonSchema } from '../json-schema';
import { dateField, enumField, objectSchema, partyIdsField, textField } from '../building-blocks';
import { RISK_RECIPIENTS, riskLevelField, riskSummaryField } from '../risk';
import { PETITION_CHANNELS, PETITION_CLASSES } from '../petition/xf.events';
import { APPLICATION_CHANNELS } from '../reconsideration/rx.events';
import { ACT_TYPES } from '../reconsideration/rx.workflow';
import { DISPUTE_KINDS } from '../rural-land/land.events';

const DISPATCHER = ['CENTRE_DISPATCHER'] as const;
const CENTRE_OPINION = '关于加强社会治安综合治理中心规范化建设的意见（2024）';

/** spec (c) R1: the nine kinds of matter intake is sorted into. */
export const CLASSIFICATIONS = {
  CIVIL: '平等主体之间的民事纠纷',
  LABOUR: '劳动人事争议',
  LAND_CONTRACT: '农村土地承包经营纠纷',
  LAND_RIGHTS: '土地所有权、使用权争议',
  ADMINISTRATIVE: '对行政行为不服',
  PUBLIC_ORDER: '违反治安管理行为',
  CRIMINAL: '涉嫌犯罪',
  TRAFFIC: '道路交通事故纠纷',
  PETITION_ONLY: '信访事项（建议、意见，无法定途径）',
};

/** The channels a dispatch may open a child case in: each is a row of the route table (R1a…). */
export const DISPATCH_CHANNELS = {
  pm: '人民调解',
  lab: '劳动人事争议仲裁',
  ct: '人民法院诉讼',
  ps: '公安机关治安调解',
  xf: '信访（无法定途径的申诉求决事项）',
  rx: '行政复议',
  land: '农村土地承包经营纠纷仲裁',
};

/** The organisations that receive dispatches (the route table checks each channel's own). */
const DISPATCH_ORG_TYPES = [
  'VILLAGE_MEDIATION_COMMITTEE',
  'TOWNSHIP_MEDIATION_COMMITTEE',
  'DISTRICT_MEDIATION_CENTRE',
  'LABOUR_ARBITRATION_COMMISSION',
  'BASIC_COURT',
  'POLICE_STATION',
  'PETITION_OFFICE',
  'PETITION_BUREAU',
  'RECONSIDERATION_ORGAN',
  'LAND_CONTRACT_ARBITRATION_COMMISSION',
];

/**
 * What each receiving channel needs to open its case, collected at triage (or at the dispatch, when a part of the
 * dispute goes where the triage did not advise): the record travels with the transfer as the child's opening input.
 */
export const TARGET_RECORDS: Record<string, string> = { xf: 'petition', rx: 'reconsideration', land: 'landContract' };

/** Expropriation goes to reconsideration or a suit (第二条第二款), land rights to the government first: neither is arbitrated. */
const LAND_CONTRACT_KINDS = Object.fromEntries(Object.entries(DISPUTE_KINDS).filter(([kind]) => !['EXPROPRIATION_COMPENSATION', 'LAND_RIGHTS'].includes(kind)));

const petitionRecord = objectSchema(
  {
    channel: enumField('信访形式', PETITION_CHANNELS),
    petitionClass: enumField('信访事项类别', PETITION_CLASSES),
    groupVisit: { type: 'boolean', title: '多人走访' },
    representatives: { type: 'array', title: '推选的代表（不超过五名）', items: { type: 'string', minLength: 1, maxLength: 40 }, maxItems: 5, uniqueItems: true },
  },
  ['channel', 'petitionClass'],
);
const reconsiderationRecord = objectSchema(
  {
    actType: enumField('行政行为类型', ACT_TYPES),
    respondentAgency: textField('作出行政行为的机关', 100),
    actRef: textField('行政行为文书编号', 60),
    actOn: dateField('行政行为作出日期'),
    knewOn: dateField('知道或者应当知道该行政行为之日'),
    informedOfRight: { type: 'boolean', title: '行政机关已告知申请行政复议的权利、机关和期限' },
    onTheSpot: { type: 'boolean', title: '当场作出的行政处罚' },
    applicationChannel: enumField('申请行政复议方式', APPLICATION_CHANNELS),
    requests: textField('行政复议请求', 2000),
  },
  ['actType', 'respondentAgency', 'knewOn', 'applicationChannel', 'requests'],
);
const landContractRecord = objectSchema(
  {
    disputeKind: enumField('农村土地承包经营纠纷类型', LAND_CONTRACT_KINDS),
    landLocationCode: { type: 'string', title: '土地坐落（行政区划代码）', pattern: '^[0-9]{6,12}$' },
    knewOn: dateField('知道或者应当知道权利被侵害之日'),
  },
  ['disputeKind', 'landLocationCode'],
);
const targetRecords = { petition: petitionRecord, reconsideration: reconsiderationRecord, landContract: landContractRecord };

/** The record a channel needs is required when `field` names that channel. */
const recordRequiredFor = (field: string): JsonSchema[] =>
  Object.entries(TARGET_RECORDS).map(([channel, record]) => ({ if: { properties: { [field]: { const: channel } }, required: [field] }, then: { properties: { [record]: {} }, required: [record] } }));

export const OUTSIDE_AUTHORITIES = {
  POLICE: '公安机关',
  PROCURATORATE: '人民检察院',
  GOVERNMENT: '人民政府（土地权属处理等）',
  RECONSIDERATION: '行政复议机关',
  PETITION_BUREAU: '信访工作机构',
};

/** What a dispatched case reports: its outcome in its own words, with whatever facts that outcome carries (a return's reason). */
const CHILD_REPORT = {
  ...objectSchema({ sourceCaseId: { type: 'string' }, sourceCaseNo: { type: 'string' }, outcome: { type: 'string' }, reportedOn: dateField('报告日期') }),
  additionalProperties: true,
};

export const zzEvents: Record<string, EventSpec> = {
  TRIAGE: {
    label: '甄别研判',
    labelEn: 'Triage the matter',
    roles: [...DISPATCHER],
    schema: {
      ...objectSchema(
        {
          classification: enumField('纠纷类别', CLASSIFICATIONS),
          legalChannel: enumField('法定化解途径', { ...DISPATCH_CHANNELS, OUTSIDE: '本系统外机关' }),
          riskLevel: riskLevelField(),
          assessment: textField('研判意见', 2000),
          ...targetRecords,
        },
        ['classification', 'riskLevel', 'assessment'],
      ),
      allOf: recordRequiredFor('legalChannel'),
    },
    legalBasis: `信访工作条例 第三十一条；${CENTRE_OPINION}`,
  },
  REPORT_RISK: {
    label: '报告风险',
    labelEn: 'Report a risk',
    roles: [...DISPATCHER, 'GRID_WORKER'],
    schema: objectSchema({ level: riskLevelField(), reportedTo: enumField('已报告对象', RISK_RECIPIENTS), summary: riskSummaryField }, ['level', 'summary']),
    legalBasis: '人民调解法 第二十五条；信访工作条例 第二十五条',
  },
  START_COUNTER_MEDIATION: {
    label: '先行调解（驻点调解）',
    labelEn: 'Start mediation at the counter',
    roles: [...DISPATCHER],
    schema: objectSchema(
      { startedOn: dateField('开始日期'), mediatorName: textField('驻点调解员', 50), consentedPartyIds: partyIdsField('同意调解的当事人') },
      ['startedOn', 'mediatorName', 'consentedPartyIds'],
    ),
    legalBasis: `人民调解法 第十七条；${CENTRE_OPINION}`,
    preconditions: ['everyPartyConsents', 'startedNotInFuture'],
  },
  RECORD_COUNTER_SESSION: {
    label: '记录先行调解',
    labelEn: 'Record a counter session',
    roles: [...DISPATCHER],
    schema: objectSchema({ heldOn: dateField('调解日期'), summary: textField('调解情况') }, ['heldOn', 'summary']),
  },
  RESOLVE_AT_COUNTER: {
    label: '先行调解成功',
    labelEn: 'Resolved at the counter',
    roles: [...DISPATCHER],
    schema: objectSchema({ resolvedOn: dateField('调解成功日期'), terms: textField('化解结果') }, ['resolvedOn', 'terms']),
    preconditions: ['resolvedNotInFuture'],
  },
  DISPATCH: {
    label: '分流派单',
    labelEn: 'Dispatch to a channel',
    roles: [...DISPATCHER],
    schema: objectSchema(
      {
        channel: enumField('分流渠道', DISPATCH_CHANNELS),
        // One dispute may hold matters of several kinds (a dismissal with a neighbours' quarrel): each goes its own way.
        matter: enumField('分流事项类别（缺省为研判类别）', CLASSIFICATIONS),
        receivingOrgId: { type: 'string', title: '承办单位', 'x-source': `orgs:${DISPATCH_ORG_TYPES.join(',')}` },
        reason: textField('分流理由', 1000),
        note: textField('派单说明', 1000),
        ...targetRecords,
      },
      ['channel', 'receivingOrgId', 'reason'],
    ),
    legalBasis: `信访工作条例 第三十一条；${CENTRE_OPINION}`,
    preconditions: ['channelFitsClassification', 'targetRecordKnown'],
  },
  REFER_OUTSIDE: {
    label: '移交其他机关',
    labelEn: 'Refer to an authority outside the system',
    roles: [...DISPATCHER],
    schema: objectSchema(
      { authority: enumField('移交机关', OUTSIDE_AUTHORITIES), authorityName: textField('机关名称', 100), referredOn: dateField('移交日期'), note: textField('说明', 1000) },
      ['authority', 'authorityName', 'referredOn'],
    ),
    legalBasis: '信访工作条例 第三十一条；人民调解法 第二十五条',
    preconditions: ['authorityFitsClassification'],
  },
  SUPERVISE: {
    label: '督办',
    labelEn: 'Urge a dispatched case (督办)',
    roles: [...DISPATCHER],
    schema: objectSchema({ childCaseId: { type: 'string', title: '督办案件' }, note: textField('督办意见', 1000), replyBy: dateField('要求反馈日期') }, ['childCaseId', 'note']),
    legalBasis: CENTRE_OPINION,
  },
  CHILD_REPORTED: { label: '承办单位报告办理情况', labelEn: 'A dispatched case reported', roles: ['SYSTEM'], schema: CHILD_REPORT },
  CHILD_ENDED: { label: '分流案件办结', labelEn: 'A dispatched case ended', roles: ['SYSTEM'], schema: CHILD_REPORT },
  RECORD_FOLLOW_UP: {
    label: '回访',
    labelEn: 'Follow-up visit',
    roles: [...DISPATCHER, 'GRID_WORKER'],
    schema: objectSchema(
      { visitedOn: dateField('回访日期'), method: enumField('回访方式', { VISIT: '上门回访', PHONE: '电话回访', COUNTER: '来访回访' }), satisfied: { type: 'boolean', title: '当事人满意' }, notes: textField('回访情况') },
      ['visitedOn', 'method', 'satisfied'],
    ),
    legalBasis: CENTRE_OPINION,
    preconditions: ['everyChildEnded', 'visitedNotInFuture'],
  },
  CLOSE: {
    label: '结案（案结事了）',
    labelEn: 'Close the dispute',
    roles: [...DISPATCHER],
    schema: objectSchema({ summary: textField('结案意见', 2000) }, ['summary']),
    legalBasis: CENTRE_OPINION,
    preconditions: ['everyChildEnded'],
  },
};
