import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { GetRiskRegisterQuery, GetSupervisionQuery, ListRiskSweepsQuery, RecordRiskSweepCommand, type RiskRegisterView, type RiskSweep, type SupervisionView } from '@app/cases';
import type { Viewer } from '@app/organisations';
import { NotFoundError } from '@app/shared';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { RecordRiskSweepRequest, RiskRegionQuery } from './risk.requests';

@ApiTags('risk 风险研判与跟踪督办')
@ApiBearerAuth()
@Controller()
export class RiskController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get('disputes/:code/supervision')
  @ApiOperation({ summary: 'The cases a 综治中心 dispatched for one dispute, with their running and missed deadlines (跟踪督办)' })
  supervision(@CurrentViewer() viewer: Viewer, @Param('code') code: string): Promise<SupervisionView> {
    if (!/^[A-Z0-9-]{1,40}$/.test(code)) throw new NotFoundError('Dispute', '纠纷', code);
    return this.queries.execute(new GetSupervisionQuery(viewer, code));
  }

  @Get('risk/register')
  @ApiOperation({ summary: 'The open high-risk (RED, ORANGE) disputes of a region (矛盾纠纷风险台账)' })
  register(@CurrentViewer() viewer: Viewer, @Query() q: RiskRegionQuery): Promise<RiskRegisterView> {
    return this.queries.execute(new GetRiskRegisterQuery(viewer, q.regionCode));
  }

  @Get('risk/sweeps')
  @ApiOperation({ summary: 'The screening sweeps of a region, newest first (矛盾纠纷排查记录)' })
  sweeps(@CurrentViewer() viewer: Viewer, @Query() q: RiskRegionQuery): Promise<RiskSweep[]> {
    return this.queries.execute(new ListRiskSweepsQuery(viewer, q.regionCode));
  }

  @Post('risk/sweeps')
  @ApiOperation({ summary: 'Record a screening sweep: who, when, where, what was found (记录矛盾纠纷排查)' })
  recordSweep(@CurrentViewer() viewer: Viewer, @Body() body: RecordRiskSweepRequest): Promise<RiskSweep> {
    return this.commands.execute(new RecordRiskSweepCommand(viewer, body));
  }
}
