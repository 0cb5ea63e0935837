import { generateKeyPairSync } from 'node:crypto';
import { chainEntry, GENESIS_HASH, type AuditEntry } from '../audit-entry';
import type { ChainHashAlgorithm } from '../hash-algorithm';
import { readSigningKey, readVerifyingKey, type SigningKey } from '../signatures/checkpoint-keys';
import { checkpointFault, merkleRoot, signCheckpoint } from './checkpoint';
import { verifyExport } from './export-verifier';

const ED25519_PEM = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
// A throwaway SM2 test key (openssl genpkey -algorithm SM2), as its 64 hex digits.
const SM2_HEX = '043c81cf7d9f05f3299d66f8890477f9d2f085e5c64c876b4cd8780533b6a9df';

const SUITES: { name: string; chainHash: ChainHashAlgorithm; key: SigningKey; other: ChainHashAlgorithm }[] = [
  { name: 'sha256+ed25519', chainHash: 'sha256', key: readSigningKey(ED25519_PEM, 'ed25519'), other: 'sm3' },
  { name: 'sm3+sm2', chainHash: 'sm3', key: readSigningKey(SM2_HEX, 'sm2'), other: 'sha256' },
];

describe.each(SUITES)('verifyExport ($name)', ({ chainHash, key, other }) => {
  const publicKey = key.publicKey;
  function chain(caseId: string, length: number, note = '原始'): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (let seq = 1; seq <= length; seq++) {
      const prev = out[seq - 2]?.hash ?? GENESIS_HASH;
      out.push(chainEntry(chainHash, prev, { caseId, seq, at: '2026-01-01T00:00:00.000Z', actorId: 'u1', actorRole: 'MEDIATOR', type: 'NOTE', from: 'a', to: 'a', data: { note: seq === 2 ? note : 'x' } }));
    }
    return out;
  }
  const heads = (entries: AuditEntry[][]) => entries.map((c) => ({ caseId: c[0].caseId, seq: c.length, headHash: c[c.length - 1].hash }));

  it('builds a root that depends on every head but not on their order, and on the hash', () => {
    const a = chain('a', 3);
    const b = chain('b', 2);
    expect(merkleRoot(heads([a, b]), chainHash)).toBe(merkleRoot(heads([b, a]), chainHash));
    expect(merkleRoot(heads([a, b]), chainHash)).not.toBe(merkleRoot(heads([a, chain('b', 2, '改')]), chainHash));
    expect(merkleRoot(heads([a, b, chain('c', 1)]), chainHash)).not.toBe(merkleRoot(heads([a, b]), chainHash));
    expect(merkleRoot(heads([a, b]), chainHash)).not.toBe(merkleRoot(heads([a, b]), other));
  });

  it('accepts what was signed and names the first seq after the last one a checkpoint confirmed', () => {
    const a = chain('a', 3);
    const first = signCheckpoint(null, '2026-01-01T00:00:00Z', heads([a.slice(0, 1)]), key);
    const second = signCheckpoint(first, '2026-01-02T00:00:00Z', heads([a]), key);
    expect(second.algorithms).toEqual({ chainHash, merkleHash: chainHash, signature: key.algorithm });
    expect(verifyExport(a, [first, second], publicKey, chainHash)).toMatchObject({ ok: true, entries: 3, checkpoints: 2, chainHash });
    // Rewritten at seq 2 with every later hash recomputed: a consistent chain, but not the signed one.
    expect(verifyExport(chain('a', 3, '改'), [first, second], publicKey, chainHash)).toMatchObject({ ok: false, caseId: 'a', seq: 2, lastAgreeingSeq: 1, checkpointSeq: 2 });
    expect(verifyExport(a.slice(0, 2), [first, second], publicKey, chainHash)).toMatchObject({ ok: false, caseId: 'a', seq: 3, reason: expect.stringMatching(/signed 3 entries/) });
    expect(verifyExport(a, [second, { ...first, hash: 'f'.repeat(64) }], publicKey, chainHash)).toMatchObject({ ok: false, checkpointSeq: 1 });
  });

  it('refuses entries recomputed with the other hash, a key of the other algorithm, and a suite that mixes families', () => {
    const a = chain('a', 2);
    const cp = signCheckpoint(null, '2026-01-01T00:00:00Z', heads([a]), key);
    expect(verifyExport(a, [cp], publicKey, other)).toMatchObject({ ok: false, checkpointSeq: 1, reason: expect.stringMatching(`signs ${chainHash} chains`) });
    expect(verifyExport(a, [], publicKey, other)).toMatchObject({ ok: false, caseId: 'a', seq: 1, reason: 'content does not match its hash' });
    const otherKey = SUITES.find((s) => s.chainHash === other)!.key.publicKey;
    expect(verifyExport(a, [cp], otherKey, chainHash)).toMatchObject({ ok: false, checkpointSeq: 1, reason: expect.stringMatching(`signed with ${key.algorithm}, but the public key is ${otherKey.algorithm}`) });
    const mixed = { ...cp, algorithms: { ...cp.algorithms, signature: otherKey.algorithm } };
    expect(verifyExport(a, [mixed], publicKey, chainHash)).toMatchObject({ ok: false, reason: expect.stringMatching(/does not implement/) });
  });

  it('reads the published public key back from its PEM and verifies with it alone', () => {
    const a = chain('a', 2);
    const cp = signCheckpoint(null, '2026-01-01T00:00:00Z', heads([a]), key);
    const published = readVerifyingKey(publicKey.pem());
    expect(published.algorithm).toBe(key.algorithm);
    expect(verifyExport(a, [cp], published, chainHash)).toMatchObject({ ok: true });
  });

  it('signs the security-log heads only when given them, so a checkpoint without them verifies as before', () => {
    const a = chain('a', 2);
    const bare = signCheckpoint(null, '2026-01-01T00:00:00Z', heads([a]), key);
    expect(bare.security).toBeUndefined();
    expect(checkpointFault(bare, publicKey)).toBeNull();
    const leaves = [{ chainKey: 'user:u2', seq: 4, at: '2026-01-01T00:00:00.000Z', headHash: 'b'.repeat(64) }, { chainKey: 'user:u1', seq: 2, at: '2026-01-01T00:00:00.000Z', headHash: 'a'.repeat(64) }];
    const covered = signCheckpoint(bare, '2026-01-02T00:00:00Z', heads([a]), key, leaves);
    expect(covered.security).toMatchObject({ chainCount: 2, eventCount: 6 });
    expect(covered.securityLeaves!.map((l) => l.chainKey)).toEqual(['user:u1', 'user:u2']);
    expect(checkpointFault(covered, publicKey)).toBeNull();
    expect(verifyExport(a, [bare, covered], publicKey, chainHash)).toMatchObject({ ok: true });
    expect(checkpointFault({ ...covered, securityLeaves: [{ ...leaves[0], seq: 3 }, leaves[1]] }, publicKey)).toMatch(/security-log heads do not give the signed Merkle root/);
    expect(checkpointFault({ ...covered, security: { ...covered.security!, eventCount: 5 } }, publicKey)).toMatch(/signature does not verify/);
    expect(checkpointFault({ ...bare, securityLeaves: leaves }, publicKey)).toMatch(/its signature does not cover/);
  });
});
