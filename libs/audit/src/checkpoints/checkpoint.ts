import { createHash } from 'node:crypto';
import { canonicalJson } from '@app/shared';
import { GENESIS_HASH } from '../audit-entry';
import type { ChainHashAlgorithm } from '../hash-algorithm';
import type { SignatureAlgorithm, SigningKey, VerifyingKey } from '../signatures/checkpoint-keys';

/** The algorithms a checkpoint names: the chain's hash, the Merkle tree's and the root's signature. */
export interface CheckpointAlgorithms {
  chainHash: ChainHashAlgorithm;
  merkleHash: ChainHashAlgorithm;
  signature: SignatureAlgorithm;
}

/**
 * The two suites: SHA-256 with Ed25519, and SM3 with SM2 for the commercial-cryptography rules. Nothing else is
 * signed or accepted: a chain in one family anchored by the other's signature would satisfy neither policy.
 */
export const CHECKPOINT_SUITES = {
  'sha256+ed25519': { chainHash: 'sha256', merkleHash: 'sha256', signature: 'ed25519' },
  'sm3+sm2': { chainHash: 'sm3', merkleHash: 'sm3', signature: 'sm2' },
} as const satisfies Record<string, CheckpointAlgorithms>;
export type CheckpointSuite = keyof typeof CHECKPOINT_SUITES;

/** The suite whose signature a key makes. */
export const SUITE_OF_SIGNATURE: Record<SignatureAlgorithm, CheckpointSuite> = { ed25519: 'sha256+ed25519', sm2: 'sm3+sm2' };

/** One case's head at the checkpoint's moment. */
export interface CheckpointLeaf {
  caseId: string;
  seq: number;
  headHash: string;
}

/** One security-log chain's head at the checkpoint's moment. */
export interface SecurityCheckpointLeaf {
  chainKey: string;
  seq: number;
  /** When the head link was recorded: once the purge took every link of a chain, this shows it was lawful. */
  at: string;
  headHash: string;
}

/** What a checkpoint signs of the security log: how many chains, how many links they ever had, and their root. */
export interface SecurityCoverage {
  chainCount: number;
  eventCount: number;
  root: string;
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
  /** Absent in checkpoints written before the security log was covered: those say nothing about it. */
  security?: SecurityCoverage;
}

/** A signed checkpoint with the leaves its roots were built from, as stored and exported. */
export interface Checkpoint extends CheckpointBody {
  signature: string;
  hash: string;
  leaves: CheckpointLeaf[];
  securityLeaves?: SecurityCheckpointLeaf[];
}

const digest = (algorithm: ChainHashAlgorithm, ...parts: (string | Buffer)[]): Buffer => parts.reduce((h, p) => h.update(p), createHash(algorithm)).digest();

/**
 * Merkle root over the leaves sorted by case id. Leaf and inner hashes carry different prefixes, so a leaf can never
 * pass for an inner node; an odd node is carried up unchanged.
 */
export function merkleRoot(leaves: CheckpointLeaf[], algorithm: ChainHashAlgorithm): string {
  const sorted = [...leaves].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  return rootOver(sorted.map((l) => canonicalJson({ caseId: l.caseId, seq: l.seq, headHash: l.headHash })), algorithm);
}

/** The same tree over the security-log chain heads, sorted by chain key; the leaf's field names keep them apart from case heads. */
export function securityMerkleRoot(leaves: SecurityCheckpointLeaf[], algorithm: ChainHashAlgorithm): string {
  const sorted = sortByChainKey(leaves);
  return rootOver(sorted.map((l) => canonicalJson({ chainKey: l.chainKey, seq: l.seq, at: l.at, headHash: l.headHash })), algorithm);
}

const sortByChainKey = <T extends { chainKey: string }>(leaves: T[]): T[] => [...leaves].sort((a, b) => (a.chainKey < b.chainKey ? -1 : a.chainKey > b.chainKey ? 1 : 0));

function rootOver(leafContents: string[], algorithm: ChainHashAlgorithm): string {
  let level = leafContents.map((content) => digest(algorithm, '\x00', content));
  if (level.length === 0) return digest(algorithm, '').toString('hex');
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? digest(algorithm, '\x01', level[i], level[i + 1]) : level[i]);
    level = next;
  }
  return level[0].toString('hex');
}

