import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditStore } from '../audit-store.port';
import type { VerifyResult } from '../chain-verifier';
import { ChainHash } from '../hash-algorithm';
import { StreamingChainVerifier, type Finding } from '../verification/streaming-verifier';
import { VerifyAuditQuery } from './verify-audit.query';

const PAGE = 2000;

/**
 * The synchronous check: the streaming verifier over one snapshot, stopping at the first finding. For the whole log
 * of a large deployment, the background verification job (docs/audit-verification.md) does the same batch by batch.
 */
@QueryHandler(VerifyAuditQuery)
export class VerifyAuditHandler implements IQueryHandler<VerifyAuditQuery> {
  constructor(
    private readonly store: AuditStore,
    private readonly chainHash: ChainHash,
  ) {}

  execute({ caseId }: VerifyAuditQuery): Promise<VerifyResult> {
    const algorithm = this.chainHash.algorithm;
    return this.store.snapshot(async (reader) => {
      const verifier = new StreamingChainVerifier(algorithm);
      const verdict = (finding: Finding | null): VerifyResult => ({
        ok: finding === null,
        checked: verifier.counts.entries,
        firstBroken: finding?.seq ?? null,
        firstBrokenCaseId: finding?.caseId ?? null,
        reason: finding?.reason ?? null,
        algorithm,
      });
      for (;;) {
        const at = verifier.at;
        const batch = await reader.batch(at && { caseId: at.caseId, seq: at.seq }, PAGE, caseId);
        const last = batch.entries.length < PAGE;
        const [finding] = verifier.feed(batch, last, 1);
        if (finding) return verdict(finding);
        if (last) break;
      }
      const [orphan] = await reader.casesWithoutEntries(1, caseId);
      return verdict(orphan ? { caseId: orphan, seq: 1, reason: 'the case has no audit entries' } : null);
    });
  }
}
