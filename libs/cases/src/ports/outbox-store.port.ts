import type { OutboxMessage } from './case-store.port';

/** A message between cases that has not been delivered, as an administrator sees it. */
export interface UndeliveredOutboxMessage extends OutboxMessage {
  attempts: number;
  lastError: string | null;
}

/** Messages between cases, written with the transition that caused them, delivered after commit. */
export abstract class OutboxStore {
  /** Undelivered messages, oldest first, skipping those that failed `maxAttempts` times. */
  abstract pending(limit: number, maxAttempts: number): Promise<OutboxMessage[]>;
  abstract markDelivered(id: string, at: Date): Promise<void>;
  abstract markFailed(id: string, error: string, at: Date): Promise<void>;
  /** Messages that failed `maxAttempts` times and are no longer tried, oldest first. */
  abstract stuck(maxAttempts: number, limit: number, offset: number): Promise<{ items: UndeliveredOutboxMessage[]; total: number }>;
  /** Gives stuck messages (these ids, or all) a fresh count of attempts; returns their ids. */
  abstract release(ids: string[] | 'all-stuck', maxAttempts: number): Promise<string[]>;
}
