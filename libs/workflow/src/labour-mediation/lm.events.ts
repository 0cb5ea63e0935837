import type { EventSpec } from '../definition';
import { dateField, enumField, objectSchema, outcomeSchema, partyIdsField, returnSchema, textField } from '../building-blocks';

const LAW = '劳动争议调解仲裁法';
const MEDIATION = ['MEDIATOR', 'COMMITTEE_DIRECTOR'] as const;
const STAFF = ['INTAKE_CLERK', 'MEDIATOR', 'COMMITTEE_DIRECTOR'] as const;

export const lmEvents: Record<string, EventSpec> = {
  ACCEPT_APPLICATION: {
    label: '受理调解申请并指定调解员',
    labelEn: 'Accept the application and assign a mediator',
    roles: [...MEDIATION],
    schema: objectSchema(
      {
        mediatorId: { type: 'string', title: '调解员', 'x-source': 'orgUsers:MEDIATOR' },
        workerPartyIds: partyIdsField('劳动者一方当事人'),
        note: textField('备注', 500),
      },
      ['mediatorId'],
    ),
    legalBasis: `${LAW} 第十条、第十二条`,
  },
  DECLINE: {
    label: '不予受理',
    labelEn: 'Decline the application',
    roles: [...MEDIATION],
    schema: returnSchema({
      NOT_LABOUR_DISPUTE: '不属于劳动争议',
      NOT_THIS_ORGANISATION: '不属于本调解组织受理范围',
      ALREADY_ARBITRATED_OR_SUED: '已申请仲裁或向人民法院起诉',
      OTHER: '其他',
    }),
    legalBasis: `${LAW} 第十条`,
  },
  RECORD_SESSION: {
    label: '记录调解',
    labelEn: 'Record a mediation session',
    roles: [...MEDIATION],
    schema: objectSchema({ heldOn: dateField('调解日期'), summary: textField('调解情况', 2000) }, ['heldOn', 'summary']),
    legalBasis: `${LAW} 第十三条`,
  },
  SIGN_AGREEMENT: {
    label: '签订调解协议书',
    labelEn: 'Sign the mediation agreement',
    roles: [...MEDIATION],
    schema: objectSchema(
      {
        content: textField('协议内容', 4000),
        signedPartyIds: partyIdsField('签名或盖章的当事人'),
        mediatorSigned: { type: 'boolean', title: '调解员已签名' },
        organisationSealed: { type: 'boolean', title: '已加盖调解组织印章' },
        effectiveOn: dateField('生效日期'),
        performanceDueOn: dateField('履行期限'),
      },
      ['content', 'signedPartyIds', 'mediatorSigned', 'organisationSealed', 'effectiveOn'],
    ),
    legalBasis: `${LAW} 第十四条`,
    preconditions: ['agreementSignedAndSealed', 'effectiveNotInFuture'],
  },
  FAIL: {
    label: '调解不成，终止调解',
    labelEn: 'Mediation failed',
    roles: [...MEDIATION],
    schema: objectSchema(
      {
        reason: enumField('终止原因', { NO_AGREEMENT: '调解未达成协议', PARTY_REFUSED: '一方当事人不愿调解', PARTY_ABSENT: '一方当事人无正当理由不到场' }),
        explanation: textField('说明', 1000),
      },
      ['reason'],
    ),
    legalBasis: `${LAW} 第十四条`,
  },
  WITHDRAW: {
    label: '申请人撤回调解申请',
    labelEn: 'The applicant withdraws',
    roles: [...STAFF],
    schema: objectSchema({ partyIds: partyIdsField('撤回的当事人'), reason: textField('撤回理由', 1000) }, ['partyIds']),
  },
  MEDIATION_PERIOD_ELAPSED: {
    label: '十五日内未达成调解协议',
    labelEn: 'Fifteen days passed without an agreement',
    roles: ['SYSTEM'],
    legalBasis: `${LAW} 第十四条`,
  },
  APPLY_ARBITRATION: {
    label: '当事人申请劳动仲裁',
    labelEn: 'A party applies for labour arbitration',
    roles: [...STAFF],
    schema: objectSchema(
      {
        commissionOrgId: { type: 'string', title: '劳动人事争议仲裁委员会', 'x-source': 'orgs:LABOUR_ARBITRATION_COMMISSION' },
        applicantPartyIds: partyIdsField('申请仲裁的当事人'),
        note: textField('说明', 1000),
      },
      ['commissionOrgId', 'applicantPartyIds'],
    ),
    legalBasis: `${LAW} 第五条、第十四条、第十五条`,
    preconditions: ['arbitrationOpen'],
  },
  ARBITRATION_ACCEPTED: {
    label: '仲裁委员会已签收',
    labelEn: 'The arbitration commission signed for the case',
    roles: ['SYSTEM'],
    schema: outcomeSchema(),
  },
  ARBITRATION_RETURNED: {
    label: '仲裁委员会已退回',
    labelEn: 'The arbitration commission returned the case',
    roles: ['SYSTEM'],
    schema: outcomeSchema({ reason: textField('退回理由', 200), explanation: textField('说明', 1000) }),
    preconditions: ['returnsWhereApplied'],
  },
  APPLY_ARBITRAL_REVIEW: {
    label: '共同申请仲裁审查',
    labelEn: 'Jointly apply for arbitral review of the agreement',
    roles: [...MEDIATION],
    schema: objectSchema(
      { applicantPartyIds: partyIdsField('共同申请的当事人'), commissionName: textField('仲裁委员会', 100), appliedOn: dateField('申请日期') },
      ['applicantPartyIds', 'commissionName', 'appliedOn'],
    ),
    legalBasis: '劳动人事争议仲裁办案规则 第七十四条',
    preconditions: ['jointReviewApplication', 'withinReviewWindow'],
  },
  REVIEW_CONFIRMED: {
    label: '仲裁委员会出具调解书',
    labelEn: 'The commission issued a mediation document',
    roles: [...MEDIATION],
    schema: objectSchema({ docNo: textField('调解书文号', 60), issuedOn: dateField('出具日期') }, ['docNo', 'issuedOn']),
    legalBasis: '劳动人事争议仲裁办案规则 第七十六条',
  },
  REVIEW_REFUSED: {
    label: '仲裁委员会不予受理或不予确认',
    labelEn: 'The commission refused the review',
    roles: [...MEDIATION],
    schema: objectSchema({ reason: textField('理由', 1000) }, ['reason']),
    legalBasis: '劳动人事争议仲裁办案规则 第七十五条、第七十七条',
  },
  RECORD_PERFORMED: {
    label: '协议已履行',
    labelEn: 'The agreement was performed',
    roles: [...MEDIATION],
    schema: objectSchema({ performedOn: dateField('履行日期') }, ['performedOn']),
    preconditions: ['performedNotInFuture'],
  },
  RECORD_NOT_PERFORMED: {
    label: '一方未按期履行协议',
    labelEn: 'A party did not perform in time',
    roles: [...MEDIATION],
    schema: objectSchema({ defaultingPartyIds: partyIdsField('未履行的当事人'), note: textField('说明', 1000) }, ['defaultingPartyIds']),
    legalBasis: `${LAW} 第十五条`,
    preconditions: ['performanceOverdue'],
  },
  CLOSE: {
    label: '结案',
    labelEn: 'Close the case',
    roles: [...MEDIATION],
    schema: objectSchema({ note: textField('说明', 1000) }),
  },
};
