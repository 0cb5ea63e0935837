import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListDeadlinesQuery } from '@app/cases';
import { CalendarService } from '@app/deadlines';
import type { Viewer } from '@app/organisations';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { ListDeadlinesRequest } from './deadline.requests';

@ApiTags('deadlines 法定期限')
@ApiBearerAuth()
@Controller()
export class DeadlinesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly calendar: CalendarService,
  ) {}

  @Get('deadlines')
  @ApiOperation({
    summary: 'Deadlines across the cases the caller may see, e.g. the overdue list of an organisation and those it supervises (期限与督办列表)',
    description: '机构用户看到本单位及其指导的下级单位的期限；管理员看到全部；审核员看到本辖区。orgId 限定为该单位及其下级单位。',
  })
  list(@CurrentViewer() viewer: Viewer, @Query() q: ListDeadlinesRequest) {
    return this.queries.execute(
      new ListDeadlinesQuery(viewer, { status: q.status, overdue: q.overdue, dueWithinDays: q.dueWithinDays, perCase: q.perCase, orgId: q.orgId, caseId: q.caseId?.toLowerCase(), page: q.page, pageSize: q.pageSize }),
    );
  }

  @Get('calendar/years')
  @ApiOperation({ summary: 'Years of the holiday calendar in force, with the notice each came from (已载入的节假日安排)' })
  years() {
    return this.calendar.yearsInfo();
  }
}
