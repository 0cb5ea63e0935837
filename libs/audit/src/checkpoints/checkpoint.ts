import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from '@app/shared';
import { GENESIS_HASH } from '../audit-entry';

/**
 * The algorithms a checkpoint names. Only SHA-256 and Ed25519 are implemented: Node's crypto has SM3 but no
 * GB/T 32918 SM2 signature (its SM2 curve signs plain ECDSA), so SM3/SM2 waits for a maintained SM2 library.
 */
export const CHECKPOINT_ALGORITHMS = { chainHash: 'sha256', merkleHash: 'sha256', signature: 'ed25519' } as const;
export type CheckpointAlgorithms = typeof CHECKPOINT_ALGORITHMS;

/** One case's head at the checkpoint's moment. */
export interface CheckpointLeaf {
  caseId: string;
  seq: number;
  headHash: string;
}

/** What the signature covers. */
export interface CheckpointBody {
  seq: number;
  at: string;
  prevHash: string;
  caseCount: number;
  entryCount: number;
  root: string;
  algorithms: CheckpointAlgorithms;
}

/** A signed checkpoint with the leaves its root was built from, as stored and exported. */
export interface Checkpoint extends CheckpointBody {
  signature: string;
  hash: string;
  leaves: CheckpointLeaf[];
}

const sha256 = (...parts: (string | Buffer)[]): Buffer => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();

/**
 * Merkle root over the leaves sorted by case id. Leaf and inner hashes carry different prefixes, so a leaf can never
 * pass for an inner node; an odd node is carried up unchanged.
 */
export function merkleRoot(leaves: CheckpointLeaf[]): string {
  const sorted = [...leaves].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  let level = sorted.map((l) => sha256('\x00', canonicalJson({ caseId: l.caseId, seq: l.seq, headHash: l.headHash })));
  if (level.length === 0) return sha256('').toString('hex');
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? sha256('\x01', level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0].toString('hex');
}

/** The bytes that are signed: the body alone, in canonical JSON. */
export function checkpointBodyBytes(body: CheckpointBody): Buffer {
  const { seq, at, prevHash, caseCount, entryCount, root, algorithms } = body;
  return Buffer.from(canonicalJson({ seq, at, prevHash, caseCount, entryCount, root, algorithms }));
}

/** The hash the next checkpoint links to: over the signed body and its signature. */
export function checkpointHash(body: CheckpointBody, signature: string): string {
  return sha256(checkpointBodyBytes(body), '\n', signature).toString('hex');
}

/** Builds and signs the checkpoint that follows `previous` (null for the first). */
export function signCheckpoint(previous: Pick<Checkpoint, 'seq' | 'hash'> | null, at: string, leaves: CheckpointLeaf[], privateKey: KeyObject): Checkpoint {
  const sorted = [...leaves].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const body: CheckpointBody = {
    seq: (previous?.seq ?? 0) + 1,
    at,
    prevHash: previous?.hash ?? GENESIS_HASH,
    caseCount: sorted.length,
    entryCount: sorted.reduce((n, l) => n + l.seq, 0),
    root: merkleRoot(sorted),
    algorithms: CHECKPOINT_ALGORITHMS,
  };
  const signature = sign(null, checkpointBodyBytes(body), privateKey).toString('base64');
  return { ...body, signature, hash: checkpointHash(body, signature), leaves: sorted };
}

/** Why a checkpoint cannot be trusted, or null when its signature, hash, root and counts hold. */
export function checkpointFault(cp: Checkpoint, publicKey: KeyObject): string | null {
  const names = cp.algorithms ?? {};
  if (names.chainHash !== 'sha256' || names.merkleHash !== 'sha256' || names.signature !== 'ed25519') return `checkpoint ${cp.seq} uses algorithms this verifier does not implement: ${JSON.stringify(names)}`;
  let signed = false;
  try {
    signed = verify(null, checkpointBodyBytes(cp), publicKey, Buffer.from(cp.signature, 'base64'));
  } catch {
    signed = false;
  }
  if (!signed) return `checkpoint ${cp.seq}: the signature does not verify with this public key`;
  if (checkpointHash(cp, cp.signature) !== cp.hash) return `checkpoint ${cp.seq}: its hash does not match its content`;
  if (merkleRoot(cp.leaves) !== cp.root) return `checkpoint ${cp.seq}: its case heads do not give the signed Merkle root`;
  if (cp.leaves.length !== cp.caseCount || cp.leaves.reduce((n, l) => n + l.seq, 0) !== cp.entryCount) return `checkpoint ${cp.seq}: its case heads do not add up to the signed counts`;
  return null;
}
