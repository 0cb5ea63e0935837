import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '@app/shared';
import { OPENING_ROLES, QUEUES, ROLE_LABELS, RouteTable, WorkflowRegistry, describeWorkflow } from '@app/workflow';

@ApiTags('workflows 流程')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(
    private readonly registry: WorkflowRegistry,
    private readonly routes: RouteTable,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every workflow (legal channel) the engine runs (流程列表)' })
  list() {
    return this.registry.list().map((d) => ({ id: d.id, version: d.version, title: d.title, titleEn: d.titleEn, legalBasis: d.legalBasis }));
  }

  @Get('channels')
  @ApiOperation({ summary: 'What each channel declares for the console: who opens its cases, its work queues (渠道与工作队列)' })
  channels() {
    return {
      openingRoles: OPENING_ROLES,
      channels: this.registry.list().map((d) => ({
        id: d.id,
        title: d.title,
        openRoles: d.openRoles,
        handlingOrgTypes: d.manifest.handlingOrgTypes,
        caseNumberKind: d.manifest.caseNumberKind,
        queues: QUEUES.filter((q) => q.workflow === d.id).map(({ workflow: _w, workflowTitle: _t, ...q }) => q),
      })),
    };
  }

  @Get(':id')
  @ApiOperation({ summary: 'One workflow: states, events with roles and data schemas, deadlines, and a Mermaid diagram (流程定义)' })
  @ApiQuery({ name: 'version', required: false })
  get(@Param('id') id: string, @Query('version') version?: string) {
    if (version !== undefined && !/^\d+$/.test(version)) throw new ValidationError([{ field: 'version', message: 'must be a whole number', messageZh: '必须是整数' }]);
    const def = version === undefined ? this.registry.latest(id) : this.registry.get(id, Number(version));
    const description = describeWorkflow(def);
    return {
      ...description,
      events: description.events.map((e) => ({ ...e, roleLabels: e.roles.map((r) => ROLE_LABELS[r]) })),
      openRoles: def.openRoles,
      openingSchema: def.openingSchema ?? null,
      manifest: def.manifest,
      versions: this.registry.versions(def.id).map((v) => ({ version: v.version, title: v.title, latest: v.version === this.registry.latest(def.id).version })),
      routes: {
        in: this.routes.into(def.id).map((r) => ({ id: r.id, label: r.label, from: r.from })),
        out: this.routes.outOf(def.id).map((r) => ({ id: r.id, label: r.label, to: r.to })),
      },
    };
  }
}
