import type { LoadedCase } from '../ports/case-store.port';

/**
 * Cases this process has just read or written, so the write that usually follows (a person reads a case, then acts
 * on it; a mediator moves a case through several steps) needs one database round trip instead of two.
 *
 * It is a hint, never the truth: a write still commits only if the case is at the version the hint had, so a copy
 * another engine process made stale costs a retry on fresh data, nothing more; and any refusal decided on a copy is
 * decided again on fresh data before anyone sees it. Entries expire quickly, because a few fields (a soft deadline
 * marked missed by another process's worker) change without a new version. The application provides it; a capacity
 * of 0 turns it off (every write then reads the case first).
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
