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
