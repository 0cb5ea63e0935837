import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { SecurityLog } from '@app/audit';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { DirectoryRepository, LoginThrottle, SessionService, UserNotFoundError, type Viewer } from '@app/organisations';
import { ValidationError } from '@app/shared';
import { ClientIp } from '../http/client-ip';
import { CurrentSession } from './current-session.decorator';
import { CurrentViewer } from './current-viewer.decorator';
import { PasswordHasher } from './password-hasher';
import { PasswordService } from './password.service';

export class ChangePasswordRequest {
  @ApiProperty({ description: '当前密码' })
  @IsString()
  @MinLength(1, { context: { messageZh: '请填写当前密码' } })
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ description: '新密码，须符合密码规则（默认至少 12 位，含小写字母、大写字母、数字、其他符号中的至少 3 类，不含用户名，不与最近 5 次的密码相同）' })
  @IsString()
  @MinLength(1, { context: { messageZh: '请填写新密码' } })
  @MaxLength(200, { context: { messageZh: '密码不能超过 200 位' } })
  newPassword!: string;
}

/** The caller's own session and password. */
@ApiTags('auth 登录')
@ApiBearerAuth()
@Controller('auth')
export class SessionController {
  constructor(
    private readonly sessions: SessionService,
    private readonly passwords: PasswordService,
    private readonly directory: DirectoryRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly securityLog: SecurityLog,
  ) {}

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End this session: its token is refused from now on (退出登录)' })
  @ApiNoContentResponse()
  async logout(@CurrentViewer() viewer: Viewer, @CurrentSession() sessionId: string, @ClientIp() ip: string | null): Promise<void> {
    await this.sessions.end(sessionId, 'LOGOUT');
    await this.securityLog.record({ kind: 'LOGOUT', actorId: viewer.userId, username: viewer.username, ip });
  }

  @Post('password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Change your own password; your other sessions end, this one stays (修改密码)' })
  @ApiNoContentResponse()
  async changePassword(@CurrentViewer() viewer: Viewer, @CurrentSession() sessionId: string, @Body() body: ChangePasswordRequest, @ClientIp() ip: string | null): Promise<void> {
    const account = await this.directory.userByUsername(viewer.username);
    if (!account) throw new UserNotFoundError(viewer.userId);
    const who = { actorId: account.id, username: account.username, ip };
    // A borrowed token must not become a way round the login lockout: wrong current passwords count as failed logins.
    await this.throttle.check(account.username, ip ?? '');
    // Checked before the new password, so a borrowed token cannot learn which passwords the account used before.
    if (!(await this.hasher.verify(account.passwordHash, body.currentPassword))) {
      const locked = await this.throttle.failed(account.username, ip ?? '');
      await this.securityLog.record({ kind: 'LOGIN_FAILED', ...who, detail: { reason: 'WRONG_CURRENT_PASSWORD' } });
      if (locked.account || locked.address) await this.securityLog.record({ kind: 'LOGIN_LOCKED', ...who, detail: { accountLockedUntil: locked.account?.toISOString() ?? null, addressBlockedUntil: locked.address?.toISOString() ?? null } });
      throw new ValidationError([{ field: 'currentPassword', message: 'is not the current password', messageZh: '当前密码不正确' }]);
    }
    await this.passwords.set(account.id, account.username, body.newPassword, 'newPassword');
    await this.sessions.endAllOf(account.id, 'PASSWORD_CHANGED', sessionId);
    await this.securityLog.record({ kind: 'PASSWORD_CHANGED', ...who });
  }
}
