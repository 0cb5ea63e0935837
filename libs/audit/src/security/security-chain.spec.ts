import { GENESIS_HASH } from '../audit-entry';
import { chainSecurityEvent, hashSecurityEvent, SecurityChainVerifier, type SecurityChainHead, type SecurityEventRecord } from './security-chain';
import type { SecurityEventInput } from './security-event';

const read = (caseId: string): SecurityEventInput => ({ kind: 'PERSONAL_DATA_READ', actorId: 'u1', username: 'fy_mediator', ip: '10.0.0.1', caseId });

function chain(n: number, startAt = Date.parse('2026-01-01T00:00:00Z'), algorithm: 'sha256' | 'sm3' = 'sha256'): SecurityEventRecord[] {
  const out: SecurityEventRecord[] = [];
  for (let i = 0; i < n; i++) out.push(chainSecurityEvent(out[i - 1] ?? null, read(`case-${i}`), new Date(startAt + i * 86_400_000).toISOString(), algorithm));
  return out;
}

function verify(records: SecurityEventRecord[], purgeableBefore = '2025-01-01T00:00:00.000Z', heads?: SecurityChainHead[]) {
  const v = new SecurityChainVerifier(purgeableBefore, heads);
  v.feed(records);
  return v.result();
}

describe('security log chains', () => {
  it('links each event to the one before, from the genesis hash, under either algorithm', () => {
    for (const algorithm of ['sha256', 'sm3'] as const) {
      const links = chain(3, undefined, algorithm);
      expect(links.map((l) => l.seq)).toEqual([1, 2, 3]);
      expect(links[0]).toMatchObject({ chainKey: 'user:u1', prevHash: GENESIS_HASH, prevAt: null, algorithm });
      expect(links[1].prevHash).toBe(links[0].hash);
      expect(links[2].prevAt).toBe(links[1].at);
      expect(verify(links)).toEqual({ ok: true, checked: 3, chains: 1, firstBroken: null });
    }
    expect(chain(1, undefined, 'sm3')[0].hash).not.toBe(chain(1)[0].hash);
  });

  it('keys a chain by username when no account is known', () => {
    const link = chainSecurityEvent(null, { kind: 'LOGIN_FAILED', actorId: null, username: 'nobody', ip: null }, '2026-01-01T00:00:00.000Z', 'sha256');
    expect(link.chainKey).toBe('name:nobody');
  });

  it('names a changed link, a removed middle link and a forged prevHash', () => {
    const changed = chain(4);
    changed[2] = { ...changed[2], caseId: 'case-other' };
    expect(verify(changed).firstBroken).toEqual({ chainKey: 'user:u1', seq: 3, reason: 'content does not match its hash' });

    const gap = chain(4);
    expect(verify([gap[0], gap[1], gap[3]]).firstBroken).toEqual({ chainKey: 'user:u1', seq: 3, reason: 'link 3 is missing' });

    const forged = chain(3);
    const rehashed = { ...forged[2], prevHash: GENESIS_HASH };
    rehashed.hash = hashSecurityEvent(rehashed.prevHash, rehashed);
    expect(verify([forged[0], forged[1], rehashed]).firstBroken).toMatchObject({ seq: 3, reason: 'prevHash does not match the previous link' });
  });

  it('starts a purged chain at its oldest retained link only when what went before was past the legal minimum', () => {
    const links = chain(5);
    // Links 1–2 were recorded before the purgeable instant, so a chain starting at 3 is whole.
    expect(verify(links.slice(2), links[2].at)).toEqual({ ok: true, checked: 3, chains: 1, firstBroken: null });
    // Link 3 was younger than 180 days: removing it is not a purge.
    expect(verify(links.slice(3), links[2].at).firstBroken).toEqual({ chainKey: 'user:u1', seq: 3, reason: 'link 3 was removed before the 180-day minimum' });
  });

  it('compares each chain with its recorded head: newest links removed, a link after the head, a chain without head, a head without links', () => {
    const links = chain(7);
    const head = (l: SecurityEventRecord, over: Partial<SecurityChainHead> = {}): SecurityChainHead => ({ chainKey: l.chainKey, seq: l.seq, at: l.at, hash: l.hash, firstSeq: 1, count: l.seq, ...over });
    expect(verify(links, undefined, [head(links[6])])).toMatchObject({ ok: true, chains: 1 });
    expect(verify(links.slice(0, 5), undefined, [head(links[6])]).firstBroken).toEqual({ chainKey: 'user:u1', seq: 6, reason: "links 6–7 are missing: the chain's recorded head is seq 7" });
    expect(verify(links, undefined, [head(links[5])]).firstBroken).toMatchObject({ seq: 7, reason: expect.stringMatching(/after the chain's recorded head/) });
    expect(verify(links, undefined, [head(links[6], { hash: links[5].hash })]).firstBroken).toMatchObject({ seq: 7, reason: expect.stringMatching(/not the chain's recorded head/) });
    expect(verify(links, undefined, []).firstBroken).toEqual({ chainKey: 'user:u1', seq: 1, reason: 'the chain has no recorded head' });
    // A chain with no links left: lawful once its last link was past the minimum, else the retained ones are missing.
    const other = { ...head(links[6]), chainKey: 'user:u0', firstSeq: 3, count: 5 };
    expect(verify(links, links[6].at, [head(links[6]), other]).firstBroken).toEqual({ chainKey: 'user:u0', seq: 3, reason: "links 3–7 are missing: the chain's recorded head is seq 7" });
    expect(verify(links, '2027-01-01T00:00:00.000Z', [head(links[6]), other])).toMatchObject({ ok: true });
    // A head claiming the purge took every link, while its last one is young, is a deletion too.
    expect(verify(links, links[6].at, [head(links[6]), { ...other, firstSeq: 8, count: 0 }]).firstBroken).toEqual({ chainKey: 'user:u0', seq: 7, reason: "link 7 is missing: the chain's recorded head is seq 7" });
  });
});
