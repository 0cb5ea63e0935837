import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { ChainedSecurityLog } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

const HOUR_MS = 3_600_000;

/**
 * Deletes security events older than FENGQIAO_SECURITY_LOG_RETENTION_DAYS every hour. Every process may run it:
 * a purge that finds nothing to delete records nothing.
 */
@Injectable()
export class SecurityLogRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SecurityLogRetention');
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly log: ChainedSecurityLog,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.current = this.purge().catch((error: unknown) => this.logger.error(`Security log purge failed: ${error instanceof Error ? error.message : String(error)}`));
    }, HOUR_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.current;
  }

  purge(): Promise<number> {
    return this.log.purge(this.config.securityLogRetentionDays);
  }
}
