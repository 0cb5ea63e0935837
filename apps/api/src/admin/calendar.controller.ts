import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NoticeText } from '@app/calendar';
import { CalendarImporter, readNoticeText, type CalendarImportResult } from '@app/deadlines';
import type { Viewer } from '@app/organisations';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { Roles } from '../auth/roles.decorator';
import { ReadNoticeRequest } from './calendar.requests';

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

  @Post('notice')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Read the text of a State Council holiday notice into the import shape, without importing it (识别节假日安排通知)',
    description:
      '把通知原文（“一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。”）读成导入用的一个年度：{ year, source, holidays: { 元旦: [...] }, makeupWorkdays: [...], notes }。核对每个日期后的星期与“共N天”；有误时 400，每条错误指明行号、节日和日期。不保存任何内容。',
  })
  readNotice(@Body() body: ReadNoticeRequest): NoticeText {
    return readNoticeText(body.text);
  }
}
