import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { isIsoDate } from '@app/calendar';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const IsDate = () => ValidateBy({ name: 'isDateString', validator: { validate: (v) => isIsoDate(v), defaultMessage: () => '$property must be a date written YYYY-MM-DD' } });

export class RiskRegionQuery {
  @ApiPropertyOptional({ example: '330199101', description: '地区代码，缺省为本单位所在地区' })
  @IsOptional()
  @Matches(/^\d{6,12}$/, { message: 'regionCode must be a division code of 6 to 12 digits' })
  regionCode?: string;
}

export class RecordRiskSweepRequest {
  @ApiProperty({ example: '330199101', description: '排查的地区' })
  @Matches(/^\d{6,12}$/, { message: 'regionCode must be a division code of 6 to 12 digits' })
  regionCode!: string;

  @ApiProperty({ example: '2025-11-03', description: '排查日期' })
  @IsDate()
  conductedOn!: string;

  @ApiProperty({ example: '走访枫源村 12 户，发现宅基地边界纠纷 1 起，已登记', description: '排查发现' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(4000)
  findings!: string;

  @ApiPropertyOptional({ type: [String], description: '排查发现或复核的纠纷（一案一码）' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(/^[A-Z0-9-]{1,40}$/, { each: true, message: 'disputeCodes must hold dispute codes' })
  disputeCodes?: string[];
}
