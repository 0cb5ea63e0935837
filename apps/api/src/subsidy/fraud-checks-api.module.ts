import { Module, type DynamicModule } from '@nestjs/common';
import { FraudChecksModule, type FraudSettings } from '@app/subsidy';
import { FraudChecksController } from './fraud-checks.controller';

/** The fraud checks' endpoint and their thresholds. */
@Module({})
export class FraudChecksApiModule {
  static forRoot(settings: FraudSettings): DynamicModule {
    return { module: FraudChecksApiModule, imports: [FraudChecksModule.forRoot(settings)], controllers: [FraudChecksController] };
  }
}
