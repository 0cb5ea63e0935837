import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const YUAN = /^(0|[1-9][0-9]{0,8})(\.[0-9]{1,2})?$/;
const dateMessage = { message: 'must be a date YYYY-MM-DD', context: { messageZh: '须为日期（YYYY-MM-DD）' } };

export class TariffRequest {
  @ApiProperty({ example: '330199', description: '适用地区（行政区划代码）' })
  @Matches(/^[0-9]{6,12}$/, { message: 'must be a region code', context: { messageZh: '不是有效的行政区划代码' } })
  regionCode!: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ description: '补贴标准：档次、金额、资金来源、条件、口头协议比例、调解不成比例、上限（docs/subsidy.md）' })
  @IsObject()
  rules!: Record<string, unknown>;
}

export class BudgetRequest {
  @ApiProperty({ example: '1970000.00', description: '年度预算（元）' })
  @Matches(YUAN, { message: 'must be yuan as a decimal string such as "1970000.00"', context: { messageZh: '金额须为元，如 "1970000.00"' } })
  total!: string;
}

export class FilingRequest {
  @ApiProperty({ example: '浙青司调备〔2025〕017号', description: '调解员备案号' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  filingNo!: string;

  @ApiProperty({ example: '2025-01-10', description: '备案日期' })
  @Matches(DATE, dateMessage)
  filedOn!: string;
}

export class CreateClaimRequest {
  @ApiProperty({ description: '被申报的人民调解案件' })
  @IsString()
  @MaxLength(64)
  caseId!: string;

  @ApiProperty({ example: 'ORDINARY', description: '申报档次（补贴标准中的档次代码）' })
  @Matches(/^[A-Z][A-Z0-9_]{1,29}$/, { message: 'must be a tier code such as SIMPLE', context: { messageZh: '档次代码须为大写英文，如 SIMPLE' } })
  tier!: string;

  @ApiPropertyOptional({ example: '现场照片：双方当事人与调解员合影', description: '口头协议的当事人到场证据' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  presenceEvidence?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  note?: string;
}

export class ClaimEventRequest {
  @ApiProperty({ example: 'ORG_APPROVE' })
  @IsString()
  @MaxLength(40)
  type!: string;

  @ApiPropertyOptional({ type: Object })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}

export class SuspendMediatorRequest {
  @ApiProperty({ example: '回访当事人称未经调解（阜南模式）' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  reason!: string;

  @ApiPropertyOptional({ description: '引发暂停的申请' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  relatedClaimId?: string;
}

export class SpotCheckRequest {
  @ApiProperty({ example: 0.1, description: '随机抽取比例（0–1）' })
  @Type(() => Number)
  @IsNumber()
  @Min(0)
  @Max(1)
  rate!: number;

  @ApiProperty({ example: ['MAJOR'], description: '一律抽查的档次' })
  @IsArray()
  @ArrayMaxSize(10)
  @Matches(/^[A-Z][A-Z0-9_]{1,29}$/, { each: true, message: 'must list tier codes', context: { messageZh: '须为档次代码' } })
  riskTiers!: string[];

  @ApiPropertyOptional({ description: '随机种子；不填则随机生成并记录' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  seed?: string;
}

export class StatementQuery {
  @ApiProperty()
  @IsString()
  @MaxLength(64)
  orgId!: string;

  @ApiProperty({ example: '2025-04-01' })
  @Matches(DATE, dateMessage)
  from!: string;

  @ApiProperty({ example: '2025-06-30' })
  @Matches(DATE, dateMessage)
  to!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  mediatorId?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'] })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';
}

export class ClaimListQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  state?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(64)
  mediatorId?: string;
}

export class EligibilityQuery {
  @ApiProperty()
  @IsString()
  @MaxLength(64)
  caseId!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  presenceEvidence?: string;
}
