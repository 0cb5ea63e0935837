import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditStore } from '../audit-store.port';
import { ChainVerifier, type VerifyResult } from '../chain-verifier';
import { ChainHash } from '../hash-algorithm';
import { VerifyAuditQuery } from './verify-audit.query';

const PAGE = 2000;

@QueryHandler(VerifyAuditQuery)
export class VerifyAuditHandler implements IQueryHandler<VerifyAuditQuery> {
  constructor(
    private readonly store: AuditStore,
    private readonly chainHash: ChainHash,
  ) {}

  execute({ caseId }: VerifyAuditQuery): Promise<VerifyResult> {
    return this.store.snapshot(async (reader) => {
      const verifier = new ChainVerifier(new Map((await reader.heads(caseId)).map((h) => [h.caseId, h])), this.chainHash.algorithm);
      let after: { caseId: string; seq: number } | null = null;
      for (;;) {
        const page = await reader.page(after, PAGE, caseId);
        verifier.feed(page);
        if (page.length < PAGE) break;
        const last = page[page.length - 1];
        after = { caseId: last.caseId, seq: last.seq };
      }
      return verifier.result();
    });
  }
}
