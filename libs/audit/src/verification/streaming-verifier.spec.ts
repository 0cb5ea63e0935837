import { chainEntry, GENESIS_HASH, type AuditEntry } from '../audit-entry';
import type { CaseHead } from '../chain-verifier';
import { StreamingChainVerifier, type AuditBatch, type Finding } from './streaming-verifier';

function chain(caseId: string, length: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let seq = 1; seq <= length; seq++) {
    out.push(chainEntry('sha256', out[seq - 2]?.hash ?? GENESIS_HASH, { caseId, seq, at: '2026-01-01T00:00:00.000Z', actorId: 'u1', actorRole: 'MEDIATOR', type: 'NOTE', from: 'a', to: 'a', data: { n: seq } }));
  }
  return out;
}

/** Batches as the store gives them: entries after the position, with the heads of their cases and the position's. */
function batches(entries: AuditEntry[], heads: CaseHead[], size: number, after: { caseId: string; seq: number } | null): { batch: AuditBatch; last: boolean } {
  const from = after ? entries.findIndex((e) => e.caseId > after.caseId || (e.caseId === after.caseId && e.seq > after.seq)) : 0;
  const slice = from < 0 ? [] : entries.slice(from, from + size);
  const ids = new Set([...slice.map((e) => e.caseId), ...(after ? [after.caseId] : [])]);
  return { batch: { entries: slice, heads: heads.filter((h) => ids.has(h.caseId)) }, last: slice.length < size };
}

/** Runs to the end, optionally through a fresh verifier every `restartEvery` batches, as a resumed job would. */
function run(entries: AuditEntry[], heads: CaseHead[], size: number, restartEvery = Infinity) {
  let verifier = new StreamingChainVerifier('sha256');
  const findings: Finding[] = [];
  for (let n = 1; ; n++) {
    const at = verifier.at;
    const { batch, last } = batches(entries, heads, size, at && { caseId: at.caseId, seq: at.seq });
    findings.push(...verifier.feed(batch, last));
    if (last) return { findings, counts: verifier.counts };
    if (n % restartEvery === 0) verifier = new StreamingChainVerifier('sha256', { position: verifier.at, counts: verifier.counts });
  }
}

describe('StreamingChainVerifier', () => {
  const a = chain('a', 5);
  const b = chain('b', 3);
  const c = chain('c', 4);
  const headOf = (entries: AuditEntry[], version = entries.length): CaseHead => ({ caseId: entries[0].caseId, version, headHash: entries[version - 1].hash });

  it('accepts whole chains, whatever the batch size, and counts cases and entries', () => {
    for (const size of [1, 2, 3, 5, 12, 100]) {
      expect(run([...a, ...b, ...c], [headOf(a), headOf(b), headOf(c)], size)).toEqual({ findings: [], counts: { cases: 3, entries: 12 } });
    }
  });

  it('reports every broken case once, passing over the rest of a case after its finding', () => {
    const edited = b.map((e) => (e.seq === 2 ? { ...e, data: { n: 'changed' } } : e));
    const gap = c.filter((e) => e.seq !== 2);
    const entries = [...a.slice(0, 4), ...edited, ...gap];
    const heads = [headOf(a), headOf(b), headOf(c)];
    const expected = [
      { caseId: 'a', seq: 5, reason: 'the case is at version 5 but the chain ends at 4' },
      { caseId: 'b', seq: 2, reason: 'content does not match its hash' },
      { caseId: 'c', seq: 2, reason: 'entry 2 is missing' },
    ];
    for (const size of [1, 2, 4, 50]) expect(run(entries, heads, size).findings).toEqual(expected);
  });

  it('gives the same findings and counts when resumed from its position after every batch', () => {
    const entries = [...a, ...b.map((e) => (e.seq === 3 ? { ...e, prevHash: GENESIS_HASH } : e)), ...c];
    const heads = [headOf(a), headOf(b), { ...headOf(c), headHash: 'f'.repeat(64) }];
    const whole = run(entries, heads, 2);
    expect(whole.findings.map((f) => [f.caseId, f.seq])).toEqual([['b', 3], ['c', 4]]);
    for (const every of [1, 2, 3]) expect(run(entries, heads, 2, every)).toEqual(whole);
  });

  it('stops at the most findings asked for, where it found the last', () => {
    const verifier = new StreamingChainVerifier('sha256');
    const edited = a.map((e) => (e.seq === 3 ? { ...e, data: { n: 'x' } } : e));
    expect(verifier.feed({ entries: [...edited, ...b], heads: [headOf(a), headOf(b)] }, true, 1)).toEqual([{ caseId: 'a', seq: 3, reason: 'content does not match its hash' }]);
    expect(verifier.counts.entries).toBe(3);
  });

  it('names entries whose case has no row', () => {
    expect(run([...a], [], 10).findings).toEqual([{ caseId: 'a', seq: 1, reason: 'audit entries belong to no case' }]);
  });
});
