import { canonicalJson } from '@app/shared';
import { GENESIS_HASH } from '../audit-entry';
import { CHAIN_HASH_ALGORITHMS, digestHex, type ChainHashAlgorithm } from '../hash-algorithm';
import type { SecurityEventInput } from './security-event';

/** The law's floor for keeping security logs (网络安全法 第二十一条: 不少于六个月). The database triggers use the same number. */
export const SECURITY_LOG_MIN_RETENTION_DAYS = 180;

/** One stored link of the security log: the event, when it was recorded, and its place in its chain. */
export interface SecurityEventRecord {
  /** The chain the event belongs to: one per acting account, or per username typed when no account is known. */
  chainKey: string;
  seq: number;
  at: string;
  kind: string;
  actorId: string | null;
  username: string | null;
  ip: string | null;
  caseId: string | null;
  subjectId: string | null;
  detail: Record<string, unknown>;
  /** When the previous link was recorded: lets a chain whose start was purged show that the purge was lawful. */
  prevAt: string | null;
  algorithm: ChainHashAlgorithm;
  prevHash: string;
  hash: string;
}

/** What the database records of a chain's end, beside its links, in the same transaction as each append. */
export interface SecurityChainHead {
  chainKey: string;
  /** The last link appended, its time and hash. */
  seq: number;
  at: string;
  hash: string;
  /** The oldest link the purge has kept; `seq + 1` once every link of the chain was purged. */
  firstSeq: number;
  /** Links retained. */
  count: number;
}

export function securityChainKey(event: Pick<SecurityEventInput, 'actorId' | 'username'>): string {
  return event.actorId ? `user:${event.actorId}` : `name:${event.username ?? ''}`;
}

/** Hash of the previous link and the event's canonical content, under the algorithm the link records. */
export function hashSecurityEvent(prevHash: string, r: Omit<SecurityEventRecord, 'prevHash' | 'hash'>): string {
  const content = canonicalJson({
    chainKey: r.chainKey,
    seq: r.seq,
    at: r.at,
    kind: r.kind,
    actorId: r.actorId,
    username: r.username,
    ip: r.ip,
    caseId: r.caseId,
    subjectId: r.subjectId,
    detail: r.detail,
    prevAt: r.prevAt,
  });
  return digestHex(r.algorithm, prevHash, '\n', content);
}

