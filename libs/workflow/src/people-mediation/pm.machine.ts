import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { acceptTransfer, confirmationWindow, engineEffects, guardsFrom, report, returnTransfer } from '../building-blocks';
import type { PmContext } from './pm.context';
import { pmPreconditions } from './pm.preconditions';
import { hearingHeard } from '../hearing-request';

const meta = (m: StateMeta) => m;

const PM_SLA: DeadlineSpec = {
  id: 'D-PM1',
  label: '人民调解一般期限（一个月内调结）',
  period: { amount: 1, unit: 'month' },
  dayType: 'calendar',
  legalBasis: '人民调解工作若干规定 第三十三条',
  confidence: 'S',
  soft: true,
  configKey: 'pm.mediationPeriod',
  // Concluding the mediation in any way meets the target; an extension by consent replaces it with D-PM1X.
  metBy: ['RECORD_ORAL_AGREEMENT', 'SIGN_WRITTEN_AGREEMENT', 'TERMINATE_FAILED', 'WITHDRAW', 'TRANSFER'],
  // The month runs on while a hearing asked for during the mediation is held.
  runsThrough: ['hearing'],
};

/** The month runs from registration (spec D-PM1), through consent and assignment, until mediation concludes. */
const PM_SLA_FROM_REGISTRATION: DeadlineSpec = {
  ...PM_SLA,
  anchor: { contextDate: 'openedOn' },
  runsThrough: ['referralReceived', 'consentPending', 'assigned', 'mediating', 'hearing'],
  metBy: [...PM_SLA.metBy!, 'RECORD_REFUSAL', 'NOT_ACCEPT'],
};

/** Events available while mediation runs, whether in the first month or extended by consent. */
const mediationEvents = {
  // The audit entry is the session's record; the machine only notes that mediation has begun in earnest.
  RECORD_SESSION: { actions: 'noteSession' },
  REPORT_RISK: { actions: [{ type: 'notifyRisk', params: ({ event }: { event: WorkflowEvent }) => ({ level: event.data.level, reportedTo: event.data.reportedTo }) }] },
  RECORD_ORAL_AGREEMENT: { target: 'agreedOral', guard: 'reachedNotInFuture', actions: ['recordOralAgreement', report('AGREED')] },
  SIGN_WRITTEN_AGREEMENT: { target: 'agreedWritten', guard: and(['agreementTakesEffect', 'effectiveNotInFuture']), actions: ['recordWrittenAgreement', report('AGREED')] },
  TERMINATE_FAILED: { target: 'terminatedFailed', guard: 'rightsNoticeGiven', actions: [report('FAILED')] },
  WITHDRAW: { target: 'terminatedByParty', actions: [report('WITHDRAWN')] },
  TRANSFER: { target: 'transferred', actions: [report('TRANSFERRED')] },
  ENTRUSTMENT_ENDED: { target: 'entrustmentEnded', guard: 'noAgreementYet' },
} as const;

