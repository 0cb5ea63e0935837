import { LoginLockedError } from './login-throttle.errors';
import { LoginThrottleStore, type ThrottleKey, type ThrottleRule } from './login-throttle.port';

/** Limits on failed logins per username typed and per client address (FENGQIAO_LOGIN_* variables). */
export interface LoginThrottleSettings {
  account: ThrottleRule;
  address: ThrottleRule;
}

const MINUTE = 60_000;
export const DEFAULT_LOGIN_THROTTLE: LoginThrottleSettings = {
  account: { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
  address: { maxFailures: 50, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE },
};

/**
 * Throttles password guessing: a username (known or not) or a client address with too many recent failures is
 * refused before its password is checked, until the lock runs out or an administrator lifts it.
 *
 * Time is the wall clock, not the engine's `Clock`: the manual test clock stands still and belongs to one process,
 * while a lock must run out in real time and mean the same to every process sharing the database.
 */
export class LoginThrottle {
  constructor(
    private readonly store: LoginThrottleStore,
    private readonly settings: LoginThrottleSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Throws `LoginLockedError` while the username or the address is locked. */
  async check(username: string, address: string): Promise<void> {
    const now = this.now();
    const locks = await this.store.locks([accountKey(username), addressKey(address)], now);
    if (!locks.length) return;
    const longest = locks.reduce((a, b) => (b.lockedUntil > a.lockedUntil ? b : a));
    throw new LoginLockedError(longest.kind, Math.max(1, Math.ceil((longest.lockedUntil.getTime() - now.getTime()) / 1000)));
  }

  /** Counts a failure against the username and the address; says which of them it locked, if any, and until when. */
  async failed(username: string, address: string): Promise<{ account: Date | null; address: Date | null }> {
    const now = this.now();
    const [account, byAddress] = await Promise.all([this.store.recordFailure(accountKey(username), this.settings.account, now), this.store.recordFailure(addressKey(address), this.settings.address, now)]);
    return { account, address: byAddress };
  }

  /** A success forgets the account's failures, not the address's: one good password must not reset a spray. */
  async succeeded(username: string): Promise<void> {
    await this.store.clear(accountKey(username));
  }

  async unlock(username: string): Promise<void> {
    await this.store.clear(accountKey(username));
  }

  /** Deletes counters that no longer count, so names sprayed by a guesser do not pile up; the deadline worker's rounds call it. */
  async sweep(): Promise<number> {
    const now = this.now();
    const longestWindow = Math.max(this.settings.account.windowMs, this.settings.address.windowMs);
    return this.store.purge(new Date(now.getTime() - longestWindow), now);
  }

  /** The locked accounts among these usernames, with when each lock runs out. */
  async lockedUntil(usernames: string[]): Promise<Map<string, Date>> {
    if (!usernames.length) return new Map();
    const locks = await this.store.locks(usernames.map(accountKey), this.now());
    return new Map(locks.map((l) => [l.subject, l.lockedUntil]));
  }
}

/** Usernames are typed in any case; the counter belongs to what they name. */
export function accountKey(username: string): ThrottleKey {
  return { kind: 'account', subject: username.trim().toLowerCase() };
}

/**
 * An IPv4 client seen through an IPv6 socket is the same client. An IPv6 client is counted by its /64: one
 * subscriber is routed a whole /64 and can take a fresh address in it for every guess.
 */
export function addressKey(address: string): ThrottleKey {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return { kind: 'address', subject: mapped[1] };
  const groups = address.includes(':') ? ipv6Groups(address) : null;
  return { kind: 'address', subject: groups ? `${groups.slice(0, 4).join(':')}::/64` : address };
}

/** The eight 16-bit groups of an IPv6 address, lower-case without leading zeros; null when it is not one. */
function ipv6Groups(address: string): string[] | null {
  const bare = address.replace(/%.*$/, '').toLowerCase();
  const halves = bare.split('::');
  if (halves.length > 2) return null;
  const split = (part: string) => (part ? part.split(':') : []);
  const head = split(halves[0]);
  const tail = halves.length === 2 ? split(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => g.replace(/^0+(?=.)/, ''));
}
