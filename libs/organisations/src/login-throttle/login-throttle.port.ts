/** What a failure counter is kept for: the username typed (known or not), or the client address. */
export type ThrottleKind = 'account' | 'address';

export interface ThrottleKey {
  kind: ThrottleKind;
  /** The lower-cased username, or the client address. */
  subject: string;
}

/** How many failures within how long lock a key, and for how long. */
export interface ThrottleRule {
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

export interface ThrottleLock extends ThrottleKey {
  lockedUntil: Date;
}

/**
 * Failed-login counters, kept in the database so that every engine process sharing it counts the same failures.
 * Implemented by the persistence layer.
 */
export abstract class LoginThrottleStore {
  /** The keys among these that are locked at `now`. */
  abstract locks(keys: ThrottleKey[], now: Date): Promise<ThrottleLock[]>;
  /**
   * Counts one failure in one atomic statement: a window older than `rule.windowMs`, or one whose lock has run out,
   * starts again at 1; reaching `rule.maxFailures` locks the key until `now + rule.lockMs`. Returns the lock, if any.
   */
  abstract recordFailure(key: ThrottleKey, rule: ThrottleRule, now: Date): Promise<Date | null>;
  /** Forgets a key's failures and lock. */
  abstract clear(key: ThrottleKey): Promise<void>;
  /** Deletes the rows that count nothing any more: window started before `staleBefore`, not locked at `now`. */
  abstract purge(staleBefore: Date, now: Date): Promise<number>;
}
