import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DirectoryRepository, DirectoryService, SessionService, sessionEndFor, UsernameTakenError, UserNotFoundError, type Directory, type User, type Viewer } from '@app/organisations';
import { ConflictError, ValidationError } from '@app/shared';
import { ROLE_LABELS } from '@app/workflow';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { PasswordHasher } from '../auth/password-hasher';
import { PasswordService } from '../auth/password.service';
import { Roles } from '../auth/roles.decorator';
import { CreateUserRequest, ListUsersRequest, ResetPasswordRequest, UpdateUserRequest } from './users.requests';

/** User accounts, for administrators: create, change, deactivate and reactivate, reset a password. */
@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/users')
export class AdminUsersController {
  constructor(
    private readonly repository: DirectoryRepository,
    private readonly directoryService: DirectoryService,
    private readonly hasher: PasswordHasher,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every account, active or not, filtered and paginated (用户列表)' })
  async list(@Query() q: ListUsersRequest) {
    // Read from the database, not the cached directory: an administrator must see the change just made elsewhere.
    const [users, directory] = await Promise.all([this.repository.users(), this.directoryService.current()]);
    const needle = q.q?.toLowerCase();
    const matching = users.filter(
      (u) =>
        (!q.orgId || u.orgId === q.orgId) &&
        (q.active === undefined || u.active === q.active) &&
        (!needle || u.username.toLowerCase().includes(needle) || u.displayName.toLowerCase().includes(needle)),
    );
    const start = (q.page - 1) * q.pageSize;
    return { items: matching.slice(start, start + q.pageSize).map((u) => present(u, directory)), total: matching.length, page: q.page, pageSize: q.pageSize };
  }

  @Post()
  @ApiOperation({ summary: 'Create an account with roles, an organisation and an initial password (新建用户)' })
  async create(@Body() body: CreateUserRequest) {
    const directory = await this.directoryService.current();
    this.checkOrg(directory, body.orgId);
    await this.passwords.check(body.password, body.username, 'password');
    if (await this.repository.userByUsername(body.username)) throw new UsernameTakenError(body.username);
    const user = { id: randomUUID(), username: body.username, displayName: body.displayName, roles: body.roles, orgId: body.orgId, active: true };
    await this.repository.createUser({ ...user, passwordHash: await this.hasher.hash(body.password) });
    this.directoryService.invalidate();
    return present(user, directory);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an account: name, roles, organisation, or deactivate / reactivate it (修改、停用、启用用户)' })
  async update(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() body: UpdateUserRequest) {
    const directory = await this.directoryService.current();
    if (body.orgId !== undefined) this.checkOrg(directory, body.orgId);
    // An administrator cannot lock themselves out; another administrator has to do it.
    if (id === viewer.userId && body.active === false) throw new ConflictError('You cannot deactivate your own account', '不能停用自己的账号');
    if (id === viewer.userId && body.roles && !body.roles.includes('ADMIN')) {
      throw new ConflictError('You cannot remove your own administrator role', '不能移除自己的系统管理员角色');
    }
    const before = await this.repository.userById(id);
    const found = before && (await this.repository.updateUser(id, { displayName: body.displayName, roles: body.roles, orgId: body.orgId, active: body.active }));
    if (!found) throw new UserNotFoundError(id);
    this.directoryService.invalidate();
    const user = await this.repository.userById(id);
    if (!user) throw new UserNotFoundError(id);
    const ended = sessionEndFor(before, user);
    if (ended) await this.sessions.endAllOf(id, ended);
    return present(user, await this.directoryService.current());
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password for an account (重置密码)' })
  async resetPassword(@Param('id') id: string, @Body() body: ResetPasswordRequest): Promise<void> {
    const user = await this.repository.userById(id);
    if (!user) throw new UserNotFoundError(id);
    await this.passwords.set(id, user.username, body.password, 'password');
    await this.sessions.endAllOf(id, 'PASSWORD_RESET');
  }

  private checkOrg(directory: Directory, orgId: string): void {
    if (!directory.org(orgId)) throw new ValidationError([{ field: 'orgId', message: 'is not an organisation', messageZh: '所属单位不存在' }]);
  }
}

function present(user: User, directory: Directory) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    roleLabels: user.roles.map((r) => ROLE_LABELS[r]),
    orgId: user.orgId,
    orgName: directory.org(user.orgId)?.name ?? null,
    active: user.active,
  };
}