/** The bytes that are signed: the body alone, in canonical JSON. */
export function checkpointBodyBytes(body: CheckpointBody): Buffer {
  const { seq, at, prevHash, caseCount, entryCount, root, algorithms, security } = body;
  // Left out when absent, so a checkpoint written before the field existed still verifies.
  return Buffer.from(canonicalJson({ seq, at, prevHash, caseCount, entryCount, root, algorithms, ...(security ? { security: { chainCount: security.chainCount, eventCount: security.eventCount, root: security.root } } : {}) }));
}

/** The hash the next checkpoint links to: over the signed body and its signature, with the body's Merkle hash. */
export function checkpointHash(body: CheckpointBody, signature: string): string {
  return digest(body.algorithms.merkleHash, checkpointBodyBytes(body), '\n', signature).toString('hex');
}

/**
 * Builds and signs the checkpoint that follows `previous` (null for the first), in the suite of the key; with
 * `securityLeaves`, it covers the security log's chain heads too.
 */
export function signCheckpoint(previous: Pick<Checkpoint, 'seq' | 'hash'> | null, at: string, leaves: CheckpointLeaf[], key: SigningKey, securityLeaves?: SecurityCheckpointLeaf[]): Checkpoint {
  const algorithms = CHECKPOINT_SUITES[SUITE_OF_SIGNATURE[key.algorithm]];
  const sorted = [...leaves].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const body: CheckpointBody = {
    seq: (previous?.seq ?? 0) + 1,
    at,
    prevHash: previous?.hash ?? GENESIS_HASH,
    caseCount: sorted.length,
    entryCount: sorted.reduce((n, l) => n + l.seq, 0),
    root: merkleRoot(sorted, algorithms.merkleHash),
    algorithms: { ...algorithms },
  };
  const security = securityLeaves ? sortByChainKey(securityLeaves) : undefined;
  if (security) body.security = { chainCount: security.length, eventCount: security.reduce((n, l) => n + l.seq, 0), root: securityMerkleRoot(security, algorithms.merkleHash) };
  const signature = key.sign(checkpointBodyBytes(body));
  return { ...body, signature, hash: checkpointHash(body, signature), leaves: sorted, ...(security ? { securityLeaves: security } : {}) };
}

/** The suite a checkpoint names, or null when it names a combination no suite has. */
export function suiteOf(algorithms: Partial<CheckpointAlgorithms> | undefined): CheckpointSuite | null {
  const names = algorithms ?? {};
  for (const [suite, a] of Object.entries(CHECKPOINT_SUITES) as [CheckpointSuite, CheckpointAlgorithms][]) {
    if (names.chainHash === a.chainHash && names.merkleHash === a.merkleHash && names.signature === a.signature) return suite;
  }
  return null;
}

/** Why a checkpoint cannot be trusted, or null when its signature, hash, root and counts hold. */
export function checkpointFault(cp: Checkpoint, publicKey: VerifyingKey): string | null {
  if (!suiteOf(cp.algorithms)) return `checkpoint ${cp.seq} uses algorithms this verifier does not implement: ${JSON.stringify(cp.algorithms ?? {})}`;
  if (cp.algorithms.signature !== publicKey.algorithm) return `checkpoint ${cp.seq} is signed with ${cp.algorithms.signature}, but the public key is ${publicKey.algorithm}`;
  if (!publicKey.verify(checkpointBodyBytes(cp), cp.signature)) return `checkpoint ${cp.seq}: the signature does not verify with this public key`;
  if (checkpointHash(cp, cp.signature) !== cp.hash) return `checkpoint ${cp.seq}: its hash does not match its content`;
  if (merkleRoot(cp.leaves, cp.algorithms.merkleHash) !== cp.root) return `checkpoint ${cp.seq}: its case heads do not give the signed Merkle root`;
  if (cp.leaves.length !== cp.caseCount || cp.leaves.reduce((n, l) => n + l.seq, 0) !== cp.entryCount) return `checkpoint ${cp.seq}: its case heads do not add up to the signed counts`;
  if (!cp.security) return cp.securityLeaves ? `checkpoint ${cp.seq}: it carries security-log heads its signature does not cover` : null;
  const heads = cp.securityLeaves ?? [];
  if (securityMerkleRoot(heads, cp.algorithms.merkleHash) !== cp.security.root) return `checkpoint ${cp.seq}: its security-log heads do not give the signed Merkle root`;
  if (heads.length !== cp.security.chainCount || heads.reduce((n, l) => n + l.seq, 0) !== cp.security.eventCount) return `checkpoint ${cp.seq}: its security-log heads do not add up to the signed counts`;
  return null;
}
