import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUrl, Max, MaxLength, Min, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const URL_RULES = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateWebhookRequest {
  @ApiProperty({ example: '枫桥区人民法院诉调对接平台', description: '订阅名称' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { context: { messageZh: '请填写订阅名称' } })
  @MaxLength(100, { context: { messageZh: '订阅名称不能超过 100 字' } })
  name!: string;

  @ApiProperty({ example: 'https://court.example.gov.cn/fengqiao/events', description: '接收地址（http 或 https）' })
  @Transform(trim)
  @IsString()
  @MaxLength(2000, { context: { messageZh: '接收地址过长' } })
  @IsUrl(URL_RULES, { context: { messageZh: '须为 http 或 https 地址' } })
  url!: string;

  @ApiPropertyOptional({ type: [String], example: ['pm'], description: '只推送这些流程的案件；空为全部' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ context: { messageZh: '流程不能重复' } })
  @IsString({ each: true })
  workflowIds?: string[];

  @ApiPropertyOptional({ type: [String], example: ['org-fengyuan'], description: '只推送这些单位办理的案件；空为全部' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique({ context: { messageZh: '单位不能重复' } })
  @IsString({ each: true })
  orgIds?: string[];

  @ApiPropertyOptional({ default: false, description: '同时推送上述单位所指导的下级单位的案件' })
  @IsOptional()
  @IsBoolean({ context: { messageZh: '须为 true 或 false' } })
  includeSubOrgs?: boolean;

  @ApiPropertyOptional({ type: [String], example: ['ACCEPT'], description: '只推送这些事件；空为全部' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique({ context: { messageZh: '事件不能重复' } })
  @IsString({ each: true })
  eventTypes?: string[];
}

export class UpdateWebhookRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { context: { messageZh: '请填写订阅名称' } })
  @MaxLength(100, { context: { messageZh: '订阅名称不能超过 100 字' } })
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000, { context: { messageZh: '接收地址过长' } })
  @IsUrl(URL_RULES, { context: { messageZh: '须为 http 或 https 地址' } })
  url?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ context: { messageZh: '流程不能重复' } })
  @IsString({ each: true })
  workflowIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique({ context: { messageZh: '单位不能重复' } })
  @IsString({ each: true })
  orgIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ context: { messageZh: '须为 true 或 false' } })
  includeSubOrgs?: boolean;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique({ context: { messageZh: '事件不能重复' } })
  @IsString({ each: true })
  eventTypes?: string[];

  @ApiPropertyOptional({ description: '停用后不再产生新的推送' })
  @IsOptional()
  @IsBoolean({ context: { messageZh: '须为 true 或 false' } })
  active?: boolean;
}

export class PageRequest {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ context: { messageZh: '须为整数' } })
  @Min(1, { context: { messageZh: '须不小于 1' } })
  page: number = 1;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ context: { messageZh: '须为整数' } })
  @Min(1, { context: { messageZh: '须不小于 1' } })
  @Max(200, { context: { messageZh: '每页最多 200 条' } })
  pageSize: number = 50;
}

export class ListDeliveriesRequest extends PageRequest {
  @ApiPropertyOptional({ enum: ['pending', 'delivered', 'failed'] })
  @IsOptional()
  @IsIn(['pending', 'delivered', 'failed'], { context: { messageZh: '须为 pending、delivered 或 failed' } })
  state?: 'pending' | 'delivered' | 'failed';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(36)
  subscriptionId?: string;
}
