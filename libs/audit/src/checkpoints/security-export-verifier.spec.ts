import { generateKeyPairSync } from 'node:crypto';
import { chainSecurityEvent, type SecurityChainHead, type SecurityEventRecord } from '../security/security-chain';
import { readSigningKey } from '../signatures/checkpoint-keys';
import { signCheckpoint } from './checkpoint';
import { verifySecurityExport } from './security-export-verifier';

const key = readSigningKey(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 'ed25519');
const DAY_MS = 86_400_000;
const START = Date.parse('2026-01-01T00:00:00Z');

function chain(actorId: string, n: number): SecurityEventRecord[] {
  const out: SecurityEventRecord[] = [];
  for (let i = 0; i < n; i++) out.push(chainSecurityEvent(out[i - 1] ?? null, { kind: 'EXPORT', actorId, username: actorId, ip: null }, new Date(START + i * DAY_MS).toISOString(), 'sha256'));
  return out;
}
const headOf = (links: SecurityEventRecord[], firstSeq = links[0].seq): SecurityChainHead => {
  const last = links[links.length - 1];
  return { chainKey: last.chainKey, seq: last.seq, at: last.at, hash: last.hash, firstSeq, count: links.length };
};
const leaf = (l: SecurityEventRecord) => ({ chainKey: l.chainKey, seq: l.seq, at: l.at, headHash: l.hash });

describe('verifySecurityExport', () => {
  const a = chain('a', 5);
  const b = chain('b', 2);
  const cp = signCheckpoint(null, a[4].at, [], key, [leaf(a[4]), leaf(b[1])]);
  const verify = (events: SecurityEventRecord[], heads: SecurityChainHead[], exportedAt = a[4].at) => verifySecurityExport(events, heads, [cp], key.publicKey, 'sha256', exportedAt);

  it('accepts what was signed, and names a chain cut back to an earlier head', () => {
    expect(verify([...a, ...b], [headOf(a), headOf(b)])).toMatchObject({ ok: true, events: 7, covering: 1 });
    expect(verify([...a.slice(0, 3), ...b], [headOf(a.slice(0, 3)), headOf(b)])).toMatchObject({ ok: false, chainKey: 'user:a', seq: 4, checkpointSeq: 1, reason: expect.stringMatching(/signed 5 links/) });
    // Without the rewound head, the exported head alone names it.
    expect(verify([...a.slice(0, 3), ...b], [headOf(a), headOf(b)])).toMatchObject({ ok: false, chainKey: 'user:a', seq: 4, checkpointSeq: null });
  });

  it('accepts signed links the purge took once past 180 days, and nothing younger', () => {
    const later = new Date(Date.parse(a[4].at) + 200 * DAY_MS).toISOString();
    // Chain a purged up to seq 3, chain b purged whole: both were past the minimum at the export.
    expect(verify(a.slice(3), [headOf(a.slice(3)), { ...headOf(b), firstSeq: 3, count: 0 }], later)).toMatchObject({ ok: true });
    // Made the day after signing, chain b was young: its head names the deletion, and so does the checkpoint once the head's time is forged too.
    expect(verify(a, [headOf(a), { ...headOf(b), firstSeq: 3, count: 0 }])).toMatchObject({ ok: false, chainKey: 'user:b', seq: 2, checkpointSeq: null });
    expect(verify(a, [headOf(a), { ...headOf(b), at: '2025-01-01T00:00:00.000Z', firstSeq: 3, count: 0 }])).toMatchObject({ ok: false, chainKey: 'user:b', seq: 1, checkpointSeq: 1 });
  });
});
