/**
 * Thresholds of the fraud checks. No source fixes them (spec §9 "Known abuse" [U]), so each locality sets its own
 * through FENGQIAO_FRAUD_* (docs/subsidy-fraud.md).
 */
export abstract class FraudSettings {
  /** Same parties and category opened within this many days of each other: the same dispute claimed twice. */
  abstract readonly duplicateWindowDays: number;
  /** Same parties opened within this many days under another category: one dispute split into several cases. */
  abstract readonly splitWindowDays: number;
  /** The cases a share of claims is compared with: those opened this many days before the check. */
  abstract readonly outlierWindowDays: number;
  /** A village or mediator is looked at only from this many claims in the batch. */
  abstract readonly outlierMinClaims: number;
  /** Share of the batch's claims over share of the cases, from which a share is outlying. */
  abstract readonly outlierShareRatio: number;
  /** Robust z-score of a group's claim count among its peers, from which it is outlying. */
  abstract readonly outlierZ: number;
  /** Opened to agreement in fewer hours than this is implausibly fast. */
  abstract readonly tooFastHours: number;
  /** This many agreements or more for one mediator on one day is implausibly many. */
  abstract readonly sameDayCases: number;
}

export const DEFAULT_FRAUD_SETTINGS: FraudSettings = {
  duplicateWindowDays: 180,
  splitWindowDays: 7,
  outlierWindowDays: 365,
  outlierMinClaims: 5,
  outlierShareRatio: 2,
  outlierZ: 3.5,
  tooFastHours: 2,
  sameDayCases: 6,
};
