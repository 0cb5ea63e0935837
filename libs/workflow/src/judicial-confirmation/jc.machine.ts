import { and, assign, setup } from 'xstate';
import type { StateMeta, WorkflowEvent } from '../definition';
import { acceptTransfer, confirmationWindow, engineEffects, guardsFrom, report, returnTransfer } from '../building-blocks';
import type { JcContext } from './jc.context';
import { jcPreconditions } from './jc.preconditions';

const meta = (m: StateMeta) => m;

const withdrawal = {
  WITHDRAW: { target: 'withdrawn', actions: [report('WITHDRAWN')] },
  DEEM_WITHDRAWN: { target: 'deemedWithdrawn', actions: [report('DEEMED_WITHDRAWN')] },
} as const;

const ruling = {
  RULE_VALID: { target: 'confirmed', actions: [report('CONFIRMED')] },
  DISMISS: { target: 'dismissed', actions: [report('DISMISSED')] },
} as const;

export const jcMachine = setup({
  types: {} as { context: JcContext; events: WorkflowEvent; input: JcContext },
  guards: guardsFrom(jcPreconditions),
  actions: {
    ...engineEffects,
    recordRegistration: assign({ registeredOn: ({ event }) => String(event.data.registeredOn) }),
    recordSupplementDue: assign({ supplementDueOn: ({ event }) => String(event.data.dueOn) }),
    clearSupplementDue: assign({ supplementDueOn: undefined }),
    recordService: assign({ servedOn: ({ event }) => String(event.data.servedOn) }),
  },
}).createMachine({
  id: 'jc',
  initial: 'preparing',
  context: ({ input }) => input,
  states: {
    preparing: {
      description: '双方当事人准备共同申请；须自调解协议生效之日起三十日内提出。',
      meta: meta({
        label: '准备共同申请',
        labelEn: 'Preparing the joint application',
        legalBasis: '民事诉讼法 第二百零五条',
        deadlines: [
          confirmationWindow('WINDOW_EXPIRED', ['FILE']),
        ],
      }),
      on: {
        FILE: { target: 'filed', guard: and(['jointApplication', 'withinConfirmationWindow']) },
        WINDOW_EXPIRED: { target: 'windowExpired' },
      },
    },
    filed: {
      description: '申请已提交至人民法院，待法院签收或退回。',
      tags: ['inbox'],
      meta: meta({
        label: '已提交待签收',
        labelEn: 'Filed, awaiting the court’s receipt',
        legalBasis: '民诉解释 第三百五十三条',
        deadlines: [
          {
            id: 'JC-RECEIPT',
            label: '签收或退回期限（收到申请之日起三日，内部时限）',
            period: { amount: 3, unit: 'day' },
            dayType: 'calendar',
            legalBasis: '最高人民法院关于人民调解协议司法确认程序的若干规定（法释〔2011〕5号） 第四条',
            confidence: 'U',
            soft: true,
            configKey: 'jc.receipt',
            metBy: ['SIGN_FOR', 'RETURN'],
          },
        ],
      }),
      on: {
        SIGN_FOR: { target: 'acceptanceReview', actions: [acceptTransfer] },
        RETURN: { target: 'returned', actions: [returnTransfer('reason')] },
      },
    },
    acceptanceReview: {
      description: '法院审查是否受理（身份关系、物权确权等不予受理）。',
      meta: meta({
        label: '立案审查',
        labelEn: 'Acceptance review',
        legalBasis: '民诉解释 第三百五十五条',
        deadlines: [
          {
            id: 'D-JC2',
            label: '受理审查期限（内部时限）',
            period: { amount: 3, unit: 'day' },
            dayType: 'calendar',
            legalBasis: '最高人民法院关于人民调解协议司法确认程序的若干规定（法释〔2011〕5号） 第四条',
            confidence: 'U',
            soft: true,
            configKey: 'jc.acceptanceReview',
          },
        ],
      }),
      on: {
        REGISTER: { target: 'registered', guard: 'registeredNotInFuture', actions: 'recordRegistration' },
        NOT_ACCEPT: { target: 'notAccepted', actions: [report('NOT_ACCEPTED')] },
        WITHDRAW: withdrawal.WITHDRAW,
      },
    },
    registered: {
      description: '已立案（民特），由审判人员审查，三十日内审结。',
      meta: meta({
        label: '已立案审查',
        labelEn: 'Registered',
        legalBasis: '民事诉讼法 第一百八十七条',
        deadlines: [
          {
            id: 'D-JC3',
            label: '审查期限（立案之日起三十日）',
            period: { amount: 30, unit: 'day' },
            dayType: 'calendar',
            legalBasis: '民事诉讼法 第一百八十七条',
            confidence: 'V',
            anchor: { contextDate: 'registeredOn' },
            soft: true,
            runsThrough: ['verification', 'supplementRequested'],
            metBy: ['RULE_VALID', 'DISMISS'],
          },
        ],
      }),
      on: {
        REQUEST_SUPPLEMENT: { target: 'supplementRequested', guard: 'supplementDueLater', actions: 'recordSupplementDue' },
        SCHEDULE_VERIFICATION: { target: 'verification' },
        // No RULE_VALID here: the court must hear both parties together before confirming (民诉解释 第三百五十六条).
        // Dismissal needs no hearing when an Art. 355 ground comes to light after registration.
        DISMISS: ruling.DISMISS,
        WITHDRAW: withdrawal.WITHDRAW,
      },
    },
    supplementRequested: {
      description: '法院责令当事人限期补交材料；逾期不补的按撤回申请处理。',
      meta: meta({
        label: '限期补正',
        labelEn: 'Supplement requested',
        legalBasis: '民诉解释 第三百五十四条、第三百五十七条',
        deadlines: [
          {
            id: 'JC-SUPPLEMENT',
            label: '法院指定的补正期限',
            period: { amount: 0, unit: 'day' },
            dayType: 'calendar',
            legalBasis: '民诉解释 第三百五十七条',
            confidence: 'V',
            anchor: { contextDate: 'supplementDueOn' },
            onExpiry: 'SUPPLEMENT_OVERDUE',
            metBy: ['SUBMIT_SUPPLEMENT'],
          },
        ],
      }),
      on: {
        SUBMIT_SUPPLEMENT: { target: 'registered', actions: 'clearSupplementDue' },
        SUPPLEMENT_OVERDUE: { target: 'deemedWithdrawn', actions: [report('DEEMED_WITHDRAWN')] },
        ...withdrawal,
      },
    },
    verification: {
      description: '通知双方当事人共同到场核实；无正当理由拒不接受询问的按撤回申请处理。',
      meta: meta({ label: '到场核实', labelEn: 'Joint verification', legalBasis: '民诉解释 第三百五十六条、第三百五十七条' }),
      on: {
        REQUEST_SUPPLEMENT: { target: 'supplementRequested', guard: 'supplementDueLater', actions: 'recordSupplementDue' },
        ...ruling,
        ...withdrawal,
      },
    },
    confirmed: {
      description: '裁定调解协议有效，待送达裁定书。',
      meta: meta({ label: '裁定协议有效', labelEn: 'Ruled valid', legalBasis: '民事诉讼法 第二百零六条' }),
      on: { SERVE_RULING: { target: 'objectionWindow', guard: 'servedNotInFuture', actions: 'recordService' } },
    },
    objectionWindow: {
      description: '当事人自收到裁定之日起十五日内可提出异议。',
      meta: meta({
        label: '异议期',
        labelEn: 'Objection window',
        legalBasis: '民诉解释 第三百七十二条',
        deadlines: [
          {
            id: 'D-JC4',
            label: '当事人异议期（收到裁定之日起十五日）',
            period: { amount: 15, unit: 'day' },
            dayType: 'calendar',
            legalBasis: '民诉解释 第三百七十二条',
            confidence: 'V',
            anchor: { contextDate: 'servedOn' },
            onExpiry: 'OBJECTION_PERIOD_ENDED',
            metBy: ['FILE_OBJECTION'],
          },
        ],
      }),
      on: {
        FILE_OBJECTION: { target: 'objectionReview' },
        OBJECTION_PERIOD_ENDED: { target: 'enforceable' },
      },
    },
    objectionReview: {
      description: '法院审查当事人异议。',
      meta: meta({ label: '异议审查', labelEn: 'Objection under review', legalBasis: '民诉解释 第三百七十二条' }),
      on: {
        REJECT_OBJECTION: { target: 'enforceable' },
        REVOKE_RULING: { target: 'revoked', actions: [report('REVOKED')] },
      },
    },
    enforceable: {
      description: '裁定生效；一方拒绝履行或未全部履行的，对方可申请强制执行（期间二年）。',
      meta: meta({
        label: '可申请执行',
        labelEn: 'Enforceable',
        legalBasis: '民事诉讼法 第二百零六条、第二百五十条',
        deadlines: [
          {
            id: 'D-EX1',
            label: '申请执行期间（履行期限届满之日起二年）',
            period: { amount: 2, unit: 'year' },
            dayType: 'calendar',
            legalBasis: '民事诉讼法 第二百五十条',
            confidence: 'V',
            anchor: { contextDate: 'performanceDueOn' },
            metBy: ['APPLY_ENFORCEMENT', 'RECORD_PERFORMED'],
          },
        ],
      }),
      on: {
        APPLY_ENFORCEMENT: { target: 'enforcementApplied' },
        RECORD_PERFORMED: { target: 'performed' },
      },
    },
    enforcementApplied: { type: 'final', meta: meta({ label: '已申请强制执行', labelEn: 'Enforcement applied for', legalBasis: '民事诉讼法 第二百五十条' }) },
    performed: { type: 'final', meta: meta({ label: '已履行结案', labelEn: 'Performed' }) },
    windowExpired: {
      type: 'final',
      description: '申请期限届满：当事人可就调解协议起诉或重新调解。',
      meta: meta({ label: '申请期限届满', labelEn: 'Window expired', legalBasis: '人民调解法 第三十三条' }),
    },
    returned: { type: 'final', meta: meta({ label: '已退回', labelEn: 'Returned to sender' }) },
    notAccepted: { type: 'final', meta: meta({ label: '裁定不予受理', labelEn: 'Not accepted', legalBasis: '民诉解释 第三百五十五条' }) },
    withdrawn: { type: 'final', meta: meta({ label: '撤回申请', labelEn: 'Withdrawn', legalBasis: '民诉解释 第三百五十七条' }) },
    deemedWithdrawn: { type: 'final', meta: meta({ label: '按撤回申请处理', labelEn: 'Deemed withdrawn', legalBasis: '民诉解释 第三百五十七条' }) },
    dismissed: {
      type: 'final',
      description: '裁定驳回申请：当事人可通过调解变更原协议或达成新协议，也可向人民法院起诉。',
      meta: meta({ label: '裁定驳回申请', labelEn: 'Dismissed', legalBasis: '民事诉讼法 第二百零六条' }),
    },
    revoked: { type: 'final', meta: meta({ label: '原裁定已撤销', labelEn: 'Ruling revoked', legalBasis: '民诉解释 第三百七十二条' }) },
  },
});
