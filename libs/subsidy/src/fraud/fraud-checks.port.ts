/** The checks a subsidy reviewer sees beside a claimed case (spec §9 "Known abuse"). */
export type FraudCheckId = 'DUPLICATE_DISPUTE' | 'SPLIT_DISPUTE' | 'OUTLIER_SHARE' | 'TOO_FAST' | 'MANY_SAME_DAY';

/** The checks' names as a reviewer reads them. */
export const FRAUD_CHECK_LABELS: Record<FraudCheckId, string> = {
  DUPLICATE_DISPUTE: '同一纠纷重复申报',
  SPLIT_DISPUTE: '一案拆分申报',
  OUTLIER_SHARE: '申报占比异常',
  TOO_FAST: '结案过快',
  MANY_SAME_DAY: '同日案件过多',
};

export interface FraudFlag {
  check: FraudCheckId;
  /** For people: what the check found, in Chinese. */
  label: string;
  /** The facts behind the flag (the other case ids, the share and its baseline, the duration, …), shown to the reviewer. */
  evidence: Record<string, unknown>;
}

/**
 * Fraud checks over the cases a batch of claims names. The checks only flag: a reviewer decides. (A case whose audit
 * chain does not verify is not a flag but ineligible, which the claim's eligibility decides.)
 */
export abstract class FraudChecks {
  /**
   * Flags per claimed case id. Every people's-mediation case among `caseIds` has an entry, empty when nothing was
   * found; ids of other cases, or of no case, are absent. `asOf` bounds the windows looked at.
   */
  abstract flagsFor(caseIds: string[], asOf: Date): Promise<Map<string, FraudFlag[]>>;
}
