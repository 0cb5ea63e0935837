import type { EventBus } from '@nestjs/cqrs';
import { AuditStore, ChainHash, GENESIS_HASH, hashEntry, type AuditEntry } from '@app/audit';
import { BUNDLED_HOLIDAYS, LegalCalendar } from '@app/calendar';
import { DeadlinePlanner, type DeadlineRecord } from '@app/deadlines';
import type { Viewer } from '@app/organisations';
import { ForbiddenError, ManualClock, ValidationError } from '@app/shared';
import {
  ALL_MIGRATIONS,
  judicialConfirmation as v1,
  judicialConfirmationV2 as v2,
  peopleMediation,
  WorkflowMigrations,
  WorkflowNotFoundError,
  WorkflowRegistry,
  type WorkflowMigration,
} from '@app/workflow';
import type { CaseRecord } from '../../domain/case-record';
import { CaseReadModel, type CaseListFilter, type CasePage, type PinnedCase } from '../../ports/case-read-model.port';
import { CaseStore, type CommitPlan, type CommitResult, type IdempotentResult, type LoadedCase } from '../../ports/case-store.port';
import { MigrateCasesCommand } from './migrate-cases.command';
import { MigrateCasesHandler } from './migrate-cases.handler';

/*
 * The migration command over in-memory ports: what it plans and commits for each case, what it reports, and that a
 * case changed meanwhile is reported and left whole. The SQL stores and the HTTP edge are covered by
 * test/e2e/workflow-versions.e2e-spec.ts.
 */

const NOW = new Date('2025-03-25T02:00:00.000Z');
const planner = new DeadlinePlanner(() => new LegalCalendar(BUNDLED_HOLIDAYS));
const ADMIN: Viewer = { userId: 'u-admin', username: 'admin', displayName: '管理员', roles: ['ADMIN'], orgId: 'org-bureau', regionCode: '330199' };

class MemoryStore extends CaseStore {
  readonly cases = new Map<string, LoadedCase>();
  readonly commits: CommitPlan[] = [];
  /** Cases another writer moves on between the migration's read and its commit. */
  readonly changedMeanwhile = new Set<string>();

  async load(id: string) {
    return structuredClone(this.cases.get(id) ?? null);
  }
  async findRelated(): Promise<LoadedCase[]> {
    return [];
  }
  async findIdempotent(): Promise<IdempotentResult | null> {
    return null;
  }
  async sweepIdempotent(): Promise<number> {
    return 0;
  }
  async commit(plan: CommitPlan): Promise<CommitResult> {
    const { expectedVersion, record } = plan.update!;
    const current = this.cases.get(record.id)!;
    if (this.changedMeanwhile.has(record.id) || current.record.version !== expectedVersion) return 'conflict';
    const closed = new Map(plan.deadlinesClosed.map((c) => [c.id, c]));
    this.cases.set(record.id, { record, deadlines: [...current.deadlines.map((d) => (closed.has(d.id) ? { ...d, ...closed.get(d.id)! } : d)), ...plan.deadlinesOpened] });
    this.commits.push(plan);
    return 'committed';
  }
}

class MemoryReadModel extends CaseReadModel {
  constructor(private readonly store: MemoryStore) {
    super();
  }
  async list(_f: CaseListFilter): Promise<CasePage> {
    return { items: [], total: 0, totalCapped: false };
  }
  async deadlinesOf(): Promise<DeadlineRecord[]> {
    return [];
  }
  async pinnedTo(workflowId: string, version: number): Promise<PinnedCase[]> {
    return [...this.store.cases.values()]
      .map((c) => c.record)
      .filter((r) => r.workflowId === workflowId && r.workflowVersion === version)
      .map((r) => ({ id: r.id, caseNo: r.caseNo, state: r.state, closed: r.closed, version: r.version }));
  }
}

class MemoryAudit extends AuditStore {
  readonly entries = new Map<string, AuditEntry[]>();
  async history(caseId: string) {
    return this.entries.get(caseId) ?? [];
  }
  async snapshot<T>(): Promise<T> {
    throw new Error('not used');
  }
  async estimateSize() {
    return { cases: 0, entries: 0 };
  }
}

const CONTEXT = { partyIds: ['P1', 'P2'], openedOn: '2025-03-01', agreementEffectiveOn: '2025-03-01', performanceDueOn: '2025-04-30', registeredOn: '2025-03-05', servedOn: '2025-03-20' };

