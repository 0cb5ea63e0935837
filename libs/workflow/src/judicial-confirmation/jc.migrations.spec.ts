import { ALL_WORKFLOWS } from '../channels';
import { decide, type PersistedState } from '../decide';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { isRefusal, WorkflowMigrations, type MigrationResult, type WorkflowMigration } from '../migration';
import { ALL_MIGRATIONS } from '../migrations';
import { WorkflowRegistry } from '../registry';
import { judicialConfirmationV2 as v2 } from './jc-v2.workflow';
import type { JcContext } from './jc.context';
import { JC_V1_TO_V2_STATES, jcV1ToV2 } from './jc.migrations';
import { judicialConfirmation as v1 } from './jc.workflow';

const TODAY = '2025-03-20';
const OPENING: JcContext = v1.initialContext({ partyIds: ['p1', 'p2'], openedOn: '2025-03-18', input: { agreementEffectiveOn: '2025-03-05', performanceDueOn: '2025-04-30' } });
/** A v1 context as far along as a case gets: every fact v1 records is set. */
const FULL: JcContext = { ...OPENING, registeredOn: '2025-03-19', supplementDueOn: '2025-03-27', servedOn: '2025-03-20' };

const states = (def: typeof v1) => describeWorkflow(def).states;
const LIVE_V1 = states(v1).filter((s) => !s.final).map((s) => s.id);
const FINAL_V1 = states(v1).filter((s) => s.final).map((s) => s.id);

function moved(result: MigrationResult): PersistedState {
  if (isRefusal(result)) throw new Error(`refused: ${result.refused}`);
  return result;
}

