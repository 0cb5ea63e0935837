/** Which cases a statistics query counts: opened in [fromInstant, toInstant) in one of the regions. */
export interface StatisticsScope {
  regionCodes: string[];
  fromInstant: string;
  toInstant: string;
  /** Per workflow, the states whose entry counts as success and as performance (from the manifests). */
  outcomes: { workflowId: string; succeeded: string[]; performed: string[] }[];
}

/** Counts for one combination of region, organisation, workflow, category and source. */
export interface CaseFigureRow {
  regionCode: string;
  orgId: string;
  workflowId: string;
  category: string;
  source: string;
  cases: number;
  closed: number;
  succeeded: number;
  performed: number;
  /** Closed and never succeeded. */
  closedUnsuccessful: number;
  /** Days from opening to closing, summed over the closed cases. */
  closedDays: number;
  overdueDeadlines: number;
}

/** Satisfaction answers (the first per party) of the counted cases, per region, organisation, workflow and mediator. */
export interface SatisfactionRow {
  regionCode: string;
  orgId: string;
  workflowId: string;
  assigneeId: string | null;
  answered: number;
  satisfied: number;
}

/** Transfers sent in the period from a counted region, per sending and receiving workflow and status. */
export interface TransferRow {
  fromWorkflowId: string;
  toWorkflowId: string;
  status: string;
  transfers: number;
}

/** The aggregate reads behind the bureau's statistics: one grouped query each, whatever the number of cases. */
export abstract class CaseStatisticsReadModel {
  abstract caseFigures(scope: StatisticsScope): Promise<CaseFigureRow[]>;
  abstract satisfaction(scope: StatisticsScope): Promise<SatisfactionRow[]>;
  abstract transfers(scope: StatisticsScope): Promise<TransferRow[]>;

  /**
   * Brings whatever the reads keep ahead of time up to date with the cases, so that the next read finds nothing left
   * to recompute; returns the number of days recomputed. Reads that keep nothing have nothing to do.
   */
  async refresh(_outcomes: StatisticsScope['outcomes']): Promise<number> {
    return 0;
  }
}
