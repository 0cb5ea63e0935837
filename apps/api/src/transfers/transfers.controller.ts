import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { GetDisputeQuery, GetInboxQuery, type DisputeView, type InboxView } from '@app/cases';
import type { Viewer } from '@app/organisations';
import { NotFoundError } from '@app/shared';
import { RouteTable, WorkflowRegistry } from '@app/workflow';
import { CurrentViewer } from '../auth/current-viewer.decorator';

class PageRequest {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 100000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 20;
}

@ApiTags('transfers 移送与一案一码')
@ApiBearerAuth()
@Controller()
export class TransfersController {
  constructor(
    private readonly queries: QueryBus,
    private readonly routes: RouteTable,
    private readonly registry: WorkflowRegistry,
  ) {}

  @Get('routes')
  @ApiOperation({ summary: 'The routing rules between channels (诉调对接路由表)' })
  list() {
    return this.routes.rules.map((r) => ({
      id: r.id,
      label: r.label,
      legalBasis: r.legalBasis,
      from: { workflow: r.from.workflow, event: r.from.event, eventLabel: this.registry.latest(r.from.workflow).events[r.from.event]?.label ?? r.from.event, ...(r.when ? { when: r.when } : {}) },
      to: { workflow: r.to.workflow, workflowTitle: this.registry.latest(r.to.workflow).title, orgType: r.to.orgTypes[0], orgTypes: r.to.orgTypes, orgField: r.to.orgField },
      carries: { input: r.input ?? {}, start: r.start ?? null, dossier: r.dossier },
      outcomes: r.up,
      signals: r.down ?? {},
    }));
  }

  @Get('inbox')
  @ApiOperation({ summary: 'Transfers waiting for the caller’s organisation to sign for or return (收案箱：待签收)' })
  inbox(@CurrentViewer() viewer: Viewer, @Query() q: PageRequest): Promise<InboxView> {
    return this.queries.execute(new GetInboxQuery(viewer, q.page, q.pageSize));
  }

  @Get('disputes/:code')
  @ApiOperation({ summary: 'One dispute across channels: its cases and transfers, as far as the caller may see (一案一码)' })
  dispute(@CurrentViewer() viewer: Viewer, @Param('code') code: string): Promise<DisputeView> {
    if (!/^[A-Z0-9-]{1,40}$/.test(code)) throw new NotFoundError('Dispute', '纠纷', code);
    return this.queries.execute(new GetDisputeQuery(viewer, code));
  }
}
