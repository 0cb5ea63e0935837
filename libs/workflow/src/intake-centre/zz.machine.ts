import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { engineEffects, guardsFrom } from '../building-blocks';
import { isRiskLevel } from '../risk';
import type { Classification, ZzContext } from './zz.context';
import { zzPreconditions } from './zz.preconditions';

const meta = (m: StateMeta) => m;
const CENTRE_OPINION = '关于加强社会治安综合治理中心规范化建设的意见（2024）';

/** Service targets of the centre, not statutory periods: local rules set them, so both are configuration. */
const D_ZZ1: DeadlineSpec = {
  id: 'D-ZZ1',
  label: '甄别研判期限（登记之日起三个工作日）',
  period: { amount: 3, unit: 'day' },
  dayType: 'working',
  legalBasis: `信访工作条例 第三十一条；${CENTRE_OPINION}`,
  confidence: 'U',
  soft: true,
  configKey: 'zz.triagePeriod',
  metBy: ['TRIAGE'],
};
const D_ZZ2: DeadlineSpec = {
  id: 'D-ZZ2',
  label: '先行调解期限（开始调解之日起十五日）',
  period: { amount: 15, unit: 'day' },
  dayType: 'calendar',
  legalBasis: `人民调解法 第十七条；${CENTRE_OPINION}`,
  confidence: 'U',
  soft: true,
  configKey: 'zz.counterMediationPeriod',
  metBy: ['RESOLVE_AT_COUNTER', 'DISPATCH', 'REFER_OUTSIDE'],
};

const notifyRisk = {
  type: 'notifyRisk' as const,
  params: ({ event }: { event: WorkflowEvent }) => ({ level: event.data.level ?? event.data.riskLevel, reportedTo: event.data.reportedTo, summary: event.data.summary ?? event.data.assessment }),
};
const reportRisk = { REPORT_RISK: { actions: ['recordRisk', notifyRisk] } } as const;
const dispatch = { DISPATCH: { target: '#zz.supervising', guard: and(['channelFitsClassification', 'targetRecordKnown']), actions: ['recordTargets', 'countDispatch'] } } as const;
/** The receiving channels' records the event carries (triage, or a dispatch that supplies or corrects one). */
const TARGET_FIELDS = ['petition', 'reconsideration', 'landContract'] as const;
const targetsOf = (event: WorkflowEvent, context: ZzContext): Partial<ZzContext> => {
  const records: Partial<ZzContext> = {};
  for (const k of TARGET_FIELDS) if ((event.data[k] ?? context[k]) !== undefined) Object.assign(records, { [k]: event.data[k] ?? context[k] });
  return records;
};
const referOutside = { REFER_OUTSIDE: { target: '#zz.referredOutside', guard: 'authorityFitsClassification' } } as const;

