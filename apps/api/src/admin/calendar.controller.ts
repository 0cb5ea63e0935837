import { Body, Controller, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CalendarImporter, type CalendarImportResult } from '@app/deadlines';
import type { Viewer } from '@app/organisations';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { Roles } from '../auth/roles.decorator';

@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/calendar')
export class AdminCalendarController {
  constructor(private readonly importer: CalendarImporter) {}

  @Post()
  @ApiOperation({
    summary: 'Import State Council holiday notices (the holidays-cn.json shape) and recompute the pending deadlines they affect (导入节假日安排)',
    description: '请求体与 holidays-cn.json 相同：{ "years": { "2027": { "source": "国务院办公厅关于2027年部分节假日安排的通知 …", "holidays": { "春节": ["2027-02-06", …] }, "makeupWorkdays": […] } } }。同一年度再次导入即替换。',
  })
  @ApiBody({ schema: { type: 'object', required: ['years'], properties: { years: { type: 'object', additionalProperties: true } } } })
  import(@CurrentViewer() viewer: Viewer, @Body() body: unknown): Promise<CalendarImportResult> {
    return this.importer.import(body, viewer.userId);
  }
}
