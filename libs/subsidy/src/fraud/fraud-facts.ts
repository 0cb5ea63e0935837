/** A party as the checks compare them: by identity number, or by name and phone together. */
export interface FraudParty {
  name: string;
  idNumber?: string;
  phone?: string;
}

/** What the checks read of one people's-mediation case. */
export interface FraudCase {
  id: string;
  caseNo: string;
  category: string;
  state: string;
  /** 一案一码: shared by every case of one dispute. */
  disputeCode: string;
  /** The village (or community) the case belongs to, and its name. */
  regionCode: string;
  regionName: string;
  orgId: string;
  mediatorId: string | null;
  mediatorName: string | null;
  parties: FraudParty[];
  openedAt: string;
  /** When the agreement was recorded (its audit entry); null while there is none. */
  agreedAt: string | null;
  /** The day the agreement took effect, as the file states it. */
  agreementOn: string | null;
}

/** Cases of one village or one mediator among those the shares are compared with. */
export interface GroupCount {
  key: string;
  name: string;
  cases: number;
}

/** Everything the checks need, gathered by the store; the scoring decides from it alone. */
export interface FraudFacts {
  /** The claimed cases (people's mediation only). */
  claimed: FraudCase[];
  /**
   * Other cases that may bear on the claimed ones: sharing a party, a dispute code, or a mediator and agreement day.
   * A superset is fine (the scoring applies the exact rules); claimed cases may appear here too.
   */
  others: FraudCase[];
  /** Cases of the claimed cases' organisations opened in the outlier window, per village and per mediator; `total` counts them all. */
  baseline: { villages: GroupCount[]; mediators: GroupCount[]; total: number };
}
