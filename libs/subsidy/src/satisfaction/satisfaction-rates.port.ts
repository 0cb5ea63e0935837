/** What the parties of one case said of its mediation (群众满意度测评). */
export interface CaseSatisfaction {
  /** Parties who answered, at the follow-up visit or through the short link. */
  answered: number;
  /** Of those, how many were satisfied (满意 or 基本满意). */
  satisfied: number;
}

/** Satisfaction per case, read by the subsidy tariffs that require a minimum. */
export abstract class SatisfactionRates {
  /** One entry per case id that has at least one answer. */
  abstract forCases(caseIds: string[]): Promise<Map<string, CaseSatisfaction>>;
}
