import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditStore, CheckpointStore, EngineSettingsStore, SecurityEventStore, VerificationJobStore } from '@app/audit';
import { CaseReadModel, CaseStatisticsReadModel, CaseStore, OutboxStore, RiskRegisterStore, TransferReadModel } from '@app/cases';
import { CaseTeamReadModel } from '@app/cases';
import { DeadlineStore, HolidayStore, NotificationStore } from '@app/deadlines';
import { DirectoryRepository, LoginThrottleStore, PasswordHistoryStore, SessionStore } from '@app/organisations';
import { DEFAULT_PG_POOL, openDatabase, type DatabaseConfig } from './data-source';
import { Db } from './db/db';
import { ChangeFeed } from '@app/shared';
import { LocalChangeFeed } from './change-feed/local-change-feed';
import { PostgresChangeFeed } from './change-feed/postgres-change-feed';
import { SqlAuditStore } from './stores/sql-audit.store';
import { DEFAULT_FRAUD_SETTINGS, FraudChecks, FraudSettings, SatisfactionRates, SatisfactionSurveyStore, SubsidyStore } from '@app/subsidy';
import { SqlSatisfactionRates, SqlSatisfactionStore } from './stores/sql-satisfaction.store';
import { SqlStatisticsRollup } from './stores/sql-statistics-rollup';
import { SqlFraudChecks } from './stores/sql-fraud-checks';
import { SqlSubsidyStore } from './stores/sql-subsidy.store';
import { SqlCheckpointStore } from './stores/sql-checkpoint.store';
import { SqlVerificationJobStore } from './stores/sql-verification-job.store';
import { SqlEngineSettingsStore } from './stores/sql-engine-settings.store';
import { SqlSecurityEventStore } from './stores/sql-security-event.store';
import { SqlCaseReadModel } from './stores/sql-case-read-model';
import { SqlCaseStore } from './stores/sql-case.store';
import { SqlDeadlineStore } from './stores/sql-deadline.store';
import { SqlLoginThrottleStore } from './stores/sql-login-throttle.store';
import { SqlNotificationStore } from './stores/sql-notification.store';
import { SqlOutboxStore } from './stores/sql-outbox.store';
import { SqlPasswordHistoryStore } from './stores/sql-password-history.store';
import { SqlSessionStore } from './stores/sql-session.store';
import { SqlTransferReadModel } from './stores/sql-transfer-read-model';
import { SqlRiskRegisterStore } from './stores/sql-risk-register.store';
import { TypeOrmDirectoryRepository } from './stores/typeorm-directory.repository';
import { TypeOrmHolidayStore } from './stores/typeorm-holiday.store';
import { SqlCaseTeamReadModel } from './stores/sql-case-team.read-model';
import { SearchDigests } from './search/search-digests';
import { syncSearchKeys } from './search/search-key-index';

export const DATABASE_CONFIG = Symbol('DATABASE_CONFIG');
const OPENED = Symbol('OPENED_DATABASE');

/**
 * Opens the database (running migrations) and provides every storage port. Global, so libraries receive their
 * ports without importing this module: only the application root does.
 */