export const pmMachine = setup({
  types: {} as { context: PmContext; events: WorkflowEvent; input: PmContext },
  guards: guardsFrom(pmPreconditions),
  actions: {
    ...engineEffects,
    assignMediator: assign({ mediatorId: ({ event }) => String(event.data.mediatorId) }),
    recordOralAgreement: assign({
      agreementForm: 'ORAL' as const,
      // A new agreement (e.g. after re-mediation) has not been confirmed by a court, whatever happened to an earlier one.
      confirmed: false,
      agreementEffectiveOn: ({ event }) => String(event.data.reachedOn),
      performanceDueOn: ({ event }) => event.data.performanceDueOn as string | undefined,
    }),
    recordWrittenAgreement: assign({
      agreementForm: 'WRITTEN' as const,
      confirmed: false,
      agreementEffectiveOn: ({ event }) => String(event.data.effectiveOn),
      performanceDueOn: ({ event }) => event.data.performanceDueOn as string | undefined,
    }),
    markConfirmed: assign({ confirmed: true }),
    markNotConfirmed: assign({ confirmed: false }),
    markFollowUp: assign({ followUpDone: true }),
    noteSession: assign({ sessionHeld: true }),
    // Sessions and agreements cannot precede it (their date fields name it as a bound).
    noteStart: assign({ mediationStartedOn: ({ event }) => String(event.data.startedOn) }),
    noteEnforcementAdvice: assign({ enforcementAdvised: true }),
    recordHearing: assign({ hearings: ({ context, event }) => [...(context.hearings ?? []), hearingHeard(event)] }),
  },
}).createMachine({
  id: 'pm',
  initial: 'registered',
  context: ({ input }) => input,
  states: {
    registered: {
      description: '纠纷已登记（当事人申请、调委会主动调解、法院或公安告知、信访移交、综治中心分流）。调解申请中断诉讼时效。',
      tags: ['awaitingAssignment'],
      meta: meta({ label: '登记', labelEn: 'Registered', legalBasis: '人民调解法 第十七条、第十八条', deadlines: [PM_SLA_FROM_REGISTRATION] }),
      on: {
        SEEK_CONSENT: { target: 'consentPending' },
        NOT_ACCEPT: { target: 'notAccepted', actions: [report('NOT_ACCEPTED')] },
        TRANSFER: { target: 'transferred', actions: [report('TRANSFERRED')] },
        RECEIVE_ENTRUSTMENT: { target: 'entrustmentReceived' },
        RECEIVE_REFERRAL: { target: 'referralReceived' },
      },
    },
    referralReceived: {
      description: '其他机关移交人民调解（如公安机关的警调对接）：调解组织签收后征询当事人意愿，或者说明理由退回。',
      tags: ['inbox'],
      meta: meta({ label: '移交待签收', labelEn: 'Referred by another body, awaiting receipt', legalBasis: '人民调解法 第十八条；公安机关办理行政案件程序规定 第一百八十六条' }),
      on: {
        SIGN_FOR: { target: 'consentPending', actions: [acceptTransfer] },
        RETURN: { target: 'referralReturned', actions: [returnTransfer('reason')] },
      },
    },
    entrustmentReceived: {
      description: '人民法院委托调解（立案后，经当事人同意）：调解组织或调解员确认接受委托（签收）或说明理由退回。委托调解期限（普通程序十五日、简易程序七日）自签收材料之日起算，由人民法院计算并在届满时终止委托。',
      tags: ['inbox'],
      meta: meta({
        label: '法院委托待签收',
        labelEn: 'Entrusted by a court, awaiting receipt',
        legalBasis: '最高人民法院关于人民法院特邀调解的规定 第十一条、第二十七条；人民法院在线调解规则 第十二条',
        deadlines: [
          {
            id: 'D-OL2',
            label: '确认接受委托期限（三个工作日）',
            period: { amount: 3, unit: 'day' },
            dayType: 'working',
            legalBasis: '人民法院在线调解规则 第十二条',
            confidence: 'V',
            soft: true,
            metBy: ['SIGN_FOR', 'RETURN'],
          },
        ],
      }),
      on: {
        SIGN_FOR: { target: 'consentPending', actions: [acceptTransfer] },
        RETURN: { target: 'entrustmentReturned', actions: [returnTransfer('reason')] },
        ENTRUSTMENT_ENDED: { target: 'entrustmentEnded', guard: 'noAgreementYet' },
      },
    },
    consentPending: {
      description: '征询各方当事人是否接受调解；一方明确拒绝的，不得调解。',
      tags: ['awaitingAssignment'],
      meta: meta({ label: '征询当事人意愿', labelEn: 'Awaiting the parties’ consent', legalBasis: '人民调解法 第十七条' }),
      on: {
        ASSIGN_MEDIATOR: { target: 'assigned', guard: 'allPartiesConsent', actions: 'assignMediator' },
        RECORD_REFUSAL: { target: 'refused', guard: 'rightsNoticeGiven', actions: [report('REFUSED')] },
        NOT_ACCEPT: { target: 'notAccepted', actions: [report('NOT_ACCEPTED')] },
        TRANSFER: { target: 'transferred', actions: [report('TRANSFERRED')] },
        ENTRUSTMENT_ENDED: { target: 'entrustmentEnded', guard: 'noAgreementYet' },
      },
    },
    assigned: {
      description: '调委会指定或当事人选定调解员。',
      meta: meta({ label: '已指定调解员', labelEn: 'Mediator assigned', legalBasis: '人民调解法 第十九条' }),
      on: {
        START_MEDIATION: { target: 'mediating', actions: ['noteStart'] },
        RECORD_REFUSAL: { target: 'refused', guard: 'rightsNoticeGiven', actions: [report('REFUSED')] },
        WITHDRAW: { target: 'terminatedByParty', actions: [report('WITHDRAWN')] },
        ENTRUSTMENT_ENDED: { target: 'entrustmentEnded', guard: 'noAgreementYet' },
      },
    },
    mediating: {
      description: '调解进行中：可邀请亲属、邻里、专家参与，可提出调解方案；发现激化风险应报告。一般一个月内调结（自登记起算；重新调解的自重新开始之日起算）。',
      meta: meta({ label: '调解中', labelEn: 'In mediation', legalBasis: '人民调解法 第二十至二十五条', deadlines: [PM_SLA] }),
      on: {
        ...mediationEvents,
        EXTEND_BY_CONSENT: { target: 'extended', guard: 'allPartiesConsentToExtend' },
        // The route table (R21a) opens the hearing at the convening organisation named in the event data.
        REQUEST_HEARING: { target: 'hearing' },
      },
    },
    hearing: {
      description: '调解中提请听证（村级评理会或者乡镇、区级听证）：听证意见作为调解的依据，本身不具有强制力；听证结束后继续调解。',
      meta: meta({ label: '听证中', labelEn: 'Hearing under way', legalBasis: '村民委员会组织法 第二条、第七条；人民调解法 第二十条至第二十二条' }),
      on: {
        HEARING_CONCLUDED: { target: 'mediating', actions: 'recordHearing' },
        HEARING_ENDED: { target: 'mediating', actions: 'recordHearing' },
        REPORT_RISK: mediationEvents.REPORT_RISK,
        WITHDRAW: mediationEvents.WITHDRAW,
      },
    },
    extended: {
      description: '经各方当事人同意，调解期限延长。',
      meta: meta({
        label: '延长调解',
        labelEn: 'Mediation extended by consent',
        deadlines: [
          {
            id: 'D-PM1X',
            label: '经同意延长的调解期限',
            period: { amount: 1, unit: 'month' },
            dayType: 'calendar',
            legalBasis: '人民调解工作若干规定 第三十三条（地方规定）',
            confidence: 'U',
            soft: true,
            configKey: 'pm.extensionPeriod',
          },
        ],
      }),
      on: { ...mediationEvents },
    },
    agreedOral: {
      description: '口头调解协议自达成之日起生效，调解员记录协议内容。',
      meta: meta({ label: '口头协议已记录', labelEn: 'Oral agreement recorded', legalBasis: '人民调解法 第二十八条、第三十条' }),
      on: {
        DECLINE_JUDICIAL_CONFIRMATION: { target: 'monitoring' },
        RECORD_PERFORMED: { target: 'performed' },
      },
    },
    agreedWritten: {
      description: '书面调解协议自各方当事人签名、调解员签名并加盖调委会印章之日起生效；双方可自生效之日起三十日内共同申请司法确认。',
      meta: meta({
        label: '书面协议已生效',
        labelEn: 'Written agreement in effect',
        legalBasis: '人民调解法 第二十九条、第三十三条',
        deadlines: [
          confirmationWindow('JC_WINDOW_EXPIRED', ['APPLY_JUDICIAL_CONFIRMATION']),
        ],
      }),
      on: {
        APPLY_JUDICIAL_CONFIRMATION: {
          target: 'judicialConfirmation',
          guard: and(['jointApplication', 'withinConfirmationWindow']),
          // The route table (R4) opens the application at the court named in the event data.
        },
        DECLINE_JUDICIAL_CONFIRMATION: { target: 'monitoring' },
        JC_WINDOW_EXPIRED: { target: 'monitoring' },
        RECORD_PERFORMED: { target: 'performed' },
      },
    },
    judicialConfirmation: {
      description: '已向人民法院申请司法确认，等待法院签收、审查和裁定。',
      meta: meta({ label: '司法确认中', labelEn: 'Judicial confirmation pending', legalBasis: '民事诉讼法 第二百零五条、第二百零六条' }),
      on: {
        JC_CONFIRMED: { target: 'monitoring', actions: 'markConfirmed' },
        JC_NOT_CONFIRMED: { target: 'monitoring' },
        JC_RETURNED: { target: 'agreedWritten' },
      },
    },
    monitoring: {
      description: '调委会对协议履行情况进行监督，督促当事人履行约定义务。',
      meta: meta({
        label: '履行监督',
        labelEn: 'Monitoring performance',
        legalBasis: '人民调解法 第三十一条',
        deadlines: [
          {
            id: 'PM-PERFORMANCE',
            label: '协议约定的履行期限',
            period: { amount: 0, unit: 'day' },
            dayType: 'calendar',
            legalBasis: '人民调解法 第三十一条',
            confidence: 'V',
            anchor: { contextDate: 'performanceDueOn' },
            soft: true,
            rollForward: false,
            metBy: ['RECORD_PERFORMED'],
          },
        ],
      }),
      on: {
        RECORD_FOLLOW_UP: { actions: 'markFollowUp' },
        // The confirmation ruling was revoked on an objection (民诉解释 第三百七十二条): the agreement is no longer enforceable.
        JC_NOT_CONFIRMED: { actions: 'markNotConfirmed' },
        RECORD_PERFORMED: { target: 'performed' },
        RECORD_DEFAULT: { target: 'defaulted' },
        REMEDIATE: { target: 'mediating' },
      },
    },
    performed: {
      description: '协议已履行，回访后结案归档。',
      meta: meta({ label: '已履行', labelEn: 'Performed', legalBasis: '人民调解法 第三十一条' }),
      on: {
        RECORD_FOLLOW_UP: { actions: 'markFollowUp' },
        ARCHIVE: { target: 'archived' },
      },
    },
    defaulted: {
      description: '当事人未履行协议：经司法确认的可申请强制执行，未经确认的可就协议起诉，也可重新调解。',
      meta: meta({ label: '未履行', labelEn: 'Not performed', legalBasis: '人民调解法 第三十二条、第三十三条' }),
      on: {
        // XState treats a transition with neither target nor actions as forbidden, so the action is what makes it allowed.
        ADVISE_ENFORCEMENT: { guard: 'wasConfirmed', actions: 'noteEnforcementAdvice' },
        JC_NOT_CONFIRMED: { actions: 'markNotConfirmed' },
        RECORD_PERFORMED: { target: 'performed' },
        REMEDIATE: { target: 'mediating' },
        ARCHIVE: { target: 'archived' },
      },
    },
    archived: {
      type: 'final',
      description: '卷宗（调解登记、调解工作记录、调解协议书）立卷归档。',
      meta: meta({ label: '结案归档', labelEn: 'Closed and archived', legalBasis: '人民调解法 第二十七条' }),
    },
    notAccepted: {
      type: 'final',
      meta: meta({ label: '不予受理', labelEn: 'Not accepted', legalBasis: '人民调解工作若干规定 第二十二条' }),
    },
    refused: {
      type: 'final',
      description: '一方当事人明确拒绝调解，已告知其他救济途径。',
      meta: meta({ label: '一方拒绝调解', labelEn: 'Refused by a party', legalBasis: '人民调解法 第十七条' }),
    },
    terminatedFailed: {
      type: 'final',
      description: '调解不成，终止调解，并告知当事人可依法通过仲裁、行政、司法等途径维护权利。',
      meta: meta({ label: '调解不成终止', labelEn: 'Ended without agreement', legalBasis: '人民调解法 第二十六条' }),
    },
    terminatedByParty: {
      type: 'final',
      meta: meta({ label: '当事人要求终止', labelEn: 'Ended at a party’s request', legalBasis: '人民调解法 第二十三条' }),
    },
    entrustmentReturned: {
      type: 'final',
      description: '调解组织说明理由退回人民法院的委托。',
      meta: meta({ label: '已退回委托', labelEn: 'Entrustment returned to the court', legalBasis: '人民法院在线调解规则 第十二条' }),
    },
    referralReturned: {
      type: 'final',
      description: '调解组织说明理由退回移交的纠纷。',
      meta: meta({ label: '已退回移交', labelEn: 'Referral returned', legalBasis: '人民调解法 第十八条' }),
    },
    entrustmentEnded: {
      type: 'final',
      description: '委托调解的人民法院终止委托：调解期限届满未达成协议、当事人撤诉或案件已另行处理。',
      meta: meta({ label: '法院终止委托', labelEn: 'Entrustment ended by the court', legalBasis: '最高人民法院关于人民法院特邀调解的规定 第二十一条、第二十七条' }),
    },
    transferred: {
      type: 'final',
      meta: meta({ label: '已移送', labelEn: 'Transferred', legalBasis: '人民调解法 第二十五条' }),
    },
  },
});
