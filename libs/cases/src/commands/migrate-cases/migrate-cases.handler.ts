import { CommandHandler, EventBus, type ICommandHandler } from '@nestjs/cqrs';
import { AuditStore, ChainHash } from '@app/audit';
import { chinaDate, type IsoDate } from '@app/calendar';
import { DeadlinePlanner } from '@app/deadlines';
import { Clock, ForbiddenError, ValidationError } from '@app/shared';
import { deadlinesOf, WorkflowMigrations, WorkflowNotFoundError, WorkflowRegistry, type WorkflowDefinition, type WorkflowMigration } from '@app/workflow';
import { publishChanges } from '../../domain/apply-transition';
import { emptyPlan } from '../../domain/write-planner';
import { CaseReadModel, type PinnedCase } from '../../ports/case-read-model.port';
import { CaseStore, type LoadedCase } from '../../ports/case-store.port';
import { labelIn, planCaseMigration, type PlannedMigration } from './case-migration';
import { MigrateCasesCommand, type CaseMigrationResult, type MigrationReport } from './migrate-cases.command';

/** Cases loaded per query; each is still committed in its own transaction. */
const BATCH = 100;

@CommandHandler(MigrateCasesCommand)
export class MigrateCasesHandler implements ICommandHandler<MigrateCasesCommand> {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly migrations: WorkflowMigrations,
    private readonly cases: CaseReadModel,
    private readonly store: CaseStore,
    private readonly audit: AuditStore,
    private readonly planner: DeadlinePlanner,
    private readonly clock: Clock,
    private readonly eventBus: EventBus,
    private readonly chainHash: ChainHash,
  ) {}

  async execute(c: MigrateCasesCommand): Promise<MigrationReport> {
    if (!c.viewer.roles.includes('ADMIN')) throw new ForbiddenError('Only administrators may migrate cases', '只有系统管理员可以迁移案件');
    const { from, to, migration } = this.resolve(c.workflowId, c.fromVersion, c.toVersion);

    const results: CaseMigrationResult[] = [];
    const pinned = await this.cases.pinnedTo(from.id, from.version);
    for (let i = 0; i < pinned.length; i += BATCH) {
      const batch = pinned.slice(i, i + BATCH);
      const live = batch.filter((p) => !p.closed).map((p) => p.id);
      const loaded = new Map((await this.store.loadMany(live)).map((l) => [l.record.id, l]));
      for (const p of batch) results.push(await this.one(p, loaded.get(p.id), from, to, migration, c));
    }
    const count = (outcome: CaseMigrationResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
    return {
      workflow: from.id,
      fromVersion: from.version,
      toVersion: to.version,
      dryRun: c.dryRun,
      description: migration.description,
      counts: { total: results.length, movable: count('MOVABLE'), migrated: count('MIGRATED'), refused: count('REFUSED'), conflicts: count('CONFLICT') },
      cases: results,
    };
  }

  /** The two versions and the migration between them, or a 400 naming the field that is wrong. */
  private resolve(workflowId: string, fromVersion: number, toVersion: number): { from: WorkflowDefinition; to: WorkflowDefinition; migration: WorkflowMigration } {
    const versions = this.registry.versions(workflowId);
    if (!versions.length) throw new WorkflowNotFoundError(workflowId);
    const known = versions.map((d) => `第${d.version}版`).join('、');
    const from = versions.find((d) => d.version === fromVersion);
    const to = versions.find((d) => d.version === toVersion);
    const errors = [];
    if (!from) errors.push({ field: 'fromVersion', message: `is not a registered version of ${workflowId}`, messageZh: `${versions[0].title}流程没有第${fromVersion}版（已登记：${known}）` });
    if (!to) errors.push({ field: 'toVersion', message: `is not a registered version of ${workflowId}`, messageZh: `${versions[0].title}流程没有第${toVersion}版（已登记：${known}）` });
    else if (from && toVersion <= fromVersion) errors.push({ field: 'toVersion', message: 'must be later than fromVersion', messageZh: '目标版本须晚于原版本' });
    if (errors.length) throw new ValidationError(errors);
    const migration = this.migrations.find(workflowId, fromVersion, toVersion);
    if (!migration) {
      const declared = this.migrations.of(workflowId).map((m) => `第${m.from}版→第${m.to}版`).join('、') || '无';
      throw new ValidationError([
        { field: 'toVersion', message: `no migration of ${workflowId} is declared from v${fromVersion} to v${toVersion}`, messageZh: `未声明从第${fromVersion}版到第${toVersion}版的迁移（已声明：${declared}）` },
      ]);
    }
    return { from: from!, to: to!, migration };
  }

  private async one(pinned: PinnedCase, loaded: LoadedCase | undefined, from: WorkflowDefinition, to: WorkflowDefinition, migration: WorkflowMigration, c: MigrateCasesCommand): Promise<CaseMigrationResult> {
    const base = { caseId: pinned.id, caseNo: pinned.caseNo, from: { version: from.version, state: pinned.state, stateLabel: labelIn(from, pinned.state) } };
    const stays = (outcome: 'REFUSED' | 'CONFLICT', reason: string, version = loaded?.record.version ?? pinned.version): CaseMigrationResult => ({
      ...base,
      outcome,
      to: null,
      reason,
      caseVersion: version,
      deadlines: { closed: [], opened: [] },
    });
    if (pinned.closed) return stays('REFUSED', `案件已结案（${base.from.stateLabel}），结案的案件保留在第${from.version}版，不迁移`);
    // Listed a moment ago, then moved on: migrated by someone else, or closed meanwhile.
    if (!loaded || loaded.record.workflowVersion !== from.version) return stays('CONFLICT', `案件已不在第${from.version}版，未迁移`);
    if (loaded.record.closed) return stays('REFUSED', `案件已结案（${labelIn(from, loaded.record.state)}），结案的案件保留在第${from.version}版，不迁移`);
    base.from.state = loaded.record.state;
    base.from.stateLabel = labelIn(from, loaded.record.state);

    const now = this.clock.now();
    const today = chinaDate(now);
    const planned = planCaseMigration(loaded, from, to, migration, this.planner, {
      now,
      today,
      actor: { id: c.viewer.userId, role: 'ADMIN' },
      enteredOn: await this.enteredOn(loaded, to, migration, today),
      chainHash: this.chainHash.algorithm,
    });
    if ('refused' in planned) return stays('REFUSED', planned.refused);

    const moved = (outcome: 'MOVABLE' | 'MIGRATED', p: PlannedMigration): CaseMigrationResult => ({
      ...base,
      outcome,
      to: { version: to.version, state: p.record.state, stateLabel: labelIn(to, p.record.state) },
      reason: null,
      caseVersion: outcome === 'MIGRATED' ? p.record.version : loaded.record.version,
      deadlines: {
        closed: p.closed.map((d) => ({ id: d.id, specId: d.specId, label: d.label, status: d.status })),
        opened: p.opened.map((d) => ({ specId: d.specId, label: d.label, dueOn: d.dueOn })),
      },
    });
    if (c.dryRun) return moved('MOVABLE', planned);

    // Its own transaction: the conditional update on the version read, the audit entry and the deadline changes.
    const plan = {
      ...emptyPlan(),
      update: { expectedVersion: loaded.record.version, record: planned.record },
      audit: [planned.audit],
      deadlinesClosed: planned.closed.map(({ id, status, closedAt }) => ({ id, status, closedAt })),
      deadlinesOpened: planned.opened,
    };
    if ((await this.store.commit(plan)) !== 'committed') {
      return stays('CONFLICT', '案件在迁移过程中被修改，未迁移；请重新预览后再迁移', loaded.record.version);
    }
    publishChanges(this.eventBus, plan);
    return moved('MIGRATED', planned);
  }

  /**
   * The day the case entered its state, read from its audit trail only when the new version declares a deadline there
   * that starts on entering it; otherwise no deadline needs it.
   */
  private async enteredOn(loaded: LoadedCase, to: WorkflowDefinition, migration: WorkflowMigration, today: IsoDate): Promise<IsoDate> {
    const target = migration.migrate({ value: loaded.record.state, context: structuredClone(loaded.record.context) });
    if ('refused' in target || !safeDeadlines(to, target.value).some((s) => !s.anchor)) return today;
    const entries = await this.audit.history(loaded.record.id);
    const entry = [...entries].reverse().find((e) => e.to === loaded.record.state && e.from !== loaded.record.state);
    return entry ? chinaDate(new Date(entry.at)) : today;
  }
}

function safeDeadlines(def: WorkflowDefinition, state: string) {
  try {
    return deadlinesOf(def, state);
  } catch {
    return [];
  }
}
