/** What the deadline worker of this process last did, for readiness. */
export class WorkerHealth {
  enabled = false;
  intervalMs = 0;
  lastRunEndedAt: number | null = null;
  lastRunFailed = false;
  startedAt = Date.now();

  /** Up when the worker is off here, or its last run succeeded and was not long ago (three intervals, at least a minute). */
  status(now = Date.now()): { up: boolean; detail: Record<string, unknown> } {
    if (!this.enabled) return { up: true, detail: { enabled: false } };
    const allowance = Math.max(3 * this.intervalMs, 60_000);
    const since = this.lastRunEndedAt ?? this.startedAt;
    const up = !this.lastRunFailed && now - since <= allowance;
    return { up, detail: { enabled: true, lastRunEndedAt: this.lastRunEndedAt ? new Date(this.lastRunEndedAt).toISOString() : null, lastRunFailed: this.lastRunFailed } };
  }
}
