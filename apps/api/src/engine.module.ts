import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DeadlineWorkerSettings, DEFAULT_DEADLINE_WORKER_SETTINGS, RecentCases } from '@app/cases';
import { CalendarImporter, CalendarService, DeadlinePlanner } from '@app/deadlines';
import { Clock, ManualClock, SystemClock } from '@app/shared';
import { ALL_WORKFLOWS, WorkflowRegistry } from '@app/workflow';
import type { AppConfig } from './config/app-config';

/** The engine's shared services: the workflow registry, the clock, the legal calendar and the deadline planner. */
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
        { provide: RecentCases, useValue: new RecentCases(config.recentCases ? 2000 : 0) },
        {
          provide: DeadlineWorkerSettings,
          useValue: { ...DEFAULT_DEADLINE_WORKER_SETTINGS, reminderWorkingDays: config.reminderWorkingDays, batchSize: config.workerBatch, concurrency: config.workerConcurrency },
        },
      ],
      exports: [RecentCases, WorkflowRegistry, Clock, CalendarService, DeadlinePlanner, CalendarImporter, DeadlineWorkerSettings],
    };
  }
}