export const zzMachine = setup({
  types: {} as { context: ZzContext; events: WorkflowEvent; input: ZzContext },
  guards: guardsFrom(zzPreconditions),
  actions: {
    ...engineEffects,
    recordTriage: assign({
      classification: ({ event }) => event.data.classification as Classification,
      legalChannel: ({ event }) => event.data.legalChannel as string | undefined,
      riskLevel: ({ event, context }) => (isRiskLevel(event.data.riskLevel) ? event.data.riskLevel : context.riskLevel),
      triagedOn: ({ event }) => event.today,
    }),
    recordTargets: assign(({ event, context }) => targetsOf(event, context)),
    recordRisk: assign({ riskLevel: ({ event, context }) => (isRiskLevel(event.data.level) ? event.data.level : context.riskLevel) }),
    startCounter: assign({ counterMediationStartedOn: ({ event }) => String(event.data.startedOn) }),
    recordResolution: assign({ resolvedOn: ({ event }) => String(event.data.resolvedOn) }),
    noteSession: assign({ lastSessionOn: ({ event }) => String(event.data.heldOn) }),
    noteReport: assign({ lastReportOn: ({ event }) => event.today }),
    countDispatch: assign({ dispatched: ({ context }) => context.dispatched + 1, openChildren: ({ context }) => context.openChildren + 1 }),
    countEnded: assign({ openChildren: ({ context }) => Math.max(0, context.openChildren - 1) }),
    recordFollowUp: assign({ followedUpOn: ({ event }) => String(event.data.visitedOn), satisfied: ({ event }) => event.data.satisfied === true }),
  },
}).createMachine({
  id: 'zz',
  initial: 'received',
  context: ({ input }) => input,
  states: {
    received: {
      description: '综治中心窗口登记、网格员上报、12345 热线或信访转入的矛盾纠纷，一案一码登记受理（“一把抓”）。',
      tags: ['awaitingTriage'],
      meta: meta({ label: '登记受理', labelEn: 'Registered', legalBasis: CENTRE_OPINION, deadlines: [D_ZZ1] }),
      on: { TRIAGE: { target: 'triaged', actions: ['recordTriage', 'recordTargets', notifyRisk] }, ...reportRisk },
    },
    triaged: {
      description: '甄别研判：纠纷类别、当事人、法定化解途径和风险等级。依法分类处理，法定途径优先，信访渠道只受理没有法定途径的事项。',
      tags: ['awaitingDispatch'],
      meta: meta({ label: '甄别研判', labelEn: 'Triaged', legalBasis: `信访工作条例 第三十一条；${CENTRE_OPINION}` }),
      on: {
        START_COUNTER_MEDIATION: { target: 'firstLineMediation', guard: and(['everyPartyConsents', 'startedNotInFuture']), actions: 'startCounter' },
        ...dispatch,
        ...referOutside,
        ...reportRisk,
      },
    },
    firstLineMediation: {
      description: '先行调解：驻点调解员在中心窗口调解；调解成功的回访结案，不成的分流到法定渠道。',
      tags: ['awaitingDispatch'],
      meta: meta({ label: '先行调解', labelEn: 'Mediation at the counter', legalBasis: `人民调解法 第十七条；${CENTRE_OPINION}`, deadlines: [D_ZZ2] }),
      on: {
        RECORD_COUNTER_SESSION: { actions: 'noteSession' },
        RESOLVE_AT_COUNTER: { target: 'resolved', guard: 'resolvedNotInFuture', actions: 'recordResolution' },
        ...dispatch,
        ...referOutside,
        ...reportRisk,
      },
    },
    resolved: {
      description: '先行调解成功，待回访。',
      tags: ['followUpDue'],
      meta: meta({ label: '先行调解成功', labelEn: 'Resolved at the counter', legalBasis: CENTRE_OPINION }),
      on: { RECORD_FOLLOW_UP: { target: 'followedUp', guard: 'visitedNotInFuture', actions: 'recordFollowUp' }, ...reportRisk },
    },
    supervising: {
      description: '跟踪督办：中心程序性推进、承办部门实质性化解；逐案盯办期限，逾期或临期的督办。全部分流案件办结后回访。',
      tags: ['supervising'],
      meta: meta({ label: '跟踪督办', labelEn: 'Supervising dispatched cases', legalBasis: CENTRE_OPINION }),
      on: {
        ...dispatch,
        SUPERVISE: { actions: [{ type: 'supervise', params: { caseField: 'childCaseId', noteField: 'note' } }] },
        CHILD_REPORTED: { actions: 'noteReport' },
        CHILD_ENDED: { actions: 'countEnded' },
        RECORD_FOLLOW_UP: { target: 'followedUp', guard: and(['everyChildEnded', 'visitedNotInFuture']), actions: 'recordFollowUp' },
        ...reportRisk,
      },
    },
    followedUp: {
      description: '已回访当事人，了解化解结果和满意度。',
      tags: ['followUpDue'],
      meta: meta({ label: '已回访', labelEn: 'Followed up', legalBasis: CENTRE_OPINION }),
      on: { RECORD_FOLLOW_UP: { guard: 'visitedNotInFuture', actions: 'recordFollowUp' }, CLOSE: { target: 'closed', guard: 'everyChildEnded' }, ...reportRisk },
    },
    closed: {
      type: 'final',
      description: '案结事了：全部分流案件办结、回访完毕，闭环管理。',
      meta: meta({ label: '案结事了', labelEn: 'Closed', legalBasis: CENTRE_OPINION }),
    },
    referredOutside: {
      type: 'final',
      description: '移交本系统外的机关（公安、检察、人民政府、行政复议机关或信访工作机构）依法处理。',
      meta: meta({ label: '已移交其他机关', labelEn: 'Referred outside', legalBasis: '信访工作条例 第三十一条' }),
    },
  },
});
