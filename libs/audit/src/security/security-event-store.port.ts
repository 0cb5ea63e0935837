import type { SecurityChainHead, SecurityEventRecord } from './security-chain';
import type { SecurityEventKind } from './security-event';

export interface SecurityLogFilter {
  kind?: SecurityEventKind;
  /** An account id or a username. */
  actor?: string;
  caseId?: string;
  /** Inclusive lower and exclusive upper bound on `at`, ISO-8601. */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface SecurityLogPage {
  items: SecurityEventRecord[];
  total: number;
}

/** One snapshot of the log: its links in (chainKey, seq) order after the given position, and every chain's head. */
export interface SecurityLogReader {
  page(after: { chainKey: string; seq: number } | null, limit: number): Promise<SecurityEventRecord[]>;
  heads(): Promise<SecurityChainHead[]>;
}

/**
 * Storage of the security log's links and of each chain's head. Append-only: the only deletion is the purge of
 * links past retention, and a head only moves forward.
 */
export abstract class SecurityEventStore {
  /** The recorded head of a chain, or null when the chain was never written. */
  abstract head(chainKey: string): Promise<SecurityChainHead | null>;
  /**
   * Appends a link and moves its chain's head to it, in one transaction; false when another writer moved the head
   * first (nothing is written then).
   */
  abstract append(record: SecurityEventRecord): Promise<boolean>;
  /** Newest first. */
  abstract page(filter: SecurityLogFilter): Promise<SecurityLogPage>;
  /** Every chain's head, for a checkpoint to sign. */
  abstract heads(): Promise<SecurityChainHead[]>;
  abstract snapshot<T>(work: (reader: SecurityLogReader) => Promise<T>): Promise<T>;
  /**
   * Deletes the links recorded before `before`, only from the start of each chain, so what remains is still a chain,
   * and moves each head's oldest retained seq and count in the same transaction.
   */
  abstract purge(before: string): Promise<number>;
}
