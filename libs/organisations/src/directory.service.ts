import { Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { ChangeFeed } from '@app/shared';
import { DirectoryRepository } from './directory.port';
import { Directory } from './directory';
import { Jurisdiction } from './jurisdiction';

/**
 * Serves the organisation tree from memory. It reloads after `invalidate()` (this process changed the directory), when
 * the change feed says another engine process changed it, or after a short time (in case a notice was lost).
 */
@Injectable()
export class DirectoryService implements OnModuleInit {
  private cached: { directory: Directory; loadedAt: number } | null = null;
  private loading: Promise<Directory> | null = null;
  private generation = 0;
  private readonly maxAgeMs = 30_000;

  constructor(
    private readonly repository: DirectoryRepository,
    @Optional() private readonly feed?: ChangeFeed,
  ) {}

  onModuleInit(): void {
    this.feed?.subscribe('directory', () => this.invalidate());
  }

  async current(): Promise<Directory> {
    if (this.cached && Date.now() - this.cached.loadedAt < this.maxAgeMs) return this.cached.directory;
    this.loading ??= this.load().finally(() => (this.loading = null));
    return this.loading;
  }

  async jurisdiction(): Promise<Jurisdiction> {
    return new Jurisdiction(await this.current());
  }

  invalidate(): void {
    this.cached = null;
    this.loading = null;
    this.generation++;
  }

  /** After this process changed regions, organisations or users: reload here, and tell the other processes. */
  async changed(): Promise<void> {
    this.invalidate();
    // The change is stored: a notice that cannot be sent leaves the others to their 30-second reload.
    await this.feed?.publish('directory').catch(() => undefined);
  }

  private async load(): Promise<Directory> {
    const generation = this.generation;
    const [regions, orgs, users] = await Promise.all([this.repository.regions(), this.repository.organisations(), this.repository.users()]);
    const directory = new Directory(regions, orgs, users);
    // A load that began before an invalidate() read the old directory: use it once, but do not keep it.
    if (generation === this.generation) this.cached = { directory, loadedAt: Date.now() };
    return directory;
  }
}
