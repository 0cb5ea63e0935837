import { SatisfactionRates, type CaseSatisfaction } from '@app/subsidy';

// A placeholder while the satisfaction survey is built; deleted when its store arrives.
export class PendingSatisfactionRates extends SatisfactionRates {
  async forCases(): Promise<Map<string, CaseSatisfaction>> {
    return new Map();
  }
}
