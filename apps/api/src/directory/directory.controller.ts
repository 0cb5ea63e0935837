import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DirectoryService, ORG_TYPE_LABELS, REGION_LEVEL_LABELS, type OrgType, type Viewer } from '@app/organisations';
import { ValidationError } from '@app/shared';
import { ROLE_LABELS, isUserRole } from '@app/workflow';
import { CurrentViewer } from '../auth/current-viewer.decorator';

@ApiTags('directory 组织机构')
@ApiBearerAuth()
@Controller()
export class DirectoryController {
  constructor(private readonly directoryService: DirectoryService) {}

  @Get('regions')
  @ApiOperation({ summary: 'The region tree the caller may act in (本单位辖区)' })
  async regions(@CurrentViewer() viewer: Viewer) {
    const directory = await this.directoryService.current();
    const root = viewer.roles.includes('ADMIN') ? (directory.regions.find((r) => r.parentCode === null)?.code ?? '') : viewer.regionCode;
    return directory.regionSubtree(root).map((r) => ({ code: r.code, name: r.name, level: r.level, levelLabel: REGION_LEVEL_LABELS[r.level], parentCode: r.parentCode }));
  }

  @Get('organisations')
  @ApiOperation({ summary: 'Organisations, optionally of one type, e.g. BASIC_COURT for choosing the confirming court (单位列表)' })
  @ApiQuery({ name: 'type', required: false, enum: Object.keys(ORG_TYPE_LABELS) })
  async organisations(@Query('type') type?: string) {
    if (type !== undefined && !(type in ORG_TYPE_LABELS)) {
      throw new ValidationError([{ field: 'type', message: `must be one of ${Object.keys(ORG_TYPE_LABELS).join(', ')}`, messageZh: '不是有效的单位类型' }]);
    }
    const directory = await this.directoryService.current();
    return directory.organisations
      .filter((o) => !type || o.type === type)
      .map((o) => ({ id: o.id, name: o.name, type: o.type, typeLabel: ORG_TYPE_LABELS[o.type as OrgType], regionCode: o.regionCode, parentId: o.parentId }));
  }

  @Get('organisations/mine/users')
  @ApiOperation({ summary: 'Active users of the caller’s organisation, optionally with one role, e.g. MEDIATOR (本单位人员)' })
  @ApiQuery({ name: 'role', required: false })
  async myUsers(@CurrentViewer() viewer: Viewer, @Query('role') role?: string) {
    if (role !== undefined && !isUserRole(role)) throw new ValidationError([{ field: 'role', message: 'is not a role', messageZh: '不是有效的角色' }]);
    const directory = await this.directoryService.current();
    return directory.usersOf(viewer.orgId, role).map((u) => ({ id: u.id, displayName: u.displayName, roles: u.roles, roleLabels: u.roles.map((r) => ROLE_LABELS[r]) }));
  }
}
