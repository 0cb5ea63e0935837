import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ChainHash } from '@app/audit';
import { DeadlineWorkerSettings, DEFAULT_DEADLINE_WORKER_SETTINGS, IdempotencySettings, LegalPolicy, RecentCases, WritePlanner } from '@app/cases';
import { CalendarImporter, CalendarService, DeadlinePlanner } from '@app/deadlines';
import { Clock, ManualClock, SystemClock } from '@app/shared';
import { ALL_WORKFLOWS, ROUTES, RouteTable, WorkflowRegistry } from '@app/workflow';
import type { AppConfig } from './config/app-config';
import { PdfDocumentStamper } from './documents/documents';

/**
 * The engine's shared services: the workflow registry and route table, the clock, the legal calendar, the deadline and
 * write planners, and the deployment's audit chain hash (ChainHash), which anything that hashes into a chain injects.
 */
@Global()
@Module({})
export class EngineModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: EngineModule,
      providers: [
        { provide: WorkflowRegistry, useValue: new WorkflowRegistry(ALL_WORKFLOWS) },
        { provide: Clock, useValue: config.manualClock ? new ManualClock(config.clockStart ?? undefined) : new SystemClock() },
        CalendarService,
        {
          provide: DeadlinePlanner,
          inject: [CalendarService],
          useFactory: (calendar: CalendarService) => new DeadlinePlanner(() => calendar.current(), config.legalPeriods),
        },
        CalendarImporter,
        // Refuses to start when a machine asks for an unknown effect, a route names an unregistered workflow, or an outcome is unmapped.
        { provide: RouteTable, useValue: new RouteTable(ROUTES, ALL_WORKFLOWS) },
        { provide: LegalPolicy, useValue: config.legalPolicy },
        { provide: RecentCases, useValue: new RecentCases(config.recentCases ? 2000 : 0) },
        // From the configuration, so no write reads it; ChainHashCheck stops the start when the database recorded another.
        { provide: ChainHash, useValue: new ChainHash(config.auditHash) },
        {
          provide: WritePlanner,
          inject: [WorkflowRegistry, RouteTable, DeadlinePlanner, LegalPolicy, ChainHash],
          useFactory: (registry: WorkflowRegistry, routes: RouteTable, planner: DeadlinePlanner, policy: LegalPolicy, chainHash: ChainHash) => new WritePlanner(registry, routes, planner, policy, chainHash, new PdfDocumentStamper()),
        },
        { provide: IdempotencySettings, useValue: { retentionMs: config.idempotencyRetentionHours * 3_600_000 } },
        {
          provide: DeadlineWorkerSettings,
          useValue: { ...DEFAULT_DEADLINE_WORKER_SETTINGS, reminderWorkingDays: config.reminderWorkingDays, batchSize: config.workerBatch, concurrency: config.workerConcurrency },
        },
      ],
      exports: [ChainHash, RouteTable, LegalPolicy, RecentCases, WritePlanner, WorkflowRegistry, Clock, CalendarService, DeadlinePlanner, CalendarImporter, DeadlineWorkerSettings, IdempotencySettings],
    };
  }
}
