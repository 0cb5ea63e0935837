import { Injectable } from '@nestjs/common';
import { SYSTEM_VIEWER } from '@app/organisations';
import { Clock } from '@app/shared';
import { CaseStore } from '../ports/case-store.port';

/** How long a stored idempotent response is kept; provided by the application from its configuration. */
export abstract class IdempotencySettings {
  /** A key older than this is treated as new, and its stored response is deleted. */
  abstract readonly retentionMs: number;
}

export const DEFAULT_IDEMPOTENCY_SETTINGS: IdempotencySettings = { retentionMs: 24 * 3_600_000 };

/**
 * The oldest creation time of a caller's key still replayed at `now`. The engine's own keys (a deadline firing, an
 * outbox delivery) never expire: they hold only a case id and version, and they are what makes a delivery retried
 * days later apply once.
 */
export function retainedSince(settings: IdempotencySettings, now: Date, actorId: string): string | undefined {
  if (actorId === SYSTEM_VIEWER.userId) return undefined;
  return new Date(now.getTime() - settings.retentionMs).toISOString();
}

/** Deletes callers' stored responses past retention; the deadline worker's scheduler runs it with every round. */
@Injectable()
export class IdempotencySweep {
  constructor(
    private readonly store: CaseStore,
    private readonly clock: Clock,
    private readonly settings: IdempotencySettings,
  ) {}

  run(): Promise<number> {
    return this.store.sweepIdempotent(new Date(this.clock.now().getTime() - this.settings.retentionMs).toISOString(), SYSTEM_VIEWER.userId);
  }
}
