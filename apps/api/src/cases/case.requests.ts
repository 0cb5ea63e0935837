import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { CATEGORIES, PARTY_ROLES, SOURCES, type Category, type PartyRole, type Source } from '@app/cases';
import { withoutProtoKeys } from '../http/validation';
import { IsChineseIdNumber, IsChinesePhone, IsRegionCode } from '../http/validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PartyRequest {
  @ApiProperty({ enum: Object.keys(PARTY_ROLES), description: '申请人 / 被申请人 / 第三人' })
  @IsIn(Object.keys(PARTY_ROLES))
  role!: PartyRole;

  @ApiProperty({ example: '张三' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @ApiPropertyOptional({ example: '110101199003074514', description: '居民身份证号码，校验位须正确' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsChineseIdNumber()
  idNumber?: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @Transform(trim)
  @IsChinesePhone()
  phone?: string;

  @ApiPropertyOptional({ example: '枫源村3组12号' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  address?: string;
}

/** Both sides of a dispute: at least one applicant and one respondent. */
const HasBothSides = () =>
  ValidateBy({
    name: 'hasBothSides',
    validator: {
      validate: (v) => Array.isArray(v) && v.some((p) => p?.role === 'APPLICANT') && v.some((p) => p?.role === 'RESPONDENT'),
      defaultMessage: () => 'parties must include at least one APPLICANT and one RESPONDENT',
    },
  });

export class OpenCaseRequest {
  @ApiPropertyOptional({ example: 'pm', description: '流程 id，缺省为人民调解 (pm)' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/)
  workflow?: string;

  @ApiProperty({ enum: Object.keys(CATEGORIES), example: 'NEIGHBOUR' })
  @IsIn(Object.keys(CATEGORIES))
  category!: Category;

  @ApiProperty({ example: '宅基地边界纠纷' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  summary!: string;

  @ApiProperty({ example: '330199101201', description: '行政区划代码，须在本单位辖区内' })
  @IsRegionCode()
  regionCode!: string;

  @ApiProperty({ enum: Object.keys(SOURCES), example: 'APPLICATION' })
  @IsIn(Object.keys(SOURCES))
  source!: Source;

  @ApiProperty({ type: [PartyRequest] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(200)
  @HasBothSides()
  @ValidateNested({ each: true })
  @Type(() => PartyRequest)
  parties!: PartyRequest[];

  @ApiPropertyOptional({ description: '流程开立所需的其他信息（例如司法确认案件的协议生效日期）' })
  @IsOptional()
  @IsObject()
  input?: Record<string, unknown>;
}

const EVENT_TYPE = /^[A-Z][A-Z0-9_]{0,59}$/;

export class CaseEventRequest {
  /** What the decorators below accept, checked by hand for the body every transition sends (see `QuicklyChecked`). */
  static accepts(body: unknown): boolean {
    if (body === null || typeof body !== 'object' || Array.isArray(body) || Object.getPrototypeOf(body) !== Object.prototype) return false;
    const { type, data, ...rest } = body as Record<string, unknown>;
    if (Object.keys(rest).length || typeof type !== 'string' || !EVENT_TYPE.test(type)) return false;
    if (data === undefined) return true;
    return data !== null && typeof data === 'object' && !Array.isArray(data) && withoutProtoKeys(data);
  }

  @ApiProperty({ example: 'SEEK_CONSENT', description: '事件类型，见 GET /api/workflows/:id' })
  @IsString()
  @Matches(EVENT_TYPE)
  type!: string;

  @ApiPropertyOptional({ description: '事件数据，格式见该事件的 JSON Schema', example: {} })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;
}

const toBool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

export class ListCasesRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(400) state?: string;
  @ApiPropertyOptional({ description: '工作队列（见 GET /api/workflows/channels），如 ct-awaiting-registration' }) @IsOptional() @IsString() @MaxLength(60) queue?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(40) workflow?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(64) orgId?: string;
  @ApiPropertyOptional() @IsOptional() @IsRegionCode() regionCode?: string;
  @ApiPropertyOptional({ description: '仅看有逾期期限的案件' }) @IsOptional() @Transform(toBool) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional({ description: '已结案 / 未结案' }) @IsOptional() @Transform(toBool) @IsBoolean() closed?: boolean;
  @ApiPropertyOptional({ enum: ['me'] }) @IsOptional() @IsIn(['me']) assignee?: 'me';
  @ApiPropertyOptional({ enum: ['mine'], description: '仅看我作为团队成员参与的案件（联合调解）' }) @IsOptional() @IsIn(['mine']) team?: 'mine';
  @ApiPropertyOptional({ description: '案号、案情或当事人姓名' }) @IsOptional() @IsString() @MaxLength(50) q?: string;
  @ApiPropertyOptional({ description: '当事人居民身份证号码（18位，精确匹配）；每次查询记入安全审计日志', example: '110101199003074514' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsChineseIdNumber()
  idNumber?: string;
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 100000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 20;
}
