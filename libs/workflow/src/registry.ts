import type { WorkflowDefinition } from './definition';
import { WorkflowNotFoundError } from './workflow.errors';

/**
 * Machines keyed by (id, version). A case is pinned to the version it was opened with; old versions stay registered
 * until their cases are migrated, so a stored snapshot is never restored into a machine it was not written by.
 */
export class WorkflowRegistry {
  private readonly byKey = new Map<string, WorkflowDefinition>();
  private readonly latestById = new Map<string, WorkflowDefinition>();

  constructor(definitions: WorkflowDefinition[]) {
    for (const def of definitions) {
      const key = `${def.id}@${def.version}`;
      if (this.byKey.has(key)) throw new Error(`Workflow ${key} is registered twice`);
      this.byKey.set(key, def);
      const latest = this.latestById.get(def.id);
      if (!latest || latest.version < def.version) this.latestById.set(def.id, def);
    }
  }

  get(id: string, version: number): WorkflowDefinition {
    const def = this.byKey.get(`${id}@${version}`);
    if (!def) throw new WorkflowNotFoundError(id, version);
    return def;
  }

  latest(id: string): WorkflowDefinition {
    const def = this.latestById.get(id);
    if (!def) throw new WorkflowNotFoundError(id);
    return def;
  }

  has(id: string): boolean {
    return this.latestById.has(id);
  }

  /** The newest version of every workflow. */
  list(): WorkflowDefinition[] {
    return [...this.latestById.values()];
  }

  versions(id: string): WorkflowDefinition[] {
    return [...this.byKey.values()].filter((d) => d.id === id).sort((a, b) => a.version - b.version);
  }
}
