import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { SessionEndReason } from './session';
import { SessionSettings } from './session';
import { SessionEndedError, UnknownSessionError } from './session.errors';
import { SessionStore } from './session-store.port';

interface Remembered {
  userId: string;
  endReason: SessionEndReason | null;
  /** The last request this process saw, or the stored last-seen time if later. */
  lastSeen: number;
  /** The last-seen time as stored. */
  written: number;
  readAt: number;
}

/**
 * Starts, checks and ends sessions. A session is remembered for `recheckMs` before it is read again, and its last-seen
 * time written at most once a minute (more often only when the idle limit is short), so a busy token costs a map
 * lookup per request. An ending made here is seen here at once; another process sees it within `recheckMs`.
 * Idle time is wall time, not the engine's Clock: tests move that by days while they keep using their tokens.
 */
@Injectable()
export class SessionService {
  private static readonly MEMORY = 10_000;
  private static readonly KEEP_ENDED_MS = 86_400_000;
  private readonly remembered = new Map<string, Remembered>();
  private readonly reading = new Map<string, Promise<Remembered | null>>();
  private readonly touchEveryMs: number;

  constructor(
    private readonly store: SessionStore,
    private readonly settings: SessionSettings,
  ) {
    this.touchEveryMs = Math.min(60_000, settings.idleMs / 10);
  }

  /** A new session for a user who just proved who they are; returns its id for the token. */
  async start(userId: string): Promise<string> {
    const id = randomUUID();
    const now = Date.now();
    await this.store.create({ id, userId, createdAt: new Date(now), lastSeenAt: new Date(now), endedAt: null, endReason: null });
    this.remember(id, { userId, endReason: null, lastSeen: now, written: now, readAt: now });
    return id;
  }

  /** Passes when the session is open and belongs to the user; otherwise throws, saying why it ended. */
  async check(id: string, userId: string): Promise<void> {
    const now = Date.now();
    let session = this.remembered.get(id);
    if (!session || now - session.readAt >= this.settings.recheckMs) session = (await this.read(id)) ?? undefined;
    // Idle here may still have been used through another process: ask the database before ending it.
    if (session && !session.endReason && now - session.lastSeen > this.settings.idleMs && session.readAt < now) session = (await this.read(id)) ?? undefined;
    if (!session || session.userId !== userId) throw new UnknownSessionError();
    if (session.endReason) throw new SessionEndedError(session.endReason);
    if (now - session.lastSeen > this.settings.idleMs) {
      const endedNow = await this.end(id, 'IDLE_TIMEOUT');
      throw new SessionEndedError(this.remembered.get(id)?.endReason ?? 'IDLE_TIMEOUT', endedNow);
    }
    session.lastSeen = now;
    if (now - session.written >= this.touchEveryMs) {
      session.written = now;
      if (!(await this.store.touch(id, new Date(now)))) {
        // Ended by another process since this one last read it.
        const fresh = await this.read(id);
        throw new SessionEndedError(fresh?.endReason ?? 'LOGOUT');
      }
    }
  }

  /** Ends one session; false when it had already ended (here or in another process). */
  async end(id: string, reason: SessionEndReason): Promise<boolean> {
    const ended = await this.store.end(id, reason, new Date());
    const known = this.remembered.get(id);
    if (ended && known) known.endReason = reason;
    // Not through read(): a read already in flight may have begun before the ending.
    else await this.load(id);
    return ended;
  }

  /** Ends every session of a user, except `keep` (the one asking, when a user changes their own password). */
  async endAllOf(userId: string, reason: SessionEndReason, keep?: string): Promise<void> {
    await this.store.endAllOf(userId, reason, new Date(), keep);
    for (const [id, session] of this.remembered) if (session.userId === userId && id !== keep && !session.endReason) session.endReason = reason;
  }

  /**
   * Forgets sessions that can no longer be used: ended, or idle for longer than the limit, a day ago or more. A token
   * of a forgotten session is still refused, as naming no session, only without the reason.
   */
  async sweep(): Promise<number> {
    return this.store.purge(new Date(Date.now() - this.settings.idleMs - SessionService.KEEP_ENDED_MS));
  }

  private read(id: string): Promise<Remembered | null> {
    let pending = this.reading.get(id);
    if (!pending) {
      pending = this.load(id).finally(() => this.reading.delete(id));
      this.reading.set(id, pending);
    }
    return pending;
  }

  private async load(id: string): Promise<Remembered | null> {
    const row = await this.store.find(id);
    if (!row) {
      this.remembered.delete(id);
      return null;
    }
    const before = this.remembered.get(id);
    const written = row.lastSeenAt.getTime();
    // An ending never reverts: a read that began before this process ended the session must not revive it.
    const session = { userId: row.userId, endReason: row.endReason ?? before?.endReason ?? null, lastSeen: Math.max(before?.lastSeen ?? 0, written), written, readAt: Date.now() };
    this.remember(id, session);
    return session;
  }

  private remember(id: string, session: Remembered): void {
    this.remembered.delete(id);
    if (this.remembered.size >= SessionService.MEMORY) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(id, session);
  }
}
