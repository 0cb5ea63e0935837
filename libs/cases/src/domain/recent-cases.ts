import type { LoadedCase } from '../ports/case-store.port';

/**
 * Cases this process has just read or written, so the write that usually follows (a person reads a case, then acts
 * on it; a mediator moves a case through several steps) needs one database round trip instead of two.
 *
 * A copy is a hint, never the truth. Every change a guard or a view reads moves one of the two counters the commit is
 * conditional on: the case version (events, recorded facts) or the deadline revision (a deadline marked missed or
 * recomputed by a deadline worker, in any process). A write decided on a copy either commits against exactly the
 * data it was decided on, or is refused by the conditional update and decided again on fresh data; any refusal
 * decided on a copy is decided again on fresh data before anyone sees it. A capacity of 0 turns the copies off.
 */
export class RecentCases {
  private readonly entries = new Map<string, { loaded: LoadedCase; at: number }>();

  constructor(
    private readonly capacity = 2000,
    private readonly maxAgeMs = 30_000,
  ) {}

  get(caseId: string): LoadedCase | undefined {
    const entry = this.entries.get(caseId);
    if (!entry) return undefined;
    if (Date.now() - entry.at > this.maxAgeMs) {
      this.entries.delete(caseId);
      return undefined;
    }
    return entry.loaded;
  }

  remember(loaded: LoadedCase): void {
    if (this.capacity === 0) return;
    const id = loaded.record.id;
    this.entries.delete(id);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(id, { loaded, at: Date.now() });
  }

  forget(caseId: string): void {
    this.entries.delete(caseId);
  }
}
