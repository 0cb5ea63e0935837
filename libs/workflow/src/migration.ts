import type { PersistedState } from './decide';
import type { WorkflowRegistry } from './registry';

/** A migration's answer for one case: where it lands in the new version, or why it cannot move (in Chinese). */
export type MigrationResult = PersistedState | { refused: string };

/**
 * How the cases of one workflow version move to a later version: a pure function from a case's persisted state and
 * context under `from` to its state and context under `to`. It never reads or writes anything; the engine commits
 * each moved case with its own audit entry and deadline changes.
 */
export interface WorkflowMigration {
  workflow: string;
  from: number;
  to: number;
  /** What the new version changes, in Chinese, shown in the preview and kept in each case's audit entry. */
  description: string;
  migrate(persisted: PersistedState): MigrationResult;
}

export const isRefusal = (result: MigrationResult): result is { refused: string } => 'refused' in result;

/** The migrations, checked once against the registered versions when the engine starts. */
export class WorkflowMigrations {
  private readonly byKey = new Map<string, WorkflowMigration>();

  constructor(migrations: WorkflowMigration[], registry: WorkflowRegistry) {
    const problems: string[] = [];
    for (const m of migrations) {
      const key = `${m.workflow}@${m.from}->${m.to}`;
      if (this.byKey.has(key)) problems.push(`${key} is declared twice`);
      if (m.to <= m.from) problems.push(`${key} does not go to a later version`);
      for (const v of [m.from, m.to]) if (!registry.versions(m.workflow).some((d) => d.version === v)) problems.push(`${key}: ${m.workflow}@${v} is not registered`);
      this.byKey.set(key, m);
    }
    if (problems.length) throw new Error(`The workflow migrations do not fit the registered workflows:\n- ${problems.join('\n- ')}`);
  }

  find(workflow: string, from: number, to: number): WorkflowMigration | undefined {
    return this.byKey.get(`${workflow}@${from}->${to}`);
  }

  of(workflow: string): WorkflowMigration[] {
    return [...this.byKey.values()].filter((m) => m.workflow === workflow);
  }
}
