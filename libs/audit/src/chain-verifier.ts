import { GENESIS_HASH, hashEntry, type AuditEntry } from './audit-entry';
import type { ChainHashAlgorithm } from './hash-algorithm';

export interface CaseHead {
  caseId: string;
  version: number;
  headHash: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** Seq of the first entry that fails, in (case, seq) order; for a chain cut short, the first missing seq. */
  firstBroken: number | null;
  /** The case the first broken entry belongs to. */
  firstBrokenCaseId: string | null;
  reason: string | null;
  /** The hash the chains were recomputed with: the deployment's. */
  algorithm: ChainHashAlgorithm;
}

/**
 * Recomputes every case's chain, fed entries in (caseId, seq) order page by page, so memory stays flat however long
 * the log is. Each chain must start at seq 1 from the genesis hash, run without gaps, and end at the version and hash
 * the case row recorded in the same transaction; that last check catches entries deleted from the end.
 */
export class ChainVerifier {
  private checked = 0;
  private broken: { caseId: string; seq: number; reason: string } | null = null;
  private current: { caseId: string; seq: number; hash: string } | null = null;
  private readonly seenCases = new Set<string>();

  constructor(
    private readonly heads: Map<string, CaseHead>,
    private readonly algorithm: ChainHashAlgorithm,
  ) {}

  feed(entries: AuditEntry[]): void {
    for (const e of entries) {
      if (this.broken) return;
      if (!this.current || this.current.caseId !== e.caseId) {
        this.closeCase();
        if (this.broken) return;
        this.current = { caseId: e.caseId, seq: 0, hash: GENESIS_HASH };
        this.seenCases.add(e.caseId);
      }
      this.checked++;
      const expectedSeq = this.current.seq + 1;
      if (e.seq !== expectedSeq) return this.fail(e.caseId, expectedSeq, `entry ${expectedSeq} is missing`);
      if (e.prevHash !== this.current.hash) return this.fail(e.caseId, e.seq, 'prevHash does not match the previous entry');
      if (hashEntry(this.algorithm, e.prevHash, e) !== e.hash) return this.fail(e.caseId, e.seq, 'content does not match its hash');
      this.current = { caseId: e.caseId, seq: e.seq, hash: e.hash };
    }
  }

  result(): VerifyResult {
    this.closeCase();
    if (!this.broken) {
      for (const head of this.heads.values()) {
        if (!this.seenCases.has(head.caseId) && head.version > 0) {
          this.fail(head.caseId, 1, 'the case has no audit entries');
          break;
        }
      }
    }
    return {
      ok: this.broken === null,
      checked: this.checked,
      firstBroken: this.broken?.seq ?? null,
      firstBrokenCaseId: this.broken?.caseId ?? null,
      reason: this.broken?.reason ?? null,
      algorithm: this.algorithm,
    };
  }

  private closeCase(): void {
    if (!this.current || this.broken) return;
    const head = this.heads.get(this.current.caseId);
    if (!head) this.fail(this.current.caseId, 1, 'audit entries belong to no case');
    else if (head.version !== this.current.seq) this.fail(head.caseId, this.current.seq + 1, `the case is at version ${head.version} but the chain ends at ${this.current.seq}`);
    else if (head.headHash !== this.current.hash) this.fail(head.caseId, this.current.seq, 'the last hash differs from the one the case recorded');
    this.current = null;
  }

  private fail(caseId: string, seq: number, reason: string): void {
    this.broken ??= { caseId, seq, reason };
  }
}
