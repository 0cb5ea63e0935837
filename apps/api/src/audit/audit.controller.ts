import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { VerifyAuditQuery } from '@app/audit';
import { ValidationError } from '@app/shared';
import { Roles } from '../auth/roles.decorator';

@ApiTags('audit 审计')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('verify')
  @Roles('ADMIN', 'AUDITOR')
  @ApiOperation({ summary: 'Recompute the audit hash chains and report the first broken entry (审计链校验)' })
  @ApiQuery({ name: 'caseId', required: false })
  verify(@Query('caseId') caseId?: string) {
    if (caseId !== undefined && !/^[0-9a-f-]{36}$/i.test(caseId)) throw new ValidationError([{ field: 'caseId', message: 'must be a case id', messageZh: '不是有效的案件编号' }]);
    return this.queries.execute(new VerifyAuditQuery(caseId));
  }
}
