import { addressKey, LoginThrottle, type LoginThrottleSettings } from './login-throttle';
import { LoginLockedError } from './login-throttle.errors';
import { LoginThrottleStore, type ThrottleKey, type ThrottleLock, type ThrottleRule } from './login-throttle.port';

/** The store's contract in memory, so the throttle's rules are checked without a database (the SQL store has its e2e suite). */
class InMemoryThrottleStore extends LoginThrottleStore {
  readonly rows = new Map<string, { key: ThrottleKey; failures: number; windowStart: number; lockedUntil: number | null }>();

  async locks(keys: ThrottleKey[], now: Date): Promise<ThrottleLock[]> {
    return keys.flatMap((key) => {
      const row = this.rows.get(`${key.kind}:${key.subject}`);
      return row?.lockedUntil && row.lockedUntil > now.getTime() ? [{ ...key, lockedUntil: new Date(row.lockedUntil) }] : [];
    });
  }

  async recordFailure(key: ThrottleKey, rule: ThrottleRule, now: Date): Promise<Date | null> {
    const id = `${key.kind}:${key.subject}`;
    const row = this.rows.get(id);
    const t = now.getTime();
    const fresh = !row || row.windowStart <= t - rule.windowMs || (row.lockedUntil !== null && row.lockedUntil <= t);
    const failures = fresh ? 1 : row.failures + 1;
    const lockedUntil = failures >= rule.maxFailures ? t + rule.lockMs : fresh ? null : row.lockedUntil;
    this.rows.set(id, { key, failures, windowStart: fresh ? t : row.windowStart, lockedUntil });
    return lockedUntil === null ? null : new Date(lockedUntil);
  }

  async clear(key: ThrottleKey): Promise<void> {
    this.rows.delete(`${key.kind}:${key.subject}`);
  }

  async purge(staleBefore: Date, now: Date): Promise<number> {
    let deleted = 0;
    for (const [id, row] of this.rows) {
      if (row.windowStart <= staleBefore.getTime() && !(row.lockedUntil !== null && row.lockedUntil > now.getTime())) {
        this.rows.delete(id);
        deleted++;
      }
    }
    return deleted;
  }
}

const SETTINGS: LoginThrottleSettings = {
  account: { maxFailures: 3, windowMs: 60_000, lockMs: 30_000 },
  address: { maxFailures: 5, windowMs: 60_000, lockMs: 120_000 },
};

