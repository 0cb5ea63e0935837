import { jcMigrations } from './judicial-confirmation/jc.migrations';
import type { WorkflowMigration } from './migration';

/** Every migration the engine offers, next to `ALL_WORKFLOWS`: one entry per pair of versions. */
export const ALL_MIGRATIONS: WorkflowMigration[] = [...jcMigrations];
