import { randomUUID } from 'node:crypto';
import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { SecurityLog } from '@app/audit';
import { CATEGORIES } from '@app/cases';
import { DirectoryService, type Viewer } from '@app/organisations';
import { Clock, NotFoundError, ValidationError } from '@app/shared';
import { SubsidyClaims, SubsidyStore, statementCsv, statementXlsx, tariffErrors, toFen, toYuan, type TariffRules } from '@app/subsidy';
import { WorkflowRegistry } from '@app/workflow';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { Roles } from '../auth/roles.decorator';
import { ClientIp } from '../http/client-ip';
import { ApiProblems } from '../http/openapi/api-problems.decorator';
import {
  BudgetRequest,
  ClaimEventRequest,
  ClaimListQuery,
  CreateClaimRequest,
  EligibilityQuery,
  FilingRequest,
  SpotCheckRequest,
  StatementQuery,
  SuspendMediatorRequest,
  TariffRequest,
} from './subsidy.requests';

const YEAR = /^(20|21)\d{2}$/;

@ApiTags('subsidy 以案定补')
@ApiBearerAuth()
@Controller('subsidy')
export class SubsidyController {
  constructor(
    private readonly claims: SubsidyClaims,
    private readonly store: SubsidyStore,
    private readonly registry: WorkflowRegistry,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
    private readonly securityLog: SecurityLog,
  ) {}

  // ---------- tariffs, budgets, filings ----------

