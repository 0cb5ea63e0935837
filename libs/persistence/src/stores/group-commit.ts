/**
 * Group commit: while `limit` commits are in flight, further ones wait and then go to the database together, as one
 * statement and one durable flush for the whole group. Under light load every commit goes straight through; under
 * heavy load the flushes, round trips and statement parses per transition shrink with the queue's length.
 *
 * A group holds at most one plan per key (a case): two plans for the same case must be decided one after the other.
 * When a group fails as a whole (e.g. one plan's value is refused by the database), its plans are committed one by
 * one, so each caller gets its own result or error and no plan fails for another's fault.
 */
export class GroupCommit<P, R> {
  private inFlight = 0;
  private readonly waiting: { plan: P; resolve: (r: R) => void; reject: (e: unknown) => void }[] = [];

  constructor(
    private readonly options: {
      limit: number;
      maxGroup: number;
      key: (plan: P) => string;
      one: (plan: P) => Promise<R>;
      many: (plans: P[]) => Promise<R[]>;
    },
  ) {}

  commit(plan: P): Promise<R> {
    if (this.inFlight < this.options.limit && !this.waiting.length) return this.track(this.options.one(plan));
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ plan, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.limit && this.waiting.length) {
      const group = this.takeGroup();
      void this.track(this.run(group));
    }
  }

  private takeGroup() {
    const keys = new Set<string>();
    const group: typeof this.waiting = [];
    for (let i = 0; i < this.waiting.length && group.length < this.options.maxGroup; ) {
      const key = this.options.key(this.waiting[i].plan);
      if (keys.has(key)) {
        i++;
        continue;
      }
      keys.add(key);
      group.push(...this.waiting.splice(i, 1));
    }
    return group;
  }

  private async run(group: typeof this.waiting): Promise<void> {
    if (group.length === 1) {
      const [{ plan, resolve, reject }] = group;
      return this.options.one(plan).then(resolve, reject);
    }
    let results: R[];
    try {
      results = await this.options.many(group.map((w) => w.plan));
    } catch {
      await Promise.all(group.map(({ plan, resolve, reject }) => this.options.one(plan).then(resolve, reject)));
      return;
    }
    group.forEach((w, i) => w.resolve(results[i]));
  }

  private async track<T>(work: Promise<T>): Promise<T> {
    this.inFlight++;
    try {
      return await work;
    } finally {
      this.inFlight--;
      this.drain();
    }
  }
}
