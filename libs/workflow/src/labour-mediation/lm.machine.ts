import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { acceptTransfer, engineEffects, guardsFrom, report, returnTransfer } from '../building-blocks';
import type { LmContext } from './lm.context';
import { APPLICATION_STATES, lmPreconditions } from './lm.preconditions';

const meta = (m: StateMeta) => m;
const LAW = '劳动争议调解仲裁法';

/** 15 days from the organisation's receipt: without an agreement by then, a party may apply for arbitration. */
const D_LB1: DeadlineSpec = {
  id: 'D-LB1',
  label: '调解期限（调解组织收到调解申请之日起十五日）',
  period: { amount: 15, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第十四条`,
  confidence: 'V',
  anchor: { contextDate: 'receivedOn' },
  onExpiry: 'MEDIATION_PERIOD_ELAPSED',
  metBy: ['SIGN_AGREEMENT'],
  runsThrough: ['mediating'],
};

const D_LB2: DeadlineSpec = {
  id: 'D-LB2',
  label: '申请仲裁审查期限（调解协议生效之日起十五日）',
  period: { amount: 15, unit: 'day' },
  dayType: 'calendar',
  legalBasis: '劳动人事争议仲裁办案规则 第七十四条',
  confidence: 'S',
  anchor: { contextDate: 'agreementEffectiveOn' },
  metBy: ['APPLY_ARBITRAL_REVIEW'],
};

/** States an application for arbitration may be made from (R12); a returned application goes back there. */
const ARBITRATION_FROM = APPLICATION_STATES as readonly ('applied' | 'mediating' | 'failed' | 'notPerformed')[];

const applyArbitration = (state: (typeof ARBITRATION_FROM)[number]) => ({
  APPLY_ARBITRATION: { target: 'arbitrationApplied', guard: 'arbitrationOpen', actions: [{ type: 'recordArbitrationFrom' as const, params: { state } }] },
});

const elapsed = { MEDIATION_PERIOD_ELAPSED: { actions: 'markPeriodElapsed' } } as const;

type Guard = (args: { context: LmContext; event: WorkflowEvent }, params?: any) => boolean;

/**
 * The legal preconditions as guards. `returnsWhereApplied` also picks a branch with XState guard params: the
 * precondition says the case records where the application was made from, the params say which state a branch is.
 */
const lmGuards: Record<string, Guard> = {
  ...guardsFrom(lmPreconditions),
  returnsWhereApplied: ({ context }, params: { state: string }) => context.arbitrationFrom === params.state,
};

export const lmMachine = setup({
  types: {} as { context: LmContext; events: WorkflowEvent; input: LmContext },
  guards: lmGuards,
  actions: {
    ...engineEffects,
    acceptApplication: assign(({ context, event }) => ({
      mediatorId: String(event.data.mediatorId),
      workerPartyIds:
        Array.isArray(event.data.workerPartyIds) && event.data.workerPartyIds.length ? (event.data.workerPartyIds as string[]) : context.workerPartyIds,
    })),
    noteSession: assign({ lastSessionOn: ({ event }) => String(event.data.heldOn) }),
    recordAgreement: assign({
      agreementEffectiveOn: ({ event }) => String(event.data.effectiveOn),
      performanceDueOn: ({ event }) => (typeof event.data.performanceDueOn === 'string' ? event.data.performanceDueOn : undefined),
    }),
    markFailed: assign({ failed: true }),
    markPeriodElapsed: assign({ periodElapsed: true }),
    markNotPerformed: assign({ notPerformed: true }),
    recordArbitrationFrom: assign((_args, params: { state: string }) => ({ arbitrationFrom: params.state })),
    clearArbitrationFrom: assign({ arbitrationFrom: undefined }),
  },
}).createMachine({
  id: 'lm',
  initial: 'applied',
  context: ({ input }) => input,
  states: {
    applied: {
      description: '劳动争议调解组织收到书面或口头调解申请（口头申请的当场记录）；调解申请中断仲裁时效。自收到申请之日起十五日内未达成协议的，当事人可以申请仲裁。',
      tags: ['inbox'],
      meta: meta({ label: '已申请调解', labelEn: 'Mediation applied for', legalBasis: `${LAW} 第十二条、第十四条、第二十七条`, deadlines: [D_LB1] }),
      on: {
        ACCEPT_APPLICATION: { target: 'mediating', actions: ['acceptApplication', acceptTransfer] },
        DECLINE: { target: 'declined', actions: [returnTransfer('reason')] },
        ...elapsed,
        ...applyArbitration('applied'),
      },
    },
    mediating: {
      description: '调解员充分听取双方陈述，耐心疏导，帮助其达成协议。',
      meta: meta({ label: '调解中', labelEn: 'In mediation', legalBasis: `${LAW} 第十三条` }),
      on: {
        RECORD_SESSION: { actions: 'noteSession' },
        SIGN_AGREEMENT: { target: 'agreed', guard: and(['agreementSignedAndSealed', 'effectiveNotInFuture']), actions: ['recordAgreement', report('AGREED')] },
        FAIL: { target: 'failed', actions: ['markFailed', report('FAILED')] },
        WITHDRAW: { target: 'withdrawn', actions: [report('WITHDRAWN')] },
        ...elapsed,
        ...applyArbitration('mediating'),
      },
    },
    agreed: {
      description: '调解协议书经双方当事人签名或者盖章、调解员签名并加盖调解组织印章后生效，对双方当事人具有约束力；双方可自生效之日起十五日内共同申请仲裁审查。',
      meta: meta({ label: '调解协议生效', labelEn: 'Agreement in effect', legalBasis: `${LAW} 第十四条；劳动人事争议仲裁办案规则 第七十四条`, deadlines: [D_LB2] }),
      // No APPLY_ARBITRATION: an agreement in effect opens arbitration only once it is not performed (第十五条).
      on: {
        APPLY_ARBITRAL_REVIEW: { target: 'arbitralReview', guard: and(['jointReviewApplication', 'withinReviewWindow']) },
        RECORD_PERFORMED: { target: 'performed', guard: 'performedNotInFuture', actions: [report('PERFORMED')] },
        RECORD_NOT_PERFORMED: { target: 'notPerformed', guard: 'performanceOverdue', actions: ['markNotPerformed', report('NOT_PERFORMED')] },
      },
    },
    arbitralReview: {
      description: '双方已共同向仲裁委员会申请审查调解协议；审查通过的出具调解书，可申请人民法院执行。',
      meta: meta({ label: '仲裁审查中', labelEn: 'Arbitral review pending', legalBasis: '劳动人事争议仲裁办案规则 第七十四条至第七十八条' }),
      on: {
        REVIEW_CONFIRMED: { target: 'reviewConfirmed', actions: [report('REVIEW_CONFIRMED')] },
        REVIEW_REFUSED: { target: 'agreed' },
      },
    },
    notPerformed: {
      description: '达成调解协议后，一方当事人在协议约定期限内不履行：另一方当事人可以依法申请仲裁（拖欠劳动报酬等事项还可申请支付令）。',
      tags: ['arbitrationOpen'],
      meta: meta({ label: '协议未履行', labelEn: 'Agreement not performed', legalBasis: `${LAW} 第十五条、第十六条` }),
      on: {
        ...applyArbitration('notPerformed'),
        RECORD_PERFORMED: { target: 'performed', guard: 'performedNotInFuture', actions: [report('PERFORMED')] },
        CLOSE: { target: 'closed' },
      },
    },
    failed: {
      description: '调解不成：当事人可以依法申请仲裁。',
      tags: ['arbitrationOpen'],
      meta: meta({ label: '调解不成', labelEn: 'Mediation failed', legalBasis: `${LAW} 第五条、第十四条` }),
      on: { ...applyArbitration('failed'), CLOSE: { target: 'closed' } },
    },
    arbitrationApplied: {
      description: '已将仲裁申请移送劳动人事争议仲裁委员会，待其签收；退回的回到申请前的阶段。',
      meta: meta({ label: '已申请仲裁待签收', labelEn: 'Arbitration applied for, awaiting the commission', legalBasis: `${LAW} 第五条、第二十八条` }),
      on: {
        ARBITRATION_ACCEPTED: { target: 'arbitration', actions: [report('TO_ARBITRATION')] },
        ARBITRATION_RETURNED: ARBITRATION_FROM.map((state) => ({ target: state, guard: { type: 'returnsWhereApplied' as const, params: { state } }, actions: ['clearArbitrationFrom' as const] })),
      },
    },
    arbitration: {
      type: 'final',
      description: '争议已转入劳动人事争议仲裁。',
      meta: meta({ label: '已转入劳动仲裁', labelEn: 'Sent to arbitration', legalBasis: `${LAW} 第五条` }),
    },
    reviewConfirmed: {
      type: 'final',
      description: '仲裁委员会已出具调解书；一方逾期不履行的，另一方可以申请人民法院执行。',
      meta: meta({ label: '已出具仲裁调解书', labelEn: 'Mediation document issued on review', legalBasis: '劳动人事争议仲裁办案规则 第七十六条' }),
    },
    performed: { type: 'final', meta: meta({ label: '协议已履行', labelEn: 'Performed' }) },
    declined: { type: 'final', meta: meta({ label: '不予受理', labelEn: 'Declined', legalBasis: `${LAW} 第十条` }) },
    withdrawn: { type: 'final', meta: meta({ label: '撤回调解申请', labelEn: 'Withdrawn' }) },
    closed: { type: 'final', meta: meta({ label: '结案', labelEn: 'Closed' }) },
  },
});