@Global()
@Module({})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(ChangeFeed) private readonly changeFeed: LocalChangeFeed | PostgresChangeFeed,
  ) {}

  static forRoot(config: DatabaseConfig): DynamicModule {
    const withDb = <T>(make: (db: Db, ds: DataSource) => T) => ({ inject: [Db, DataSource], useFactory: make });
    return {
      module: PersistenceModule,
      providers: [
        { provide: DATABASE_CONFIG, useValue: config },
        {
          provide: OPENED,
          useFactory: async () => {
            const opened = await openDatabase(config);
            await syncSearchKeys(opened.db, new SearchDigests(config.searchKey));
            return opened;
          },
        },
        { provide: DataSource, inject: [OPENED], useFactory: (o: { dataSource: DataSource }) => o.dataSource },
        { provide: Db, inject: [OPENED], useFactory: (o: { db: Db }) => o.db },
        // An eighth of the pool for commits in flight (measured best of 1, 2 and 4 on two cores) leaves connections for reads while commits are grouped.
        { provide: CaseStore, ...withDb((db) => new SqlCaseStore(db, db.dialect === 'postgres' ? Math.max(1, Math.floor((config.poolSize ?? DEFAULT_PG_POOL) / 8)) : 1, new SearchDigests(config.searchKey))) },
        { provide: CaseReadModel, ...withDb((db) => new SqlCaseReadModel(db, new SearchDigests(config.searchKey))) },
        { provide: OutboxStore, ...withDb((db) => new SqlOutboxStore(db)) },
        { provide: TransferReadModel, ...withDb((db) => new SqlTransferReadModel(db)) },
        { provide: AuditStore, ...withDb((db) => new SqlAuditStore(db)) },
        { provide: CheckpointStore, ...withDb((db) => new SqlCheckpointStore(db)) },
        { provide: VerificationJobStore, ...withDb((db) => new SqlVerificationJobStore(db)) },
        { provide: EngineSettingsStore, ...withDb((db) => new SqlEngineSettingsStore(db)) },
        { provide: SecurityEventStore, ...withDb((db) => new SqlSecurityEventStore(db)) },
        { provide: DirectoryRepository, ...withDb((db, ds) => new TypeOrmDirectoryRepository(ds, db)) },
        { provide: HolidayStore, ...withDb((db, ds) => new TypeOrmHolidayStore(ds, db)) },
        { provide: DeadlineStore, ...withDb((db) => new SqlDeadlineStore(db)) },
        { provide: NotificationStore, ...withDb((db) => new SqlNotificationStore(db)) },
        { provide: LoginThrottleStore, ...withDb((db) => new SqlLoginThrottleStore(db)) },
        { provide: SessionStore, ...withDb((db) => new SqlSessionStore(db)) },
        { provide: PasswordHistoryStore, ...withDb((db) => new SqlPasswordHistoryStore(db)) },
        { provide: SatisfactionRates, ...withDb((db) => new SqlSatisfactionRates(db)) },
        { provide: SatisfactionSurveyStore, ...withDb((db) => new SqlSatisfactionStore(db)) },
        { provide: CaseStatisticsReadModel, ...withDb((db) => new SqlStatisticsRollup(db)) },
        { provide: RiskRegisterStore, ...withDb((db) => new SqlRiskRegisterStore(db)) },
        // The thresholds come from FraudChecksModule where the application wires it; the defaults elsewhere (tools, benches).
        { provide: FraudChecks, inject: [Db, { token: FraudSettings, optional: true }], useFactory: (db: Db, settings?: FraudSettings) => new SqlFraudChecks(db, settings ?? DEFAULT_FRAUD_SETTINGS, new SearchDigests(config.searchKey)) },
        { provide: SubsidyStore, ...withDb((db) => new SqlSubsidyStore(db)) },
        { provide: CaseTeamReadModel, ...withDb((db) => new SqlCaseTeamReadModel(db)) },
        {
          provide: ChangeFeed,
          ...withDb(async (db) => {
            if (db.dialect !== 'postgres') return new LocalChangeFeed(config.sqlitePath);
            const feed = new PostgresChangeFeed(db, config.databaseUrl!, config.schema);
            await feed.start();
            return feed;
          }),
        },
      ],
      exports: [DATABASE_CONFIG, DataSource, Db, CaseStore, CaseReadModel, OutboxStore, TransferReadModel, AuditStore, CheckpointStore, VerificationJobStore, EngineSettingsStore, SecurityEventStore, DirectoryRepository, HolidayStore, DeadlineStore, NotificationStore, LoginThrottleStore, SessionStore, PasswordHistoryStore, FraudChecks, SatisfactionRates, SatisfactionSurveyStore, CaseStatisticsReadModel, RiskRegisterStore, SubsidyStore, CaseTeamReadModel, ChangeFeed],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.changeFeed.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
