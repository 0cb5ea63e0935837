import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '@app/audit';

export class SecurityLogRequest {
  @ApiPropertyOptional({ enum: Object.keys(SECURITY_EVENT_KINDS), description: '事件类别' }) @IsOptional() @IsIn(Object.keys(SECURITY_EVENT_KINDS)) kind?: SecurityEventKind;
  @ApiPropertyOptional({ description: '操作人：账号 id 或用户名' }) @IsOptional() @IsString() @MaxLength(64) actor?: string;
  @ApiPropertyOptional({ description: '涉及的案件 id' }) @IsOptional() @Matches(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i) caseId?: string;
  @ApiPropertyOptional({ description: '起始时刻（含），ISO-8601', example: '2026-06-01T00:00:00+08:00' }) @IsOptional() @IsISO8601({ strict: true }) from?: string;
  @ApiPropertyOptional({ description: '截止时刻（不含），ISO-8601' }) @IsOptional() @IsISO8601({ strict: true }) to?: string;
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 100000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 50, minimum: 1, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500) pageSize = 50;
}
