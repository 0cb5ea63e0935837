/** An account's password hashes over time, for the no-reuse rule. Implemented by the persistence layer. */
export abstract class PasswordHistoryStore {
  /** The current hash and then earlier ones, newest first, at most `limit` in all. */
  abstract latest(userId: string, limit: number): Promise<string[]>;
  /**
   * Sets a new password hash and keeps the replaced one in the history, pruned to the newest `keep`, in one
   * transaction; false when there is no such user.
   */
  abstract replace(userId: string, passwordHash: string, keep: number): Promise<boolean>;
}
