import type { AuditStore } from '../audit-store.port';
import type { ChainHashAlgorithm } from '../hash-algorithm';
import { StreamingChainVerifier, type Finding, type VerifyCounts } from './streaming-verifier';

export interface BatchVerifyReport {
  counts: VerifyCounts;
  /** The first `findingsKept` findings; `findingsCount` goes on past them. */
  findings: Finding[];
  findingsCount: number;
}

/**
 * Verifies every chain batch by batch, each batch on its own snapshot, reporting progress after each: the streaming
 * check without a job row, for the command line. Memory holds one batch and the findings kept.
 */
export async function verifyInBatches(
  store: AuditStore,
  algorithm: ChainHashAlgorithm,
  options: { batchSize: number; findingsKept?: number; onBatch?: (counts: VerifyCounts, findingsCount: number) => void },
): Promise<BatchVerifyReport> {
  const kept = options.findingsKept ?? 500;
  const verifier = new StreamingChainVerifier(algorithm);
  const report: BatchVerifyReport = { counts: verifier.counts, findings: [], findingsCount: 0 };
  const note = (found: Finding[]) => {
    report.findingsCount += found.length;
    report.findings.push(...found.slice(0, Math.max(0, kept - report.findings.length)));
  };
  for (;;) {
    const at = verifier.at;
    const batch = await store.snapshot((reader) => reader.batch(at && { caseId: at.caseId, seq: at.seq }, options.batchSize));
    const last = batch.entries.length < options.batchSize;
    note(verifier.feed(batch, last));
    options.onBatch?.(verifier.counts, report.findingsCount);
    if (last) break;
  }
  note((await store.snapshot((reader) => reader.casesWithoutEntries(kept))).map((caseId) => ({ caseId, seq: 1, reason: 'the case has no audit entries' })));
  return report;
}
