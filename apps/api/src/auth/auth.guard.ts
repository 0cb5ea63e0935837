import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { SecurityLog } from '@app/audit';
import { DirectoryService, SessionEndedError, SessionService, UnknownSessionError, type Viewer } from '@app/organisations';
import { ForbiddenError, UnauthenticatedError, type UserRole } from '@app/shared';
import { isUserRole } from '@app/workflow';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';

interface TokenClaims {
  sub: string;
  username: string;
  name: string;
  roles: string[];
  orgId: string;
  regionCode: string;
  /** The session this token belongs to; tokens without one come from before sessions existed and are refused. */
  sid?: string;
}

/**
 * Every route needs a valid bearer token of an open session unless marked @Public(); @Roles() narrows it further.
 * Verified tokens are remembered until they expire: a client sends the same token for hours, and verifying a
 * signature on every request costs more than the rest of a read. Sessions are remembered for a few seconds too
 * (SessionService), so the check stays a lookup in memory.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verified = new Map<string, { claims: TokenClaims; expiresAt: number }>();
  private static readonly CACHE_SIZE = 10_000;

  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly directoryService: DirectoryService,
    private readonly sessions: SessionService,
    private readonly securityLog: SecurityLog,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers?.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new UnauthenticatedError('A bearer token is required', '请先登录（缺少访问令牌）');
    const claims = this.verify(token);
    // A valid signature is not enough: the session may have ended (logout, password reset, idle time, ...).
    if (!claims.sid) throw new UnknownSessionError();
    try {
      await this.sessions.check(claims.sid, claims.sub);
    } catch (error) {
      if (error instanceof SessionEndedError && error.endedNow) {
        await this.securityLog.record({ kind: 'SESSION_EXPIRED', actorId: claims.sub, username: claims.username, ip: request.ip ?? null, detail: { reason: error.reason } });
      }
      throw error;
    }
    request.sessionId = claims.sid;
    // The directory (cached in memory), not the token, says whether the account is still active and what it may do:
    // deactivating an account or changing its roles or organisation takes effect now, not when its token expires.
    let directory = await this.directoryService.current();
    if (!directory.user(claims.sub)) {
      // Created by another engine process since this one loaded the directory: look again once.
      this.directoryService.invalidate();
      directory = await this.directoryService.current();
    }
    const user = directory.user(claims.sub);
    if (!user?.active) throw new UnauthenticatedError('The account is deactivated or no longer exists', '账号已停用或不存在，请联系管理员');
    const viewer: Viewer = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles.filter(isUserRole),
      orgId: user.orgId,
      regionCode: directory.org(user.orgId)?.regionCode ?? claims.regionCode,
    };
    request.viewer = viewer;
    const required = this.reflector.getAllAndOverride<UserRole[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((r) => viewer.roles.includes(r))) {
      throw new ForbiddenError(`This needs one of the roles ${required.join(', ')}`, '您的角色无权访问此功能');
    }
    return true;
  }

  private verify(token: string): TokenClaims {
    const hit = this.verified.get(token);
    if (hit && hit.expiresAt > Date.now()) return hit.claims;
    let claims: TokenClaims & { exp?: number };
    try {
      claims = this.jwt.verify<TokenClaims & { exp?: number }>(token);
    } catch {
      this.verified.delete(token);
      throw new UnauthenticatedError('The access token is invalid or has expired', '登录已失效，请重新登录');
    }
    if (this.verified.size >= AuthGuard.CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { claims, expiresAt: (claims.exp ?? 0) * 1000 });
    return claims;
  }
}
