import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateBy } from 'class-validator';
import { isIsoDate } from '@app/calendar';
import { DEADLINE_STATUS_LABELS, type DeadlineStatus } from '@app/deadlines';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);
/** A real calendar date written YYYY-MM-DD (China date). */
const IsDate = () => ValidateBy({ name: 'isDateString', validator: { validate: (v) => isIsoDate(v), defaultMessage: () => '$property must be a date written YYYY-MM-DD' } });

export class PauseDeadlineRequest {
  @ApiProperty({ example: '2025-08-01', description: '中止开始日期：自次日起停止计算' })
  @IsDate()
  from!: string;

  @ApiPropertyOptional({ example: '2025-08-12', description: '中止结束日期（含当日）；不填则持续中止，直至恢复计算' })
  @IsOptional()
  @IsDate()
  to?: string;

  @ApiProperty({ example: '委托鉴定，鉴定期间不计入期限' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class ResumeDeadlineRequest {
  @ApiPropertyOptional({ example: '2025-08-12', description: '中止结束日期（含当日），缺省为今日' })
  @IsOptional()
  @IsDate()
  to?: string;
}

export class ExtendDeadlineRequest {
  @ApiProperty({ example: 30 })
  @IsInt()
  @Min(1)
  @Max(3650)
  amount!: number;

  @ApiProperty({ enum: ['day', 'month', 'year'], description: '工作日期限按工作日延长' })
  @IsIn(['day', 'month', 'year'])
  unit!: 'day' | 'month' | 'year';

  @ApiProperty({ example: '案情复杂，经负责人批准延长三十日' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;

  @ApiProperty({ example: '郑国强', description: '批准人：用户 id，或批准文书上的姓名' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  approvedBy!: string;
}

export class ListDeadlinesRequest {
  @ApiPropertyOptional({ enum: Object.keys(DEADLINE_STATUS_LABELS) }) @IsOptional() @IsIn(Object.keys(DEADLINE_STATUS_LABELS)) status?: DeadlineStatus;
  @ApiPropertyOptional({ description: '当前逾期：已过期限仍未办结，或软期限已逾期而案件仍停留在该环节' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  overdue?: boolean;
  @ApiPropertyOptional({ description: '今后若干日内届满（进行中的期限）' }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(3660) dueWithinDays?: number;
  @ApiPropertyOptional({ description: '每案一条：只列每个案件最先届满的一个期限，total 为案件数（工作台“即将到期”）' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  perCase?: boolean;
  @ApiPropertyOptional({ description: '单位及其指导的下级单位' }) @IsOptional() @IsString() @MaxLength(64) orgId?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i) caseId?: string;
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 100000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize = 50;
}

export class ListNotificationsRequest {
  @ApiPropertyOptional({ description: '只看未读' }) @IsOptional() @Transform(toBool) @IsBoolean() unread?: boolean;
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 100000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 50;
}
