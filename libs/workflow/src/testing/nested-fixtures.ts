import { setup } from 'xstate';
import { guardsFrom } from '../building-blocks';
import type { DeadlineSpec, EventSpec, Precondition, StateMeta, WorkflowDefinition, WorkflowEvent } from '../definition';

/*
 * Two small machines for the tests of nested and parallel states: not channels, and never registered. Their law is
 * only plausible; what matters is the shape (a compound state with a deadline of its own, a deadline running through
 * a compound state, a final child ending its parent by onDone, a parallel state with two regions).
 */

const meta = (m: StateMeta) => m;
const mediatorOnly = (label: string, labelEn: string): EventSpec => ({ label, labelEn, roles: ['MEDIATOR'] });
const systemOnly = (label: string, labelEn: string): EventSpec => ({ label, labelEn, roles: ['SYSTEM'] });

/** Fields a definition needs beyond what these tests read (the channel manifest). */
const notAChannel = {
  manifest: {
    caseNumberKind: '测',
    roles: {},
    caseHandlingRoles: [],
    staff: {},
    deadlineOfficers: [],
    orgTypes: {},
    handlingOrgTypes: [],
    outcomes: {},
    relationLabel: '测试',
    queues: [],
  },
};

const deadline = (id: string, label: string, amount: number, unit: 'day' | 'month', extra: Partial<DeadlineSpec> = {}): DeadlineSpec => ({
  id,
  label,
  period: { amount, unit },
  dayType: 'calendar',
  legalBasis: '测试规则 第一条',
  confidence: 'V',
  ...extra,
});

// ---------- nested: a trial with two procedures ----------

const nestedPreconditions: Record<string, Precondition> = {
  hasReasons: {
    check: (_context, event: WorkflowEvent) => typeof event.data.reasons === 'string' && event.data.reasons !== '',
    message: '裁判须说明理由',
    messageEn: 'A ruling must give reasons',
    legalBasis: '测试规则 第二条',
  },
};

type ExampleContext = { partyIds: string[]; openedOn: string };

const nestedMachine = setup({
  types: {} as { context: ExampleContext; events: WorkflowEvent; input: ExampleContext },
  guards: guardsFrom(nestedPreconditions),
}).createMachine({
  id: 'nx',
  initial: 'filed',
  context: ({ input }) => input,
  states: {
    filed: {
      description: '已立案，待开庭。',
      tags: ['inbox'],
      meta: meta({
        label: '已立案',
        labelEn: 'Filed',
        // The period to conclude starts at filing and runs on through the whole trial, whichever procedure.
        deadlines: [deadline('D-N1', '审理期限', 6, 'month', { runsThrough: ['trial'], metBy: ['RULE', 'SETTLE'] })],
      }),
      on: { START_TRIAL: { target: 'trial' }, WITHDRAW: { target: 'withdrawn' } },
    },
    trial: {
      description: '审理中：先适用简易程序，可转为普通程序。',
      meta: meta({ label: '审理', labelEn: 'Trial', deadlines: [deadline('D-N2', '举证期限', 15, 'day')] }),
      initial: 'simple',
      on: { RULE: { target: 'ruled', guard: 'hasReasons' }, WITHDRAW: { target: 'withdrawn' } },
      onDone: { target: 'settled' },
      states: {
        simple: {
          meta: meta({ label: '简易程序', labelEn: 'Simple procedure', deadlines: [deadline('D-N3', '简易程序审限', 3, 'month', { onExpiry: 'SIMPLE_OVERDUE' })] }),
          on: { CONVERT_TO_ORDINARY: { target: 'ordinary' }, SIMPLE_OVERDUE: { target: 'ordinary' }, SETTLE: { target: 'settledInCourt' } },
        },
        ordinary: {
          meta: meta({ label: '普通程序', labelEn: 'Ordinary procedure' }),
          on: { SETTLE: { target: 'settledInCourt' } },
        },
        settledInCourt: { type: 'final', meta: meta({ label: '当庭调解', labelEn: 'Settled in court' }) },
      },
    },
    ruled: { type: 'final', meta: meta({ label: '已判决', labelEn: 'Ruled' }) },
    settled: { type: 'final', meta: meta({ label: '调解结案', labelEn: 'Settled' }) },
    withdrawn: { type: 'final', meta: meta({ label: '已撤诉', labelEn: 'Withdrawn' }) },
  },
});

