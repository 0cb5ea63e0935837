import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ROLE_LABELS, ValidationError } from '@app/shared';
import { describeWorkflow, WorkflowRegistry } from '@app/workflow';

@ApiTags('workflows 流程')
@ApiBearerAuth()
@Controller('workflows')
export class WorkflowsController {
  constructor(private readonly registry: WorkflowRegistry) {}

  @Get()
  @ApiOperation({ summary: 'Every workflow (legal channel) the engine runs (流程列表)' })
  list() {
    return this.registry.list().map((d) => ({ id: d.id, version: d.version, title: d.title, titleEn: d.titleEn, legalBasis: d.legalBasis }));
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
    };
  }
}
