import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChainedSecurityLog, SECURITY_EVENT_KINDS, SecurityEventStore, type SecurityEventKind, type SecurityEventRecord, type SecurityVerifyResult } from '@app/audit';
import { DirectoryService, type Directory } from '@app/organisations';
import { ValidationError } from '@app/shared';
import { Roles } from '../auth/roles.decorator';
import { SecurityLogRequest } from './security-log.requests';

/**
 * The security log, for auditors only. Administrators are left out on purpose (least privilege, 三员分立): their
 * own role and account changes are in it, and whoever is audited should not be the one reading the audit.
 */
@ApiTags('audit 审计')
@ApiBearerAuth()
@Roles('AUDITOR')
@Controller('audit/security-log')
export class SecurityLogController {
  constructor(
    private readonly store: SecurityEventStore,
    private readonly log: ChainedSecurityLog,
    private readonly directoryService: DirectoryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Security events, newest first, filtered and paginated (安全审计日志)' })
  async list(@Query() q: SecurityLogRequest) {
    const from = q.from === undefined ? undefined : new Date(q.from).toISOString();
    const to = q.to === undefined ? undefined : new Date(q.to).toISOString();
    if (from && to && from > to) throw new ValidationError([{ field: 'to', message: 'must not be before from', messageZh: '截止时刻不能早于起始时刻' }]);
    const [page, directory] = await Promise.all([this.store.page({ kind: q.kind, actor: q.actor, caseId: q.caseId?.toLowerCase(), from, to, page: q.page, pageSize: q.pageSize }), this.directoryService.current()]);
    return { items: page.items.map((r) => present(r, directory)), total: page.total, page: q.page, pageSize: q.pageSize };
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the security log’s hash chains and name the first broken link (安全日志校验)' })
  verify(): Promise<SecurityVerifyResult> {
    return this.log.verify();
  }
}

function present(r: SecurityEventRecord, directory: Directory) {
  const name = (id: string | null) => (id ? (directory.user(id)?.displayName ?? null) : null);
  return {
    at: r.at,
    kind: r.kind,
    kindLabel: SECURITY_EVENT_KINDS[r.kind as SecurityEventKind] ?? r.kind,
    actor: { id: r.actorId, username: r.username, name: r.actorId === 'system' ? '系统' : name(r.actorId) },
    ip: r.ip,
    caseId: r.caseId,
    subject: r.subjectId ? { id: r.subjectId, name: name(r.subjectId) } : null,
    detail: r.detail,
    chain: { key: r.chainKey, seq: r.seq, hash: r.hash },
  };
}
