import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { ChangeFeed, type ChangeTopic } from '@app/shared';
import type { Db } from '../db/db';

const TOPICS: ChangeTopic[] = ['calendar', 'directory'];
const RECONNECT_MS = 1_000;

/**
 * LISTEN/NOTIFY on one connection of its own per process, on a channel per schema (so test suites sharing a database
 * stay apart). Notices are sent through the pool with pg_notify, inside no transaction, and carry the sender's id so
 * the sender ignores its own.
 */
export class PostgresChangeFeed extends ChangeFeed {
  private readonly logger = new Logger('ChangeFeed');
  private readonly origin = randomUUID();
  private readonly listeners = new Map<ChangeTopic, Set<() => unknown>>();
  private readonly channel: string;
  private client: Client | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly url: string,
    schema: string | undefined,
  ) {
    super();
    this.channel = `fengqiao_changes_${schema ?? 'public'}`.slice(0, 63);
  }

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.url });
    client.on('notification', (message) => {
      const [origin, topic] = (message.payload ?? '').split(' ');
      if (origin !== this.origin && TOPICS.includes(topic as ChangeTopic)) this.tell(topic as ChangeTopic);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    await client.connect();
    await client.query(`LISTEN "${this.channel}"`);
    this.client = client;
  }

  async publish(topic: ChangeTopic): Promise<void> {
    await this.db.query('SELECT pg_notify(:channel, :payload)', { channel: this.channel, payload: `${this.origin} ${topic}` });
  }

  subscribe(topic: ChangeTopic, listener: () => unknown): void {
    if (!this.listeners.has(topic)) this.listeners.set(topic, new Set());
    this.listeners.get(topic)!.add(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private tell(topic: ChangeTopic): void {
    for (const listener of this.listeners.get(topic) ?? []) {
      void Promise.resolve()
        .then(listener)
        .catch((error: unknown) => this.logger.error(`Reloading ${topic} after a change elsewhere failed: ${String(error)}`));
    }
  }

  private lost(client: Client, error?: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    this.logger.warn(`The change notice connection was lost${error ? ` (${error.message})` : ''}; reconnecting`);
    const retry = () => {
      if (this.closed) return;
      this.start().then(
        // Notices sent while disconnected are gone: reload everything once.
        () => TOPICS.forEach((topic) => this.tell(topic)),
        () => setTimeout(retry, RECONNECT_MS).unref(),
      );
    };
    setTimeout(retry, RECONNECT_MS).unref();
  }
}
