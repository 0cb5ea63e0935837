import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { acceptTransfer, engineEffects, guardsFrom, report, returnTransfer } from '../building-blocks';
import type { AgreementForm, ArbContext } from './arb.context';
import { setAsideRegime } from './arb.periods';
import { arbPreconditions, LAW } from './arb.preconditions';

const meta = (m: StateMeta) => m;
const LAW_2017 = '仲裁法（2017年修正）';
const LAW_2025 = '仲裁法（2025年修订）';

// ---------- deadlines (spec table (b), D-AR1, D-AR2) ----------

/** The commission decides within five days of receipt; the law names no effect of missing it, so it is a service target. */
const D_AR1: DeadlineSpec = {
  id: 'D-AR1',
  label: '受理审查期限（收到仲裁申请书之日起五日）',
  period: { amount: 5, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `${LAW} 第二十四条`,
  confidence: 'V',
  anchor: { contextDate: 'receivedOn' },
  soft: true,
  metBy: ['ACCEPT', 'NOT_ACCEPT'],
  runsThrough: ['acceptanceReview'],
};

/**
 * D-AR2 in its two regimes: six months under the 2017 text, three months under the 2025 revision in force from
 * 2026-03-01. Serving the award fills the anchor of the regime the award's date chose; a deadline whose anchor is
 * empty is not created. Both periods are configuration (FENGQIAO_LEGAL_PERIODS), the switch date legal policy.
 */
const setAsideDeadline = (regime: '2017' | '2025'): DeadlineSpec => ({
  id: regime === '2025' ? 'D-AR2' : 'D-AR2-2017',
  label: regime === '2025' ? '申请撤销裁决期限（收到裁决书之日起三个月）' : '申请撤销裁决期限（收到裁决书之日起六个月）',
  period: { amount: regime === '2025' ? 3 : 6, unit: 'month' },
  dayType: 'calendar',
  legalBasis: regime === '2025' ? `${LAW_2025} 第七十二条` : `${LAW_2017} 第五十九条`,
  confidence: regime === '2025' ? 'S' : 'V',
  configKey: regime === '2025' ? 'arb.setAsidePeriod' : 'arb.setAsidePeriod2017',
  anchor: { contextDate: regime === '2025' ? 'setAsideFrom2025' : 'setAsideFrom2017' },
  onExpiry: 'SET_ASIDE_WINDOW_ENDED',
  metBy: ['APPLY_SET_ASIDE'],
});

const D_EX1: DeadlineSpec = {
  id: 'D-EX1',
  label: '申请执行期间（履行期限届满之日起二年）',
  period: { amount: 2, unit: 'year' },
  dayType: 'calendar',
  legalBasis: `民事诉讼法 第二百五十条；${LAW} 第六十二条`,
  confidence: 'V',
  anchor: { contextDate: 'performanceDueOn' },
  metBy: ['APPLY_ENFORCEMENT', 'RECORD_PERFORMED'],
};

// ---------- transitions shared by several states ----------

const notAccept = { NOT_ACCEPT: { target: 'notAccepted', actions: [returnTransfer('reason'), report('NOT_ACCEPTED')] } } as const;
const withdraw = { WITHDRAW: { target: 'withdrawn', actions: ['recordClosure', report('WITHDRAWN')] } } as const;
const award = {
  AWARD: { target: 'award', guard: 'awardedNotInFuture', actions: ['recordAward', report('AWARD_MADE')] },
} as const;
const enforceable = {
  APPLY_ENFORCEMENT: { target: 'enforcement', actions: 'recordClosure' },
  RECORD_PERFORMED: { target: 'performed', actions: 'recordClosure' },
} as const;

type Args = { context: ArbContext; event: WorkflowEvent };
const data = (event: WorkflowEvent, field: string) => (typeof event.data[field] === 'string' ? (event.data[field] as string) : undefined);

export const arbMachine = setup({
  types: {} as { context: ArbContext; events: WorkflowEvent; input: ArbContext },
  guards: guardsFrom(arbPreconditions),
  actions: {
    ...engineEffects,
    recordAgreementCheck: assign(({ event }: Args) => ({
      agreementForm: event.data.agreementForm as AgreementForm,
      matterType: String(event.data.matterType),
      agreementCheckedOn: String(event.data.checkedOn),
    })),
    recordAcceptance: assign({ acceptedOn: ({ event }: Args) => String(event.data.acceptedOn) }),
    recordTribunal: assign(({ event }: Args) => ({
      arbitratorId: String(event.data.arbitratorId),
      tribunal: event.data.tribunal as ArbContext['tribunal'],
      tribunalFormedOn: String(event.data.formedOn),
    })),
    recordHearing: assign({ hearingHeldOn: ({ event }: Args) => String(event.data.heldOn) }),
    recordMediationDoc: assign({
      mediationDocNo: ({ event }: Args) => String(event.data.docNo),
      performanceDueOn: ({ event }: Args) => data(event, 'performanceDueOn'),
    }),
    recordAward: assign({
      awardNo: ({ event }: Args) => String(event.data.awardNo),
      awardedOn: ({ event }: Args) => String(event.data.awardedOn),
      performanceDueOn: ({ event }: Args) => data(event, 'performanceDueOn'),
    }),
    // The award's date picks the set-aside regime; only that regime's deadline gets an anchor.
    recordAwardService: assign(({ context, event }: Args) => {
      const servedOn = String(event.data.servedOn);
      const regime = setAsideRegime(context.awardedOn ?? servedOn, event.policy);
      return {
        awardServedOn: servedOn,
        setAsideRegime: regime,
        setAsideFrom2017: regime === 'LAW_2017' ? servedOn : undefined,
        setAsideFrom2025: regime === 'LAW_2025' ? servedOn : undefined,
      };
    }),
    recordSetAsideApplication: assign({
      setAsideAppliedOn: ({ event }: Args) => String(event.data.appliedOn),
      setAsideCourtName: ({ event }: Args) => String(event.data.courtName),
    }),
    recordSetAsideRuling: assign({ setAsideRuledOn: ({ event }: Args) => String(event.data.ruledOn) }),
    recordClosure: assign({ closedOn: ({ event }: Args) => data(event, 'appliedOn') ?? data(event, 'performedOn') ?? event.today }),
  },
}).createMachine({
  id: 'arb',
  initial: 'agreementCheck',
  context: ({ input }) => input,
  states: {
    agreementCheck: {
      description: '仲裁委员会收到仲裁申请书，先审查仲裁协议：须为书面形式且有效，争议事项须属于仲裁范围；没有有效的书面仲裁协议的不予受理。',
      tags: ['inbox'],
      meta: meta({ label: '仲裁协议审查', labelEn: 'Arbitration agreement check', legalBasis: `${LAW} 第二条、第三条、第四条、第十六条至第十八条`, deadlines: [D_AR1] }),
      on: {
        CHECK_AGREEMENT: {
          target: 'acceptanceReview',
          guard: and(['writtenAgreement', 'agreementValid', 'matterArbitrable', 'checkedNotInFuture']),
          actions: 'recordAgreementCheck',
        },
        ...notAccept,
      },
    },
    acceptanceReview: {
      description: '仲裁协议有效：仲裁委员会自收到仲裁申请书之日起五日内，认为符合受理条件的受理并通知当事人，不符合的书面通知不予受理并说明理由。',
      tags: ['inbox'],
      meta: meta({ label: '受理审查', labelEn: 'Acceptance review', legalBasis: `${LAW} 第二十一条、第二十四条` }),
      on: {
        ACCEPT: { target: 'accepted', guard: 'acceptedNotInFuture', actions: ['recordAcceptance', acceptTransfer, report('ACCEPTED')] },
        ...notAccept,
      },
    },
    accepted: {
      description: '已受理：在仲裁规则规定的期限内将仲裁规则和仲裁员名册送达申请人，将申请书副本送达被申请人；当事人约定或者委托仲裁委员会主任指定仲裁员，组成仲裁庭。',
      meta: meta({ label: '已受理', labelEn: 'Accepted', legalBasis: `${LAW} 第二十五条、第三十条至第三十二条` }),
      on: { FORM_TRIBUNAL: { target: 'tribunal', guard: 'formedNotInFuture', actions: 'recordTribunal' }, ...withdraw },
    },
    tribunal: {
      description: '仲裁庭已组成并书面通知当事人；仲裁委员会在仲裁规则规定的期限内将开庭日期通知双方当事人。',
      meta: meta({ label: '仲裁庭已组成', labelEn: 'Tribunal formed', legalBasis: `${LAW} 第三十三条、第四十一条` }),
      on: { HOLD_HEARING: { target: 'hearing', guard: 'heldNotInFuture', actions: 'recordHearing' }, ...withdraw },
    },
    hearing: {
      description: '开庭审理；仲裁庭在作出裁决前可以先行调解，当事人自愿调解的应当调解；调解不成的，应当及时作出裁决。',
      meta: meta({ label: '开庭审理', labelEn: 'Hearing', legalBasis: `${LAW} 第三十九条、第五十一条` }),
      on: { MEDIATE: { target: 'mediation' }, ...award, ...withdraw },
    },
    mediation: {
      description: '仲裁庭调解：达成协议的，制作调解书或者根据协议的结果制作裁决书；调解书经双方当事人签收后发生法律效力。',
      meta: meta({ label: '仲裁庭调解', labelEn: 'Mediation by the tribunal', legalBasis: `${LAW} 第五十一条、第五十二条` }),
      on: {
        SIGN_MEDIATION_DOC: {
          target: 'mediationDoc',
          guard: 'everyPartySignedMediationDoc',
          actions: ['recordMediationDoc', report('MEDIATION_DOC_EFFECTIVE')],
        },
        MEDIATION_FAILED: { target: 'hearing' },
        ...award,
        ...withdraw,
      },
    },
    mediationDoc: {
      description: '调解书与裁决书具有同等法律效力；一方当事人不履行的，另一方当事人可以向人民法院申请执行。',
      meta: meta({ label: '调解书生效', labelEn: 'Mediation document in effect', legalBasis: `${LAW} 第五十一条、第五十二条、第六十二条`, deadlines: [D_EX1] }),
      on: { ...enforceable },
    },
    award: {
      description: '仲裁实行一裁终局，裁决书自作出之日起发生法律效力，待送达当事人；申请撤销的期限自收到裁决书之日起计算。',
      meta: meta({ label: '裁决（终局）', labelEn: 'Award (final)', legalBasis: `${LAW} 第九条、第五十七条` }),
      on: { SERVE_AWARD: { target: 'setAsideWindow', guard: 'awardServedAfterAward', actions: 'recordAwardService' } },
    },
    setAsideWindow: {
      description: '当事人可以自收到裁决书之日起向仲裁委员会所在地的中级人民法院申请撤销裁决：2026年3月1日前作出的裁决六个月，此后作出的裁决三个月；不得就同一纠纷再申请仲裁或者起诉。申请执行在撤销期间届满或者撤销申请被驳回后记录。',
      tags: ['awardWindow'],
      meta: meta({
        label: '申请撤销裁决期间',
        labelEn: 'Set-aside period',
        legalBasis: `${LAW} 第九条；${LAW_2017} 第五十八条、第五十九条；${LAW_2025} 第七十二条`,
        deadlines: [setAsideDeadline('2017'), setAsideDeadline('2025')],
      }),
      on: {
        APPLY_SET_ASIDE: { target: 'setAsideReview', guard: 'withinSetAsideWindow', actions: ['recordSetAsideApplication', report('SET_ASIDE_APPLIED')] },
        SET_ASIDE_WINDOW_ENDED: { target: 'enforceable', actions: report('AWARD_UNCHALLENGEABLE') },
      },
    },
    setAsideReview: {
      description: '中级人民法院审查撤销裁决的申请，应当在受理之日起两个月内作出撤销裁决或者驳回申请的裁定；本案记录法院的裁定。',
      meta: meta({ label: '申请撤销审查中', labelEn: 'Set-aside under review', legalBasis: `${LAW} 第五十八条、第六十条；${LAW_2025} 第七十三条` }),
      on: {
        SET_ASIDE_GRANTED: { target: 'setAside', guard: 'ruledNotInFuture', actions: ['recordSetAsideRuling', report('AWARD_SET_ASIDE')] },
        SET_ASIDE_REFUSED: { target: 'enforceable', guard: 'ruledNotInFuture', actions: ['recordSetAsideRuling', report('AWARD_UNCHALLENGEABLE')] },
      },
    },
    enforceable: {
      description: '裁决不再能申请撤销；一方当事人不履行的，另一方当事人可以向有管辖权的人民法院申请执行（被申请人仍可提出不予执行的抗辩）。',
      meta: meta({ label: '裁决可申请执行', labelEn: 'Award enforceable', legalBasis: `${LAW} 第六十二条、第六十三条；民事诉讼法 第二百五十条`, deadlines: [D_EX1] }),
      on: { ...enforceable },
    },
    notAccepted: {
      type: 'final',
      description: '没有有效的书面仲裁协议、不属于仲裁范围或者不符合其他受理条件，仲裁委员会书面通知当事人不予受理并说明理由。',
      meta: meta({ label: '不予受理', labelEn: 'Not accepted', legalBasis: `${LAW} 第四条、第二十四条` }),
    },
    withdrawn: { type: 'final', meta: meta({ label: '撤回仲裁申请', labelEn: 'Withdrawn', legalBasis: `${LAW} 第四十九条` }) },
    setAside: {
      type: 'final',
      description: '裁决被人民法院依法裁定撤销：当事人可以根据双方重新达成的仲裁协议申请仲裁，也可以向人民法院起诉。',
      meta: meta({ label: '裁决已被撤销', labelEn: 'Award set aside', legalBasis: `${LAW} 第九条` }),
    },
    enforcement: { type: 'final', meta: meta({ label: '已申请强制执行', labelEn: 'Enforcement applied for', legalBasis: `${LAW} 第六十二条` }) },
    performed: { type: 'final', meta: meta({ label: '已履行结案', labelEn: 'Performed' }) },
  },
});
