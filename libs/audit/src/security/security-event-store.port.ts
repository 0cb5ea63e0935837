import type { SecurityEventRecord } from './security-chain';
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

/** Storage of the security log's links. Append-only: the only deletion is the purge of links past retention. */
export abstract class SecurityEventStore {
  /** The last link of a chain, or null when the chain is empty. */
  abstract head(chainKey: string): Promise<{ seq: number; at: string; hash: string } | null>;
  /** Appends a link; false when another writer took its (chainKey, seq) first. */
  abstract insert(record: SecurityEventRecord): Promise<boolean>;
  /** Newest first. */
  abstract page(filter: SecurityLogFilter): Promise<SecurityLogPage>;
  /** Runs `work` on one snapshot; `page` returns links in (chainKey, seq) order after the given position. */
  abstract snapshot<T>(work: (page: (after: { chainKey: string; seq: number } | null, limit: number) => Promise<SecurityEventRecord[]>) => Promise<T>): Promise<T>;
  /** Deletes the links recorded before `before`, only from the start of each chain, so what remains is still a chain. */
  abstract purge(before: string): Promise<number>;
}
