import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { DirectoryRepository, DirectoryService, LoginThrottle, ORG_TYPE_LABELS, SessionService, type Viewer } from '@app/organisations';
import { SecurityLog } from '@app/audit';
import { UnauthenticatedError } from '@app/shared';
import { ROLE_LABELS } from '@app/workflow';
import { CurrentViewer } from './current-viewer.decorator';
import { PasswordHasher } from './password-hasher';
import { Public } from './public.decorator';

export class LoginRequest {
  @ApiProperty({ example: 'fy_mediator' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  username!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password!: string;
}

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly directory: DirectoryRepository,
    private readonly directoryService: DirectoryService,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly securityLog: SecurityLog,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in and receive an access token (登录)' })
  @ApiTooManyRequestsResponse({ description: '登录失败次数过多：账号或地址暂时锁定，Retry-After 给出秒数' })
  async login(@Body() body: LoginRequest, @Req() request: FastifyRequest) {
    // A locked name or address is refused before the password is hashed, so guessing costs the engine nothing.
    await this.throttle.check(body.username, request.ip);
    const user = await this.directory.userByUsername(body.username);
    // Unknown and inactive accounts spend the same verification as a wrong password, and get the same answer.
    const ok = user?.active ? await this.hasher.verify(user.passwordHash, body.password) : await this.hasher.verifyNothing(body.password);
    const who = { actorId: user?.id ?? null, username: body.username, ip: request.ip ?? null };
    if (!user || !ok) {
      const locked = await this.throttle.failed(body.username, request.ip);
      await this.securityLog.record({ kind: 'LOGIN_FAILED', ...who, detail: { reason: !user ? 'UNKNOWN_USER' : !user.active ? 'INACTIVE' : 'WRONG_PASSWORD' } });
      // The failure that sets a lock is the lockout; refusals while locked are cheap by design and not written one by one.
      if (locked.account || locked.address) {
        await this.securityLog.record({ kind: 'LOGIN_LOCKED', ...who, detail: { accountLockedUntil: locked.account?.toISOString() ?? null, addressBlockedUntil: locked.address?.toISOString() ?? null } });
      }
      throw new UnauthenticatedError('Wrong username or password', '用户名或密码错误');
    }
    await this.throttle.succeeded(body.username);
    const org = (await this.directoryService.current()).org(user.orgId);
    const regionCode = org?.regionCode ?? '';
    const sid = await this.sessions.start(user.id);
    await this.securityLog.record({ kind: 'LOGIN_SUCCEEDED', ...who, actorId: user.id, username: user.username });
    const accessToken = await this.jwt.signAsync({ sub: user.id, sid, username: user.username, name: user.displayName, roles: user.roles, orgId: user.orgId, regionCode });
    return {
      accessToken,
      user: { id: user.id, username: user.username, displayName: user.displayName, roles: user.roles, orgId: user.orgId, orgName: org?.name ?? null, regionCode },
    };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The logged-in user, with Chinese labels (当前用户)' })
  @ApiOkResponse()
  async me(@CurrentViewer() viewer: Viewer) {
    const directory = await this.directoryService.current();
    const org = directory.org(viewer.orgId);
    return {
      id: viewer.userId,
      username: viewer.username,
      displayName: viewer.displayName,
      roles: viewer.roles,
      roleLabels: viewer.roles.map((r) => ROLE_LABELS[r]),
      orgId: viewer.orgId,
      orgName: org?.name ?? null,
      orgType: org?.type ?? null,
      orgTypeLabel: org ? ORG_TYPE_LABELS[org.type] : null,
      regionCode: viewer.regionCode,
      regionName: directory.region(viewer.regionCode)?.name ?? null,
    };
  }
}
