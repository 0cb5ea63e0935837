import type { ChainHashAlgorithm } from '../hash-algorithm';
import { SECURITY_LOG_MIN_RETENTION_DAYS, SecurityChainVerifier, type SecurityChainHead, type SecurityEventRecord } from '../security/security-chain';
import type { VerifyingKey } from '../signatures/checkpoint-keys';
import type { Checkpoint } from './checkpoint';
import { checkCheckpoints } from './export-verifier';

const DAY_MS = 86_400_000;

export interface SecurityExportVerdict {
  ok: boolean;
  events: number;
  checkpoints: number;
  /** How many checkpoints signed the security log's heads (older ones say nothing about it). */
  covering: number;
  /** The first chain and seq that differs from what was signed, is missing, or is itself broken. */
  chainKey: string | null;
  seq: number | null;
  checkpointSeq: number | null;
  reason: string | null;
  chainHash: ChainHashAlgorithm;
}

/**
 * Checks a security-log export against signed checkpoints without the database. The chains are recomputed from their
 * links and compared with the heads exported beside them; then every head a checkpoint signed must be reached: the
 * link at that seq must be in the export with that hash, unless the purge lawfully took it (it lies before the
 * chain's oldest exported link, whose predecessor the chain check already showed was past the legal minimum).
 * An insider who deletes a chain's newest links and rewinds its head cannot produce a signed head.
 * `exportedAt` is when the export was made: links older than the legal minimum then may have been purged.
 */
export function verifySecurityExport(
  events: SecurityEventRecord[],
  heads: SecurityChainHead[],
  checkpoints: Checkpoint[],
  publicKey: VerifyingKey,
  chainHash: ChainHashAlgorithm,
  exportedAt: string,
): SecurityExportVerdict {
  const covering = checkpoints.filter((cp) => cp.security).length;
  const verdict = (fields: Partial<SecurityExportVerdict>): SecurityExportVerdict => ({ ok: false, events: events.length, checkpoints: checkpoints.length, covering, chainKey: null, seq: null, checkpointSeq: null, reason: null, chainHash, ...fields });

  const checked = checkCheckpoints(checkpoints, publicKey, chainHash);
  if ('fault' in checked) return verdict({ checkpointSeq: checked.checkpointSeq, reason: checked.fault });

  const wrongHash = events.find((e) => e.algorithm !== chainHash);
  if (wrongHash) return verdict({ chainKey: wrongHash.chainKey, seq: wrongHash.seq, reason: `the link is hashed with ${wrongHash.algorithm}, but the export's chains are ${chainHash}` });
  const sorted = [...events].sort((a, b) => (a.chainKey < b.chainKey ? -1 : a.chainKey > b.chainKey ? 1 : a.seq - b.seq));
  const purgeableBefore = new Date(Date.parse(exportedAt) - SECURITY_LOG_MIN_RETENTION_DAYS * DAY_MS).toISOString();
  const chains = new SecurityChainVerifier(purgeableBefore, heads);
  chains.feed(sorted);
  const { firstBroken } = chains.result();
  if (firstBroken) return verdict({ chainKey: firstBroken.chainKey, seq: firstBroken.seq, reason: firstBroken.reason });

  const byChain = new Map<string, { first: number; last: number; hashes: Map<number, string> }>();
  for (const e of sorted) {
    const chain = byChain.get(e.chainKey) ?? byChain.set(e.chainKey, { first: e.seq, last: e.seq, hashes: new Map() }).get(e.chainKey)!;
    chain.last = e.seq;
    chain.hashes.set(e.seq, e.hash);
  }
  const signed = checked.ordered.flatMap((cp) => (cp.securityLeaves ?? []).map((leaf) => ({ ...leaf, checkpointSeq: cp.seq })));
  signed.sort((a, b) => (a.chainKey < b.chainKey ? -1 : a.chainKey > b.chainKey ? 1 : a.seq - b.seq || a.checkpointSeq - b.checkpointSeq));
  // The highest seq of each chain a checkpoint confirmed: a rewritten chain differs somewhere after it.
  const agreed = new Map<string, number>();
  for (const leaf of signed) {
    const chain = byChain.get(leaf.chainKey);
    // Purged: before the oldest retained link, or — for a chain with none left — a head signed as past the minimum.
    if (chain ? leaf.seq < chain.first : leaf.at < purgeableBefore) continue;
    const last = chain?.last ?? 0;
    if (leaf.seq > last) {
      return verdict({ chainKey: leaf.chainKey, seq: last + 1, checkpointSeq: leaf.checkpointSeq, reason: `checkpoint ${leaf.checkpointSeq} signed ${leaf.seq} links for the chain; the export ends at ${last}` });
    }
    if (chain!.hashes.get(leaf.seq) !== leaf.headHash) {
      const from = Math.max(agreed.get(leaf.chainKey) ?? 0, chain!.first - 1) + 1;
      return verdict({ chainKey: leaf.chainKey, seq: from, checkpointSeq: leaf.checkpointSeq, reason: `the chain reaches a different hash at seq ${leaf.seq} than checkpoint ${leaf.checkpointSeq} signed` });
    }
    agreed.set(leaf.chainKey, leaf.seq);
  }
  return { ...verdict({}), ok: true };
}
