import { assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { engineEffects, guardsFrom } from '../building-blocks';
import type { SubContext } from './sub.context';
import { SUSPENDABLE, subPreconditions } from './sub.preconditions';

export { SUSPENDABLE };

const meta = (m: StateMeta) => m;
const to = (path: string) => `#sub.${path}`;
const LAW = '人民调解法 第六条、第十六条';

/**
 * D-SUB1: claims are made in quarterly or annual cycles set locally [U]; a claim not submitted within the cycle is
 * marked missed (the local rule decides whether it lapses), so the period is configuration.
 */
const D_SUB1: DeadlineSpec = {
  id: 'D-SUB1',
  label: '以案定补申报期限（按季度或年度申报，地方规定）',
  period: { amount: 3, unit: 'month' },
  dayType: 'calendar',
  legalBasis: '人民调解法 第十六条；地方以案定补办法',
  confidence: 'U',
  soft: true,
  configKey: 'sub.claimPeriod',
  metBy: ['SUBMIT'],
  runsThrough: ['drafted'],
};

const suspend = (state: string) => ({ SUSPEND_FOR_FRAUD: { target: to('suspendedForFraud'), actions: [{ type: 'recordSuspension' as const, params: { state } }] } });
const review = (state: string, next: string, approve: string) => ({
  [approve]: { target: to(next) },
  RETURN_FOR_CORRECTION: { target: to('returned'), actions: 'recordReturn' as const },
  REJECT: { target: to('rejected'), actions: 'recordRejection' as const },
  ...suspend(state),
});

type Guard = (args: { context: SubContext; event: WorkflowEvent }, params?: any) => boolean;
const subGuards: Record<string, Guard> = {
  ...guardsFrom(subPreconditions),
  resumesWhereSuspended: ({ context }, params: { state: string }) => context.suspendedIn === params.state,
  callBackConfirmed: ({ event }) => event.data.result === 'CONFIRMED',
};

export const subMachine = setup({
  types: {} as { context: SubContext; events: WorkflowEvent; input: SubContext },
  guards: subGuards,
  actions: {
    ...engineEffects,
    recordTier: assign(({ context, event }) => ({ tier: typeof event.data.tier === 'string' ? event.data.tier : context.tier })),
    recordReturn: assign(({ event }) => ({ returnReason: String(event.data.reason) })),
    recordRejection: assign(({ event }) => ({ rejectReason: String(event.data.reason) })),
    markPicked: assign({ spotCheckPending: true }),
    markChecked: assign({ spotCheckPending: false, spotChecked: true }),
    recordApproval: assign(({ event }) => ({ approvedTier: String(event.data.tier) })),
    recordFunds: assign(({ event }) => ({
      approvedTier: String(event.data.tier),
      amount: String(event.data.amount),
      fundingSource: String(event.data.fundingSource),
      tariffVersion: String(event.data.tariffVersion),
    })),
    recordSuspension: assign((_args, params: { state: string }) => ({ suspendedIn: params.state })),
    clearSuspension: assign({ suspendedIn: undefined }),
  },
}).createMachine({
  id: 'sub',
  initial: 'eligible',
  context: ({ input }) => input,
  states: {
    eligible: {
      description: '引擎核验被申报案件符合补贴条件：调解成功、协议已履行、卷宗齐全、按要求回访、调解员已备案、已录入排查调处台账、未曾申报，且案件审计链校验通过。',
      meta: meta({ label: '符合申报条件', labelEn: 'Eligible', legalBasis: LAW, deadlines: [D_SUB1] }),
      on: { DRAFT: { target: to('drafted'), actions: 'recordTier' }, ...suspend('eligible') },
    },
    drafted: {
      description: '调解员填报补贴申请（一案一补、谁调解补助谁）。',
      meta: meta({ label: '调解员申报', labelEn: 'Drafted by the mediator', legalBasis: LAW }),
      on: { DRAFT: { actions: 'recordTier' }, SUBMIT: { target: to('orgReview') }, ...suspend('drafted') },
    },
    returned: {
      description: '审核机关退回补正，调解员补正后重新申报。',
      tags: ['subReturned'],
      meta: meta({ label: '退回补正', labelEn: 'Returned for correction' }),
      on: { RESUBMIT: { target: to('orgReview'), actions: 'recordTier' }, ...suspend('returned') },
    },
    orgReview: {
      description: '人民调解委员会初审：案件数量、调解员等级和申报档次是否属实。',
      tags: ['subOrgReview'],
      meta: meta({ label: '调委会初审', labelEn: 'Committee first review' }),
      on: review('orgReview', 'stationReview', 'ORG_APPROVE'),
    },
    stationReview: {
      description: '司法所复核卷宗。',
      meta: meta({ label: '司法所复核', labelEn: 'Justice office review' }),
      on: review('stationReview', 'bureauReview', 'STATION_APPROVE'),
    },
    bureauReview: {
      description: '县（区）司法局案件质量评查审定；可随机并按风险抽取部分申请回访核实。',
      meta: meta({ label: '司法局评查审定', labelEn: 'Bureau review' }),
      on: {
        SELECT_FOR_SPOT_CHECK: { target: to('spotCheck'), actions: 'markPicked' },
        BUREAU_APPROVE: { target: to('awaitingFunds'), guard: 'spotCheckCleared', actions: 'recordApproval' },
        RETURN_FOR_CORRECTION: { target: to('returned'), actions: 'recordReturn' },
        REJECT: { target: to('rejected'), actions: 'recordRejection' },
        ...suspend('bureauReview'),
      },
    },
    spotCheck: {
      description: '抽查回访：向当事人核实调解内容、结果和满意度。当事人称未经调解的，暂停该申请。',
      meta: meta({ label: '抽查回访', labelEn: 'Spot check' }),
      on: {
        RECORD_CALL_BACK: [
          { target: to('bureauReview'), guard: 'callBackConfirmed', actions: 'markChecked' },
          { target: to('suspendedForFraud'), actions: ['markChecked', { type: 'recordSuspension', params: { state: 'bureauReview' } }] },
        ],
        REJECT: { target: to('rejected'), actions: 'recordRejection' },
        ...suspend('spotCheck'),
      },
    },
    awaitingFunds: {
      description: '已审定，等待从年度预算中核定资金；预算不足的在此等待，追加预算后依次核定。',
      tags: ['subAwaitingFunds'],
      meta: meta({ label: '待核定资金', labelEn: 'Waiting for budget' }),
      on: { FUNDS_COMMITTED: { target: to('approved'), actions: 'recordFunds' }, REJECT: { target: to('rejected'), actions: 'recordRejection' }, ...suspend('awaitingFunds') },
    },
    approved: {
      description: '审定通过：档次、金额、资金来源已确定。',
      meta: meta({ label: '审定通过', labelEn: 'Approved' }),
      on: { PAY: { target: to('paid') }, ...suspend('approved') },
    },
    paid: {
      description: '通过财政支付平台直接支付至调解员账户。',
      meta: meta({ label: '已支付', labelEn: 'Paid' }),
      on: { PUBLISH: { target: to('published') }, ...suspend('paid') },
    },
    published: {
      description: '补贴情况已公示；事后发现虚报冒领的仍可暂停并追回。',
      meta: meta({ label: '已公示', labelEn: 'Published' }),
      on: { ...suspend('published') },
    },
    suspendedForFraud: {
      description: '涉嫌虚报冒领（虚假卷宗、重复申报等），暂停审核或支付，调查核实。',
      tags: ['subSuspended'],
      meta: meta({ label: '涉嫌虚报暂停', labelEn: 'Suspended for suspected fraud' }),
      on: {
        LIFT_SUSPENSION: SUSPENDABLE.map((state) => ({
          target: to(state),
          guard: { type: 'resumesWhereSuspended' as const, params: { state } },
          actions: 'clearSuspension' as const,
        })),
        CLAW_BACK: { target: to('clawedBack') },
      },
    },
    rejected: {
      type: 'final',
      description: '不予补贴，理由记录在案。',
      meta: meta({ label: '不予补贴', labelEn: 'Rejected' }),
    },
    clawedBack: {
      type: 'final',
      description: '查实虚报冒领：追回已发补贴，并依纪依法追究责任。',
      meta: meta({ label: '已追回', labelEn: 'Clawed back' }),
    },
  },
});
