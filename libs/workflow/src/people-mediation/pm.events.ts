import type { EventSpec } from '../definition';
import { hearingConcludedEvent, hearingEndedEvent, requestHearingEvent } from '../hearing-request';
import { ROUTES, dateField, yuanField, enumField, laterDateField, pastDateField, objectSchema, outcomeSchema, partyIdsField, returnSchema, rightsNoticeField, satisfactionField, textField } from '../building-blocks';

const MEDIATION_STAFF = ['MEDIATOR', 'COMMITTEE_DIRECTOR'] as const;
const INTAKE_STAFF = ['INTAKE_CLERK', 'MEDIATOR', 'COMMITTEE_DIRECTOR'] as const;

export const pmEvents: Record<string, EventSpec> = {
  SEEK_CONSENT: {
    label: '征询当事人意愿',
    labelEn: 'Ask the parties whether they accept mediation',
    roles: [...INTAKE_STAFF],
    schema: objectSchema({ note: textField('备注', 500) }),
    legalBasis: '人民调解法 第十七条',
  },
  NOT_ACCEPT: {
    label: '不予受理',
    labelEn: 'Decline the case',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema(
      {
        reason: enumField('不予受理理由', {
          RESERVED_TO_SPECIAL_ORGAN: '法律规定由专门机关管辖或禁止民间调解',
          ALREADY_HANDLED: '已由人民法院、公安机关或其他行政机关受理或处理',
          NOT_CIVIL_DISPUTE: '不属于民间纠纷',
          OTHER: '其他',
        }),
        explanation: textField('说明'),
      },
      ['reason', 'explanation'],
    ),
    legalBasis: '人民调解工作若干规定 第二十二条',
  },
  ASSIGN_MEDIATOR: {
    label: '指定调解员',
    labelEn: 'Assign a mediator',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema(
      {
        mediatorId: { type: 'string', title: '调解员', 'x-source': 'orgUsers:MEDIATOR' },
        consentedPartyIds: partyIdsField('同意调解的当事人'),
        selectedBy: enumField('产生方式', { COMMITTEE: '调委会指定', PARTIES: '当事人选定' }),
      },
      ['mediatorId', 'consentedPartyIds', 'selectedBy'],
    ),
    legalBasis: '人民调解法 第十七条、第十九条',
    preconditions: ['allPartiesConsent'],
  },
  RECORD_REFUSAL: {
    label: '记录当事人拒绝调解',
    labelEn: 'Record that a party refuses mediation',
    roles: [...INTAKE_STAFF],
    schema: objectSchema(
      { refusingPartyIds: partyIdsField('拒绝调解的当事人'), reason: textField('拒绝理由', 1000), rightsNotice: rightsNoticeField },
      ['refusingPartyIds', 'rightsNotice'],
    ),
    legalBasis: '人民调解法 第十七条、第二十三条',
    preconditions: ['rightsNoticeGiven'],
  },
  START_MEDIATION: {
    label: '开始调解',
    labelEn: 'Start mediation',
    roles: ['MEDIATOR'],
    schema: objectSchema(
      {
        startedOn: pastDateField('开始日期', [{ ref: 'context.openedOn', label: '登记日期' }]),
        mode: enumField('调解方式', { ON_SITE: '现场调解', ONLINE: '在线调解', HEARING: '听证评理' }),
      },
      ['startedOn', 'mode'],
    ),
    legalBasis: '人民调解法 第二十一条、第二十二条',
  },
  RECORD_SESSION: {
    label: '记录调解过程',
    labelEn: 'Record a mediation session',
    roles: ['MEDIATOR'],
    schema: objectSchema(
      {
        heldOn: pastDateField('调解日期', [{ ref: 'context.mediationStartedOn', label: '开始调解日期' }]),
        summary: textField('调解情况'),
        participants: { type: 'array', title: '参与调解人员（邀请的亲属、邻里、专家等）', items: { type: 'string', maxLength: 50 }, maxItems: 30 },
      },
      ['heldOn', 'summary'],
    ),
    legalBasis: '人民调解法 第二十条、第二十七条',
  },
  REPORT_RISK: {
    label: '报告矛盾激化风险',
    labelEn: 'Report a risk of escalation',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema(
      {
        level: enumField('风险等级', { RED: '红色', ORANGE: '橙色', YELLOW: '黄色', BLUE: '蓝色' }),
        reportedTo: enumField('报告对象', { POLICE: '公安机关', ZONGZHI_CENTRE: '综治中心', GOVERNMENT: '基层人民政府' }),
        summary: textField('风险情况'),
      },
      ['level', 'reportedTo', 'summary'],
    ),
    legalBasis: '人民调解法 第二十五条',
  },
  EXTEND_BY_CONSENT: {
    label: '经双方同意延长调解',
    labelEn: 'Extend mediation with every party’s consent',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema(
      { consentedPartyIds: partyIdsField('同意延长的当事人'), reason: textField('延长理由', 1000) },
      ['consentedPartyIds', 'reason'],
    ),
    legalBasis: '人民调解工作若干规定 第三十三条（地方规定）',
    preconditions: ['allPartiesConsentToExtend'],
  },
  RECORD_ORAL_AGREEMENT: {
    label: '记录口头调解协议',
    labelEn: 'Record an oral agreement',
    roles: ['MEDIATOR'],
    schema: objectSchema(
      {
        content: textField('协议内容'),
        reachedOn: pastDateField('达成日期', [{ ref: 'context.mediationStartedOn', label: '开始调解日期' }]),
        performanceDueOn: laterDateField('约定履行期限', [{ ref: 'data.reachedOn', label: '达成日期' }]),
        agreementAmount: yuanField('协议金额（元）'),
      },
      ['content', 'reachedOn'],
    ),
    legalBasis: '人民调解法 第二十八条、第三十条',
    preconditions: ['reachedNotInFuture'],
  },
  SIGN_WRITTEN_AGREEMENT: {
    label: '签订书面调解协议',
    labelEn: 'Sign a written agreement',
    roles: ['MEDIATOR'],
    schema: objectSchema(
      {
        content: textField('协议内容（主要事实、争议事项、各方责任、履行方式和期限）', 10000),
        signedPartyIds: partyIdsField('已签名、盖章或按指印的当事人'),
        mediatorSigned: { type: 'boolean', title: '调解员已签名' },
        committeeSealed: { type: 'boolean', title: '已加盖人民调解委员会印章' },
        effectiveOn: pastDateField('生效日期（最后一方签名盖章之日）', [{ ref: 'context.mediationStartedOn', label: '开始调解日期' }]),
        performanceDueOn: laterDateField('约定履行期限', [{ ref: 'data.effectiveOn', label: '生效日期' }]),
        agreementAmount: yuanField('协议金额（元）'),
      },
      ['content', 'signedPartyIds', 'mediatorSigned', 'committeeSealed', 'effectiveOn'],
    ),
    legalBasis: '人民调解法 第二十八条、第二十九条',
    preconditions: ['agreementTakesEffect', 'effectiveNotInFuture'],
  },
  TERMINATE_FAILED: {
    label: '调解不成，终止调解',
    labelEn: 'End mediation without agreement',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema({ reason: textField('终止原因', 1000), rightsNotice: rightsNoticeField }, ['reason', 'rightsNotice']),
    legalBasis: '人民调解法 第二十六条',
    preconditions: ['rightsNoticeGiven'],
  },
  WITHDRAW: {
    label: '当事人要求终止调解',
    labelEn: 'A party ends the mediation',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema({ partyIds: partyIdsField('要求终止的当事人'), reason: textField('理由', 1000) }, ['partyIds']),
    legalBasis: '人民调解法 第二十三条',
  },
  TRANSFER: {
    label: '移送其他机关',
    labelEn: 'Transfer to another authority',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema(
      {
        to: enumField('移送对象', {
          POLICE: '公安机关（可能引发治安或刑事案件）',
          COURT: '人民法院',
          ARBITRATION: '仲裁机构',
          PETITION: '信访部门',
          ADMINISTRATIVE: '行政机关',
        }),
        receivingOrgName: textField('接收单位名称', 100),
        receivingOrgId: { type: 'string', title: '接收单位（本系统内：人民法院或派出所）', 'x-source': 'orgs:BASIC_COURT,POLICE_STATION' },
        reason: textField('移送理由', 1000),
      },
      ['to', 'reason'],
    ),
    legalBasis: '人民调解法 第二十五条',
  },
  RECEIVE_ENTRUSTMENT: {
    label: '收到法院委托调解',
    labelEn: 'A court entrusts the case for mediation',
    roles: ['SYSTEM'],
    schema: objectSchema({ procedure: enumField('审理程序', { SIMPLE: '简易程序', ORDINARY: '普通程序' }), note: textField('委托说明', 1000) }),
    legalBasis: '最高人民法院关于人民法院特邀调解的规定 第十一条',
  },
  RECEIVE_REFERRAL: {
    label: '收到其他机关移交调解',
    labelEn: 'Another body refers the dispute for mediation',
    roles: ['SYSTEM'],
    schema: objectSchema({ referredBy: textField('移交机关', 100), matter: textField('移交调解的纠纷', 500), note: textField('移交说明', 1000) }),
    legalBasis: '人民调解法 第十八条',
  },
  ENTRUSTMENT_ENDED: {
    label: '法院终止委托调解',
    labelEn: 'The court ended the entrustment',
    roles: ['SYSTEM'],
    schema: objectSchema({ signal: { type: 'string', title: '法院办理事项' }, sourceCaseId: { type: 'string', title: '法院案件' }, sourceCaseNo: { type: 'string', title: '法院案号' }, reportedOn: dateField('通知日期') }, ['signal', 'sourceCaseId']),
    legalBasis: '最高人民法院关于人民法院特邀调解的规定 第二十一条、第二十七条',
    preconditions: ['noAgreementYet'],
  },
  SIGN_FOR: {
    label: '签收委托',
    labelEn: 'Sign for the entrustment',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema({ note: textField('备注', 500) }),
    legalBasis: '最高人民法院关于人民法院特邀调解的规定 第二十七条',
  },
  RETURN: {
    label: '退回委托',
    labelEn: 'Return the entrustment to the court',
    roles: [...MEDIATION_STAFF],
    schema: returnSchema({ OUTSIDE_SCOPE: '不属于人民调解范围', CONFLICT_OF_INTEREST: '调解员需回避且无人可替', NO_CAPACITY: '无力承接', OTHER: '其他' }),
    legalBasis: '人民法院在线调解规则 第十二条',
  },
  APPLY_JUDICIAL_CONFIRMATION: {
    label: '申请司法确认',
    labelEn: 'Apply for judicial confirmation',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema(
      {
        courtOrgId: { type: 'string', title: '受理法院', 'x-source': 'courts' },
        applicantPartyIds: partyIdsField('共同申请的当事人'),
        form: enumField('申请方式', { WRITTEN: '书面申请', ORAL: '口头申请（法院记录）' }),
      },
      ['courtOrgId', 'applicantPartyIds', 'form'],
    ),
    legalBasis: '人民调解法 第三十三条；民事诉讼法 第二百零五条',
    preconditions: ['jointApplication', 'withinConfirmationWindow'],
  },
  DECLINE_JUDICIAL_CONFIRMATION: {
    label: '当事人不申请司法确认',
    labelEn: 'The parties do not seek judicial confirmation',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema({ note: textField('说明', 500) }),
  },
  JC_WINDOW_EXPIRED: {
    label: '司法确认申请期限届满',
    labelEn: 'The judicial confirmation window has expired',
    roles: ['SYSTEM'],
    legalBasis: '人民调解法 第三十三条',
  },
  JC_CONFIRMED: {
    label: '法院裁定调解协议有效',
    labelEn: 'The court ruled the agreement valid',
    roles: ['SYSTEM'],
    schema: outcomeSchema(),
    legalBasis: '民事诉讼法 第二百零六条',
  },
  JC_NOT_CONFIRMED: {
    label: '司法确认未获确认',
    labelEn: 'Judicial confirmation ended without confirmation',
    roles: ['SYSTEM'],
    schema: outcomeSchema(),
    legalBasis: '民事诉讼法 第二百零六条',
  },
  JC_RETURNED: {
    label: '法院退回司法确认申请',
    labelEn: 'The court returned the application',
    roles: ['SYSTEM'],
    schema: outcomeSchema({ reason: { type: 'string', title: '退回理由' }, explanation: { type: 'string', title: '说明' } }),
  },
  RECORD_FOLLOW_UP: {
    label: '回访',
    labelEn: 'Follow-up visit',
    roles: ['MEDIATOR'],
    schema: objectSchema(
      {
        visitedOn: pastDateField('回访日期'),
        method: enumField('回访方式', { VISIT: '上门回访', PHONE: '电话回访', ONLINE: '线上回访' }),
        summary: textField('回访情况'),
        satisfaction: satisfactionField,
      },
      ['visitedOn', 'method', 'summary'],
    ),
    legalBasis: '人民调解法 第三十一条',
  },
  RECORD_PERFORMED: {
    label: '确认协议已履行',
    labelEn: 'Record that the agreement was performed',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema({ performedOn: pastDateField('履行日期'), evidence: textField('履行情况', 1000) }, ['performedOn']),
    legalBasis: '人民调解法 第三十一条',
  },
  RECORD_DEFAULT: {
    label: '记录协议未履行',
    labelEn: 'Record that the agreement was not performed',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema({ note: textField('未履行情况', 1000) }, ['note']),
    legalBasis: '人民调解法 第三十一条、第三十二条',
  },
  REMEDIATE: {
    label: '重新调解',
    labelEn: 'Mediate again',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema({ reason: textField('理由', 1000) }, ['reason']),
    legalBasis: '人民调解法 第三十三条',
  },
  ADVISE_ENFORCEMENT: {
    label: '告知申请强制执行',
    labelEn: 'Advise the party to apply for enforcement',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema({ advisedOn: pastDateField('告知日期') }, ['advisedOn']),
    legalBasis: '人民调解法 第三十三条',
    preconditions: ['wasConfirmed'],
  },
  ARCHIVE: {
    label: '结案归档',
    labelEn: 'Close and archive',
    roles: [...MEDIATION_STAFF],
    schema: objectSchema(
      {
        dossierComplete: { type: 'boolean', const: true, title: '卷宗齐全（登记、调解记录、协议书）' },
        fileNo: textField('归档号', 50),
        routeNotice: { type: 'array', title: '未履行时告知的途径', items: enumField('途径', ROUTES), uniqueItems: true },
      },
      ['dossierComplete'],
    ),
    legalBasis: '人民调解法 第二十七条',
  },
  // 三级听证 (spec §8): a village hearing (评理会) or a hearing at the township or district during mediation.
  REQUEST_HEARING: requestHearingEvent([...MEDIATION_STAFF], '村民委员会组织法 第二条、第七条；人民调解法 第二十条、第二十一条；本地区听证规则'),
  HEARING_CONCLUDED: hearingConcludedEvent('人民调解法 第二十二条'),
  HEARING_ENDED: hearingEndedEvent('人民调解法 第二十二条'),
};
