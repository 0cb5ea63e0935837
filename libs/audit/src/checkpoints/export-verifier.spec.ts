import { generateKeyPairSync } from 'node:crypto';
import { chainEntry, GENESIS_HASH, type AuditEntry } from '../audit-entry';
import { merkleRoot, signCheckpoint } from './checkpoint';
import { verifyExport } from './export-verifier';

function chain(caseId: string, length: number, note = '原始'): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let seq = 1; seq <= length; seq++) {
    const prev = out[seq - 2]?.hash ?? GENESIS_HASH;
    out.push(chainEntry(prev, { caseId, seq, at: '2026-01-01T00:00:00.000Z', actorId: 'u1', actorRole: 'MEDIATOR', type: 'NOTE', from: 'a', to: 'a', data: { note: seq === 2 ? note : 'x' } }));
  }
  return out;
}

describe('verifyExport', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const heads = (entries: AuditEntry[][]) => entries.map((c) => ({ caseId: c[0].caseId, seq: c.length, headHash: c[c.length - 1].hash }));

  it('builds a root that depends on every head but not on their order', () => {
    const a = chain('a', 3);
    const b = chain('b', 2);
    expect(merkleRoot(heads([a, b]))).toBe(merkleRoot(heads([b, a])));
    expect(merkleRoot(heads([a, b]))).not.toBe(merkleRoot(heads([a, chain('b', 2, '改')])));
    expect(merkleRoot(heads([a, b, chain('c', 1)]))).not.toBe(merkleRoot(heads([a, b])));
  });

  it('accepts what was signed and names the first seq after the last one a checkpoint confirmed', () => {
    const a = chain('a', 3);
    const first = signCheckpoint(null, '2026-01-01T00:00:00Z', heads([a.slice(0, 1)]), privateKey);
    const second = signCheckpoint(first, '2026-01-02T00:00:00Z', heads([a]), privateKey);
    expect(verifyExport(a, [first, second], publicKey)).toMatchObject({ ok: true, entries: 3, checkpoints: 2 });
    // Rewritten at seq 2 with every later hash recomputed: a consistent chain, but not the signed one.
    expect(verifyExport(chain('a', 3, '改'), [first, second], publicKey)).toMatchObject({ ok: false, caseId: 'a', seq: 2, lastAgreeingSeq: 1, checkpointSeq: 2 });
    expect(verifyExport(a.slice(0, 2), [first, second], publicKey)).toMatchObject({ ok: false, caseId: 'a', seq: 3, reason: expect.stringMatching(/signed 3 entries/) });
    expect(verifyExport(a, [second, { ...first, hash: 'f'.repeat(64) }], publicKey)).toMatchObject({ ok: false, checkpointSeq: 1 });
  });
});
