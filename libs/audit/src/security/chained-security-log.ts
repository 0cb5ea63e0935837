import type { Clock } from '@app/shared';
import type { ChainHashAlgorithm } from '../hash-algorithm';
import { chainSecurityEvent, SECURITY_LOG_MIN_RETENTION_DAYS, securityChainKey, SecurityChainVerifier, type SecurityVerifyResult } from './security-chain';
import type { SecurityEventInput } from './security-event';
import { SecurityEventStore } from './security-event-store.port';
import { SecurityLog } from './security-log.port';

const DAY_MS = 86_400_000;
const ATTEMPTS = 20;
const PAGE = 2000;

/**
 * The security log as hash chains, one per acting account (or per username typed, when no account is known).
 * One chain for the whole log would make every append of every engine process wait on the same head row; an
 * account's events come from its own requests, so its chain is rarely contended. The head moves only from the seq
 * the link was built on, in the link's transaction, so a lost race is a retry on the new head instead of a fork.
 */
export class ChainedSecurityLog extends SecurityLog {
  /** Appends of one chain from this process queue behind each other, so only other processes can race them. */
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: SecurityEventStore,
    private readonly clock: Clock,
    private readonly algorithm: ChainHashAlgorithm,
  ) {
    super();
  }

  record(event: SecurityEventInput): Promise<void> {
    const key = securityChainKey(event);
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(() => this.append(event));
    this.tails.set(key, next);
    void next.finally(() => {
      if (this.tails.get(key) === next) this.tails.delete(key);
    }).catch(() => undefined);
    return next;
  }

  /** Recomputes every chain on one snapshot. */
  verify(): Promise<SecurityVerifyResult> {
    const purgeableBefore = new Date(this.clock.now().getTime() - SECURITY_LOG_MIN_RETENTION_DAYS * DAY_MS).toISOString();
    return this.store.snapshot(async (reader) => {
      const verifier = new SecurityChainVerifier(purgeableBefore, await reader.heads());
      let after: { chainKey: string; seq: number } | null = null;
      for (;;) {
        const links = await reader.page(after, PAGE);
        verifier.feed(links);
        if (links.length < PAGE) break;
        after = { chainKey: links[links.length - 1].chainKey, seq: links[links.length - 1].seq };
      }
      return verifier.result();
    });
  }

  /** Deletes what is older than `retentionDays` and records that it did, in the log itself. */
  async purge(retentionDays: number): Promise<number> {
    if (retentionDays < SECURITY_LOG_MIN_RETENTION_DAYS) throw new Error(`The security log is kept at least ${SECURITY_LOG_MIN_RETENTION_DAYS} days`);
    const before = new Date(this.clock.now().getTime() - retentionDays * DAY_MS).toISOString();
    const deleted = await this.store.purge(before);
    if (deleted > 0) await this.record({ kind: 'SECURITY_LOG_PURGED', actorId: 'system', username: 'system', ip: null, detail: { before, retentionDays, deleted } });
    return deleted;
  }

  private async append(event: SecurityEventInput): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const head = await this.store.head(securityChainKey(event));
      const link = chainSecurityEvent(head, event, this.clock.now().toISOString(), this.algorithm);
      if (await this.store.append(link)) return;
      if (attempt >= ATTEMPTS) throw new Error(`Security log chain ${link.chainKey} stayed contended for ${ATTEMPTS} attempts`);
    }
  }
}
