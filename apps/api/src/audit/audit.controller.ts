import { Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SecurityLog, VerifyAuditQuery } from '@app/audit';
import type { Viewer } from '@app/organisations';
import { NotFoundError, ValidationError } from '@app/shared';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { Roles } from '../auth/roles.decorator';
import { ClientIp } from '../http/client-ip';
import { CheckpointService } from './checkpoint.service';
import { ApiProblems } from '../http/openapi/api-problems.decorator';

@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly queries: QueryBus,
    private readonly checkpoints: CheckpointService,
    private readonly securityLog: SecurityLog,
  ) {}

  @Get('verify')
  @Roles('ADMIN', 'AUDITOR')
  @ApiOperation({ summary: 'Recompute the audit hash chains and report the first broken entry (审计链校验)' })
  @ApiQuery({ name: 'caseId', required: false })
  verify(@Query('caseId') caseId?: string) {
    if (caseId !== undefined && !/^[0-9a-f-]{36}$/i.test(caseId)) throw new ValidationError([{ field: 'caseId', message: 'must be a case id', messageZh: '不是有效的案件编号' }]);
    return this.queries.execute(new VerifyAuditQuery(caseId));
  }

  @Get('export')
  @Roles('ADMIN', 'AUDITOR')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({ summary: 'Every audit entry and signed checkpoint as NDJSON, for `npm run audit:verify` offline (审计导出)' })
  async export(@CurrentViewer() viewer: Viewer, @ClientIp() ip: string | null, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.header('content-type', 'application/x-ndjson; charset=utf-8').header('content-disposition', 'attachment; filename="audit-export.ndjson"');
    const lines = await this.checkpoints.exportLines();
    await this.securityLog.record({ kind: 'EXPORT', actorId: viewer.userId, username: viewer.username, ip, detail: { export: 'audit-export.ndjson', lines: lines.length } });
    return `${lines.join('\n')}\n`;
  }

  @Get('checkpoints')
  @Roles('ADMIN', 'AUDITOR')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({ summary: 'The signed checkpoints alone, one per line, for the auditor to keep (审计检查点)' })
  async list(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    reply.header('content-type', 'application/x-ndjson; charset=utf-8');
    return (await this.checkpoints.list()).map((checkpoint) => `${JSON.stringify({ checkpoint })}\n`).join('');
  }

  @Post('checkpoints')
  @HttpCode(201)
  @Roles('ADMIN')
  @ApiOperation({ summary: 'Write a signed checkpoint now, besides the scheduled ones; 409 when no key is configured (生成检查点)' })
  @ApiProblems(409)
  write() {
    return this.checkpoints.write();
  }

  @Get('checkpoints/public-key')
  @Roles('ADMIN', 'AUDITOR')
  @ApiOperation({ summary: 'The public key checkpoints verify with (Ed25519 or SM2), as SPKI PEM (检查点公钥)' })
  publicKey() {
    const key = this.checkpoints.publicKey();
    if (!key) throw new NotFoundError('Checkpoint public key', '检查点公钥', '(FENGQIAO_CHECKPOINT_KEY is not set)');
    return key;
  }
}
