import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource } from 'typeorm';
import { Db } from './db/db';
import { PostgresDb } from './db/postgres-db';
import { SqliteDb } from './db/sqlite-db';
import { InitialSchema1763800000000 } from './migrations/1763800000000-initial-schema';
import { DeadlineSpan1764100000000 } from './migrations/1764100000000-deadline-span';
import { HotCaseUpdates1764200000000 } from './migrations/1764200000000-hot-case-updates';
import { DisputesAndTransfers1764300000000 } from './migrations/1764300000000-disputes-and-transfers';
import { DeadlineRevision1764400000000 } from './migrations/1764400000000-deadline-revision';
import { AuditCheckpoints1764500000000 } from './migrations/1764500000000-audit-checkpoints';
import { LoginThrottle1764600000000 } from './migrations/1764600000000-login-throttle';
import { EngineSettings1764600000300 } from './migrations/1764600000300-engine-settings';
import { SecurityHeads1764600000400 } from './migrations/1764600000400-security-heads';
import { RiskRegister1764704000000 } from './migrations/1764704000000-risk-register';
import { FraudCheckIndexes1764701000000 } from './migrations/1764701000000-fraud-check-indexes';
import { SubsidyClaims1764700000000 } from './migrations/1764700000000-subsidy-claims';
import { SecurityLog1764600000200 } from './migrations/1764600000200-security-log';
import { Sessions1764600000100 } from './migrations/1764600000100-sessions';
import { ConsoleQueueIndexes1765000000000 } from './migrations/1765000000000-console-queue-indexes';
import { DeadlineWorker1763800000100 } from './migrations/1763800000100-deadline-worker';
import { UniqueOrganisationNames1764000000000 } from './migrations/1764000000000-unique-organisation-names';
import { SatisfactionAndStatistics1764702000000 } from './migrations/1764702000000-satisfaction-and-statistics';
import { CaseTeams1764803000000 } from './migrations/1764803000000-case-teams';
import { Attachments1764930000000 } from './migrations/1764930000000-attachments';
import { CaseLedger1764950000000 } from './migrations/1764950000000-case-ledger';
import { AgreementAmount1764995000000 } from './migrations/1764995000000-agreement-amount';
import { RoleNotifications1764996000000 } from './migrations/1764996000000-role-notifications';
import { FraudPartyDigests1765000300000 } from './migrations/1765000300000-fraud-party-digests';
import { MissedInSpan1765000400000 } from './migrations/1765000400000-missed-in-span';
import { PersonalNotifications1764910000000 } from './migrations/1764910000000-personal-notifications';
import { AuditEntryDocuments1764920000000 } from './migrations/1764920000000-audit-entry-documents';
import { Webhooks1764900000000 } from './migrations/1764900000000-webhooks';
import { CaseSearch1764960000000 } from './migrations/1764960000000-case-search';
import { CaseRecency1764960000100 } from './migrations/1764960000100-case-recency';
import { AuditVerificationJobs1764970000000 } from './migrations/1764970000000-audit-verification-jobs';
import { PartitionAuditEntries1764970000100 } from './migrations/1764970000100-partition-audit-entries';
import { StatisticsRollup1765000200000 } from './migrations/1765000200000-statistics-rollup';
import { ORM_ENTITIES } from './entities/directory.orm-entities';
import { migrateUnderLock } from './migration-lock';

export const DEFAULT_PG_POOL = 16;

export interface DatabaseConfig {
  /** postgres://… selects PostgreSQL; otherwise SQLite at `sqlitePath`. */
  databaseUrl?: string;
  sqlitePath: string;
  /** PostgreSQL schema to use (created if missing): lets test suites share one database. */
  schema?: string;
  poolSize?: number;
  /** SQLite `synchronous` pragma: FULL (default) or NORMAL. */
  sqliteSynchronous?: 'FULL' | 'NORMAL';
  /** The HMAC key of the identity-number and phone digests (FENGQIAO_SEARCH_KEY); unset: the development key. */
  searchKey?: string;
}

export const MIGRATIONS = [
  InitialSchema1763800000000,
  DeadlineWorker1763800000100,
  UniqueOrganisationNames1764000000000,
  DeadlineSpan1764100000000,
  HotCaseUpdates1764200000000,
  DisputesAndTransfers1764300000000,
  DeadlineRevision1764400000000,
  AuditCheckpoints1764500000000,
  LoginThrottle1764600000000,
  Sessions1764600000100,
  SecurityLog1764600000200,
  EngineSettings1764600000300,
  SecurityHeads1764600000400,
  SatisfactionAndStatistics1764702000000,
  RiskRegister1764704000000,
  FraudCheckIndexes1764701000000,
  SubsidyClaims1764700000000,
  CaseTeams1764803000000,
  Attachments1764930000000,
  CaseLedger1764950000000,
  AgreementAmount1764995000000,
  RoleNotifications1764996000000,
  PersonalNotifications1764910000000,
  AuditEntryDocuments1764920000000,
  Webhooks1764900000000,
  CaseSearch1764960000000,
  CaseRecency1764960000100,
  AuditVerificationJobs1764970000000,
  PartitionAuditEntries1764970000100,
  ConsoleQueueIndexes1765000000000,
  StatisticsRollup1765000200000,
  FraudPartyDigests1765000300000,
  MissedInSpan1765000400000,
];

export function isPostgres(config: DatabaseConfig): boolean {
  return !!config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl);
}

/** Opens the database and runs pending migrations; `synchronize` is never used. */
export async function openDatabase(config: DatabaseConfig): Promise<{ dataSource: DataSource; db: Db }> {
  const dataSource = isPostgres(config) ? postgres(config) : sqlite(config);
  if (isPostgres(config) && config.schema) await ensureSchema(config);
  await dataSource.initialize();
  await migrateUnderLock(dataSource, config.schema, isPostgres(config));
  const db = isPostgres(config) ? PostgresDb.from(dataSource) : SqliteDb.from(dataSource);
  return { dataSource, db };
}

function postgres(config: DatabaseConfig): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.databaseUrl,
    schema: config.schema,
    entities: ORM_ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
    extra: {
      max: config.poolSize ?? DEFAULT_PG_POOL,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    },
  });
}

function sqlite(config: DatabaseConfig): DataSource {
  if (config.sqlitePath !== ':memory:') mkdirSync(dirname(config.sqlitePath), { recursive: true });
  return new DataSource({
    type: 'better-sqlite3',
    database: config.sqlitePath,
    entities: ORM_ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    logging: false,
    // WAL lets readers run beside the writer. FULL syncs every commit to disk, so an acknowledged transition survives
    // a power cut; NORMAL (faster) survives process crashes only. Foreign keys are off by default in SQLite.
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma(`synchronous = ${config.sqliteSynchronous ?? 'FULL'}`);
      db.pragma('foreign_keys = ON');
      db.pragma('busy_timeout = 5000');
    },
  });
}

async function ensureSchema(config: DatabaseConfig): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(config.schema!)) throw new Error(`Invalid schema name ${config.schema}`);
  const bootstrap = new DataSource({ type: 'postgres', url: config.databaseUrl, synchronize: false, logging: false });
  await bootstrap.initialize();
  try {
    // CREATE SCHEMA IF NOT EXISTS is not safe against itself: two first boots at once can both try to create it.
    await bootstrap.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`fengqiao:schema:${config.schema}`]);
      await tx.query(`CREATE SCHEMA IF NOT EXISTS ${config.schema}`);
    });
  } finally {
    await bootstrap.destroy();
  }
}
