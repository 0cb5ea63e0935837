import type { AuditEntry } from './audit-entry';
import type { CaseHead } from './chain-verifier';
import type { AuditBatchReader } from './verification/streaming-verifier';

/** Reads over one consistent snapshot of the log and the case heads. */
export interface AuditSnapshot extends AuditBatchReader {
  /** Entries in (caseId, seq) order after the given position, at most `limit`. */
  page(after: { caseId: string; seq: number } | null, limit: number, caseId?: string): Promise<AuditEntry[]>;
  heads(caseId?: string): Promise<CaseHead[]>;
}

/** How big the log is, roughly: for progress, never for a verdict. */
export interface AuditSizeEstimate {
  cases: number;
  entries: number;
}

/** Reads of the append-only audit log. Appends happen only inside a case transition's transaction. */
export abstract class AuditStore {
  abstract history(caseId: string): Promise<AuditEntry[]>;
  /**
   * Runs `work` on one snapshot, so a verification running beside live transitions never sees a case row and its
   * chain at different moments.
   */
  abstract snapshot<T>(work: (reader: AuditSnapshot) => Promise<T>): Promise<T>;
  /** The planner's row counts where the database keeps them (PostgreSQL), else exact counts. */
  abstract estimateSize(): Promise<AuditSizeEstimate>;
}
