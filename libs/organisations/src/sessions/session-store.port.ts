import type { Session, SessionEndReason } from './session';

/** The sessions table, shared by every engine process on the database. Implemented by the persistence layer. */
export abstract class SessionStore {
  abstract create(session: Session): Promise<void>;
  abstract find(id: string): Promise<Session | null>;
  /** Records activity; false when the session has ended meanwhile (perhaps in another process). */
  abstract touch(id: string, at: Date): Promise<boolean>;
  /** Ends one session; false when it had already ended. */
  abstract end(id: string, reason: SessionEndReason, at: Date): Promise<boolean>;
  /** Ends every open session of a user except `keep`; returns how many it ended. */
  abstract endAllOf(userId: string, reason: SessionEndReason, at: Date, keep?: string): Promise<number>;
  /** Deletes sessions ended, or last seen, before `before`; returns how many. */
  abstract purge(before: Date): Promise<number>;
}
