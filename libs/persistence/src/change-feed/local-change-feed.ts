import { randomUUID } from 'node:crypto';
import { ChangeFeed, type ChangeTopic } from '@app/shared';

type Listener = { origin: string; topic: ChangeTopic; listener: () => unknown };

/** Feeds by database file: several applications on one SQLite file in one process (tests, tools) hear each other. */
const FEEDS = new Map<string, Set<Listener>>();

/**
 * The SQLite deployment's feed: one process owns the database file, so only applications inside this process can be
 * told. Listeners run after the publisher's call returns, as a notice from another process would.
 */
export class LocalChangeFeed extends ChangeFeed {
  private readonly origin = randomUUID();
  private readonly mine = new Set<Listener>();

  constructor(private readonly key: string) {
    super();
  }

  async publish(topic: ChangeTopic): Promise<void> {
    for (const entry of FEEDS.get(this.key) ?? []) {
      if (entry.origin !== this.origin && entry.topic === topic) setImmediate(() => void Promise.resolve(entry.listener()).catch(() => undefined));
    }
  }

  subscribe(topic: ChangeTopic, listener: () => unknown): void {
    const entry = { origin: this.origin, topic, listener };
    this.mine.add(entry);
    if (!FEEDS.has(this.key)) FEEDS.set(this.key, new Set());
    FEEDS.get(this.key)!.add(entry);
  }

  close(): void {
    const feed = FEEDS.get(this.key);
    for (const entry of this.mine) feed?.delete(entry);
    if (feed?.size === 0) FEEDS.delete(this.key);
  }
}
