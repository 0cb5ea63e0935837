import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsISO8601, IsOptional, Matches } from 'class-validator';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The most case ids one request checks: a district's quarterly batch of claims. */
export const MAX_CHECKED_CASES = 2000;

export class FraudChecksRequest {
  @ApiProperty({ type: [String], example: ['0b7c2a52-5d0e-4a8e-9f0e-2f5b1c9d4e11'], description: `申报补贴的人民调解案件 id，1 至 ${MAX_CHECKED_CASES} 个，不得重复；占比异常按这一批计算` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CHECKED_CASES)
  @ArrayUnique()
  @Matches(UUID, { each: true, message: 'each value must be a case id', context: { messageZh: '不是有效的案件编号' } })
  caseIds!: string[];

  @ApiPropertyOptional({ example: '2026-06-30T23:59:59+08:00', description: '核查截至的时刻（ISO-8601），默认当前时刻；其后立案的案件不计' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;
}
