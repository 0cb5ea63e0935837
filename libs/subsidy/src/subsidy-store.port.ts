import type { Tariff, TariffRules } from './tariffs/tariff';

export interface BudgetRow {
  regionCode: string;
  year: number;
  totalFen: number;
  committedFen: number;
  /** Of the committed, what was paid (claims paid or published). */
  paidFen: number;
}

export interface FilingRow {
  userId: string;
  filingNo: string;
  filedOn: string;
}

/** A claim's row beside its case: what statements and budgets read without loading the case. */
export interface ClaimRow {
  claimCaseId: string;
  claimedCaseId: string;
  claimedCaseNo: string;
  regionCode: string;
  orgId: string;
  mediatorId: string;
  category: string;
  tier: string;
  agreementForm: 'ORAL' | 'WRITTEN' | null;
  outcome: 'AGREED' | 'FAILED';
  performedOn: string;
  auditSeq: number;
  auditHash: string;
  presenceEvidence: string | null;
  tariffId: string;
  tariffVersion: string;
  budgetRegion: string;
  budgetYear: number;
  amountFen: number | null;
  fundingSource: string | null;
  committedFen: number;
  createdAt: string;
  /** The claim case's state, joined from `cases`. */
  state: string;
  caseNo: string;
  /** The claimed case's party names, masked as a 公示 list shows them (张*、李*): statements print them without reading the case. */
  partyNames: string;
}

export interface ClaimFilter {
  regionPrefix?: string;
  orgIds?: string[];
  states?: string[];
  mediatorId?: string;
  from?: string;
  to?: string;
  limit?: number;
}

export interface SpotCheckRow {
  id: string;
  regionCode: string;
  seed: string;
  rate: number;
  riskTiers: string[];
  population: { claimId: string; tier: string; flagged: boolean }[];
  picks: { claimId: string; reason: 'RANDOM' | 'RISK' }[];
  drawnAt: string;
  drawnBy: string;
}

/** Storage of tariffs, budgets, filings, claim rows and spot checks; claim state lives on the claim's case. */
export abstract class SubsidyStore {
  abstract addTariff(t: { id: string; regionCode: string; year: number; rules: TariffRules; createdAt: string; createdBy: string }): Promise<Tariff>;
  abstract tariffs(regionCode?: string): Promise<Tariff[]>;
  abstract tariff(id: string): Promise<Tariff | null>;
  /** The newest version for the year of the nearest region at or above `regionCode` (a village's township, its county…) that has one. */
  abstract tariffFor(regionCode: string, year: number): Promise<Tariff | null>;

  abstract setBudget(regionCode: string, year: number, totalFen: number): Promise<void>;
  abstract budgets(regionCode?: string): Promise<BudgetRow[]>;
  /** Commits `fen` against the budget only if that leaves nothing overdrawn: one conditional update, so concurrent commits cannot overdraw. */
  abstract reserve(regionCode: string, year: number, fen: number): Promise<boolean>;
  abstract release(regionCode: string, year: number, fen: number): Promise<void>;

  abstract setFiling(f: FilingRow & { recordedBy: string; recordedAt: string }): Promise<void>;
  abstract filing(userId: string): Promise<FilingRow | null>;

  /** False when the claimed case already has a claim (one claim per case, ever: a unique key). */
  abstract insertClaim(row: Omit<ClaimRow, 'state' | 'caseNo'>): Promise<boolean>;
  /** Names the claim's case once it is open (the row was written first, under a placeholder id). */
  abstract assignClaimCase(placeholder: string, claimCaseId: string): Promise<void>;
  abstract deleteClaim(claimCaseId: string): Promise<void>;
  abstract claim(claimCaseId: string): Promise<ClaimRow | null>;
  abstract claimOfCase(claimedCaseId: string): Promise<ClaimRow | null>;
  abstract updateClaim(claimCaseId: string, patch: Partial<Pick<ClaimRow, 'tier' | 'amountFen' | 'fundingSource' | 'committedFen'>>): Promise<void>;
  abstract claims(filter: ClaimFilter): Promise<ClaimRow[]>;
  /** Cases and fen committed to a mediator's claims performed within [from, to], other than `except`. */
  abstract committedTo(mediatorId: string, from: string, to: string, except: string): Promise<{ cases: number; fen: number }>;

  abstract insertSpotCheck(row: SpotCheckRow): Promise<void>;
  abstract spotCheck(id: string): Promise<SpotCheckRow | null>;
}
