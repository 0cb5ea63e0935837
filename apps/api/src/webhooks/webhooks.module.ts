import { Module, type DynamicModule } from '@nestjs/common';
import { OrganisationsModule } from '@app/organisations';
import { CasesModule, SendWebhooksAfterCommit, WebhookDispatcher, WebhookSettings, WebhookStore } from '@app/cases';
import { Db, SqlWebhookStore } from '@app/persistence';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { AdminOutboxController } from './outbox.controller';
import { WebhookWorkerScheduler } from './webhook-worker.scheduler';
import { AdminWebhooksController } from './webhooks.controller';

/** Webhooks for other systems and the view of everything the engine could not deliver (docs/webhooks.md). */
@Module({})
export class WebhooksModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WebhooksModule,
      imports: [OrganisationsModule, CasesModule],
      controllers: [AdminWebhooksController, AdminOutboxController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: WebhookStore, inject: [Db], useFactory: (db: Db) => new SqlWebhookStore(db) },
        { provide: WebhookSettings, useValue: config.webhooks },
        WebhookDispatcher,
        SendWebhooksAfterCommit,
        WebhookWorkerScheduler,
      ],
    };
  }
}