/** A trial (`trial.simple` → `trial.ordinary`), with deadlines on a top-level state, the compound state and a child. */
export const nestedExample: WorkflowDefinition = {
  id: 'nx',
  version: 1,
  title: '嵌套状态示例',
  titleEn: 'Nested states example',
  legalBasis: '测试规则 第一条',
  machine: nestedMachine,
  events: {
    START_TRIAL: mediatorOnly('开庭', 'Start the trial'),
    CONVERT_TO_ORDINARY: mediatorOnly('转普通程序', 'Convert to the ordinary procedure'),
    SIMPLE_OVERDUE: systemOnly('简易程序审限届满', 'Simple-procedure period expired'),
    SETTLE: mediatorOnly('当庭调解', 'Settle in court'),
    RULE: { ...mediatorOnly('判决', 'Rule'), preconditions: ['hasReasons'] },
    WITHDRAW: mediatorOnly('撤诉', 'Withdraw'),
  },
  preconditions: nestedPreconditions,
  openRoles: ['MEDIATOR'],
  initialContext: ({ partyIds, openedOn }) => ({ partyIds, openedOn }),
  ...notAChannel,
};

// ---------- parallel: an arbitration whose hearing and risk flag move independently ----------

const parallelMachine = setup({
  types: {} as { context: ExampleContext; events: WorkflowEvent; input: ExampleContext },
}).createMachine({
  id: 'px',
  initial: 'applied',
  context: ({ input }) => input,
  states: {
    applied: { meta: meta({ label: '已申请', labelEn: 'Applied' }), on: { ACCEPT: { target: 'arb' } } },
    arb: {
      type: 'parallel',
      description: '仲裁中：庭审进程与风险标记各自推进。',
      meta: meta({ label: '仲裁', labelEn: 'Arbitration', deadlines: [deadline('D-P1', '仲裁审理期限', 45, 'day', { metBy: ['AWARD'] })] }),
      on: { AWARD: { target: 'awarded' }, WITHDRAW: { target: 'withdrawn' } },
      states: {
        hearing: {
          meta: meta({ label: '庭审', labelEn: 'Hearing' }),
          initial: 'noticed',
          states: {
            noticed: { meta: meta({ label: '已通知开庭', labelEn: 'Hearing noticed' }), on: { HEAR: { target: 'heard' } } },
            heard: { meta: meta({ label: '已开庭', labelEn: 'Heard' }) },
          },
        },
        flags: {
          meta: meta({ label: '风险', labelEn: 'Risk' }),
          initial: 'none',
          states: {
            none: { meta: meta({ label: '无风险', labelEn: 'No risk' }), on: { REPORT_RISK: { target: 'riskReported' } } },
            riskReported: {
              meta: meta({ label: '已报告风险', labelEn: 'Risk reported', deadlines: [deadline('D-P2', '风险处置期限', 3, 'day', { soft: true, metBy: ['RESOLVE_RISK'] })] }),
              on: { RESOLVE_RISK: { target: 'none' } },
            },
          },
        },
      },
    },
    awarded: { type: 'final', meta: meta({ label: '已裁决', labelEn: 'Awarded' }) },
    withdrawn: { type: 'final', meta: meta({ label: '已撤回', labelEn: 'Withdrawn' }) },
  },
});

/** An arbitration (`arb`) with two regions, `hearing` and `flags`; deadlines on the parallel state and in a region. */
export const parallelExample: WorkflowDefinition = {
  id: 'px',
  version: 1,
  title: '并行状态示例',
  titleEn: 'Parallel states example',
  legalBasis: '测试规则 第一条',
  machine: parallelMachine,
  events: {
    ACCEPT: mediatorOnly('受理', 'Accept'),
    HEAR: mediatorOnly('开庭审理', 'Hold the hearing'),
    REPORT_RISK: mediatorOnly('报告风险', 'Report a risk'),
    RESOLVE_RISK: mediatorOnly('化解风险', 'Resolve the risk'),
    AWARD: mediatorOnly('裁决', 'Make the award'),
    WITHDRAW: mediatorOnly('撤回申请', 'Withdraw'),
  },
  preconditions: {},
  openRoles: ['MEDIATOR'],
  initialContext: ({ partyIds, openedOn }) => ({ partyIds, openedOn }),
  ...notAChannel,
};
