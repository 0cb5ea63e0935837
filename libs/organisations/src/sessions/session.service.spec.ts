import type { Session, SessionEndReason } from './session';
import { SessionEndedError, UnknownSessionError } from './session.errors';
import { SessionStore } from './session-store.port';
import { SessionService } from './session.service';

/** The sessions table in memory, counting what the service asks of it. */
class InMemorySessionStore extends SessionStore {
  readonly rows = new Map<string, Session>();
  reads = 0;
  touches = 0;

  async create(session: Session): Promise<void> {
    this.rows.set(session.id, { ...session });
  }
  async find(id: string): Promise<Session | null> {
    this.reads++;
    const row = this.rows.get(id);
    return row ? { ...row } : null;
  }
  async touch(id: string, at: Date): Promise<boolean> {
    this.touches++;
    const row = this.rows.get(id);
    if (!row || row.endedAt) return false;
    row.lastSeenAt = at;
    return true;
  }
  async end(id: string, reason: SessionEndReason, at: Date): Promise<boolean> {
    const row = this.rows.get(id);
    if (!row || row.endedAt) return false;
    Object.assign(row, { endedAt: at, endReason: reason });
    return true;
  }
  async endAllOf(userId: string, reason: SessionEndReason, at: Date, keep?: string): Promise<number> {
    let n = 0;
    for (const row of this.rows.values()) if (row.userId === userId && row.id !== keep && (await this.end(row.id, reason, at))) n++;
    return n;
  }
  async purge(before: Date): Promise<number> {
    let n = 0;
    for (const row of [...this.rows.values()]) if ((row.endedAt && row.endedAt < before) || row.lastSeenAt < before) n += Number(this.rows.delete(row.id));
    return n;
  }
}

describe('SessionService', () => {
  const settings = { idleMs: 30 * 60_000, recheckMs: 5_000 };
  let store: InMemorySessionStore;
  let now: number;

  beforeEach(() => {
    now = Date.parse('2026-12-01T08:00:00Z');
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    store = new InMemorySessionStore();
  });
  afterEach(() => jest.restoreAllMocks());

  const rejection = async (p: Promise<unknown>) => p.then(() => null, (e: unknown) => e);

  it('serves a busy session from memory and writes last seen at most once a minute', async () => {
    const sessions = new SessionService(store, settings);
    const id = await sessions.start('u1');
    for (let i = 0; i < 1000; i++) {
      now += 100;
      await sessions.check(id, 'u1');
    }
    // 100 s of requests: one read per 5 s window, one write per minute.
    expect(store.reads).toBe(20);
    expect(store.touches).toBe(1);
  });

  it('sees an ending made here at once, and one made by another process within the recheck window', async () => {
    const here = new SessionService(store, settings);
    const there = new SessionService(store, settings);
    const [a, b] = [await here.start('u1'), await here.start('u1')];
    await there.check(a, 'u1');
    await there.check(b, 'u1');

    await here.end(a, 'LOGOUT');
    expect(await rejection(here.check(a, 'u1'))).toEqual(new SessionEndedError('LOGOUT'));
    await expect(there.check(a, 'u1')).resolves.toBeUndefined();
    now += settings.recheckMs;
    expect(await rejection(there.check(a, 'u1'))).toMatchObject({ reason: 'LOGOUT', messageZh: '已退出登录，请重新登录' });

    await here.endAllOf('u1', 'PASSWORD_RESET');
    expect(await rejection(here.check(b, 'u1'))).toMatchObject({ reason: 'PASSWORD_RESET' });
  });

  it('does not let a read begun before an ending revive the session', async () => {
    const sessions = new SessionService(store, settings);
    const id = await sessions.start('u1');
    now += settings.recheckMs;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const find = store.find.bind(store);
    // The row is read before the ending, and the answer arrives after it.
    store.find = async (i) => {
      const row = await find(i);
      await gate;
      return row;
    };
    const inFlight = sessions.check(id, 'u1');
    const ending = sessions.end(id, 'LOGOUT');
    release();
    await Promise.allSettled([inFlight, ending]);
    expect(await rejection(sessions.check(id, 'u1'))).toMatchObject({ reason: 'LOGOUT' });
  });

  it('keeps the session named in endAllOf', async () => {
    const sessions = new SessionService(store, settings);
    const [keep, other] = [await sessions.start('u1'), await sessions.start('u1')];
    const someoneElse = await sessions.start('u2');
    await sessions.endAllOf('u1', 'PASSWORD_CHANGED', keep);
    await expect(sessions.check(keep, 'u1')).resolves.toBeUndefined();
    await expect(sessions.check(someoneElse, 'u2')).resolves.toBeUndefined();
    expect(await rejection(sessions.check(other, 'u1'))).toMatchObject({ reason: 'PASSWORD_CHANGED' });
    expect(store.rows.get(other)).toMatchObject({ endReason: 'PASSWORD_CHANGED' });
  });

  it('ends a session idle for longer than the limit, but not one kept busy through another process', async () => {
    const here = new SessionService(store, settings);
    const there = new SessionService(store, settings);
    const idle = await here.start('u1');
    const busy = await here.start('u1');
    await here.check(busy, 'u1');
    for (let i = 0; i < 31; i++) {
      now += 60_000;
      await there.check(busy, 'u1');
    }
    // Both unused here for 31 minutes; only `busy` was used meanwhile, through the other process.
    await expect(here.check(busy, 'u1')).resolves.toBeUndefined();
    expect(await rejection(here.check(idle, 'u1'))).toMatchObject({ reason: 'IDLE_TIMEOUT', messageZh: '会话超时，请重新登录', endedNow: true });
    expect(await rejection(here.check(idle, 'u1'))).toMatchObject({ reason: 'IDLE_TIMEOUT', endedNow: false });
    expect(await rejection(there.check(idle, 'u1'))).toMatchObject({ reason: 'IDLE_TIMEOUT', endedNow: false });
    expect(store.rows.get(idle)).toMatchObject({ endReason: 'IDLE_TIMEOUT' });
  });

  it('refuses an unknown session and one belonging to another user', async () => {
    const sessions = new SessionService(store, settings);
    const id = await sessions.start('u1');
    expect(await rejection(sessions.check('missing', 'u1'))).toBeInstanceOf(UnknownSessionError);
    expect(await rejection(sessions.check(id, 'u2'))).toBeInstanceOf(UnknownSessionError);
  });
});
