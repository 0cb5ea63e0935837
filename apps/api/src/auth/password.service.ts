import { Injectable } from '@nestjs/common';
import { PasswordHistoryStore, PasswordPolicy, UserNotFoundError } from '@app/organisations';
import { ValidationError } from '@app/shared';
import { PasswordHasher } from './password-hasher';

/** Judges new passwords by the policy and sets them, keeping the replaced hash for the no-reuse rule. */
@Injectable()
export class PasswordService {
  constructor(
    private readonly policy: PasswordPolicy,
    private readonly history: PasswordHistoryStore,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Throws a ValidationError naming `field` with every rule the password breaks; `userId` adds the no-reuse rule. */
  async check(password: string, username: string, field: string, userId?: string): Promise<void> {
    const broken = this.policy.check(password, username);
    if (userId && (await this.reused(userId, password))) broken.push(this.policy.reused());
    if (broken.length) throw new ValidationError(broken.map((v) => ({ field, message: v.message, messageZh: v.messageZh })));
  }

  /** Checks the password against the policy and the account's recent ones, then makes it the account's password. */
  async set(userId: string, username: string, password: string, field: string): Promise<void> {
    await this.check(password, username, field, userId);
    const keep = Math.max(0, this.policy.settings.history - 1);
    if (!(await this.history.replace(userId, await this.hasher.hash(password), keep))) throw new UserNotFoundError(userId);
  }

  private async reused(userId: string, password: string): Promise<boolean> {
    const hashes = await this.history.latest(userId, this.policy.settings.history);
    // Side by side: each verification is a deliberately slow hash on its own worker thread.
    return (await Promise.all(hashes.map((hash) => this.hasher.verify(hash, password)))).some(Boolean);
  }
}