function jcCase(id: string, state: string, over: Partial<CaseRecord> = {}, context: Record<string, unknown> = CONTEXT): LoadedCase {
  const record: CaseRecord = {
    id,
    caseNo: `（2025）青溪法院民特确字第${id}号`,
    workflowId: 'jc',
    workflowVersion: 1,
    state,
    context,
    version: 6,
    deadlinesRev: 0,
    headHash: `head-of-${id}`,
    orgId: 'org-court',
    originOrgId: null,
    originCaseId: null,
    originRoute: null,
    disputeCode: `D-${id}`,
    regionCode: '330199101201',
    category: 'NEIGHBOUR',
    summary: '相邻关系纠纷',
    source: 'APPLICATION',
    parties: [],
    links: [],
    assigneeId: null,
    closed: false,
    openedAt: '2025-03-01T02:00:00.000Z',
    openedBy: 'u-clerk',
    updatedAt: '2025-03-20T02:00:00.000Z',
    ...over,
  };
  const deadlines = planner.plan({ def: v1, state, context, caseId: id, orgId: record.orgId, enteredOn: '2025-03-20', now: new Date('2025-03-20T02:00:00.000Z') });
  return { record, deadlines };
}

function setUp(migrations: WorkflowMigration[] = ALL_MIGRATIONS, registry = new WorkflowRegistry([peopleMediation, v1, v2])) {
  const store = new MemoryStore();
  const audit = new MemoryAudit();
  const published: unknown[] = [];
  const handler = new MigrateCasesHandler(
    registry,
    new WorkflowMigrations(migrations, registry),
    new MemoryReadModel(store),
    store,
    audit,
    planner,
    new ManualClock(NOW),
    { publish: (e: unknown) => published.push(e) } as unknown as EventBus,
    // SM3 here, so the MIGRATE entry shows it is chained with the deployment's hash, not a built-in one.
    new ChainHash('sm3'),
  );
  const add = (...cases: LoadedCase[]) => cases.forEach((c) => store.cases.set(c.record.id, c));
  return { handler, store, audit, published, add };
}

const run = (handler: MigrateCasesHandler, dryRun: boolean, from = 1, to = 2, viewer = ADMIN, workflow = 'jc') => handler.execute(new MigrateCasesCommand(viewer, workflow, from, to, dryRun));

