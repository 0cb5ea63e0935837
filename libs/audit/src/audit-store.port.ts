import type { AuditEntry } from './audit-entry';
import type { CaseHead } from './chain-verifier';

/** Reads of the append-only audit log. Appends happen only inside a case transition's transaction. */
export abstract class AuditStore {
  abstract history(caseId: string): Promise<AuditEntry[]>;
  /** Entries in (caseId, seq) order after the given position, at most `limit`. */
  abstract page(after: { caseId: string; seq: number } | null, limit: number, caseId?: string): Promise<AuditEntry[]>;
  abstract heads(caseId?: string): Promise<CaseHead[]>;
}
