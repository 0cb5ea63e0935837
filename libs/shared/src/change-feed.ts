/** Data every engine process keeps in memory, which a change in one process makes stale in the others. */
export type ChangeTopic = 'calendar' | 'directory';

/**
 * Tells the other engine processes on the same database that shared data changed, so each reloads it at once rather
 * than when its copy ages out. The process that made the change has already reloaded: it is not told again. On a lost
 * connection an implementation tells its own listeners of every topic once reconnected, since notices may have been
 * missed meanwhile.
 */
export abstract class ChangeFeed {
  abstract publish(topic: ChangeTopic): Promise<void>;
  abstract subscribe(topic: ChangeTopic, listener: () => unknown): void;
}
