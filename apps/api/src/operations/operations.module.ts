import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { Lifecycle } from './lifecycle';
import { Metrics } from './metrics';
import { ProbesController } from './probes.controller';
import { WorkerHealth } from './worker-health';

/** What running the engine in production needs: its lifecycle, probes, metrics and the change feed between processes. */
@Module({})
export class OperationsModule {
  static forRoot(): DynamicModule {
    return {
      module: OperationsModule,
      global: true,
      imports: [TerminusModule.forRoot({ logger: false })],
      controllers: [ProbesController],
      providers: [
        { provide: Lifecycle, useValue: new Lifecycle() },
        { provide: WorkerHealth, useValue: new WorkerHealth() },
        Metrics,
      ],
      exports: [Lifecycle, WorkerHealth, Metrics],
    };
  }
}
