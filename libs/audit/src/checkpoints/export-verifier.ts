import { GENESIS_HASH, hashEntry, type AuditEntry } from '../audit-entry';
import type { ChainHashAlgorithm } from '../hash-algorithm';
import type { VerifyingKey } from '../signatures/checkpoint-keys';
import { checkpointFault, type Checkpoint } from './checkpoint';

export interface ExportVerdict {
  ok: boolean;
  entries: number;
  checkpoints: number;
  /** The first case and seq whose exported history differs from what was signed (or is itself broken). */
  caseId: string | null;
  seq: number | null;
  /** The highest seq of that case a checkpoint confirmed before the difference: the change lies after it. */
  lastAgreeingSeq: number | null;
  checkpointSeq: number | null;
  reason: string | null;
  /** The chain hash the entries were recomputed with. */
  chainHash: ChainHashAlgorithm;
}

/**
 * Checks an audit export against signed checkpoints without the database: every checkpoint must carry a valid
 * signature and link to its predecessor; every case chain is recomputed from its entries' content; and the hash each
 * chain reaches at a checkpointed seq must be the head that checkpoint signed. An insider who rewrites an entry and
 * recomputes every later hash, or deletes the last entries and rewinds the case, cannot produce the signed heads.
 * `chainHash` is the algorithm the export's header names; every checkpoint must name the same.
 */
export function verifyExport(entries: AuditEntry[], checkpoints: Checkpoint[], publicKey: VerifyingKey, chainHash: ChainHashAlgorithm): ExportVerdict {
  const verdict = (fields: Partial<ExportVerdict>): ExportVerdict => ({ ok: false, entries: entries.length, checkpoints: checkpoints.length, caseId: null, seq: null, lastAgreeingSeq: null, checkpointSeq: null, reason: null, chainHash, ...fields });

  const checked = checkCheckpoints(checkpoints, publicKey, chainHash);
  if ('fault' in checked) return verdict({ checkpointSeq: checked.checkpointSeq, reason: checked.fault });
  const ordered = checked.ordered;

  // Recompute each chain from content; keep the hash reached at every seq.
  const chains = new Map<string, string[]>();
  const sorted = [...entries].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : a.seq - b.seq));
  for (const e of sorted) {
    const chain = chains.get(e.caseId) ?? [];
    chains.set(e.caseId, chain);
    const expected = chain.length + 1;
    if (e.seq !== expected) return verdict({ caseId: e.caseId, seq: expected, reason: `entry ${expected} is missing from the export` });
    const prev = chain[chain.length - 1] ?? GENESIS_HASH;
    if (e.prevHash !== prev) return verdict({ caseId: e.caseId, seq: e.seq, reason: 'prevHash does not match the previous entry' });
    const hash = hashEntry(chainHash, prev, e);
    if (hash !== e.hash) return verdict({ caseId: e.caseId, seq: e.seq, reason: 'content does not match its hash' });
    chain.push(hash);
  }

  // For each case, the signed heads in seq order; the first that the recomputed chain does not reach names the change.
  const signed = new Map<string, { seq: number; headHash: string; checkpointSeq: number }[]>();
  for (const cp of ordered) for (const leaf of cp.leaves) (signed.get(leaf.caseId) ?? signed.set(leaf.caseId, []).get(leaf.caseId)!).push({ ...leaf, checkpointSeq: cp.seq });
  for (const caseId of [...signed.keys()].sort()) {
    const chain = chains.get(caseId) ?? [];
    let agreed = 0;
    for (const head of signed.get(caseId)!.sort((a, b) => a.seq - b.seq || a.checkpointSeq - b.checkpointSeq)) {
      if (head.seq > chain.length) return verdict({ caseId, seq: chain.length + 1, lastAgreeingSeq: agreed, checkpointSeq: head.checkpointSeq, reason: `checkpoint ${head.checkpointSeq} signed ${head.seq} entries for the case; the export has ${chain.length}` });
      if (chain[head.seq - 1] !== head.headHash) return verdict({ caseId, seq: agreed + 1, lastAgreeingSeq: agreed, checkpointSeq: head.checkpointSeq, reason: `the chain reaches a different hash at seq ${head.seq} than checkpoint ${head.checkpointSeq} signed` });
      agreed = head.seq;
    }
  }
  return { ...verdict({}), ok: true };
}

/**
 * The checkpoints in seq order, once each carries a valid signature under `publicKey`, names `chainHash`, and links
 * to its predecessor where both are present; otherwise the first that fails.
 */
export function checkCheckpoints(checkpoints: Checkpoint[], publicKey: VerifyingKey, chainHash: ChainHashAlgorithm): { ordered: Checkpoint[] } | { checkpointSeq: number; fault: string } {
  const bySeq = new Map<number, Checkpoint>();
  for (const cp of checkpoints) {
    const fault = checkpointFault(cp, publicKey);
    if (fault) return { checkpointSeq: cp.seq, fault };
    if (cp.algorithms.chainHash !== chainHash) return { checkpointSeq: cp.seq, fault: `checkpoint ${cp.seq} signs ${cp.algorithms.chainHash} chains, but the export's chains are ${chainHash}` };
    const seen = bySeq.get(cp.seq);
    if (seen && seen.hash !== cp.hash) return { checkpointSeq: cp.seq, fault: `two different checkpoints carry seq ${cp.seq}` };
    bySeq.set(cp.seq, cp);
  }
  const ordered = [...bySeq.values()].sort((a, b) => a.seq - b.seq);
  for (const cp of ordered) {
    const previous = bySeq.get(cp.seq - 1);
    if (cp.seq === 1 ? cp.prevHash !== GENESIS_HASH : previous && previous.hash !== cp.prevHash) return { checkpointSeq: cp.seq, fault: `checkpoint ${cp.seq} does not link to checkpoint ${cp.seq - 1}` };
  }
  return { ordered };
}
