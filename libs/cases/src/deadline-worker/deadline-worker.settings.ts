/** How the deadline worker works; provided by the application from its configuration. */
export abstract class DeadlineWorkerSettings {
  /** Remind this many working days before a due date (0: no reminders). */
  abstract readonly reminderWorkingDays: number;
  /** Deadlines claimed per round trip. */
  abstract readonly batchSize: number;
  /** Firings in flight at once in one process. */
  abstract readonly concurrency: number;
  /** How long a claim holds (wall-clock ms) before another process may take the deadline over. */
  abstract readonly leaseMs: number;
  /** Wait before retrying a firing that failed unexpectedly (ms). */
  abstract readonly retryMs: number;
  /** Failed attempts after which a deadline is closed unfired, with the last error as its outcome. */
  abstract readonly maxAttempts: number;
}

export const DEFAULT_DEADLINE_WORKER_SETTINGS: DeadlineWorkerSettings = {
  reminderWorkingDays: 3,
  batchSize: 500,
  concurrency: 16,
  leaseMs: 5 * 60_000,
  retryMs: 60_000,
  maxAttempts: 5,
};
