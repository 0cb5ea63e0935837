import type { EventSpec } from '../definition';
import { dateField, enumField, objectSchema, partyIdsField, textField } from '../building-blocks';

const COURT = ['COURT_CLERK', 'JUDGE'] as const;

const NOT_ACCEPTED_GROUNDS = {
  NOT_COURT_JURISDICTION: '不属于人民法院受理范围',
  NOT_THIS_COURT: '不属于本院管辖',
  PERSONAL_STATUS: '涉及婚姻、亲子、收养等身份关系',
  OTHER_SPECIAL_PROCEDURE: '涉及适用其他特别程序、公示催告程序或破产程序',
  TITLE_DETERMINATION: '涉及物权或知识产权确权',
};

const DISMISSAL_GROUNDS = {
  VIOLATES_MANDATORY_LAW: '违反法律强制性规定',
  HARMS_OTHERS: '损害国家利益、社会公共利益或他人合法权益',
  AGAINST_PUBLIC_ORDER: '违背公序良俗',
  NOT_VOLUNTARY: '违反自愿原则',
  CONTENT_UNCLEAR: '内容不明确',
  OTHER: '其他不能进行司法确认的情形',
};

export const jcEvents: Record<string, EventSpec> = {
  FILE: {
    label: '提交司法确认申请',
    labelEn: 'File the joint application',
    roles: ['COURT_CLERK', 'SYSTEM'],
    schema: objectSchema(
      {
        applicantPartyIds: partyIdsField('共同申请的当事人'),
        form: enumField('申请方式', { WRITTEN: '书面申请', ORAL: '口头申请（法院记录）' }),
      },
      ['applicantPartyIds', 'form'],
    ),
    legalBasis: '民事诉讼法 第二百零五条；民诉解释 第三百五十一条、第三百五十三条',
    preconditions: ['jointApplication', 'withinConfirmationWindow'],
  },
  WINDOW_EXPIRED: {
    label: '申请期限届满',
    labelEn: 'The application window expired',
    roles: ['SYSTEM'],
    legalBasis: '人民调解法 第三十三条',
  },
  SIGN_FOR: {
    label: '签收',
    labelEn: 'Sign for the transferred application',
    roles: [...COURT],
    schema: objectSchema({ note: textField('备注', 500) }),
  },
  RETURN: {
    label: '退回',
    labelEn: 'Return the application to the sender',
    roles: [...COURT],
    schema: objectSchema(
      {
        reason: enumField('退回理由', { NOT_THIS_COURT: '不属于本院管辖', INCOMPLETE: '材料不齐全', OTHER: '其他' }),
        explanation: textField('说明', 1000),
      },
      ['reason', 'explanation'],
    ),
    legalBasis: '民事诉讼法 第二百零五条',
  },
  REGISTER: {
    label: '立案',
    labelEn: 'Register the case',
    roles: [...COURT],
    schema: objectSchema({ docketNo: textField('案号（民特）', 60), registeredOn: dateField('立案日期') }, ['docketNo', 'registeredOn']),
    legalBasis: '民诉解释 第三百五十五条',
    preconditions: ['registeredNotInFuture'],
  },
  NOT_ACCEPT: {
    label: '裁定不予受理',
    labelEn: 'Refuse to accept',
    roles: ['JUDGE'],
    schema: objectSchema({ ground: enumField('不予受理理由', NOT_ACCEPTED_GROUNDS), explanation: textField('说明', 1000) }, ['ground']),
    legalBasis: '民诉解释 第三百五十五条',
  },
  REQUEST_SUPPLEMENT: {
    label: '限期补正材料',
    labelEn: 'Ask for supplementary materials',
    roles: ['JUDGE'],
    schema: objectSchema(
      {
        items: { type: 'array', title: '需补正的材料', items: { type: 'string', minLength: 1, maxLength: 200 }, minItems: 1 },
        dueOn: dateField('补正期限'),
      },
      ['items', 'dueOn'],
    ),
    legalBasis: '民诉解释 第三百五十四条、第三百五十六条',
    preconditions: ['supplementDueLater'],
  },
  SUBMIT_SUPPLEMENT: {
    label: '当事人补正材料',
    labelEn: 'The parties supplied the materials',
    roles: [...COURT],
    schema: objectSchema({ note: textField('补正情况', 1000) }),
  },
  SUPPLEMENT_OVERDUE: {
    label: '逾期未补正',
    labelEn: 'The supplement deadline passed',
    roles: ['SYSTEM'],
    legalBasis: '民诉解释 第三百五十七条',
  },
  SCHEDULE_VERIFICATION: {
    label: '通知双方到场核实',
    labelEn: 'Summon both parties for verification',
    roles: [...COURT],
    schema: objectSchema({ scheduledOn: dateField('核实日期') }, ['scheduledOn']),
    legalBasis: '民诉解释 第三百五十六条',
  },
  DEEM_WITHDRAWN: {
    label: '按撤回申请处理',
    labelEn: 'Treat the application as withdrawn',
    roles: ['JUDGE'],
    schema: objectSchema(
      { reason: enumField('理由', { NO_SUPPLEMENT: '逾期未补正材料', REFUSED_QUESTIONING: '无正当理由拒不接受询问' }) },
      ['reason'],
    ),
    legalBasis: '民诉解释 第三百五十七条',
  },
  WITHDRAW: {
    label: '撤回申请',
    labelEn: 'The parties withdraw the application',
    roles: [...COURT],
    schema: objectSchema({ partyIds: partyIdsField('撤回的当事人') }, ['partyIds']),
    legalBasis: '民诉解释 第三百五十七条',
  },
  RULE_VALID: {
    label: '裁定调解协议有效',
    labelEn: 'Rule the agreement valid',
    roles: ['JUDGE'],
    schema: objectSchema({ rulingNo: textField('裁定书文号', 60), ruledOn: dateField('裁定日期') }, ['rulingNo', 'ruledOn']),
    legalBasis: '民事诉讼法 第二百零六条',
  },
  DISMISS: {
    label: '裁定驳回申请',
    labelEn: 'Dismiss the application',
    roles: ['JUDGE'],
    schema: objectSchema(
      { ground: enumField('驳回理由', DISMISSAL_GROUNDS), rulingNo: textField('裁定书文号', 60), explanation: textField('说明', 1000) },
      ['ground', 'rulingNo'],
    ),
    legalBasis: '民事诉讼法 第二百零六条；民诉解释 第三百五十八条',
  },
  SERVE_RULING: {
    label: '送达裁定书',
    labelEn: 'Serve the ruling',
    roles: [...COURT],
    schema: objectSchema({ servedOn: dateField('送达日期') }, ['servedOn']),
    preconditions: ['servedNotInFuture'],
  },
  FILE_OBJECTION: {
    label: '当事人提出异议',
    labelEn: 'A party objects to the ruling',
    roles: [...COURT],
    schema: objectSchema({ partyIds: partyIdsField('提出异议的当事人'), grounds: textField('异议理由') }, ['partyIds', 'grounds']),
    legalBasis: '民诉解释 第三百七十二条',
  },
  OBJECTION_PERIOD_ENDED: {
    label: '异议期届满',
    labelEn: 'The objection period ended',
    roles: ['SYSTEM'],
    legalBasis: '民诉解释 第三百七十二条',
  },
  REJECT_OBJECTION: {
    label: '驳回异议',
    labelEn: 'Reject the objection',
    roles: ['JUDGE'],
    schema: objectSchema({ rulingNo: textField('裁定书文号', 60) }, ['rulingNo']),
    legalBasis: '民诉解释 第三百七十二条',
  },
  REVOKE_RULING: {
    label: '撤销原裁定',
    labelEn: 'Revoke the ruling',
    roles: ['JUDGE'],
    schema: objectSchema({ rulingNo: textField('裁定书文号', 60), explanation: textField('说明', 1000) }, ['rulingNo']),
    legalBasis: '民诉解释 第三百七十二条',
  },
  APPLY_ENFORCEMENT: {
    label: '申请强制执行',
    labelEn: 'Apply for enforcement',
    roles: [...COURT],
    schema: objectSchema({ applicantPartyIds: partyIdsField('申请执行人'), appliedOn: dateField('申请日期') }, ['applicantPartyIds', 'appliedOn']),
    legalBasis: '民事诉讼法 第二百零六条、第二百五十条',
  },
  RECORD_PERFORMED: {
    label: '已自动履行',
    labelEn: 'Performed voluntarily',
    roles: [...COURT],
    schema: objectSchema({ performedOn: dateField('履行日期') }, ['performedOn']),
  },
};
