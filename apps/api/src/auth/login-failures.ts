import { Injectable } from '@nestjs/common';
import { SecurityLog } from '@app/audit';
import { LoginThrottle } from '@app/organisations';

/** A wrong password, wherever it was typed: counted towards the lockout and written to the security log. */
@Injectable()
export class LoginFailures {
  constructor(
    private readonly throttle: LoginThrottle,
    private readonly securityLog: SecurityLog,
  ) {}

  async record(who: { actorId: string | null; username: string; ip: string | null }, reason: string): Promise<void> {
    const locked = await this.throttle.failed(who.username, who.ip ?? '');
    await this.securityLog.record({ kind: 'LOGIN_FAILED', ...who, detail: { reason } });
    // The failure that sets a lock is the lockout; refusals while locked are cheap by design and not written one by one.
    if (locked.account || locked.address) {
      await this.securityLog.record({
        kind: 'LOGIN_LOCKED',
        ...who,
        detail: { accountLockedUntil: locked.account?.toISOString() ?? null, addressBlockedUntil: locked.address?.toISOString() ?? null },
      });
    }
  }
}
