import { Global, Module, type DynamicModule } from '@nestjs/common';
import { FraudSettings } from './fraud-settings';

/** Provides the fraud thresholds to the store that implements FraudChecks, wherever it is wired. */
@Global()
@Module({})
export class FraudChecksModule {
  static forRoot(settings: FraudSettings): DynamicModule {
    return { module: FraudChecksModule, providers: [{ provide: FraudSettings, useValue: settings }], exports: [FraudSettings] };
  }
}