describe('jc v1 → v2 migration', () => {
  it('is declared for jc from version 1 to version 2, with a Chinese description', () => {
    expect(jcV1ToV2).toMatchObject({ workflow: 'jc', from: 1, to: 2, description: expect.stringMatching(/利害关系人/) });
    expect(ALL_MIGRATIONS).toContain(jcV1ToV2);
  });

  it('maps every open v1 state, and only those', () => {
    expect(Object.keys(JC_V1_TO_V2_STATES).sort()).toEqual([...LIVE_V1].sort());
  });

  it.each(LIVE_V1)('moves %s to the v2 state of the same id and meaning', (state) => {
    const result = moved(jcV1ToV2.migrate({ value: state, context: FULL }));
    expect(result.value).toBe(state);
    const before = states(v1).find((s) => s.id === state)!;
    const after = states(v2).find((s) => s.id === result.value)!;
    expect(after).toMatchObject({ final: false, label: before.label, labelEn: before.labelEn });
    // The snapshot is one the v2 machine can restore.
    expect(() => v2.machine.resolveState({ value: result.value, context: result.context })).not.toThrow();
  });

  it.each(FINAL_V1)('refuses the closed state %s with a reason naming it', (state) => {
    const result = jcV1ToV2.migrate({ value: state, context: FULL });
    const label = states(v1).find((s) => s.id === state)!.label;
    expect(result).toEqual({ refused: `案件已办结（${label}），已结案的案件保留在原版本，不迁移` });
  });

  it('refuses a state v1 does not have, naming it', () => {
    expect(jcV1ToV2.migrate({ value: 'mediating', context: FULL })).toEqual({ refused: '第1版司法确认流程没有“mediating”状态，无法确定迁移后的状态' });
  });

  describe('context', () => {
    it('keeps every v1 fact unchanged and adds no parties’ objection window', () => {
      const result = moved(jcV1ToV2.migrate({ value: 'objectionReview', context: FULL }));
      expect(result.context).toEqual(FULL);
      expect(result.context).not.toHaveProperty('partiesObjectionDueOn');
    });

    it('keeps the opening facts of a case still preparing its application, unset facts left unset', () => {
      const result = moved(jcV1ToV2.migrate({ value: 'preparing', context: OPENING }));
      expect(result.context).toEqual(OPENING);
      expect(Object.keys(result.context).sort()).toEqual(Object.keys(OPENING).sort());
    });

    it('does not change the case it was given', () => {
      const context = structuredClone(FULL);
      jcV1ToV2.migrate({ value: 'enforceable', context });
      expect(context).toEqual(FULL);
    });
  });

  describe('a migrated case answers the v1 events as v1 did', () => {
    const data: Record<string, Record<string, unknown>> = {
      FILE: { applicantPartyIds: ['p1', 'p2'], form: 'WRITTEN' },
      SIGN_FOR: {},
      RETURN: { reason: 'INCOMPLETE', explanation: '缺少调解协议原件' },
      REGISTER: { docketNo: '（2025）浙0102民特12号', registeredOn: TODAY },
      NOT_ACCEPT: { ground: 'PERSONAL_STATUS' },
      REQUEST_SUPPLEMENT: { items: ['调解证明'], dueOn: '2025-03-27' },
      SUBMIT_SUPPLEMENT: {},
      SCHEDULE_VERIFICATION: { scheduledOn: '2025-03-25' },
      DEEM_WITHDRAWN: { reason: 'NO_SUPPLEMENT' },
      WITHDRAW: { partyIds: ['p1'] },
      RULE_VALID: { rulingNo: '（2025）民特12号', ruledOn: TODAY },
      DISMISS: { ground: 'CONTENT_UNCLEAR', rulingNo: '（2025）民特12号' },
      SERVE_RULING: { servedOn: TODAY },
      FILE_OBJECTION: { partyIds: ['p2'], grounds: '受到胁迫' },
      REJECT_OBJECTION: { rulingNo: '（2025）民特12号之一' },
      REVOKE_RULING: { rulingNo: '（2025）民特12号之一' },
      APPLY_ENFORCEMENT: { applicantPartyIds: ['p1'], appliedOn: TODAY },
      RECORD_PERFORMED: { performedOn: TODAY },
    };
    const event = (type: string): WorkflowEvent => ({
      type,
      data: data[type] ?? {},
      at: `${TODAY}T02:00:00.000Z`,
      today: TODAY,
      deadlines: { 'D-JC1': '2025-04-04', 'D-JC4': '2025-04-07' },
      actor: { id: 'u-1', role: v1.events[type].roles[0] },
    });
    const rows = describeWorkflow(v1)
      .transitions.filter((t) => LIVE_V1.includes(t.from))
      .map((t) => [t.from, t.event] as const);

    it.each(rows)('%s --%s-->', (from, type) => {
      const before: PersistedState = { value: from, context: FULL };
      const inV1 = decide(v1, before, event(type));
      const inV2 = decide(v2, moved(jcV1ToV2.migrate(before)), event(type));
      expect(inV1.allowed).toBe(true);
      expect(inV2).toEqual({ ...inV1, context: expect.objectContaining(inV1.allowed ? inV1.context : {}) });
    });
  });
});

describe('WorkflowMigrations', () => {
  const registry = new WorkflowRegistry(ALL_WORKFLOWS);

  it('finds every shipped migration between registered versions', () => {
    const migrations = new WorkflowMigrations(ALL_MIGRATIONS, registry);
    expect(migrations.find('jc', 1, 2)).toBe(jcV1ToV2);
    expect(migrations.find('jc', 2, 1)).toBeUndefined();
    expect(migrations.of('jc')).toEqual([jcV1ToV2]);
    expect(migrations.of('pm')).toEqual([]);
  });

  it('refuses at startup a migration to or from a version that is not registered, backwards, or declared twice', () => {
    const bad: WorkflowMigration[] = [
      { ...jcV1ToV2, to: 3 },
      { ...jcV1ToV2, from: 2, to: 1 },
      jcV1ToV2,
      jcV1ToV2,
    ];
    expect(() => new WorkflowMigrations(bad, registry)).toThrow(/jc@1->3: jc@3 is not registered[\s\S]*jc@2->1 does not go to a later version[\s\S]*jc@1->2 is declared twice/);
  });
});
