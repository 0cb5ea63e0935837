import type { RiskReport } from './case-store.port';

/** A risk report with what the register shows of its case. */
export interface RiskReportRow extends RiskReport {
  caseNo: string;
  caseClosed: boolean;
}

/** 矛盾纠纷排查: one screening sweep of a region — who, when, what was found, which disputes it turned up. */
export interface RiskSweep {
  id: string;
  regionCode: string;
  orgId: string;
  conductedBy: string;
  conductedOn: string;
  findings: string;
  disputeCodes: string[];
  recordedAt: string;
}

/** The risk register of a region (reports are written by the case commit) and its screening sweeps. */
export abstract class RiskRegisterStore {
  /** Reports on cases in regions at and below `regionPrefix`, oldest first, with the number of open cases per dispute. */
  abstract reports(regionPrefix: string): Promise<{ reports: RiskReportRow[]; openCases: Record<string, number> }>;
  abstract recordSweep(sweep: RiskSweep): Promise<void>;
  /** Sweeps of regions at and below `regionPrefix`, newest first. */
  abstract sweeps(regionPrefix: string, limit: number): Promise<RiskSweep[]>;
}