  @Get('tariffs')
  @Roles('AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Tariff versions per region and year (以案定补标准)' })
  tariffs(@CurrentViewer() viewer: Viewer) {
    return this.store.tariffs(viewer.roles.includes('ADMIN') ? undefined : viewer.regionCode);
  }

  @Post('tariffs')
  @HttpCode(201)
  @Roles('AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Add a tariff version for a region and year; the newest version applies to claims made after it (新增补贴标准版本)' })
  async addTariff(@CurrentViewer() viewer: Viewer, @Body() body: TariffRequest) {
    const directory = await this.directory.current();
    if (!directory.region(body.regionCode) || !body.regionCode.startsWith(viewer.regionCode)) {
      throw new ValidationError([{ field: 'regionCode', message: 'is not a region in your jurisdiction', messageZh: '不属于本单位管辖的地区' }]);
    }
    const errors = tariffErrors(body.rules, this.registry.list().map((d) => d.id), Object.keys(CATEGORIES));
    if (errors.length) throw new ValidationError(errors);
    return this.store.addTariff({ id: randomUUID(), regionCode: body.regionCode, year: body.year, rules: body.rules as unknown as TariffRules, createdAt: this.clock.now().toISOString(), createdBy: viewer.userId });
  }

  @Get('budgets')
  @Roles('AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Annual budgets with committed, paid and remaining (年度预算)' })
  async budgets(@CurrentViewer() viewer: Viewer) {
    const rows = await this.store.budgets(viewer.roles.includes('ADMIN') ? undefined : viewer.regionCode);
    return rows.map((b) => ({ regionCode: b.regionCode, year: b.year, total: toYuan(b.totalFen), committed: toYuan(b.committedFen), paid: toYuan(b.paidFen), remaining: toYuan(b.totalFen - b.committedFen) }));
  }

  @Put('budgets/:regionCode/:year')
  @Roles('AUDITOR')
  @ApiOperation({ summary: 'Set a region’s budget for a year; claims waiting for budget are then committed, oldest first (设定年度预算)' })
  async setBudget(@CurrentViewer() viewer: Viewer, @Param('regionCode') regionCode: string, @Param('year') year: string, @Body() body: BudgetRequest) {
    const directory = await this.directory.current();
    if (!directory.region(regionCode) || !regionCode.startsWith(viewer.regionCode)) {
      throw new ValidationError([{ field: 'regionCode', message: 'is not a region in your jurisdiction', messageZh: '不属于本单位管辖的地区' }]);
    }
    if (!YEAR.test(year)) throw new ValidationError([{ field: 'year', message: 'must be a year such as 2025', messageZh: '须为年份，如 2025' }]);
    const committed = (await this.store.budgets(regionCode)).find((b) => b.regionCode === regionCode && b.year === Number(year))?.committedFen ?? 0;
    if (toFen(body.total) < committed) {
      throw new ValidationError([{ field: 'total', message: `must be at least the ${toYuan(committed)} yuan already committed`, messageZh: `不能少于已核定的${toYuan(committed)}元` }]);
    }
    return this.claims.setBudget(regionCode, Number(year), body.total);
  }

  @Put('filings/:userId')
  @Roles('AUDITOR')
  @ApiOperation({ summary: 'Record that a mediator is filed (备案) with the 司法行政 system (调解员备案)' })
  async setFiling(@CurrentViewer() viewer: Viewer, @Param('userId') userId: string, @Body() body: FilingRequest) {
    const directory = await this.directory.current();
    const user = directory.user(userId);
    if (!user || !user.roles.includes('MEDIATOR')) throw new NotFoundError('Mediator', '调解员', userId);
    await this.store.setFiling({ userId, filingNo: body.filingNo, filedOn: body.filedOn, recordedBy: viewer.userId, recordedAt: this.clock.now().toISOString() });
    return this.store.filing(userId);
  }

  // ---------- claims ----------

  @Get('eligibility')
  @Roles('MEDIATOR', 'COMMITTEE_DIRECTOR', 'JUSTICE_STATION_OFFICER', 'AUDITOR')
  @ApiOperation({ summary: 'Whether a case could be claimed now, and why not (补贴条件核验)' })
  eligibility(@CurrentViewer() viewer: Viewer, @Query() q: EligibilityQuery) {
    return this.claims.eligibility(viewer, q.caseId, q.presenceEvidence);
  }

  @Post('claims')
  @HttpCode(201)
  @Roles('MEDIATOR')
  @ApiOperation({ summary: 'Claim the subsidy for a case one mediated; 409 with the reasons when it is not eligible (调解员申报)' })
  @ApiProblems(409)
  create(@CurrentViewer() viewer: Viewer, @Body() body: CreateClaimRequest) {
    return this.claims.create(viewer, body);
  }

  @Get('claims')
  @Roles('MEDIATOR', 'COMMITTEE_DIRECTOR', 'JUSTICE_STATION_OFFICER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'Claims the caller may see, with their fraud flags (补贴申请列表)' })
  list(@CurrentViewer() viewer: Viewer, @Query() q: ClaimListQuery) {
    return this.claims.list(viewer, q);
  }

  @Get('claims/:id')
  @Roles('MEDIATOR', 'COMMITTEE_DIRECTOR', 'JUSTICE_STATION_OFFICER', 'AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'One claim: its state, amount, live eligibility (and why not), fraud flags and the steps open to the caller' })
  view(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.claims.view(viewer, id);
  }

  @Post('claims/:id/events')
  @HttpCode(200)
  @Roles('MEDIATOR', 'COMMITTEE_DIRECTOR', 'JUSTICE_STATION_OFFICER', 'AUDITOR')
  @ApiOperation({ summary: 'One step of the review chain, applied as an audited event of the claim’s case (审核环节)' })
  act(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Body() body: ClaimEventRequest) {
    return this.claims.act(viewer, id, body.type, body.data ?? {});
  }

  @Post('mediators/:userId/suspend')
  @HttpCode(200)
  @Roles('AUDITOR')
  @ApiOperation({ summary: 'Suspend every current claim of a mediator after a fake file was found (平湖 rule)' })
  async suspend(@CurrentViewer() viewer: Viewer, @Param('userId') userId: string, @Body() body: SuspendMediatorRequest) {
    return { suspended: await this.claims.suspendMediator(viewer, userId, body.reason, body.relatedClaimId) };
  }

  @Post('spot-checks')
  @HttpCode(201)
  @Roles('AUDITOR')
  @ApiOperation({ summary: 'Draw the spot-check sample among claims at bureau review: risky ones plus a seeded random share (抽查回访)' })
  drawSpotCheck(@CurrentViewer() viewer: Viewer, @Body() body: SpotCheckRequest) {
    return this.claims.drawSpotCheck(viewer, body);
  }

  @Get('spot-checks/:id')
  @Roles('AUDITOR', 'ADMIN')
  @ApiOperation({ summary: 'A recorded draw, drawn again from its seed: `reproduced` says whether the sample is the same' })
  spotCheck(@CurrentViewer() viewer: Viewer, @Param('id') id: string) {
    return this.claims.spotCheck(viewer, id);
  }

  // ---------- statements ----------

  @Get('statements')
  @Roles('AUDITOR', 'ADMIN')
  @ApiProduces('application/json', 'text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The statement of approved claims of an organisation over a period; `Accept: text/csv` or `?format=xlsx` for a file (结算单)' })
  async statement(
    @CurrentViewer() viewer: Viewer,
    @Query() q: StatementQuery,
    @Headers('accept') accept: string | undefined,
    @ClientIp() ip: string | null,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    if (q.from > q.to) throw new ValidationError([{ field: 'to', message: 'must not be before from', messageZh: '结束日期不能早于开始日期' }]);
    const statement = await this.claims.statement(viewer, q);
    const format = q.format ?? (accept?.includes('text/csv') ? 'csv' : 'json');
    if (format === 'json') return statement;
    const name = `subsidy-statement-${q.orgId}-${q.from}-${q.to}.${format}`;
    await this.securityLog.record({ kind: 'EXPORT', actorId: viewer.userId, username: viewer.username, ip, detail: { export: name, lines: statement.lines.length } });
    reply.header('content-disposition', `attachment; filename="${name}"`);
    if (format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8');
      return statementCsv(statement);
    }
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return statementXlsx(statement);
  }
}
