import { FraudChecks, SatisfactionRates, type CaseSatisfaction, type FraudFlag } from '@app/subsidy';

// Placeholders while the fraud checks and the satisfaction survey are built; each is deleted when its store arrives.
export class PendingFraudChecks extends FraudChecks {
  async flagsFor(): Promise<Map<string, FraudFlag[]>> {
    return new Map();
  }
}

export class PendingSatisfactionRates extends SatisfactionRates {
  async forCases(): Promise<Map<string, CaseSatisfaction>> {
    return new Map();
  }
}
