import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
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
import { AGENT_KINDS, CATEGORIES, ETHNICITIES, PARTY_ROLES, SEXES, SOURCES, type Category, type PartyRole, type Sex, type Source } from '@app/cases';
import { withoutProtoKeys } from '../http/validation';
import { IsChineseIdNumber, IsChinesePhone, IsPlausibleBirthDate, IsRegionCode, IsYuanAmount } from '../http/validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AgentRequest {
  @ApiProperty({ example: '王五' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  name!: string;

  @ApiProperty({ enum: Object.keys(AGENT_KINDS), description: 'LEGAL 法定代理人 / ENTRUSTED 委托代理人' })
  @IsIn(Object.keys(AGENT_KINDS))
  kind!: 'LEGAL' | 'ENTRUSTED';

  @ApiPropertyOptional({ example: '父亲', description: '与当事人的关系或身份（父亲、律师……）' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(30)
  relation?: string;

  @ApiPropertyOptional({ example: '13812345678' })
  @IsOptional()
  @Transform(trim)
  @IsChinesePhone()
  phone?: string;

  @ApiPropertyOptional({ example: '110101199003074514', description: '居民身份证号码，校验位须正确' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsChineseIdNumber()
  idNumber?: string;
}

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

  @ApiPropertyOptional({ enum: Object.keys(SEXES), description: '性别：MALE 男 / FEMALE 女' })
  @IsOptional()
  @IsIn(Object.keys(SEXES))
  sex?: Sex;

  @ApiPropertyOptional({ enum: ETHNICITIES, example: '汉族', description: '民族（56 个民族之一，按名称）' })
  @IsOptional()
  @Transform(trim)
  @IsIn(ETHNICITIES, { context: { messageZh: '不是 56 个民族之一' } })
  ethnicity?: string;

  @ApiPropertyOptional({ example: '1990-03-07', description: '出生日期（YYYY-MM-DD，不晚于今天，不早于 1900 年）' })
  @IsOptional()
  @IsPlausibleBirthDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ example: '农民' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  occupation?: string;

  @ApiPropertyOptional({ type: () => AgentRequest, description: '代理人' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => AgentRequest)
  agent?: AgentRequest;
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

  @ApiPropertyOptional({ example: '12000.50', description: '争议金额（元），不小于 0，至多两位小数；数字或字符串均可' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : value))
  @IsYuanAmount()
  amountInDispute?: string;

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

/** `a,b` and a repeated parameter alike: the console writes the first, hand-made links often the second. */
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : Array.isArray(value) ? value.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean) : value;

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
  @ApiPropertyOptional({ description: '当事人联系电话（精确匹配，不计分隔符）；每次查询记入安全审计日志', example: '13812345678' })
  @IsOptional()
  @Transform(trim)
  @IsChinesePhone()
  phone?: string;
  @ApiPropertyOptional({ enum: Object.keys(CATEGORIES), description: '纠纷类型' }) @IsOptional() @IsString() @MaxLength(60) category?: string;
  @ApiPropertyOptional({ enum: Object.keys(SOURCES), description: '案件来源' }) @IsOptional() @IsString() @MaxLength(60) source?: string;
  @ApiPropertyOptional({ description: '承办调解员的用户 id，或 me（本人）' }) @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{1,64}$/) mediator?: string;
  @ApiPropertyOptional({ example: '2026-01-01', description: '登记日期起（北京时间，含当日）' }) @IsOptional() @IsString() @MaxLength(10) registeredFrom?: string;
  @ApiPropertyOptional({ example: '2026-06-30', description: '登记日期止（北京时间，含当日）' }) @IsOptional() @IsString() @MaxLength(10) registeredTo?: string;
  @ApiPropertyOptional({ type: [String], description: '渠道（流程 id），可多个：workflows=pm,ct 或重复参数', example: 'pm,ct' })
  @IsOptional()
  @Transform(toList)
  @IsArray()
  @ArrayMaxSize(30)
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { each: true })
  workflows?: string[];
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 100000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 20;
}

/** The ledger export takes the list's filters; it has every matching case, so no page. */
export class LedgerRequest extends OmitType(ListCasesRequest, ['page', 'pageSize'] as const) {}
