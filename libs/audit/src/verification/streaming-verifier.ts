import { GENESIS_HASH, hashEntry, type AuditEntry } from '../audit-entry';
import type { CaseHead } from '../chain-verifier';
import type { ChainHashAlgorithm } from '../hash-algorithm';

/** One broken chain: the case, the first seq that fails (for a chain cut short, the first missing one) and why. */
export interface Finding {
  caseId: string;
  seq: number;
  reason: string;
}

/**
 * Where a verification stands: the last entry it verified and the hash its chain reached there. `hash` is null when
 * that case already has a finding, so the rest of its entries are passed over. This is all a run holds between
 * batches, and all a resumed run needs.
 */
export interface VerifyPosition {
  caseId: string;
  seq: number;
  hash: string | null;
}

export interface VerifyCounts {
  /** Cases whose chain has been closed: read to the end and compared with the case row's head. */
  cases: number;
  /** Entries read, including those of a broken case passed over after its finding. */
  entries: number;
}

/** One batch, read at one moment: entries after the position, and the heads of the cases they and the position name. */
export interface AuditBatch {
  entries: AuditEntry[];
  heads: CaseHead[];
}

/** What the streaming verifier reads, batch by batch; each call may run on its own snapshot. */
export interface AuditBatchReader {
  /**
   * Entries after `after` in (caseId, seq) order, at most `limit`, restricted to one case when `caseId` is given,
   * with the heads of every case among them and of `after.caseId`, all from one snapshot.
   */
  batch(after: { caseId: string; seq: number } | null, limit: number, caseId?: string): Promise<AuditBatch>;
  /** Cases past version 0 with no audit entry at all, at most `limit`. */
  casesWithoutEntries(limit: number, caseId?: string): Promise<string[]>;
}

/**
 * Recomputes the chains fed to it in (caseId, seq) order, holding only the current case's position: memory does not
 * grow with the number of cases or entries. Each chain must start at seq 1 from the genesis hash, run without gaps,
 * and end at the version and hash the case row recorded (which catches entries deleted from the end). After a finding
 * the rest of that case is passed over and the next case checked, so one run reports every broken case.
 */
export class StreamingChainVerifier {
  private position: VerifyPosition | null;
  readonly counts: VerifyCounts;

  constructor(
    private readonly algorithm: ChainHashAlgorithm,
    from: { position: VerifyPosition | null; counts: VerifyCounts } = { position: null, counts: { cases: 0, entries: 0 } },
  ) {
    this.position = from.position;
    this.counts = { ...from.counts };
  }

  get at(): VerifyPosition | null {
    return this.position;
  }

  /**
   * Feeds one batch; `last` says no entry follows it, so the current case is closed too (a run resumed after that
   * must not feed again). Returns the findings in it, in order, stopping after `max`
   * of them (the rest of the batch is then not consumed: `at` tells where it stopped).
   */
  feed(batch: AuditBatch, last: boolean, max = Infinity): Finding[] {
    const heads = new Map(batch.heads.map((h) => [h.caseId, h]));
    const findings: Finding[] = [];
    const note = (f: Finding | null) => f && findings.push(f);
    for (const e of batch.entries) {
      if (findings.length >= max) return findings;
      if (!this.position || this.position.caseId !== e.caseId) {
        note(this.close(heads));
        if (findings.length >= max) return findings;
        this.position = { caseId: e.caseId, seq: 0, hash: GENESIS_HASH };
      }
      this.counts.entries++;
      const current = this.position;
      if (current.hash === null) {
        this.position = { caseId: e.caseId, seq: e.seq, hash: null };
        continue;
      }
      const expectedSeq = current.seq + 1;
      const fault =
        e.seq !== expectedSeq
          ? { seq: expectedSeq, reason: `entry ${expectedSeq} is missing` }
          : e.prevHash !== current.hash
            ? { seq: e.seq, reason: 'prevHash does not match the previous entry' }
            : hashEntry(this.algorithm, e.prevHash, e) !== e.hash
              ? { seq: e.seq, reason: 'content does not match its hash' }
              : null;
      if (fault) {
        note({ caseId: e.caseId, ...fault });
        this.position = { caseId: e.caseId, seq: e.seq, hash: null };
      } else this.position = { caseId: e.caseId, seq: e.seq, hash: e.hash };
    }
    if (last && findings.length < max) note(this.close(heads));
    return findings;
  }

  /** The current case has no further entries: its chain must end where the case row says. */
  private close(heads: Map<string, CaseHead>): Finding | null {
    const current = this.position;
    if (!current) return null;
    this.counts.cases++;
    if (current.hash === null) return null;
    const head = heads.get(current.caseId);
    if (!head) return { caseId: current.caseId, seq: 1, reason: 'audit entries belong to no case' };
    if (head.version !== current.seq) return { caseId: head.caseId, seq: current.seq + 1, reason: `the case is at version ${head.version} but the chain ends at ${current.seq}` };
    if (head.headHash !== current.hash) return { caseId: head.caseId, seq: current.seq, reason: 'the last hash differs from the one the case recorded' };
    return null;
  }
}
