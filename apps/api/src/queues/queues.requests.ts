import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { REASSIGN_REASONS, type ReassignReason } from '@app/cases';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class QueuePageRequest {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: 100000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page = 1;
  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize = 20;
}

export class AssignCaseRequest {
  @ApiProperty({ description: '承办人：承办单位具有承办角色（如调解员）的在岗人员' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  userId!: string;
}

export class ReassignCaseRequest extends AssignCaseRequest {
  @ApiProperty({ enum: Object.keys(REASSIGN_REASONS), description: Object.entries(REASSIGN_REASONS).map(([k, v]) => `${k} ${v}`).join('；') })
  @IsIn(Object.keys(REASSIGN_REASONS))
  reasonKind!: ReassignReason;

  @ApiProperty({ example: '原调解员与申请人系近亲属，申请人申请回避' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;

  @ApiPropertyOptional({ example: 'P1', description: '申请回避的当事人（reasonKind 为 RECUSAL 时必填）' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  partyId?: string;
}
