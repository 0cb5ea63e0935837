import { canonicalJson, type Role } from '@app/shared';
import { digestHex, type ChainHashAlgorithm } from './hash-algorithm';

/** One link of a case's hash chain: a transition, who made it, and the hashes that make tampering visible. */
export interface AuditEntry {
  caseId: string;
  /** Equals the case version the entry produced: 1 for opening, +1 per transition. */
  seq: number;
  at: string;
  actorId: string;
  actorRole: Role;
  type: string;
  /** Null for the entry that opened the case. */
  from: string | null;
  to: string;
  data: Record<string, unknown>;
  /** The documents this event produced (e.g. the 人民调解协议书 a signature brings into effect), each by its digest. */
  documents?: DocumentDigest[];
  prevHash: string;
  hash: string;
}

/** A generated document by kind and the SHA-256 of its bytes, so a copy handed out later can be checked against the chain. */
export interface DocumentDigest {
  kind: string;
  sha256: string;
}

/** SHA-256 and SM3 digests are both 256 bits, so one genesis serves either chain. */
export const GENESIS_HASH = '0'.repeat(64);

/** The deployment's hash over the previous hash and the entry's canonical content (every field but the hashes). */
export function hashEntry(algorithm: ChainHashAlgorithm, prevHash: string, entry: Omit<AuditEntry, 'prevHash' | 'hash'>): string {
  const content = canonicalJson({
    caseId: entry.caseId,
    seq: entry.seq,
    at: entry.at,
    actorId: entry.actorId,
    actorRole: entry.actorRole,
    type: entry.type,
    from: entry.from,
    to: entry.to,
    data: entry.data,
    // Only entries that produced a document carry the key, so every entry written before it hashes as it did.
    ...(entry.documents?.length ? { documents: entry.documents } : {}),
  });
  return digestHex(algorithm, prevHash, '\n', content);
}

/** Builds the next entry of a chain whose last hash is `prevHash`. */
export function chainEntry(algorithm: ChainHashAlgorithm, prevHash: string, entry: Omit<AuditEntry, 'prevHash' | 'hash'>): AuditEntry {
  // Listed, not spread: on Node 20 a spread followed by keys the source lacks builds a new hidden class per entry.
  const { caseId, seq, at, actorId, actorRole, type, from, to, data, documents } = entry;
  const hash = hashEntry(algorithm, prevHash, entry);
  if (documents?.length) return { caseId, seq, at, actorId, actorRole, type, from, to, data, documents, prevHash, hash };
  return { caseId, seq, at, actorId, actorRole, type, from, to, data, prevHash, hash };
}