/** The next link of a chain whose last link is `head` (null: the chain starts here). */
export function chainSecurityEvent(
  head: { seq: number; at: string; hash: string } | null,
  event: SecurityEventInput,
  at: string,
  algorithm: ChainHashAlgorithm,
): SecurityEventRecord {
  const link: Omit<SecurityEventRecord, 'prevHash' | 'hash'> = {
    chainKey: securityChainKey(event),
    seq: (head?.seq ?? 0) + 1,
    at,
    kind: event.kind,
    actorId: event.actorId,
    username: event.username,
    ip: event.ip,
    caseId: event.caseId ?? null,
    subjectId: event.subjectId ?? null,
    detail: event.detail ?? {},
    prevAt: head?.at ?? null,
    algorithm,
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  return { ...link, prevHash, hash: hashSecurityEvent(prevHash, link) };
}

function missingNewest(from: number, to: number): string {
  return `${from === to ? `link ${from} is` : `links ${from}–${to} are`} missing: the chain's recorded head is seq ${to}`;
}

export interface SecurityVerifyResult {
  ok: boolean;
  /** Links recomputed. */
  checked: number;
  chains: number;
  /** The first link that fails, in (chain, seq) order; for a removed link, the seq that is missing. */
  firstBroken: { chainKey: string; seq: number; reason: string } | null;
}

/**
 * Recomputes the security log's chains, fed links in (chainKey, seq) order. A chain starts at seq 1 from the genesis
 * hash, or — once its oldest links were purged — at its oldest retained link, whose predecessor must have been
 * older than the legal minimum when it went: removing anything younger is reported, as is any gap or changed link.
 * Given the recorded heads, each chain must also end where its head says: removing a chain's newest links leaves a
 * chain that is whole in itself, and only the head shows it was longer.
 */
export class SecurityChainVerifier {
  private checked = 0;
  private chains = 0;
  private broken: SecurityVerifyResult['firstBroken'] = null;
  private current: { chainKey: string; seq: number; at: string; hash: string } | null = null;
  /** Heads not yet compared, in chain-key order; null when no heads were given. */
  private readonly heads: SecurityChainHead[] | null;

  /** `purgeableBefore`: links recorded before this instant may lawfully have been deleted. */
  constructor(
    private readonly purgeableBefore: string,
    heads?: SecurityChainHead[],
  ) {
    this.heads = heads ? [...heads].sort((a, b) => (a.chainKey < b.chainKey ? -1 : a.chainKey > b.chainKey ? 1 : 0)) : null;
  }

  feed(records: SecurityEventRecord[]): void {
    for (const r of records) {
      if (this.broken) return;
      this.checked++;
      if (!this.current || this.current.chainKey !== r.chainKey) {
        this.closeChain();
        this.headsBefore(r.chainKey);
        if (this.broken) return;
        if (this.heads && this.heads[0]?.chainKey !== r.chainKey) return this.fail(r, r.seq, 'the chain has no recorded head');
        this.chains++;
        this.current = null;
        if (r.seq === 1 && (r.prevHash !== GENESIS_HASH || r.prevAt !== null)) return this.fail(r, r.seq, 'the first link does not start from the genesis hash');
        if (r.seq > 1 && (r.prevAt === null || r.prevAt >= this.purgeableBefore)) {
          return this.fail(r, r.seq - 1, `link ${r.seq - 1} was removed before the ${SECURITY_LOG_MIN_RETENTION_DAYS}-day minimum`);
        }
      } else {
        if (r.seq !== this.current.seq + 1) return this.fail(r, this.current.seq + 1, `link ${this.current.seq + 1} is missing`);
        if (r.prevHash !== this.current.hash) return this.fail(r, r.seq, 'prevHash does not match the previous link');
        if (r.prevAt !== this.current.at) return this.fail(r, r.seq, 'prevAt does not match the previous link');
      }
      if (!CHAIN_HASH_ALGORITHMS.includes(r.algorithm)) return this.fail(r, r.seq, `unknown hash algorithm ${r.algorithm}`);
      if (hashSecurityEvent(r.prevHash, r) !== r.hash) return this.fail(r, r.seq, 'content does not match its hash');
      this.current = { chainKey: r.chainKey, seq: r.seq, at: r.at, hash: r.hash };
    }
  }

  result(): SecurityVerifyResult {
    if (!this.broken) {
      this.closeChain();
      this.headsBefore(null);
    }
    return { ok: this.broken === null, checked: this.checked, chains: this.chains, firstBroken: this.broken };
  }

  private fail(r: Pick<SecurityEventRecord, 'chainKey'>, seq: number, reason: string): void {
    this.broken ??= { chainKey: r.chainKey, seq, reason };
  }

  /** The chain just read must end at its head's seq and hash. */
  private closeChain(): void {
    const last = this.current;
    if (!last || !this.heads || this.broken) return;
    const head = this.heads.shift();
    this.current = null;
    if (!head || head.chainKey !== last.chainKey) return;
    if (head.seq > last.seq) return this.fail(head, last.seq + 1, missingNewest(last.seq + 1, head.seq));
    if (head.seq < last.seq) return this.fail(head, head.seq + 1, `link ${head.seq + 1} is after the chain's recorded head (seq ${head.seq})`);
    if (head.hash !== last.hash) return this.fail(head, head.seq, "the last link's hash is not the chain's recorded head");
  }

  /**
   * Heads of chains with no links left, before `chainKey` (null: all that remain). Lawful only when the last link was
   * past the minimum, whatever the head's count says: a purge never takes a younger one.
   */
  private headsBefore(chainKey: string | null): void {
    while (this.heads?.length && !this.broken && (chainKey === null || this.heads[0].chainKey < chainKey)) {
      const head = this.heads.shift()!;
      const from = Math.min(head.firstSeq, head.seq);
      if (head.at >= this.purgeableBefore) this.fail(head, from, missingNewest(from, head.seq));
    }
  }
}
