import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListEscalatedDeadlinesQuery, ListUnassignedCasesQuery, type UnassignedCaseList, type EscalatedDeadlineList } from '@app/cases';
import type { Viewer } from '@app/organisations';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { QueuePageRequest } from './queues.requests';
import { EscalatedDeadlinePageResponse, UnassignedCasePageResponse } from './queues.responses';

@ApiTags('queues 工作队列')
@ApiBearerAuth()
@Controller('queues')
export class QueuesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('unassigned')
  @ApiOperation({
    summary: 'Open cases of the caller’s organisation with no assignee yet (待分配)',
    description: '承办单位的负责人（分配、改派）和具有承办角色的人员（认领）可见；管理员看到全部单位的。',
  })
  @ApiOkResponse({ type: UnassignedCasePageResponse })
  @ApiForbiddenResponse({ description: '不是负责人或承办人员' })
  unassigned(@CurrentViewer() viewer: Viewer, @Query() q: QueuePageRequest): Promise<UnassignedCaseList> {
    return this.queries.execute(new ListUnassignedCasesQuery(viewer, q.page, q.pageSize));
  }

  @Get('escalated')
  @ApiOperation({
    summary: 'Missed deadlines still running in open cases of the organisations below the caller’s, most overdue first (督办清单)',
    description: '上级单位的负责人看到其下级单位（整个下级树，不含本单位）的逾期期限：案件、单位、期限、逾期日数；管理员看到全部。',
  })
  @ApiOkResponse({ type: EscalatedDeadlinePageResponse })
  @ApiForbiddenResponse({ description: '不是负责人' })
  escalated(@CurrentViewer() viewer: Viewer, @Query() q: QueuePageRequest): Promise<EscalatedDeadlineList> {
    return this.queries.execute(new ListEscalatedDeadlinesQuery(viewer, q.page, q.pageSize));
  }
}
