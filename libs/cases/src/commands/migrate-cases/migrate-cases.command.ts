import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';

/**
 * Moves the open cases of one workflow version to a later version by the migration declared between them
 * (`ALL_MIGRATIONS`), each case in its own transaction with one `MIGRATE` audit entry. With `dryRun` nothing is
 * written: the report says which cases would move, where to, with which deadline changes, and which cannot and why.
 */
export class MigrateCasesCommand extends Command<MigrationReport> {
  constructor(
    readonly viewer: Viewer,
    readonly workflowId: string,
    readonly fromVersion: number,
    readonly toVersion: number,
    readonly dryRun: boolean,
  ) {
    super();
  }
}

/**
 * What happened to one case: `MOVABLE` (dry run: it would move), `MIGRATED`, `REFUSED` (closed, or the migration
 * cannot map it: see `reason`), `CONFLICT` (it changed while being migrated and was left as it was).
 */
export type CaseMigrationOutcome = 'MOVABLE' | 'MIGRATED' | 'REFUSED' | 'CONFLICT';

export interface CaseMigrationResult {
  caseId: string;
  caseNo: string;
  outcome: CaseMigrationOutcome;
  from: { version: number; state: string; stateLabel: string };
  /** Where it lands (or would land); null when it does not move. */
  to: { version: number; state: string; stateLabel: string } | null;
  /** Why it does not move, in Chinese. */
  reason: string | null;
  /** The case version after the migration, or the one it was read at. */
  caseVersion: number;
  /** Pending deadlines the new version no longer runs here, and those it declares on the case's state. */
  deadlines: { closed: { id: string; specId: string; label: string; status: string }[]; opened: { specId: string; label: string; dueOn: string }[] };
}

export interface MigrationReport {
  workflow: string;
  fromVersion: number;
  toVersion: number;
  dryRun: boolean;
  /** What the new version changes, from the migration's declaration. */
  description: string;
  counts: { total: number; movable: number; migrated: number; refused: number; conflicts: number };
  cases: CaseMigrationResult[];
}

/** The audit entry type of a migration, with its Chinese label. */
export const MIGRATE_ENTRY = { type: 'MIGRATE', label: '流程版本迁移' } as const;
