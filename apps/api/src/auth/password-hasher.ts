import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

/** Argon2id's cost (FENGQIAO_PASSWORD_HASH_*): memory in KiB, passes, lanes. */
export interface PasswordHashCost {
  memoryKiB: number;
  timeCost: number;
  parallelism: number;
}

/** argon2's own defaults, above OWASP's minimum (19 MiB, 2 passes, 1 lane). */
export const DEFAULT_PASSWORD_HASH_COST: PasswordHashCost = { memoryKiB: 65_536, timeCost: 3, parallelism: 4 };

/**
 * Argon2id, the OWASP-recommended password hash. Each hash or verification holds its memory cost (64 MiB by default)
 * while it runs, on one of libuv's four threads: four logins at once would add 256 MiB to the process. They run one at
 * a time instead, so a burst of logins waits in line (tens of milliseconds each) and the engine's memory stays bounded
 * (docs/benchmarks.md, "Memory").
 */
export class PasswordHasher {
  private line: Promise<unknown> = Promise.resolve();

  /**
   * A hash of a random password, made once at start with the same parameters as every account's, so a login for a
   * name with no usable account costs one verification like any other and its timing reveals nothing.
   */
  private readonly dummy: Promise<string>;

  constructor(private readonly cost: PasswordHashCost = DEFAULT_PASSWORD_HASH_COST) {
    this.dummy = this.hash(randomBytes(32).toString('hex'));
  }

  hash(password: string): Promise<string> {
    const { memoryKiB, timeCost, parallelism } = this.cost;
    return this.inLine(() => argon2.hash(password, { type: argon2.argon2id, memoryCost: memoryKiB, timeCost, parallelism }));
  }

  /** Checks against the cost the hash was made with, so hashes made before a change of cost keep working. */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await this.inLine(() => argon2.verify(hash, password));
    } catch {
      return false;
    }
  }

  private inLine<T>(work: () => Promise<T>): Promise<T> {
    const run = this.line.then(work, work);
    this.line = run.catch(() => undefined);
    return run;
  }

  /** Spends a verification on the dummy hash; always false. */
  async verifyNothing(password: string): Promise<false> {
    await this.verify(await this.dummy, password);
    return false;
  }
}
