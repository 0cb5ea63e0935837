import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { acceptTransfer, engineEffects, guardsFrom, pauseDeadlines, report, resumeDeadlines, returnTransfer } from '../building-blocks';
import { arbitrationObjection, dismissedForArbitration } from './ct.arbitration-agreement';
import type { CtContext, Procedure } from './ct.context';
import { ctPreconditions, mediationPeriodId } from './ct.preconditions';

const meta = (m: StateMeta) => m;
/** Targets are absolute: most states sit in a parent, and their transitions lead out of it. */
const at = (path: string) => `#ct.${path}`;

const TYTJ = '最高人民法院关于人民法院特邀调解的规定';
const REFORM_OPINION = '最高人民法院关于严格依法规范民事案件立案与调解工作的意见';

/** `iso` plus `days` calendar days (no roll-forward: the judgment counts its performance days as written). */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// ---------- the first-instance trial periods (D-CT5 / D-CT6) ----------

/** States between registration and judgment that the first-instance trial period runs through, whatever the procedure. */
const BEFORE_TRIAL = [
  'mediationConsent',
  'entrustment.consented',
  'entrustment.awaitingReceipt',
  'entrusted.mediating',
  'entrusted.extended',
  'agreed',
  'feePending.toNotify',
  'feePending.noticed',
];
/** Events that conclude the first instance: the period is met when one of them ends it in time. */
const CONCLUDES_FIRST_INSTANCE = ['JUDGE', 'MEDIATION_DOC_SIGNED', 'WITHDRAW_SUIT', 'RECORD_IMMEDIATE_PERFORMANCE', 'FEE_OVERDUE'];
/** The extended entrusted mediation is not counted in the trial period (特邀规定 第二十七条; 2025 意见 三). */
const TRIAL_PERIODS = ['D-CT5', 'D-CT6'];

const simpleTrialPeriod: DeadlineSpec = {
  id: 'D-CT5',
  label: '简易程序审理期限（立案之日起三个月，延长的委托调解期间不计入）',
  period: { amount: 3, unit: 'month' },
  dayType: 'calendar',
  legalBasis: `民事诉讼法 第一百六十四条；${TYTJ} 第二十七条`,
  confidence: 'V',
  anchor: { contextDate: 'simpleTrialFrom' },
  soft: true,
  metBy: CONCLUDES_FIRST_INSTANCE,
  // Not through trial.ordinary: a conversion ends it, and the ordinary period then runs from registration.
  runsThrough: [...BEFORE_TRIAL, 'trial.simple'],
};

const ordinaryTrialPeriod = (runsThrough: string[], metBy: string[]): DeadlineSpec => ({
  id: 'D-CT6',
  label: '普通程序审理期限（立案之日起六个月，延长的委托调解期间不计入）',
  period: { amount: 6, unit: 'month' },
  dayType: 'calendar',
  legalBasis: `民事诉讼法 第一百五十二条；${TYTJ} 第二十七条；最高人民法院关于适用《中华人民共和国民事诉讼法》的解释 第二百五十八条`,
  confidence: 'V',
  anchor: { contextDate: 'ordinaryTrialFrom' },
  soft: true,
  metBy,
  ...(runsThrough.length ? { runsThrough } : {}),
});

// ---------- the entrusted-mediation periods (D-CT2 / D-CT3) ----------

const MEDIATION_ENDS = ['MEDIATION_AGREED', 'MEDIATION_FAILED', 'ENTRUSTMENT_RETURNED'];

