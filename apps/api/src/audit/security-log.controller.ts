import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ChainedSecurityLog, SECURITY_EVENT_KINDS, SecurityEventStore, type SecurityEventKind, type SecurityEventRecord, type SecurityVerifyResult } from '@app/audit';
import { DirectoryService, type Directory, type Viewer } from '@app/organisations';
import { ValidationError } from '@app/shared';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { Roles } from '../auth/roles.decorator';
import { ClientIp } from '../http/client-ip';
import { CheckpointService } from './checkpoint.service';
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
    private readonly checkpoints: CheckpointService,
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

  @Get('export')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({ summary: 'Every security event, chain head and signed checkpoint as NDJSON, for `npm run audit:verify` offline (安全日志导出)' })
  async export(@CurrentViewer() viewer: Viewer, @ClientIp() ip: string | null, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('content-disposition', 'attachment; filename="security-log-export.ndjson"');
    const lines = await this.checkpoints.securityExportLines();
    await this.log.record({ kind: 'EXPORT', actorId: viewer.userId, username: viewer.username, ip, detail: { export: 'security-log-export.ndjson', lines: lines.length } });
    return `${lines.join('\n')}\n`;
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
