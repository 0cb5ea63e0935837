import { randomBytes } from 'node:crypto';
import * as argon2 from 'argon2';

/** Argon2id, the OWASP-recommended password hash. */
export class PasswordHasher {
  /**
   * A hash of a random password, made once at start with the same parameters as every account's, so a login for a
   * name with no usable account costs one verification like any other and its timing reveals nothing.
   */
  private readonly dummy = this.hash(randomBytes(32).toString('hex'));

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends a verification on the dummy hash; always false. */
  async verifyNothing(password: string): Promise<false> {
    await this.verify(await this.dummy, password);
    return false;
  }
}
