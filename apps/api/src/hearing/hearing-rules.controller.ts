import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { HEARING_LEVELS, hearingRulesFor, type RegionHearingRules } from '@app/workflow';
import { NotFoundError } from '@app/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/** The hearing rules in force, per region, with the Chinese labels of the levels (三级听证). */
@ApiTags('hearing 三级听证')
@ApiBearerAuth()
@Controller('hearing-rules')
export class HearingRulesController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @ApiOperation({ summary: 'The hearing rules of every configured region: conveners, panel sizes and periods per level (听证规则)' })
  list(): { levels: Record<string, string>; regions: RegionHearingRules[] } {
    return { levels: HEARING_LEVELS, regions: this.config.hearingRules };
  }

  @Get(':regionCode')
  @ApiOperation({ summary: 'The hearing rules that apply in a region: its own, or those of the nearest region above it' })
  @ApiParam({ name: 'regionCode', description: 'Division code (6, 9 or 12 digits)' })
  forRegion(@Param('regionCode') regionCode: string): RegionHearingRules {
    const rules = /^\d{6}(\d{3}){0,2}$/.test(regionCode) ? hearingRulesFor(this.config.hearingRules, regionCode) : undefined;
    if (!rules) throw new NotFoundError('HearingRules', '听证规则', regionCode);
    return rules;
  }
}
