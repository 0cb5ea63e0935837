import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CaseStatistics, type MonthlyReportView, type StatisticsView } from '@app/cases';
import type { Viewer } from '@app/organisations';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { Roles } from '../auth/roles.decorator';
import { MonthlyReportRequest, StatisticsRequest } from './statistics.requests';
import { monthlyReportWorkbook, statisticsWorkbook } from './statistics.workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function sendWorkbook(reply: FastifyReply, body: Buffer, filename: string): Buffer {
  reply.header('content-type', XLSX).header('content-disposition', `attachment; filename="statistics.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`);
  return body;
}

@ApiTags('statistics 统计')
@ApiBearerAuth()
@Controller('statistics')
export class StatisticsController {
  constructor(private readonly statistics: CaseStatistics) {}

  @Get()
  @Roles('ADMIN', 'AUDITOR', 'COMMITTEE_DIRECTOR')
  @ApiProduces('application/json', XLSX)
  @ApiOperation({ summary: 'Cases of a region and period by region, channel, category and source, with success, performance, duration, missed deadlines, transfers and satisfaction (统计分析)' })
  async figures(@CurrentViewer() viewer: Viewer, @Query() query: StatisticsRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<StatisticsView | Buffer> {
    const view = await this.statistics.report(viewer, query);
    if (query.format !== 'xlsx') return view;
    return sendWorkbook(reply, await statisticsWorkbook(view), `${view.region.name}统计${view.from}至${view.to}.xlsx`);
  }

  @Get('monthly-report')
  @Roles('ADMIN', 'AUDITOR', 'COMMITTEE_DIRECTOR')
  @ApiProduces('application/json', XLSX)
  @ApiOperation({ summary: 'The monthly 人民调解 statistics by organisation level, in the layout reported upward (人民调解统计月报)' })
  async monthly(@CurrentViewer() viewer: Viewer, @Query() query: MonthlyReportRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<MonthlyReportView | Buffer> {
    const view = await this.statistics.monthlyReport(viewer, query);
    if (query.format !== 'xlsx') return view;
    return sendWorkbook(reply, await monthlyReportWorkbook(view), `${view.region.name}人民调解统计月报${view.month}.xlsx`);
  }
}