// Whether 民诉法 第八十五条's roll-forward applies to court mediation periods is open (spec, open question 9): the
// raw date is kept, as the scenarios show it.
const entrustedPeriod = (procedure: Procedure): DeadlineSpec => ({
  id: procedure === 'SIMPLE' ? 'D-CT2-SIMPLE' : 'D-CT2-ORDINARY',
  label: procedure === 'SIMPLE' ? '委托调解期限（简易程序七日，自调解员签收材料之日起）' : '委托调解期限（普通程序十五日，自调解员签收材料之日起）',
  period: { amount: procedure === 'SIMPLE' ? 7 : 15, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${TYTJ} 第二十七条；人民法院在线调解规则 第二十四条；${REFORM_OPINION} 三`,
  confidence: 'V',
  anchor: { contextDate: procedure === 'SIMPLE' ? 'simpleMediationFrom' : 'ordinaryMediationFrom' },
  onExpiry: 'MEDIATION_PERIOD_EXPIRED',
  metBy: MEDIATION_ENDS,
  rollForward: false,
});

// ---------- reusable transitions ----------

const judgeAssignment = { ASSIGN_JUDGE: { actions: 'recordJudge' } } as const;

// The plaintiff may withdraw at any time before judgment (民事诉讼法 第一百四十八条), while the case is entrusted for mediation
// too: the route (R8) then ends the entrustment at the mediation organisation.
const plainWithdrawal = { WITHDRAW_SUIT: { target: at('withdrawn'), actions: ['recordWithdrawal', report('WITHDRAWN')] } } as const;

// Before registration the plaintiff may stop pursuing a delegated complaint at any point (特邀调解规定 第二十一条); the route
// (R8L) then ends the delegation at the mediation organisation.
const complaintWithdrawal = { WITHDRAW_COMPLAINT: { target: at('complaintWithdrawn'), actions: ['recordClosure', report('WITHDRAWN')] } } as const;

const registration = {
  REGISTER: {
    target: at('registered'),
    guard: and(['registeredNotInFuture', 'labourArbitratedFirst', 'employerCannotSueOnFinalAward', 'landRightsDeterminedFirst']),
    // Signing for a transferred complaint is registering it (立案登记制).
    actions: ['recordRegistration', acceptTransfer, report('REGISTERED')],
  },
  NOT_ACCEPT: { target: at('notAccepted'), guard: 'servedNotInFuture', actions: ['recordNonAcceptance', returnTransfer('reason')] },
  REDIRECT: { target: at('redirected'), actions: [returnTransfer('reason')] },
} as const;

const mediationEnded = {
  MEDIATION_AGREED: { target: at('agreed'), actions: 'recordAgreement' },
  MEDIATION_FAILED: { target: at('feePending.toNotify') },
  ENTRUSTMENT_RETURNED: { target: at('feePending.toNotify') },
} as const;

const mediationDocument = {
  MEDIATION_DOC_SIGNED: {
    target: at('settledByMediationDoc'),
    guard: and(['bothPartiesSignedMediationDoc', 'signedNotInFuture']),
    actions: ['recordMediationDoc', report('SETTLED', { closure: 'MEDIATION_DOC' })],
  },
} as const;

const enforceable = {
  APPLY_ENFORCEMENT: { target: at('enforcement'), actions: 'recordClosure' },
  RECORD_PERFORMED: { target: at('performed'), actions: 'recordClosure' },
} as const;

const enforcementPeriod: DeadlineSpec = {
  id: 'D-EX1',
  label: '申请执行期间（履行期限最后一日起二年）',
  period: { amount: 2, unit: 'year' },
  dayType: 'calendar',
  legalBasis: '民事诉讼法 第二百五十条',
  confidence: 'V',
  anchor: { contextDate: 'performanceDueOn' },
  metBy: ['APPLY_ENFORCEMENT', 'RECORD_PERFORMED'],
};

type Args = { context: CtContext; event: WorkflowEvent };
const data = (event: WorkflowEvent, field: string) => (typeof event.data[field] === 'string' ? (event.data[field] as string) : undefined);

export const ctMachine = setup({
  types: {} as { context: CtContext; events: WorkflowEvent; input: CtContext },
  guards: guardsFrom(ctPreconditions),
  actions: {
    pauseDeadlines: (_args: unknown, _params: { specIds: string[] }) => undefined,
    resumeDeadlines: (_args: unknown, _params: { specIds: string[] }) => undefined,
    ...engineEffects,
    recordRegistration: assign(({ event }: Args) => {
      const registeredOn = String(event.data.registeredOn);
      const procedure = event.data.procedure as Procedure;
      return {
        docketNo: String(event.data.docketNo),
        registeredOn,
        procedure,
        simpleTrialFrom: procedure === 'SIMPLE' ? registeredOn : undefined,
        ordinaryTrialFrom: procedure === 'ORDINARY' ? registeredOn : undefined,
      };
    }),
    recordNonAcceptance: assign({ nonAcceptanceServedOn: ({ event }: Args) => String(event.data.servedOn) }),
    recordOrderedAcceptance: assign({
      registrationDueFrom: ({ event }: Args) => String(event.data.orderReceivedOn),
      nonAcceptanceServedOn: undefined,
    }),
    recordDelegation: assign({ mediationOrgId: ({ event }: Args) => String(event.data.mediationOrgId) }),
    recordPreFilingReceipt: assign({ preFilingReceivedOn: ({ event }: Args) => data(event, 'reportedOn') ?? event.today }),
    recordJudge: assign({ judgeId: ({ event }: Args) => String(event.data.judgeId) }),
    recordConsent: assign({ mediationConsentedOn: ({ event }: Args) => String(event.data.consentedOn) }),
    recordEntrustment: assign({
      mediationOrgId: ({ event }: Args) => String(event.data.mediationOrgId),
      entrustedOn: ({ event }: Args) => data(event, 'entrustedOn') ?? event.today,
    }),
    clearEntrustment: assign({ mediationOrgId: undefined, entrustedOn: undefined }),
    recordMediatorReceipt: assign(({ context, event }: Args) => {
      const signedOn = data(event, 'reportedOn') ?? event.today;
      return {
        mediatorSignedOn: signedOn,
        simpleMediationFrom: context.procedure === 'SIMPLE' ? signedOn : undefined,
        ordinaryMediationFrom: context.procedure === 'SIMPLE' ? undefined : signedOn,
      };
    }),
    // The 30 days run on from the end of the first period, whenever within it the parties agreed (2025 意见 三).
    recordExtension: assign({ extensionFrom: ({ context, event }: Args) => event.deadlines[mediationPeriodId(context)] ?? event.today }),
    recordAgreement: assign({ agreementReachedOn: ({ event }: Args) => data(event, 'reportedOn') ?? event.today }),
    recordFeeNotice: assign({ feeNoticeReceivedOn: ({ event }: Args) => String(event.data.noticeReceivedOn) }),
    recordFeePayment: assign({
      feePaidOn: ({ event }: Args) => String(event.data.paidOn),
      feeRelief: ({ event }: Args) => event.data.relief as CtContext['feeRelief'],
    }),
    recordConversion: assign({ procedure: 'ORDINARY' as const, ordinaryTrialFrom: ({ context }: Args) => context.registeredOn }),
    recordJudgment: assign({
      judgedOn: ({ event }: Args) => String(event.data.judgedOn),
      performanceDays: ({ event }: Args) => (typeof event.data.performanceDays === 'number' ? event.data.performanceDays : undefined),
    }),
    recordJudgmentService: assign({ judgmentServedOn: ({ event }: Args) => String(event.data.servedOn) }),
    recordAppeal: assign({ appealedOn: ({ event }: Args) => String(event.data.appealedOn) }),
    recordAppealRegistration: assign({ appealRegisteredOn: ({ event }: Args) => String(event.data.registeredOn) }),
    // The judgment takes effect the day after the appeal period's last day (民诉法 第一百五十八条).
    recordFirstInstanceFinal: assign(({ context, event }: Args) => {
      const due = event.deadlines['D-CT7'];
      const effectiveOn = due ? addDays(due, 1) : event.today;
      return {
        effectiveOn,
        performanceDueOn: context.performanceDays !== undefined ? addDays(effectiveOn, context.performanceDays) : undefined,
      };
    }),
    recordSecondInstanceFinal: assign(({ context, event }: Args) => {
      const effectiveOn = String(event.data.servedOn);
      const stated = data(event, 'performanceDueOn');
      return {
        effectiveOn,
        performanceDueOn: stated ?? (context.performanceDays !== undefined ? addDays(effectiveOn, context.performanceDays) : undefined),
      };
    }),
    recordRemand: assign({
      procedure: 'ORDINARY' as const,
      simpleTrialFrom: undefined,
      ordinaryTrialFrom: ({ event }: Args) => String(event.data.reRegisteredOn),
      remandedOn: ({ event }: Args) => String(event.data.reRegisteredOn),
      judgedOn: undefined,
      performanceDays: undefined,
      judgmentServedOn: undefined,
      appealedOn: undefined,
      appealRegisteredOn: undefined,
    }),
    recordMediationDoc: assign({
      mediationDocSignedOn: ({ event }: Args) => String(event.data.signedOn),
      performanceDueOn: ({ event }: Args) => data(event, 'performanceDueOn'),
      feeHalved: true,
      closedOn: ({ event }: Args) => String(event.data.signedOn),
    }),
    recordSettlement: assign({ feeHalved: true, closedOn: ({ event }: Args) => data(event, 'ruledOn') ?? data(event, 'performedOn') ?? event.today }),
    recordWithdrawal: assign({ feeHalved: true, closedOn: ({ event }: Args) => data(event, 'ruledOn') ?? event.today }),
    recordClosure: assign({ closedOn: ({ event }: Args) => data(event, 'appliedOn') ?? data(event, 'performedOn') ?? event.today }),
  },
}).createMachine({
  id: 'ct',
  initial: 'complaintSubmitted',
  context: ({ input }) => input,
  states: {
    complaintSubmitted: {
      description:
        '原告起诉，法院收到起诉状。符合起诉条件的，应当在七日内登记立案；不符合的，七日内裁定不予受理；属于第一百二十七条情形的，告知另循途径。自2025年1月1日起不得未经立案先行调解。',
      tags: ['inbox', 'awaitingRegistration'],
      meta: meta({
        label: '已起诉',
        labelEn: 'Complaint submitted',
        legalBasis: '民事诉讼法 第一百二十二条、第一百二十六条、第一百二十七条',
        deadlines: [
          {
            id: 'D-CT1',
            label: '立案或裁定不予受理期限（收到起诉状之日起七日）',
            period: { amount: 7, unit: 'day' },
            dayType: 'calendar',
            legalBasis: '民事诉讼法 第一百二十六条',
            confidence: 'V',
            anchor: { contextDate: 'registrationDueFrom' },
            soft: true,
            metBy: ['REGISTER', 'NOT_ACCEPT', 'REDIRECT', 'DELEGATE_PRE_FILING'],
          },
        ],
      }),
      on: {
        ...registration,
        // Only for complaints received before 2025-01-01, or by configuration (2025 意见: no mediation before registration).
        DELEGATE_PRE_FILING: {
          target: at('legacy.awaitingReceipt'),
          guard: and(['legacyPreFilingAllowed', 'allPartiesConsentToDelegation']),
          actions: 'recordDelegation',
        },
      },
    },

    legacy: {
      description: '2025年1月1日前的诉前委派调解（诉前调）：经当事人同意，立案前委派特邀调解组织调解，三十日；调解不成的，当事人坚持起诉的依法登记立案。',
      meta: meta({ label: '诉前委派调解（2025年前）', labelEn: 'Legacy pre-filing delegation', legalBasis: `${TYTJ} 第十一条、第二十一条、第二十七条` }),
      initial: 'awaitingReceipt',
      states: {
        awaitingReceipt: {
          description: '已委派，待调解组织签收材料；调解期限自签收之日起计算。',
          tags: ['underMediation'],
          meta: meta({ label: '已委派待签收', labelEn: 'Delegated, awaiting the mediator’s receipt', legalBasis: `${TYTJ} 第二十七条` }),
          on: {
            MEDIATOR_SIGNED: { target: at('legacy.preFilingDelegated'), actions: 'recordPreFilingReceipt' },
            ENTRUSTMENT_RETURNED: { target: at('legacy.preFilingFailed') },
            ...complaintWithdrawal,
          },
        },
        preFilingDelegated: {
          description: '诉前委派调解中，调解期限三十日（双方同意延长的不受此限）。',
          tags: ['underMediation'],
          meta: meta({
            label: '诉前委派调解中',
            labelEn: 'Pre-filing delegated mediation',
            legalBasis: `${TYTJ} 第二十七条；人民法院在线调解规则 第二十四条`,
            deadlines: [
              {
                id: 'D-CT-L1',
                label: '诉前委派调解期限（调解员签收材料之日起三十日）',
                period: { amount: 30, unit: 'day' },
                dayType: 'calendar',
                legalBasis: `${TYTJ} 第二十七条；人民法院在线调解规则 第二十四条`,
                confidence: 'V',
                anchor: { contextDate: 'preFilingReceivedOn' },
                onExpiry: 'PRE_FILING_PERIOD_EXPIRED',
                metBy: MEDIATION_ENDS,
                rollForward: false,
              },
            ],
          }),
          on: {
            MEDIATION_AGREED: { target: at('legacyAgreed'), actions: ['recordAgreement', report('SETTLED', { closure: 'PRE_FILING_AGREEMENT' })] },
            MEDIATION_FAILED: { target: at('legacy.preFilingFailed') },
            ENTRUSTMENT_RETURNED: { target: at('legacy.preFilingFailed') },
            PRE_FILING_PERIOD_EXPIRED: { target: at('legacy.preFilingFailed') },
            ...complaintWithdrawal,
          },
        },
        preFilingFailed: {
          description: '诉前调解不成，起诉材料移送法院；当事人坚持起诉的，人民法院应当依法登记立案。',
          tags: ['awaitingRegistration'],
          meta: meta({
            label: '诉前调解不成',
            labelEn: 'Pre-filing mediation failed',
            legalBasis: `${TYTJ} 第二十一条；人民法院在线调解规则 第二十一条`,
            deadlines: [
              {
                id: 'D-CT1',
                label: '诉前调解不成后的立案期限（七日）',
                period: { amount: 7, unit: 'day' },
                dayType: 'calendar',
                legalBasis: `民事诉讼法 第一百二十六条；${TYTJ} 第二十一条`,
                confidence: 'U',
                configKey: 'ct.registrationAfterPreFiling',
                soft: true,
                metBy: ['REGISTER', 'NOT_ACCEPT', 'REDIRECT', 'WITHDRAW_COMPLAINT'],
              },
            ],
          }),
          on: {
            ...registration,
            ...complaintWithdrawal,
          },
        },
      },
    },

    // Ending states sit at the top level: XState marks a case done only when it enters a top-level final state.
    legacyAgreed: {
      type: 'final',
      description: '诉前调解达成协议，调解协议自当事人签名之日起生效；可申请司法确认。',
      meta: meta({ label: '诉前调解达成协议', labelEn: 'Pre-filing agreement reached', legalBasis: `${TYTJ} 第十九条、第二十四条` }),
    },
    complaintWithdrawn: {
      type: 'final',
      meta: meta({ label: '不再坚持起诉', labelEn: 'Complaint not pursued', legalBasis: `${TYTJ} 第二十一条` }),
    },
    notAccepted: {
      description: '已裁定不予受理；原告可自裁定书送达之日起十日内上诉。',
      meta: meta({
        label: '裁定不予受理（上诉期）',
        labelEn: 'Not accepted (appeal window)',
        legalBasis: '民事诉讼法 第一百二十六条、第一百五十七条、第一百七十一条',
        deadlines: [
          {
            id: 'D-CT7-RULING',
            label: '不予受理裁定上诉期（裁定书送达之日起十日）',
            period: { amount: 10, unit: 'day' },
            dayType: 'calendar',
            legalBasis: '民事诉讼法 第一百七十一条',
            confidence: 'V',
            anchor: { contextDate: 'nonAcceptanceServedOn' },
            onExpiry: 'RULING_APPEAL_PERIOD_ENDED',
            metBy: ['APPEAL_RULING'],
          },
        ],
      }),
      on: {
        APPEAL_RULING: { target: at('notAcceptedAppeal'), guard: 'rulingAppealInTime' },
        RULING_APPEAL_PERIOD_ENDED: { target: at('notAcceptedFinal'), actions: [report('NOT_ACCEPTED')] },
      },
    },
    notAcceptedAppeal: {
      description: '原告对不予受理裁定上诉，二审审查；裁定有错误的，撤销原裁定并指令立案受理。',
      meta: meta({ label: '不予受理裁定上诉中', labelEn: 'Non-acceptance under appeal', legalBasis: `民事诉讼法 第一百八十三条；最高人民法院关于适用《中华人民共和国民事诉讼法》的解释 第三百三十条` }),
      on: {
        UPHOLD_NON_ACCEPTANCE: { target: at('notAcceptedFinal'), actions: [report('NOT_ACCEPTED')] },
        ORDER_ACCEPTANCE: { target: at('complaintSubmitted'), actions: 'recordOrderedAcceptance' },
      },
    },
    notAcceptedFinal: {
      type: 'final',
      meta: meta({ label: '不予受理裁定生效', labelEn: 'Non-acceptance final', legalBasis: '民事诉讼法 第一百五十八条' }),
    },
    redirected: {
      type: 'final',
      description: '告知原告另循途径：行政诉讼、仲裁（含劳动仲裁）、其他机关处理或有管辖权的法院。',
      meta: meta({ label: '告知另循途径', labelEn: 'Redirected', legalBasis: '民事诉讼法 第一百二十七条' }),
    },
    dismissedForArbitration,

    registered: {
      description: '已登记立案（民初），审理期限自立案之日起计算。经当事人同意可委托调解；不适宜调解或当事人拒绝调解的，通知交费后转入审理。',
      meta: meta({
        label: '已立案（民初）',
        labelEn: 'Registered',
        legalBasis: `民事诉讼法 第一百二十五条、第一百二十六条；${REFORM_OPINION} 二`,
        deadlines: [simpleTrialPeriod, ordinaryTrialPeriod([...BEFORE_TRIAL, 'trial.ordinary'], CONCLUDES_FIRST_INSTANCE)],
      }),
      on: {
        SEEK_MEDIATION_CONSENT: { target: at('mediationConsent') },
        NOTIFY_FEE: { target: at('feePending.noticed'), guard: 'noticeNotInFuture', actions: 'recordFeeNotice' },
        ...plainWithdrawal,
        ...arbitrationObjection,
        ...judgeAssignment,
      },
    },
    mediationConsent: {
      description: '征询当事人是否同意委托调解；当事人拒绝调解的，不得调解（先行调解以当事人同意为前提）。',
      meta: meta({ label: '征询调解意愿', labelEn: 'Asking consent to mediate', legalBasis: `民事诉讼法 第一百二十五条；${REFORM_OPINION} 二` }),
      on: {
        RECORD_MEDIATION_CONSENT: { target: at('entrustment.consented'), guard: 'allPartiesConsentToMediation', actions: 'recordConsent' },
        RECORD_MEDIATION_REFUSAL: { target: at('feePending.toNotify') },
        ...plainWithdrawal,
        ...arbitrationObjection,
        ...judgeAssignment,
      },
    },

    entrustment: {
      description: '各方当事人同意后，法院委托特邀调解组织或特邀调解员调解，待其签收材料。',
      meta: meta({ label: '委托调解准备', labelEn: 'Entrustment', legalBasis: `${TYTJ} 第十一条` }),
      initial: 'consented',
      states: {
        consented: {
          meta: meta({ label: '已同意委托调解', labelEn: 'Consent recorded', legalBasis: `${TYTJ} 第十一条；${REFORM_OPINION} 二` }),
          on: {
            ENTRUST_MEDIATION: { target: at('entrustment.awaitingReceipt'), actions: 'recordEntrustment' },
            // A party may withdraw consent before the mediation starts (人民调解法 第二十三条).
            RECORD_MEDIATION_REFUSAL: { target: at('feePending.toNotify') },
            ...plainWithdrawal,
            ...judgeAssignment,
          },
        },
        awaitingReceipt: {
          description: '已委托，待调解组织签收材料或说明理由退回（退回的可另行委托）。',
          tags: ['underMediation'],
          meta: meta({ label: '已委托待调解组织签收', labelEn: 'Entrusted, awaiting receipt', legalBasis: `${TYTJ} 第二十七条；人民法院在线调解规则 第十二条` }),
          on: {
            MEDIATOR_SIGNED: { target: at('entrusted.mediating'), actions: 'recordMediatorReceipt' },
            ENTRUSTMENT_RETURNED: { target: at('entrustment.consented'), actions: 'clearEntrustment' },
            ...plainWithdrawal,
            ...judgeAssignment,
          },
        },
      },
    },

    entrusted: {
      description: '委托调解中：普通程序十五日、简易程序七日，自调解员签收材料之日起算；经双方同意可延长三十日，延长期间不计入审理期限。',
      meta: meta({ label: '委托调解中', labelEn: 'Entrusted mediation', legalBasis: `${TYTJ} 第二十七条；${REFORM_OPINION} 三` }),
      initial: 'mediating',
      states: {
        mediating: {
          tags: ['underMediation'],
          meta: meta({
            label: '委托调解期间',
            labelEn: 'Mediating',
            legalBasis: `${TYTJ} 第二十七条；人民法院在线调解规则 第二十四条`,
            deadlines: [entrustedPeriod('ORDINARY'), entrustedPeriod('SIMPLE')],
          }),
          on: {
            EXTEND_MEDIATION: {
              target: at('entrusted.extended'),
              guard: and(['allPartiesConsentToExtension', 'withinMediationPeriod']),
              actions: 'recordExtension',
            },
            ...mediationEnded,
            MEDIATION_PERIOD_EXPIRED: { target: at('feePending.toNotify') },
            ...plainWithdrawal,
            ...judgeAssignment,
          },
        },
        extended: {
          description: '经双方同意延长调解期限三十日；延长期间审理期限中止计算。',
          tags: ['underMediation'],
          entry: [pauseDeadlines(...TRIAL_PERIODS)],
          exit: [resumeDeadlines(...TRIAL_PERIODS)],
          meta: meta({
            label: '延长调解期间',
            labelEn: 'Extended by consent',
            legalBasis: `${TYTJ} 第二十七条；${REFORM_OPINION} 三`,
            deadlines: [
              {
                id: 'D-CT3',
                label: '延长的调解期限（三十日，自原调解期限届满之日起）',
                period: { amount: 30, unit: 'day' },
                dayType: 'calendar',
                legalBasis: `${TYTJ} 第二十七条；${REFORM_OPINION} 三`,
                confidence: 'S',
                anchor: { contextDate: 'extensionFrom' },
                onExpiry: 'EXTENSION_EXPIRED',
                metBy: MEDIATION_ENDS,
                rollForward: false,
              },
            ],
          }),
          on: {
            ...mediationEnded,
            EXTENSION_EXPIRED: { target: at('feePending.toNotify') },
            ...plainWithdrawal,
            ...judgeAssignment,
          },
        },
      },
    },

    agreed: {
      description:
        '委托调解达成协议：当事人撤诉或即时履行的，以其他方式结案；当事人要求的，法院审查协议并出具调解书。履行期限在后的，宜出具调解书以取得执行依据（撤诉后不能申请执行）。',
      meta: meta({ label: '达成调解协议待结案', labelEn: 'Agreement reached', legalBasis: `${TYTJ} 第二十条；${REFORM_OPINION} 四` }),
      on: {
        WITHDRAW_SUIT: { target: at('settledWithdrawn'), actions: ['recordSettlement', report('SETTLED', { closure: 'WITHDRAWN' })] },
        RECORD_IMMEDIATE_PERFORMANCE: { target: at('settledOtherWay'), actions: ['recordSettlement', report('SETTLED', { closure: 'OTHER_WAY' })] },
        ...mediationDocument,
        AGREEMENT_REPUDIATED: { target: at('feePending.toNotify') },
        ...judgeAssignment,
      },
    },
    settledWithdrawn: {
      type: 'final',
      meta: meta({ label: '调解后撤诉结案', labelEn: 'Withdrawn after settlement', legalBasis: '民事诉讼法 第一百四十八条；诉讼费用交纳办法 第十五条' }),
    },
    settledOtherWay: {
      type: 'final',
      meta: meta({ label: '即时履行以其他方式结案', labelEn: 'Closed by immediate performance', legalBasis: `${REFORM_OPINION} 四；诉讼费用交纳办法 第十五条` }),
    },
    settledByMediationDoc: {
      description: '民事调解书经双方当事人签收后即具有法律效力（案件受理费减半）；一方拒绝履行的，对方可申请强制执行（期间二年，自履行期限最后一日起）。',
      meta: meta({
        label: '民事调解书生效',
        labelEn: 'Mediation document in force',
        legalBasis: '民事诉讼法 第一百条、第二百四十七条、第二百五十条；诉讼费用交纳办法 第十五条',
        deadlines: [enforcementPeriod],
      }),
      on: { ...enforceable },
    },

    feePending: {
      description: '转入审理前通知原告交纳案件受理费；原告自接到通知次日起七日内交纳，逾期不交的按撤诉处理。',
      meta: meta({ label: '待交受理费', labelEn: 'Fee pending', legalBasis: `诉讼费用交纳办法 第二十二条；${REFORM_OPINION} 六` }),
      initial: 'toNotify',
      states: {
        toNotify: {
          description: '调解不成、当事人拒绝调解或调解期限届满：待通知交费后转入审理。',
          meta: meta({ label: '待通知交费', labelEn: 'Fee notice to send', legalBasis: `${REFORM_OPINION} 五、六` }),
          on: {
            NOTIFY_FEE: { target: at('feePending.noticed'), guard: 'noticeNotInFuture', actions: 'recordFeeNotice' },
            ...plainWithdrawal,
            ...arbitrationObjection,
            ...judgeAssignment,
          },
        },
        noticed: {
          meta: meta({
            label: '已通知交费',
            labelEn: 'Fee notified',
            legalBasis: '诉讼费用交纳办法 第二十二条',
            deadlines: [
              {
                id: 'D-CT4',
                label: '交纳案件受理费期限（接到通知次日起七日）',
                period: { amount: 7, unit: 'day' },
                dayType: 'calendar',
                legalBasis: `诉讼费用交纳办法 第二十二条；最高人民法院关于适用《中华人民共和国民事诉讼法》的解释 第二百一十三条`,
                confidence: 'V',
                anchor: { contextDate: 'feeNoticeReceivedOn' },
                onExpiry: 'FEE_OVERDUE',
                metBy: ['PAY_FEE'],
              },
            ],
          }),
          on: {
            PAY_FEE: [
              { target: at('trial.simple'), guard: 'simpleProcedure', actions: 'recordFeePayment' },
              { target: at('trial.ordinary'), guard: 'ordinaryProcedure', actions: 'recordFeePayment' },
            ],
            FEE_OVERDUE: { target: at('deemedWithdrawn'), actions: ['recordClosure', report('DEEMED_WITHDRAWN')] },
            ...plainWithdrawal,
            ...arbitrationObjection,
            ...judgeAssignment,
          },
        },
      },
    },
    deemedWithdrawn: {
      type: 'final',
      meta: meta({ label: '按撤诉处理', labelEn: 'Deemed withdrawn', legalBasis: `诉讼费用交纳办法 第二十二条；最高人民法院关于适用《中华人民共和国民事诉讼法》的解释 第二百一十三条` }),
    },
    withdrawn: {
      type: 'final',
      meta: meta({ label: '准许撤诉', labelEn: 'Withdrawn', legalBasis: '民事诉讼法 第一百四十八条；诉讼费用交纳办法 第十五条' }),
    },

    trial: {
      description: '一审审理；审理中可以调解（调解书经双方签收后生效），调解不成或调解书送达前一方反悔的，及时判决。',
      meta: meta({ label: '一审审理', labelEn: 'First-instance trial', legalBasis: '民事诉讼法 第九十六条至第一百零二条' }),
      initial: 'ordinary',
      states: {
        simple: {
          description: '简易程序审理，立案之日起三个月内审结；发现不宜适用简易程序的，裁定转为普通程序。',
          meta: meta({ label: '简易程序审理', labelEn: 'Simple-procedure trial', legalBasis: '民事诉讼法 第一百六十条、第一百六十四条、第一百七十条' }),
          on: {
            JUDGE: { target: at('judgmentServed'), actions: 'recordJudgment' },
            ...mediationDocument,
            ...plainWithdrawal,
            CONVERT_TO_ORDINARY: { target: at('trial.ordinary'), actions: 'recordConversion' },
            ...arbitrationObjection,
            ...judgeAssignment,
          },
          // No conversion back: a case once under the ordinary procedure stays there (民诉解释 第二百五十七条).
        },
        ordinary: {
          description: '普通程序审理，立案之日起六个月内审结（由简易程序转入的，自立案之日起连续计算；发回重审的，自重审立案之日起计算）。',
          meta: meta({
            label: '普通程序审理',
            labelEn: 'Ordinary-procedure trial',
            legalBasis: '民事诉讼法 第一百五十二条',
            deadlines: [ordinaryTrialPeriod([], ['JUDGE', 'MEDIATION_DOC_SIGNED', 'WITHDRAW_SUIT'])],
          }),
          on: {
            JUDGE: { target: at('judgmentServed'), actions: 'recordJudgment' },
            ...mediationDocument,
            ...plainWithdrawal,
            ...arbitrationObjection,
            ...judgeAssignment,
          },
        },
      },
    },

    judgmentServed: {
      description: '已宣告判决，待送达判决书；上诉期自送达之日起计算。',
      meta: meta({ label: '判决书送达', labelEn: 'Serving the judgment', legalBasis: '民事诉讼法 第一百五十一条' }),
      on: { SERVE_JUDGMENT: { target: at('appealWindow'), guard: 'servedNotInFuture', actions: 'recordJudgmentService' } },
    },
    appealWindow: {
      description: '当事人可自判决书送达之日起十五日内上诉；期满未上诉的，判决发生法律效力。',
      meta: meta({
        label: '上诉期',
        labelEn: 'Appeal window',
        legalBasis: '民事诉讼法 第一百五十八条、第一百七十一条',
        deadlines: [
          {
            id: 'D-CT7',
            label: '上诉期（判决书送达之日起十五日）',
            period: { amount: 15, unit: 'day' },
            dayType: 'calendar',
            legalBasis: '民事诉讼法 第一百七十一条',
            confidence: 'V',
            anchor: { contextDate: 'judgmentServedOn' },
            onExpiry: 'APPEAL_PERIOD_ENDED',
            metBy: ['APPEAL'],
          },
        ],
      }),
      on: {
        APPEAL: { target: at('appeal.filed'), guard: 'appealInTime', actions: 'recordAppeal' },
        APPEAL_PERIOD_ENDED: { target: at('final'), actions: ['recordFirstInstanceFinal', report('JUDGMENT_FINAL')] },
      },
    },
    appeal: {
      description: '二审：上诉状通过原审法院提出，移送第二审人民法院立案审理。',
      meta: meta({ label: '二审', labelEn: 'Appeal', legalBasis: '民事诉讼法 第一百七十三条、第一百八十三条' }),
      initial: 'filed',
      states: {
        filed: {
          meta: meta({ label: '已上诉待二审立案', labelEn: 'Appeal lodged', legalBasis: '民事诉讼法 第一百七十三条；最高人民法院关于严格执行案件审理期限制度的若干规定 第六条' }),
          on: { APPEAL_REGISTERED: { target: at('appeal.registered'), guard: 'registeredNotInFuture', actions: 'recordAppealRegistration' } },
        },
        registered: {
          meta: meta({
            label: '二审审理中',
            labelEn: 'Appeal being heard',
            legalBasis: '民事诉讼法 第一百七十七条、第一百八十三条',
            deadlines: [
              {
                id: 'D-CT8',
                label: '二审审理期限（对判决的上诉，二审立案之日起三个月）',
                period: { amount: 3, unit: 'month' },
                dayType: 'calendar',
                legalBasis: '民事诉讼法 第一百八十三条',
                confidence: 'V',
                anchor: { contextDate: 'appealRegisteredOn' },
                soft: true,
                metBy: ['SECOND_INSTANCE_CONCLUDED', 'REMAND'],
              },
            ],
          }),
          on: {
            SECOND_INSTANCE_CONCLUDED: { target: at('final'), guard: 'servedNotInFuture', actions: ['recordSecondInstanceFinal', report('JUDGMENT_FINAL')] },
            // A remanded case is retried by a new collegial panel, never under the simple procedure (民诉解释 第二百五十七条).
            REMAND: { target: at('trial.ordinary'), guard: 'notRemandedBefore', actions: 'recordRemand' },
          },
        },
      },
    },
    final: {
      description: '裁判发生法律效力：一方拒绝履行的，对方可申请强制执行（二年）；当事人可在六个月内申请再审（再审不停止执行，另案处理）。',
      meta: meta({
        label: '裁判生效',
        labelEn: 'Final',
        legalBasis: '民事诉讼法 第一百五十八条、第二百一十六条、第二百四十七条、第二百五十条',
        deadlines: [
          enforcementPeriod,
          {
            id: 'D-CT9',
            label: '申请再审期限（裁判发生法律效力后六个月）',
            period: { amount: 6, unit: 'month' },
            dayType: 'calendar',
            legalBasis: '民事诉讼法 第二百一十六条',
            confidence: 'V',
            anchor: { contextDate: 'effectiveOn' },
          },
        ],
      }),
      on: { ...enforceable },
    },
    enforcement: {
      type: 'final',
      description: '已申请强制执行，由执行机构另行立案执行。',
      meta: meta({ label: '已申请强制执行', labelEn: 'Enforcement applied for', legalBasis: '民事诉讼法 第二百三十五条、第二百五十条' }),
    },
    performed: {
      type: 'final',
      meta: meta({ label: '履行完毕结案', labelEn: 'Performed', legalBasis: '民事诉讼法 第二百四十七条' }),
    },
  },
});
