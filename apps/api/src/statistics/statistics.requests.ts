import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';

export class StatisticsRequest {
  @ApiPropertyOptional({ example: '330199', description: '行政区划代码；缺省为本人所在区划（含下级区划）' })
  @IsOptional()
  @IsString()
  regionCode?: string;

  @ApiProperty({ example: '2026-01-01', description: '统计期间开始日期（按受理时间，含当日）' })
  @IsOptional()
  @IsString()
  from?: string;

  @ApiProperty({ example: '2026-06-30', description: '统计期间结束日期（含当日）' })
  @IsOptional()
  @IsString()
  to?: string;

  @ApiPropertyOptional({ enum: ['json', 'xlsx'], description: 'xlsx：导出 Excel 表格（中文表头）' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}

export class MonthlyReportRequest {
  @ApiPropertyOptional({ example: '330199', description: '行政区划代码；缺省为本人所在区划' })
  @IsOptional()
  @IsString()
  regionCode?: string;

  @ApiProperty({ example: '2026-05', description: '统计月份 YYYY-MM' })
  @IsOptional()
  @IsString()
  month?: string;

  @ApiPropertyOptional({ enum: ['json', 'xlsx'] })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}