describe('LoginThrottle', () => {
  let now: Date;
  let store: InMemoryThrottleStore;
  let throttle: LoginThrottle;
  const refusal = async (username: string, address: string) => {
    try {
      await throttle.check(username, address);
      return null;
    } catch (e) {
      if (!(e instanceof LoginLockedError)) throw e;
      return { kind: e.kind, retryAfterSeconds: e.retryAfterSeconds };
    }
  };
  const fail = async (username: string, address: string, times: number) => {
    for (let i = 0; i < times; i++) await throttle.failed(username, address);
  };

  beforeEach(() => {
    now = new Date('2026-12-01T08:00:00Z');
    store = new InMemoryThrottleStore();
    throttle = new LoginThrottle(store, SETTINGS, () => now);
  });

  it('locks an account after the allowed failures, for the lock time, whatever case the username is typed in', async () => {
    await fail('Fy_Mediator', '10.0.0.1', 2);
    expect(await refusal('fy_mediator', '10.0.0.2')).toBeNull();
    await fail('fy_mediator', '10.0.0.3', 1);
    expect(await refusal('FY_MEDIATOR', '10.0.0.4')).toEqual({ kind: 'account', retryAfterSeconds: 30 });
    now = new Date(now.getTime() + 29_500);
    expect(await refusal('fy_mediator', '10.0.0.4')).toEqual({ kind: 'account', retryAfterSeconds: 1 });
    now = new Date(now.getTime() + 500);
    expect(await refusal('fy_mediator', '10.0.0.4')).toBeNull();
  });

  it('starts counting again once the lock has run out, rather than relocking on the next failure', async () => {
    await fail('judge', '10.0.0.1', 3);
    now = new Date(now.getTime() + 31_000);
    await fail('judge', '10.0.0.1', 1);
    expect(await refusal('judge', '10.0.0.9')).toBeNull();
  });

  it('forgets failures older than the window', async () => {
    await fail('judge', '10.0.0.1', 2);
    now = new Date(now.getTime() + 61_000);
    await fail('judge', '10.0.0.1', 2);
    expect(await refusal('judge', '10.0.0.9')).toBeNull();
  });

  it('says which failure locked the account', async () => {
    expect(await throttle.failed('judge', '10.0.0.1')).toEqual({ account: null, address: null });
    await throttle.failed('judge', '10.0.0.2');
    expect(await throttle.failed('judge', '10.0.0.3')).toEqual({ account: new Date(now.getTime() + 30_000), address: null });
  });

  it('blocks an address after failures across many usernames, and not other addresses', async () => {
    for (let i = 0; i < 5; i++) await throttle.failed(`user${i}`, '::ffff:10.0.0.7');
    expect(await refusal('someone', '10.0.0.7')).toEqual({ kind: 'address', retryAfterSeconds: 120 });
    expect(await refusal('someone', '10.0.0.8')).toBeNull();
  });

  it('answers with the longer wait when both the account and the address are locked', async () => {
    await fail('judge', '10.0.0.1', 5);
    expect(await refusal('judge', '10.0.0.1')).toEqual({ kind: 'address', retryAfterSeconds: 120 });
  });

  it('clears the account on success and on unlock, but not the address', async () => {
    await fail('judge', '10.0.0.1', 2);
    await throttle.succeeded('judge');
    await fail('judge', '10.0.0.1', 2);
    expect(await refusal('judge', '10.0.0.2')).toBeNull();
    await fail('judge', '10.0.0.1', 1);
    expect(await throttle.lockedUntil(['judge', 'admin'])).toEqual(new Map([['judge', new Date(now.getTime() + 30_000)]]));
    await throttle.unlock('JUDGE');
    expect(await refusal('judge', '10.0.0.2')).toBeNull();
    expect(await refusal('nobody', '10.0.0.1')).toEqual({ kind: 'address', retryAfterSeconds: 120 });
  });

  it('sweeps counters whose window has passed, keeping locks that still hold', async () => {
    for (let i = 0; i < 5; i++) await throttle.failed(`user${i}`, '10.0.0.7');
    now = new Date(now.getTime() + 70_000);
    await throttle.failed('judge', '10.0.0.8');
    // The five usernames' windows (60 s) have passed; the address's is as old, but its block (120 s) still holds.
    expect(await throttle.sweep()).toBe(5);
    expect([...store.rows.keys()].sort()).toEqual(['account:judge', 'address:10.0.0.7', 'address:10.0.0.8']);
    now = new Date(now.getTime() + 60_000);
    expect(await throttle.sweep()).toBe(3);
    expect(store.rows.size).toBe(0);
  });
});

describe('addressKey', () => {
  it('counts an IPv6 client by its /64, however the address is written', () => {
    const subject = (a: string) => addressKey(a).subject;
    expect(subject('2001:db8:0:12:aaaa::1')).toBe('2001:db8:0:12::/64');
    expect(subject('2001:0DB8:0000:0012:ffff:1:2:3')).toBe('2001:db8:0:12::/64');
    expect(subject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(subject('::1')).toBe('0:0:0:0::/64');
    expect(subject('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
  });

  it('keeps IPv4, IPv4 seen through IPv6, and what it cannot read, as they are', () => {
    expect(addressKey('203.0.113.7').subject).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7').subject).toBe('203.0.113.7');
    expect(addressKey('1::2::3').subject).toBe('1::2::3');
    expect(addressKey('1:2:3:4:5:6:7:8:9').subject).toBe('1:2:3:4:5:6:7:8:9');
    expect(addressKey('').subject).toBe('');
  });
});