describe('MigrateCasesHandler', () => {
  it('previews every case of the version without writing: movable ones with their target, closed ones refused', async () => {
    const { handler, store, add } = setUp();
    add(jcCase('1', 'objectionWindow'), jcCase('2', 'withdrawn', { closed: true }), { ...jcCase('3', 'preparing'), record: { ...jcCase('3', 'preparing').record, workflowVersion: 2 } });
    const report = await run(handler, true);
    expect(report).toMatchObject({ workflow: 'jc', fromVersion: 1, toVersion: 2, dryRun: true, description: expect.stringMatching(/利害关系人/), counts: { total: 2, movable: 1, migrated: 0, refused: 1, conflicts: 0 } });
    expect(report.cases).toEqual([
      {
        caseId: '1',
        caseNo: '（2025）青溪法院民特确字第1号',
        outcome: 'MOVABLE',
        from: { version: 1, state: 'objectionWindow', stateLabel: '异议期' },
        to: { version: 2, state: 'objectionWindow', stateLabel: '异议期' },
        reason: null,
        caseVersion: 6,
        deadlines: { closed: [], opened: [] },
      },
      {
        caseId: '2',
        caseNo: '（2025）青溪法院民特确字第2号',
        outcome: 'REFUSED',
        from: { version: 1, state: 'withdrawn', stateLabel: '撤回申请' },
        to: null,
        reason: '案件已结案（撤回申请），结案的案件保留在第1版，不迁移',
        caseVersion: 6,
        deadlines: { closed: [], opened: [] },
      },
    ]);
    expect(store.commits).toEqual([]);
  });

  it('commits each movable case alone: conditional update, one MIGRATE entry chained on the last, deadlines kept', async () => {
    const { handler, store, published, add } = setUp();
    const before = jcCase('1', 'objectionWindow');
    add(before, jcCase('2', 'enforceable'));
    const report = await run(handler, false);
    expect(report.counts).toEqual({ total: 2, movable: 0, migrated: 2, refused: 0, conflicts: 0 });
    expect(report.cases.map((c) => [c.caseId, c.outcome, c.caseVersion])).toEqual([
      ['1', 'MIGRATED', 7],
      ['2', 'MIGRATED', 7],
    ]);
    expect(store.commits).toHaveLength(2);
    const [plan] = store.commits;
    expect(plan.update).toEqual({ expectedVersion: 6, record: expect.objectContaining({ id: '1', workflowVersion: 2, state: 'objectionWindow', version: 7, closed: false, context: before.record.context }) });
    expect(plan.audit).toHaveLength(1);
    const [entry] = plan.audit;
    expect(entry).toMatchObject({
      caseId: '1',
      seq: 7,
      type: 'MIGRATE',
      from: 'objectionWindow',
      to: 'objectionWindow',
      actorId: 'u-admin',
      actorRole: 'ADMIN',
      at: NOW.toISOString(),
      prevHash: 'head-of-1',
      data: expect.objectContaining({ fromVersion: 1, toVersion: 2, fromState: 'objectionWindow', toState: 'objectionWindow' }),
    });
    const { prevHash: _p, hash, ...content } = entry;
    expect(hash).toBe(hashEntry('sm3', 'head-of-1', content));
    expect(hash).not.toBe(hashEntry('sha256', 'head-of-1', content));
    expect(plan.update!.record.headHash).toBe(hash);
    // D-JC4 runs on under v2 with the same row: its due date, pauses and extensions are the case's own.
    expect(plan.deadlinesClosed).toEqual([]);
    expect(plan.deadlinesOpened).toEqual([]);
    expect(store.cases.get('1')!.deadlines).toEqual(before.deadlines);
    expect(published).toHaveLength(2);
    expect(hash).not.toBe(GENESIS_HASH);
  });

  it('reports a case that changed meanwhile and leaves it whole, the others still moving', async () => {
    const { handler, store, add } = setUp();
    add(jcCase('1', 'objectionWindow'), jcCase('2', 'verification'));
    store.changedMeanwhile.add('1');
    const report = await run(handler, false);
    expect(report.counts).toMatchObject({ migrated: 1, conflicts: 1 });
    expect(report.cases[0]).toMatchObject({ caseId: '1', outcome: 'CONFLICT', to: null, reason: '案件在迁移过程中被修改，未迁移；请重新预览后再迁移', caseVersion: 6 });
    expect(store.cases.get('1')!.record).toMatchObject({ workflowVersion: 1, version: 6, headHash: 'head-of-1' });
    expect(store.commits.map((p) => p.update!.record.id)).toEqual(['2']);
  });

  it('reports a case that is no longer on the version it was listed under', async () => {
    const { handler, store, add } = setUp();
    add(jcCase('1', 'objectionWindow'));
    const load = store.load.bind(store);
    store.loadMany = async (ids) => (await Promise.all(ids.map(load))).map((c) => ({ ...c!, record: { ...c!.record, workflowVersion: 2 } }));
    const report = await run(handler, false);
    expect(report.cases[0]).toMatchObject({ outcome: 'CONFLICT', reason: '案件已不在第1版，未迁移' });
    expect(store.commits).toEqual([]);
  });

  describe('deadlines of a state that changes', () => {
    /** A hypothetical migration moving cases between states, to show how their deadlines follow. */
    const moving = (map: Record<string, string>, extra: Record<string, unknown> = {}): WorkflowMigration => ({
      workflow: 'jc',
      from: 1,
      to: 2,
      description: '测试迁移',
      migrate: ({ value, context }) => ({ value: map[value] ?? value, context: { ...context, ...extra } }),
    });

    it('closes those the new state does not run and opens those it declares, anchored on the context', async () => {
      const { handler, store, add } = setUp([moving({ acceptanceReview: 'registered' }, { registeredOn: '2025-03-24' })]);
      const before = jcCase('1', 'acceptanceReview', {}, { ...CONTEXT, registeredOn: undefined });
      add(before);
      const report = await run(handler, false);
      const dJc2 = before.deadlines.find((d) => d.specId === 'D-JC2')!;
      expect(report.cases[0].deadlines).toEqual({
        closed: [{ id: dJc2.id, specId: 'D-JC2', label: dJc2.label, status: 'missed' }],
        opened: [{ specId: 'D-JC3', label: '审查期限（立案之日起三十日）', dueOn: '2025-04-23' }],
      });
      const [plan] = store.commits;
      expect(plan.deadlinesClosed).toEqual([{ id: dJc2.id, status: 'missed', closedAt: NOW.toISOString() }]);
      expect(plan.deadlinesOpened).toEqual([expect.objectContaining({ caseId: '1', specId: 'D-JC3', state: 'registered', anchorOn: '2025-03-24', status: 'pending' })]);
      expect(plan.audit[0].data).toMatchObject({ deadlinesClosed: [{ id: dJc2.id, specId: 'D-JC2', status: 'missed' }], deadlinesOpened: [{ specId: 'D-JC3', dueOn: '2025-04-23' }] });
    });

    it('starts a deadline counted from entering the state on the day the case entered it, from its audit trail', async () => {
      const { handler, audit, add } = setUp([moving({ preparing: 'filed' })]);
      add(jcCase('1', 'preparing'));
      audit.entries.set('1', [{ caseId: '1', seq: 1, at: '2025-03-21T01:00:00.000Z', actorId: 'u', actorRole: 'COURT_CLERK', type: 'OPEN', from: null, to: 'preparing', data: {}, prevHash: GENESIS_HASH, hash: 'h1' }]);
      const report = await run(handler, true);
      // JC-RECEIPT: three days from 2025-03-21, the day the case entered the state it is moved from.
      expect(report.cases[0].deadlines.opened).toEqual([expect.objectContaining({ specId: 'JC-RECEIPT', dueOn: '2025-03-24' })]);
      expect(report.cases[0].deadlines.closed).toEqual([expect.objectContaining({ specId: 'D-JC1', status: 'cancelled' })]);
    });

    it('refuses a case the migration maps to a state the new version does not have, naming it', async () => {
      const { handler, add } = setUp([moving({ verification: 'hearing' })]);
      add(jcCase('1', 'verification'));
      const report = await run(handler, true);
      expect(report.cases[0]).toMatchObject({ outcome: 'REFUSED', reason: '迁移结果“hearing”不是司法确认第2版的状态，请检查迁移定义' });
    });
  });

  describe('refuses', () => {
    it.each([
      ['an unregistered source version', 9, 2, [['fromVersion', '司法确认流程没有第9版（已登记：第1版、第2版）']]],
      ['an unregistered target version', 1, 3, [['toVersion', '司法确认流程没有第3版（已登记：第1版、第2版）']]],
      ['two unregistered versions', 7, 8, [['fromVersion', '司法确认流程没有第7版（已登记：第1版、第2版）'], ['toVersion', '司法确认流程没有第8版（已登记：第1版、第2版）']]],
      ['a target that is not later', 2, 1, [['toVersion', '目标版本须晚于原版本']]],
      ['the same version', 2, 2, [['toVersion', '目标版本须晚于原版本']]],
    ])('%s with a 400 naming the field', async (_name, from, to, fields) => {
      const { handler } = setUp();
      const error = await run(handler, true, from, to).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors.map((e) => [e.field, e.messageZh])).toEqual(fields);
    });

    it('two registered versions with no migration declared between them', async () => {
      const registry = new WorkflowRegistry([peopleMediation, v1, v2, { ...v2, version: 3 }]);
      const { handler } = setUp(ALL_MIGRATIONS, registry);
      const error = await run(handler, true, 2, 3).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors).toEqual([{ field: 'toVersion', message: expect.any(String), messageZh: '未声明从第2版到第3版的迁移（已声明：第1版→第2版）' }]);
    });

    it('an unknown workflow as not found', async () => {
      await expect(run(setUp().handler, true, 1, 2, ADMIN, 'xf')).rejects.toBeInstanceOf(WorkflowNotFoundError);
    });

    it('anyone but an administrator', async () => {
      const { handler, store, add } = setUp();
      add(jcCase('1', 'objectionWindow'));
      await expect(run(handler, false, 1, 2, { ...ADMIN, roles: ['JUDGE'] })).rejects.toBeInstanceOf(ForbiddenError);
      expect(store.commits).toEqual([]);
    });
  });
});
