import { FraudChecks, type FraudFlag } from '@app/subsidy';

// A placeholder while the fraud checks are built; deleted when their store arrives.
export class PendingFraudChecks extends FraudChecks {
  async flagsFor(): Promise<Map<string, FraudFlag[]>> {
    return new Map();
  }
}
