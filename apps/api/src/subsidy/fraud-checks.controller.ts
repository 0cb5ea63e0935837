import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock, ValidationError } from '@app/shared';
import { FraudChecks } from '@app/subsidy';
import { Roles } from '../auth/roles.decorator';
import { FraudChecksRequest } from './fraud-checks.requests';

/**
 * The fraud checks beside a batch of claimed cases (spec §9 "Known abuse"). They only flag, with the evidence; the
 * reviewer decides. A read: nothing is recorded, so the same request for the same `asOf` answers the same.
 */
@ApiTags('subsidy 以案定补')
@ApiBearerAuth()
@Roles('AUDITOR', 'ADMIN')
@Controller('subsidy/fraud-checks')
export class FraudChecksController {
  constructor(
    private readonly checks: FraudChecks,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'Fraud flags with their evidence for each claimed people’s-mediation case (以案定补 疑点核查)' })
  async check(@Body() body: FraudChecksRequest) {
    const asOf = body.asOf === undefined ? this.clock.now() : new Date(body.asOf);
    // ISO-8601 allows instants beyond what a Date can hold.
    if (Number.isNaN(asOf.getTime())) throw new ValidationError([{ field: 'asOf', message: 'is out of range', messageZh: '时刻超出范围' }]);
    const flags = await this.checks.flagsFor(body.caseIds, asOf);
    const unknown = body.caseIds.flatMap((id, i) => (flags.has(id) ? [] : [i]));
    if (unknown.length) {
      throw new ValidationError(unknown.map((i) => ({ field: `caseIds[${i}]`, message: 'is not a people’s mediation case', messageZh: '不是人民调解案件或案件不存在' })));
    }
    return { asOf: asOf.toISOString(), cases: body.caseIds.map((caseId) => ({ caseId, flags: flags.get(caseId) })) };
  }
}
