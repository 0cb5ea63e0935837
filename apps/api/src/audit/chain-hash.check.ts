import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EngineSettingsStore, settleChainHash } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Records the configured chain hash on the first start, and stops the start when it differs from the recorded one.
 * Module init runs before any bootstrap hook (the demo seeder, the deadline worker) can write an entry.
 */
@Injectable()
export class ChainHashCheck implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: EngineSettingsStore,
  ) {}

  async onModuleInit(): Promise<void> {
    await settleChainHash(this.settings, this.config.auditHash);
  }
}
