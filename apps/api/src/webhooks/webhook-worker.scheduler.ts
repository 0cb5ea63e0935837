import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { WebhookDispatcher } from '@app/cases';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Runs the webhook dispatcher every FENGQIAO_WEBHOOK_INTERVAL_MS in a process that runs the workers
 * (FENGQIAO_WORKER): retries fall due with time, not with commits, and events committed by a process that stopped
 * before sending them are picked up here. Every instance may run it: claims keep them from sending an attempt twice.
 */
@Injectable()
export class WebhookWorkerScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Webhooks');
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.worker) this.schedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.current = this.dispatcher
        .run()
        .catch((error: unknown) => this.logger.error(`Webhook run failed: ${String(error)}`))
        .finally(() => {
          if (!this.stopped) this.schedule();
        });
    }, this.config.webhooks.intervalMs);
    this.timer.unref();
  }
}
