import { DomainError } from '@app/shared';

/**
 * Login refused without checking the password: too many recent failures for the username typed (whether or not it
 * exists, so the refusal reveals nothing) or from the client address.
 */
export class LoginLockedError extends DomainError {
  readonly code = 'AUTH.TOO_MANY_ATTEMPTS';
  readonly messageZh: string;
  constructor(
    readonly kind: 'account' | 'address',
    readonly retryAfterSeconds: number,
  ) {
    super(
      kind === 'account'
        ? `Too many failed logins for this account; try again in ${retryAfterSeconds} seconds or ask an administrator to unlock it`
        : `Too many failed logins from this address; try again in ${retryAfterSeconds} seconds`,
      { kind, retryAfterSeconds },
    );
    this.messageZh =
      kind === 'account'
        ? `该账号登录失败次数过多，已暂时锁定，请 ${retryAfterSeconds} 秒后再试，或请系统管理员解锁`
        : `该地址登录失败次数过多，已暂时封禁，请 ${retryAfterSeconds} 秒后再试`;
  }
}
