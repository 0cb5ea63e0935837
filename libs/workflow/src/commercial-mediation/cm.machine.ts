import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { acceptTransfer, confirmationWindow, engineEffects, guardsFrom, report, returnTransfer } from '../building-blocks';
import type { CmContext } from './cm.context';
import { cmPreconditions, REGULATION } from './cm.preconditions';

const meta = (m: StateMeta) => m;

const D_EX1: DeadlineSpec = {
  id: 'D-EX1',
  label: '申请执行期间（履行期限届满之日起二年）',
  period: { amount: 2, unit: 'year' },
  dayType: 'calendar',
  legalBasis: '民事诉讼法 第二百五十条',
  confidence: 'V',
  anchor: { contextDate: 'performanceDueOn' },
  metBy: ['APPLY_ENFORCEMENT', 'RECORD_PERFORMED'],
};

type Args = { context: CmContext; event: WorkflowEvent };
const data = (event: WorkflowEvent, field: string) => (typeof event.data[field] === 'string' ? (event.data[field] as string) : undefined);

const performed = { RECORD_PERFORMED: { target: 'performed', guard: 'performedNotInFuture', actions: 'recordClosure' } } as const;

export const cmMachine = setup({
  types: {} as { context: CmContext; events: WorkflowEvent; input: CmContext },
  guards: guardsFrom(cmPreconditions),
  actions: {
    ...engineEffects,
    recordAcceptance: assign({ mediatorId: ({ event }: Args) => String(event.data.mediatorId), matterType: ({ event }: Args) => String(event.data.matterType) }),
    recordSession: assign({ lastSessionOn: ({ event }: Args) => String(event.data.heldOn) }),
    recordAgreement: assign({
      agreementEffectiveOn: ({ event }: Args) => String(event.data.effectiveOn),
      performanceDueOn: ({ event }: Args) => data(event, 'performanceDueOn'),
    }),
    markConfirmed: assign({ confirmed: true }),
    markNotConfirmed: assign({ confirmed: false }),
    recordClosure: assign({ closedOn: ({ event }: Args) => data(event, 'appliedOn') ?? data(event, 'performedOn') ?? event.today }),
  },
}).createMachine({
  id: 'cm',
  initial: 'applied',
  context: ({ input }) => input,
  states: {
    applied: {
      description: '商事调解组织收到调解申请：商事调解条例施行后收到的商事纠纷申请方可受理。',
      tags: ['inbox'],
      meta: meta({ label: '已申请调解', labelEn: 'Applied', legalBasis: `${REGULATION} 第二条、第三十三条` }),
      on: {
        ACCEPT: { target: 'mediating', guard: and(['regulationInForce', 'commercialMatter']), actions: ['recordAcceptance', acceptTransfer] },
        DECLINE: { target: 'declined', actions: [returnTransfer('reason'), report('DECLINED')] },
      },
    },
    mediating: {
      description: '调解员主持调解；达成协议的，各方当事人签名或者盖章后生效；未达成协议或一方退出的，调解终止。',
      meta: meta({ label: '调解中', labelEn: 'Mediating', legalBasis: REGULATION }),
      on: {
        RECORD_SESSION: { guard: 'heldNotInFuture', actions: 'recordSession' },
        SIGN_AGREEMENT: { target: 'agreed', guard: and(['everyPartySigned', 'effectiveNotInFuture']), actions: ['recordAgreement', report('AGREED')] },
        FAIL: { target: 'failed', actions: ['recordClosure', report('FAILED')] },
      },
    },
    agreed: {
      description: '调解协议已生效；双方当事人可以自协议生效之日起三十日内共同向人民法院申请司法确认。办理公证赋予强制执行效力、申请仲裁确认等其他转化途径的规则尚未核实，本渠道不提供。',
      meta: meta({
        label: '调解协议已生效',
        labelEn: 'Agreement in effect',
        legalBasis: `${REGULATION} 第二十三条；民事诉讼法 第二百零五条`,
        deadlines: [confirmationWindow('CONFIRMATION_WINDOW_ENDED', ['APPLY_JUDICIAL_CONFIRMATION'])],
      }),
      on: {
        // The route table (R25) opens the application at the court named in the event data.
        APPLY_JUDICIAL_CONFIRMATION: { target: 'judicialConfirmation', guard: and(['jointApplication', 'withinConfirmationWindow']) },
        CONFIRMATION_WINDOW_ENDED: { target: 'unconfirmed' },
        ...performed,
      },
    },
    judicialConfirmation: {
      description: '已向人民法院申请司法确认，等待法院签收、审查和裁定。',
      meta: meta({ label: '司法确认中', labelEn: 'Judicial confirmation pending', legalBasis: '民事诉讼法 第二百零五条、第二百零六条' }),
      on: {
        JC_CONFIRMED: { target: 'confirmed', actions: ['markConfirmed', report('CONFIRMED')] },
        JC_NOT_CONFIRMED: { target: 'unconfirmed' },
        JC_RETURNED: { target: 'agreed' },
      },
    },
    confirmed: {
      description: '人民法院裁定调解协议有效：一方拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行。',
      meta: meta({ label: '司法确认有效', labelEn: 'Confirmed by the court', legalBasis: '民事诉讼法 第二百零六条', deadlines: [D_EX1] }),
      on: {
        // The confirmation was revoked on an objection (民诉解释 第三百七十二条): the agreement is no longer enforceable.
        JC_NOT_CONFIRMED: { target: 'unconfirmed', actions: 'markNotConfirmed' },
        APPLY_ENFORCEMENT: { target: 'enforcement', actions: 'recordClosure' },
        ...performed,
      },
    },
    unconfirmed: {
      description: '调解协议未经司法确认：协议对当事人有约束力，但不能直接申请强制执行；一方不履行的，对方可以就协议向人民法院起诉。',
      meta: meta({ label: '协议未经司法确认', labelEn: 'Agreement not confirmed', legalBasis: '民法典 第四百六十五条' }),
      on: { ...performed, CLOSE: { target: 'closed', actions: 'recordClosure' } },
    },
    declined: { type: 'final', meta: meta({ label: '不予受理', labelEn: 'Declined', legalBasis: `${REGULATION} 第二条、第三十三条` }) },
    failed: {
      type: 'final',
      description: '调解不成：当事人可以依仲裁协议申请仲裁，或者向人民法院起诉。',
      meta: meta({ label: '调解不成', labelEn: 'Mediation failed' }),
    },
    performed: { type: 'final', meta: meta({ label: '已履行结案', labelEn: 'Performed' }) },
    enforcement: { type: 'final', meta: meta({ label: '已申请强制执行', labelEn: 'Enforcement applied for', legalBasis: '民事诉讼法 第二百零六条、第二百五十条' }) },
    closed: { type: 'final', meta: meta({ label: '结案', labelEn: 'Closed' }) },
  },
});
