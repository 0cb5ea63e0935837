import type { OutboxMessage } from './case-store.port';

/** Messages between cases, written with the transition that caused them, delivered after commit. */
export abstract class OutboxStore {
  /** Undelivered messages, oldest first, skipping those that failed `maxAttempts` times. */
  abstract pending(limit: number, maxAttempts: number): Promise<OutboxMessage[]>;
  abstract markDelivered(id: string, at: Date): Promise<void>;
  abstract markFailed(id: string, error: string, at: Date): Promise<void>;
}
