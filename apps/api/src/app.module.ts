import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ConfigModule } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { JwtModule } from '@nestjs/jwt';
import { AuditModule, ChainedSecurityLog, ChainHash, SecurityEventStore, SecurityLog } from '@app/audit';
import { Clock } from '@app/shared';
import { CasesModule } from '@app/cases';
import { LoginThrottle, LoginThrottleStore, OrganisationsModule, PasswordPolicy, SessionService, SessionSettings } from '@app/organisations';
import { PersistenceModule } from '@app/persistence';
import { AdminOrganisationsController } from './admin/organisations.controller';
import { AdminUsersController } from './admin/users.controller';
import { AdminWorkflowMigrationsController } from './admin/workflow-migrations.controller';
import { AuditController } from './audit/audit.controller';
import { ChainHashCheck } from './audit/chain-hash.check';
import { CheckpointService } from './audit/checkpoint.service';
import { VerificationJobsController } from './audit/verification-jobs.controller';
import { AuditVerificationJobs } from './audit/verification-jobs.service';
import { SecurityLogRetention } from './audit/security-log-retention.service';
import { SecurityLogController } from './audit/security-log.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { PasswordHasher } from './auth/password-hasher';
import { LoginFailures } from './auth/login-failures';
import { PasswordService } from './auth/password.service';
import { SessionController } from './auth/session.controller';
import { DemoSeeder } from './bootstrap/demo-seeder';
import { CasesController } from './cases/cases.controller';
import { CaseTeamController } from './cases/case-team.controller';
import { APP_CONFIG, type AppConfig } from './config/app-config';
import { DirectoryController } from './directory/directory.controller';
import { EngineModule } from './engine.module';
import { HealthController } from './health/health.controller';
import { InputHygieneGuard } from './http/input-hygiene';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { createValidationPipe } from './http/validation';
import { VocabularyController } from './vocabulary/vocabulary.controller';
import { WorkflowsController } from './workflows/workflows.controller';
import { TransfersController } from './transfers/transfers.controller';
import { RiskController } from './risk/risk.controller';
import { AdminCalendarController } from './admin/calendar.controller';
import { TestClockController } from './admin/test-clock.controller';
import { CaseDeadlinesController } from './deadlines/case-deadlines.controller';
import { DeadlineWorkerScheduler } from './deadlines/deadline-worker.scheduler';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { NotificationsController } from './deadlines/notifications.controller';
import { StatisticsModule } from './statistics/statistics.module';
import { FraudChecksApiModule } from './subsidy/fraud-checks-api.module';
import { SubsidyController } from './subsidy/subsidy.controller';
import { HearingRulesController } from './hearing/hearing-rules.controller';
import { SubsidyClaims } from '@app/subsidy';
import { OperationsModule } from './operations/operations.module';
import { AttachmentsApiModule } from './attachments/attachments-api.module';
import { QueuesModule } from './queues/queues.module';
import { DocumentsController } from './documents/documents.controller';
import { CaseDocuments } from './documents/case-documents.service';
import { WebhooksModule } from './webhooks/webhooks.module';

/** The composition root: the only place that knows every module, including persistence. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ fengqiao: config })] }),
        CqrsModule.forRoot(),
        JwtModule.register({ global: true, secret: config.jwtSecret, signOptions: { expiresIn: config.jwtTtl as never, algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } }),
        PersistenceModule.forRoot(config.database),
        EngineModule.forRoot(config),
        OrganisationsModule,
        CasesModule,
        AuditModule,
        StatisticsModule.forRoot(config),
        FraudChecksApiModule.forRoot(config.fraud),
        OperationsModule.forRoot(),
        AttachmentsApiModule.forRoot(config.attachments),
        QueuesModule,
        WebhooksModule.forRoot(config),
      ],
      controllers: [HealthController, AuthController, SessionController, DirectoryController, CasesController, TransfersController, WorkflowsController, AuditController, VerificationJobsController, AdminUsersController, AdminOrganisationsController, VocabularyController, DeadlinesController, CaseDeadlinesController, NotificationsController, TestClockController, AdminCalendarController, AdminWorkflowMigrationsController, SecurityLogController, RiskController, SubsidyController, CaseTeamController, HearingRulesController, DocumentsController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AuthGuard },
        // After authentication, before the validation pipe: input it cannot walk, or only one database would store.
        { provide: APP_GUARD, useClass: InputHygieneGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: PasswordHasher, useValue: new PasswordHasher(config.passwordHash) },
        LoginFailures,
        { provide: LoginThrottle, inject: [LoginThrottleStore], useFactory: (store: LoginThrottleStore) => new LoginThrottle(store, config.loginThrottle) },
        { provide: PasswordPolicy, useValue: new PasswordPolicy(config.passwordPolicy) },
        PasswordService,
        // Another process's logout or revocation is seen within recheckMs (docs/sessions.md).
        { provide: SessionSettings, useValue: { idleMs: config.sessionIdleMinutes * 60_000, recheckMs: 5_000 } },
        SessionService,
        DemoSeeder,
        DeadlineWorkerScheduler,
        CheckpointService,
        AuditVerificationJobs,
        ChainHashCheck,
        // The deployment's chain hash, like the case chains'; each row also records the algorithm it was hashed with.
        {
          provide: ChainedSecurityLog,
          inject: [SecurityEventStore, Clock, ChainHash],
          useFactory: (store: SecurityEventStore, clock: Clock, chainHash: ChainHash) => new ChainedSecurityLog(store, clock, chainHash.algorithm),
        },
        { provide: SecurityLog, useExisting: ChainedSecurityLog },
        SecurityLogRetention,
        CaseDocuments,
        SubsidyClaims,
      ],
    };
  }
}
