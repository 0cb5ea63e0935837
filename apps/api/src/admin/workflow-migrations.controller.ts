import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { MigrateCasesCommand, type MigrationReport } from '@app/cases';
import type { Viewer } from '@app/organisations';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { Roles } from '../auth/roles.decorator';
import { MigrationReportResponse, MigrationRequest } from './workflow-migrations.requests';

const BAD_INPUT = '版本号不是整数、原版本或目标版本未登记、目标版本不晚于原版本，或未声明这两个版本之间的迁移：problem details 的 errors 逐项指明 fromVersion / toVersion。';

/**
 * Moving the open cases of a workflow version to a later version, for administrators: a dry run first (which cases
 * would move where, which cannot and why), then the migration, each case in its own transaction with one audit entry.
 */
@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/workflows/:id/migrations')
export class AdminWorkflowMigrationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('preview')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Dry run of a migration over every case of the version: which would move, to which state, and which cannot and why (迁移预览)',
    description: '不写入任何数据。已结案的案件保留在原版本，列为不迁移。',
  })
  @ApiParam({ name: 'id', example: 'jc', description: '流程 id' })
  @ApiOkResponse({ type: MigrationReportResponse })
  @ApiBadRequestResponse({ description: BAD_INPUT })
  @ApiForbiddenResponse({ description: '只有系统管理员可以迁移案件' })
  @ApiNotFoundResponse({ description: '流程未登记' })
  preview(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() body: MigrationRequest): Promise<MigrationReport> {
    return this.commands.execute(new MigrateCasesCommand(viewer, id, body.fromVersion, body.toVersion, true));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Migrate every open case of the version, each in its own transaction with a MIGRATE audit entry; cases changed meanwhile are reported, not moved (迁移案件)',
    description: '每个案件单独提交：按版本号条件更新案件（流程版本、状态、上下文、版本号、哈希链头），写入一条 MIGRATE 办理记录，关闭新版本不再计算的期限、开始新版本在该状态规定的期限。',
  })
  @ApiParam({ name: 'id', example: 'jc', description: '流程 id' })
  @ApiOkResponse({ type: MigrationReportResponse })
  @ApiBadRequestResponse({ description: BAD_INPUT })
  @ApiForbiddenResponse({ description: '只有系统管理员可以迁移案件' })
  @ApiNotFoundResponse({ description: '流程未登记' })
  migrate(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() body: MigrationRequest): Promise<MigrationReport> {
    return this.commands.execute(new MigrateCasesCommand(viewer, id, body.fromVersion, body.toVersion, false));
  }
}
