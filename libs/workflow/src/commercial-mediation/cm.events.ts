import type { EventSpec } from '../definition';
import { dateField, enumField, objectSchema, outcomeSchema, partyIdsField, returnSchema, textField } from '../building-blocks';
import { COMMERCIAL_MATTERS, EXCLUDED_MATTERS, REGULATION } from './cm.preconditions';

const STAFF = ['MEDIATOR', 'INTAKE_CLERK'] as const;

const DECLINE_REASONS = {
  NOT_COMMERCIAL: '不属于商事纠纷',
  BEFORE_REGULATION: '申请在商事调解条例施行前收到',
  PARTY_REFUSED: '对方当事人不同意调解',
  OTHER: '其他不予受理的情形',
};

export const cmEvents: Record<string, EventSpec> = {
  ACCEPT: {
    label: '受理商事调解申请',
    labelEn: 'Accept the application',
    roles: [...STAFF],
    schema: objectSchema(
      {
        mediatorId: { type: 'string', title: '调解员', 'x-source': 'orgUsers:MEDIATOR' },
        matterType: enumField('纠纷类型', { ...COMMERCIAL_MATTERS, ...EXCLUDED_MATTERS }),
      },
      ['mediatorId', 'matterType'],
    ),
    legalBasis: `${REGULATION} 第二条、第三十三条`,
    preconditions: ['regulationInForce', 'commercialMatter'],
  },
  DECLINE: {
    label: '不予受理',
    labelEn: 'Decline the application',
    roles: [...STAFF],
    schema: returnSchema(DECLINE_REASONS),
    legalBasis: `${REGULATION} 第二条`,
  },
  RECORD_SESSION: {
    label: '记录调解',
    labelEn: 'Record a mediation session',
    roles: ['MEDIATOR'],
    schema: objectSchema({ heldOn: dateField('调解日期'), summary: textField('调解情况', 2000) }, ['heldOn', 'summary']),
    preconditions: ['heldNotInFuture'],
  },
  SIGN_AGREEMENT: {
    label: '签订调解协议',
    labelEn: 'Sign the mediation agreement',
    roles: ['MEDIATOR'],
    schema: objectSchema(
      {
        content: textField('协议内容', 4000),
        signedPartyIds: partyIdsField('签名或者盖章的当事人'),
        effectiveOn: dateField('协议生效日期'),
        performanceDueOn: dateField('约定履行期限'),
      },
      ['content', 'signedPartyIds', 'effectiveOn'],
    ),
    legalBasis: '民法典 第四百九十条',
    preconditions: ['everyPartySigned', 'effectiveNotInFuture'],
  },
  FAIL: {
    label: '调解不成',
    labelEn: 'The mediation failed',
    roles: ['MEDIATOR'],
    schema: objectSchema({ reason: enumField('原因', { NO_AGREEMENT: '未能达成协议', PARTY_WITHDREW: '一方当事人退出调解' }), explanation: textField('说明', 1000) }, ['reason']),
  },
  APPLY_JUDICIAL_CONFIRMATION: {
    label: '申请司法确认',
    labelEn: 'Apply for judicial confirmation',
    roles: [...STAFF],
    schema: objectSchema(
      {
        courtOrgId: { type: 'string', title: '受理法院', 'x-source': 'courts' },
        applicantPartyIds: partyIdsField('共同申请的当事人'),
        form: enumField('申请方式', { WRITTEN: '书面申请', ORAL: '口头申请（法院记录）' }),
      },
      ['courtOrgId', 'applicantPartyIds', 'form'],
    ),
    legalBasis: `${REGULATION} 第二十三条；民事诉讼法 第二百零五条`,
    preconditions: ['jointApplication', 'withinConfirmationWindow'],
  },
  CONFIRMATION_WINDOW_ENDED: {
    label: '司法确认申请期限届满',
    labelEn: 'The judicial confirmation window has ended',
    roles: ['SYSTEM'],
    legalBasis: '民事诉讼法 第二百零五条',
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
  APPLY_ENFORCEMENT: {
    label: '当事人申请强制执行',
    labelEn: 'A party applied for enforcement',
    roles: [...STAFF],
    schema: objectSchema({ appliedOn: dateField('申请执行日期') }, ['appliedOn']),
    legalBasis: '民事诉讼法 第二百零六条、第二百五十条',
  },
  RECORD_PERFORMED: {
    label: '记录已履行',
    labelEn: 'Record performance',
    roles: [...STAFF],
    schema: objectSchema({ performedOn: dateField('履行日期') }, ['performedOn']),
    preconditions: ['performedNotInFuture'],
  },
  CLOSE: {
    label: '结案',
    labelEn: 'Close the case',
    roles: [...STAFF],
    schema: objectSchema({ note: textField('说明', 1000) }),
  },
};
