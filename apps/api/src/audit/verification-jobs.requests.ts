import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class StartVerificationJobRequest {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50_000, description: '每批校验的记录数；默认 FENGQIAO_AUDIT_VERIFY_BATCH（2000）' })
  @IsOptional()
  @IsInt({ context: { messageZh: '每批记录数须为整数' } })
  @Min(1, { context: { messageZh: '每批记录数至少为 1' } })
  @Max(50_000, { context: { messageZh: '每批记录数不能超过 50000' } })
  batchSize?: number;
}
