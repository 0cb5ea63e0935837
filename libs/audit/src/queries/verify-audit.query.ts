import { Query } from '@nestjs/cqrs';
import type { VerifyResult } from '../chain-verifier';

/** Recompute the hash chains, of every case or of one. */
export class VerifyAuditQuery extends Query<VerifyResult> {
  constructor(readonly caseId?: string) {
    super();
  }
}
