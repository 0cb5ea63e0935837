import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { DirectoryRepository, DirectoryService, ORG_TYPE_LABELS, OrganisationNameTakenError, type Directory, type Organisation } from '@app/organisations';
import { ValidationError, type FieldError } from '@app/shared';
import { Roles } from '../auth/roles.decorator';
import { CreateOrganisationRequest } from './organisations.requests';

/** The organisation tree, for administrators: every organisation with its place in the tree, and adding one. */
@ApiTags('admin 系统管理')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/organisations')
export class AdminOrganisationsController {
  constructor(
    private readonly repository: DirectoryRepository,
    private readonly directoryService: DirectoryService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Every organisation with its region, supervising organisation and number of active users (单位列表)' })
  async list() {
    this.directoryService.invalidate();
    const directory = await this.directoryService.current();
    return directory.organisations.map((o) => present(o, directory));
  }

  @Post()
  @ApiOperation({ summary: 'Create an organisation in a region, under a supervising organisation (新建单位)' })
  async create(@Body() body: CreateOrganisationRequest) {
    const directory = await this.directoryService.current();
    const errors: FieldError[] = [];
    const parent = body.parentId ? directory.org(body.parentId) : undefined;
    if (!directory.region(body.regionCode)) errors.push({ field: 'regionCode', message: 'is not a registered region', messageZh: '行政区划不存在' });
    if (body.parentId && !parent) errors.push({ field: 'parentId', message: 'is not an organisation', messageZh: '上级单位不存在' });
    // Supervision follows the division tree: a township committee guides the villages inside its township.
    if (parent && directory.region(body.regionCode) && !directory.regionWithin(body.regionCode, parent.regionCode)) {
      errors.push({ field: 'regionCode', message: 'must lie within the parent organisation’s region', messageZh: '所在地区须在上级单位的辖区内' });
    }
    if (errors.length) throw new ValidationError(errors);
    if (directory.organisations.some((o) => o.name === body.name)) throw new OrganisationNameTakenError('name', body.name);
    if (directory.organisations.some((o) => o.shortName === body.shortName)) throw new OrganisationNameTakenError('shortName', body.shortName);

    const org: Organisation = { id: `org-${randomUUID()}`, name: body.name, shortName: body.shortName, type: body.type, regionCode: body.regionCode, parentId: parent?.id ?? null };
    await this.repository.createOrganisation(org);
    await this.directoryService.changed();
    return present(org, await this.directoryService.current());
  }
}

function present(org: Organisation, directory: Directory) {
  const parent = org.parentId ? directory.org(org.parentId) : undefined;
  return {
    id: org.id,
    name: org.name,
    shortName: org.shortName,
    type: org.type,
    typeLabel: ORG_TYPE_LABELS[org.type],
    regionCode: org.regionCode,
    regionName: directory.region(org.regionCode)?.name ?? org.regionCode,
    parentId: org.parentId,
    parentName: parent?.name ?? null,
    activeUsers: directory.usersOf(org.id).length,
  };
}
