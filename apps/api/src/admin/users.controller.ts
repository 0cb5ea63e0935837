import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SecurityLog, type SecurityEventInput } from '@app/audit';
import { assertRolesFitOrgType, DirectoryRepository, DirectoryService, LoginThrottle, SessionService, sessionEndFor, UsernameTakenError, UserNotFoundError, type Directory, type User, type Viewer } from '@app/organisations';
import { ConflictError, ValidationError } from '@app/shared';
import { ROLE_LABELS } from '@app/workflow';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { ClientIp } from '../http/client-ip';
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
    private readonly throttle: LoginThrottle,
    private readonly securityLog: SecurityLog,
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
    const page = matching.slice(start, start + q.pageSize);
    const locks = await this.throttle.lockedUntil(page.map((u) => u.username));
    return { items: page.map((u) => present(u, directory, locks)), total: matching.length, page: q.page, pageSize: q.pageSize };
  }

  @Post()
  @ApiOperation({ summary: 'Create an account with roles, an organisation and an initial password (新建用户)' })
  async create(@CurrentViewer() viewer: Viewer, @Body() body: CreateUserRequest, @ClientIp() ip: string | null) {
    const directory = await this.directoryService.current();
    this.checkOrg(directory, body.orgId);
    assertRolesFitOrgType(body.roles, directory.org(body.orgId)!.type);
    await this.passwords.check(body.password, body.username, 'password');
    if (await this.repository.userByUsername(body.username)) throw new UsernameTakenError(body.username);
    const user = { id: randomUUID(), username: body.username, displayName: body.displayName, roles: body.roles, orgId: body.orgId, active: true };
    await this.repository.createUser({ ...user, passwordHash: await this.hasher.hash(body.password) });
    await this.directoryService.changed();
    await this.securityLog.record({ kind: 'ACCOUNT_CREATED', ...actor(viewer, ip), subjectId: user.id, detail: { username: user.username, roles: user.roles, orgId: user.orgId } });
    return present(user, directory);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change an account: name, roles, organisation, or deactivate / reactivate it (修改、停用、启用用户)' })
  async update(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() body: UpdateUserRequest, @ClientIp() ip: string | null) {
    const directory = await this.directoryService.current();
    if (body.orgId !== undefined) this.checkOrg(directory, body.orgId);
    // An administrator cannot lock themselves out; another administrator has to do it.
    if (id === viewer.userId && body.active === false) throw new ConflictError('You cannot deactivate your own account', '不能停用自己的账号');
    if (id === viewer.userId && body.roles && !body.roles.includes('ADMIN')) {
      throw new ConflictError('You cannot remove your own administrator role', '不能移除自己的系统管理员角色');
    }
    const before = await this.repository.userById(id);
    if (!before) throw new UserNotFoundError(id);
    if (body.roles !== undefined || body.orgId !== undefined) {
      const orgType = directory.org(body.orgId ?? before.orgId)?.type;
      if (orgType) assertRolesFitOrgType(body.roles ?? before.roles, orgType);
    }
    const found = await this.repository.updateUser(id, { displayName: body.displayName, roles: body.roles, orgId: body.orgId, active: body.active });
    if (!found) throw new UserNotFoundError(id);
    await this.directoryService.changed();
    const user = await this.repository.userById(id);
    if (!user) throw new UserNotFoundError(id);
    const ended = sessionEndFor(before, user);
    if (ended) await this.sessions.endAllOf(id, ended);
    for (const event of accountChanges(before, user)) await this.securityLog.record({ ...event, ...actor(viewer, ip), subjectId: user.id });
    return present(user, await this.directoryService.current(), await this.throttle.lockedUntil([user.username]));
  }

  @Post(':id/password')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set a new password for an account (重置密码)' })
  async resetPassword(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() body: ResetPasswordRequest, @ClientIp() ip: string | null): Promise<void> {
    const user = await this.repository.userById(id);
    if (!user) throw new UserNotFoundError(id);
    await this.passwords.set(id, user.username, body.password, 'password');
    await this.sessions.endAllOf(id, 'PASSWORD_RESET');
    await this.securityLog.record({ kind: 'PASSWORD_RESET', ...actor(viewer, ip), subjectId: id, detail: { username: user.username } });
  }

  @Post(':id/unlock')
  @HttpCode(204)
  @ApiOperation({ summary: 'Lift the lock that failed logins put on an account, and forget its failures (解锁账号)' })
  async unlock(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @ClientIp() ip: string | null): Promise<void> {
    const user = await this.repository.userById(id);
    if (!user) throw new UserNotFoundError(id);
    await this.throttle.unlock(user.username);
    await this.securityLog.record({ kind: 'ACCOUNT_UNLOCKED', ...actor(viewer, ip), subjectId: id, detail: { username: user.username } });
  }

  private checkOrg(directory: Directory, orgId: string): void {
    if (!directory.org(orgId)) throw new ValidationError([{ field: 'orgId', message: 'is not an organisation', messageZh: '所属单位不存在' }]);
  }
}

function present(user: User, directory: Directory, locks: Map<string, Date> = new Map()) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    roleLabels: user.roles.map((r) => ROLE_LABELS[r]),
    orgId: user.orgId,
    orgName: directory.org(user.orgId)?.name ?? null,
    active: user.active,
    /** Until when failed logins lock the account; null when it is not locked. */
    lockedUntil: locks.get(user.username.toLowerCase())?.toISOString() ?? null,
  };
}

function actor(viewer: Viewer, ip: string | null) {
  return { actorId: viewer.userId, username: viewer.username, ip };
}

/** What the security log records of an account change: roles, organisation, deactivation, each with before and after. */
function accountChanges(before: User | null, after: User): Pick<SecurityEventInput, 'kind' | 'detail'>[] {
  if (!before) return [];
  const events: Pick<SecurityEventInput, 'kind' | 'detail'>[] = [];
  const sameRoles = before.roles.length === after.roles.length && before.roles.every((r) => after.roles.includes(r));
  if (!sameRoles) events.push({ kind: 'ROLE_CHANGED', detail: { rolesBefore: before.roles, rolesAfter: after.roles } });
  if (before.orgId !== after.orgId) events.push({ kind: 'ORGANISATION_CHANGED', detail: { orgBefore: before.orgId, orgAfter: after.orgId, roles: after.roles } });
  if (before.active !== after.active) events.push({ kind: after.active ? 'ACCOUNT_REACTIVATED' : 'ACCOUNT_DEACTIVATED', detail: { roles: after.roles } });
  return events;
}
