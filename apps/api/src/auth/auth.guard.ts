import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Viewer } from '@app/organisations';
import { ForbiddenError, isUserRole, UnauthenticatedError, type UserRole } from '@app/shared';
import { IS_PUBLIC } from './public.decorator';
import { REQUIRED_ROLES } from './roles.decorator';

interface TokenClaims {
  sub: string;
  username: string;
  name: string;
  roles: string[];
  orgId: string;
  regionCode: string;
}

/** Every route needs a valid bearer token unless marked @Public(); @Roles() narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest();
    const header: string | undefined = request.headers?.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new UnauthenticatedError('A bearer token is required', '请先登录（缺少访问令牌）');
    let claims: TokenClaims;
    try {
      claims = this.jwt.verify<TokenClaims>(token);
    } catch {
      throw new UnauthenticatedError('The access token is invalid or has expired', '登录已失效，请重新登录');
    }
    const viewer: Viewer = {
      userId: claims.sub,
      username: claims.username,
      displayName: claims.name,
      roles: claims.roles.filter(isUserRole),
      orgId: claims.orgId,
      regionCode: claims.regionCode,
    };
    request.viewer = viewer;
    const required = this.reflector.getAllAndOverride<UserRole[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !required.some((r) => viewer.roles.includes(r))) {
      throw new ForbiddenError(`This needs one of the roles ${required.join(', ')}`, '您的角色无权访问此功能');
    }
    return true;
  }
}
