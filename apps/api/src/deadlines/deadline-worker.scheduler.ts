import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { CaseStatistics, DeadlineWorker, IdempotencySweep, type DeadlineWorkerReport } from '@app/cases';
import { LoginThrottle, SessionService } from '@app/organisations';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { Metrics } from '../operations/metrics';
import { WorkerHealth } from '../operations/worker-health';

/**
 * Runs the deadline worker in this process (unless FENGQIAO_WORKER=0): once at start — so deadlines that fell due
 * while the engine was stopped fire now — and then every FENGQIAO_WORKER_INTERVAL_MS after the previous run ends.
 * Each round also deletes stored idempotent responses past FENGQIAO_IDEMPOTENCY_RETENTION_HOURS and failed-login
 * counters that no longer count, and brings the statistics rollup up to date, so that a statistics read seldom finds
 * days left to recompute (after a migration or a bulk load, every day).
 */
@Injectable()
export class DeadlineWorkerScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeadlineWorker');
  /** The run started at boot (null when the worker is off or the run failed); tests wait on it. */
  startup: Promise<DeadlineWorkerReport | null> = Promise.resolve(null);
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly worker: DeadlineWorker,
    private readonly sweep: IdempotencySweep,
    private readonly loginThrottle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly statistics: CaseStatistics,
    private readonly health: WorkerHealth,
    private readonly metrics: Metrics,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.worker) return;
    this.health.enabled = true;
    this.health.intervalMs = this.config.workerIntervalMs;
    this.startup = this.tick();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // Let a run under way finish before the database closes.
    await this.current;
  }

  private tick(): Promise<DeadlineWorkerReport | null> {
    const run = this.worker
      .runOnce()
      .then(async (report) => {
        await this.sweep.run();
        await this.loginThrottle.sweep();
        await this.sessions.sweep();
        await this.statistics.refreshAhead();
        return report;
      })
      .catch((error: unknown) => {
        this.logger.error(`Deadline worker run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return null;
      })
      .then((report) => {
        this.health.lastRunEndedAt = Date.now();
        this.health.lastRunFailed = report === null;
        this.metrics.workerRan(report);
        return report;
      })
      .finally(() => {
        if (this.stopped) return;
        this.timer = setTimeout(() => void this.tick(), this.config.workerIntervalMs);
        this.timer.unref();
      });
    this.current = run;
    return run;
  }
}
