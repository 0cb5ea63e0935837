import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { ORG_TYPE_LABELS, type OrgType } from '@app/organisations';
import { IsRegionCode } from '../http/validators';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateOrganisationRequest {
  @ApiProperty({ example: '新枫村人民调解委员会' })
  @Transform(trim)
  @IsString()
  @MinLength(2, { context: { messageZh: '单位名称至少 2 个字' } })
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: '新枫', description: '简称，用于案号，例如（2026）新枫调字第1号；须唯一' })
  @Transform(trim)
  @IsString()
  @MinLength(1, { context: { messageZh: '请填写简称' } })
  @MaxLength(20, { context: { messageZh: '简称不能超过 20 个字' } })
  shortName!: string;

  @ApiProperty({ enum: Object.keys(ORG_TYPE_LABELS) })
  @IsIn(Object.keys(ORG_TYPE_LABELS), { context: { messageZh: '请选择单位类型' } })
  type!: OrgType;

  @ApiProperty({ example: '330199101203', description: '所在行政区划，须已登记；有上级单位时须在其辖区内' })
  @IsRegionCode()
  regionCode!: string;

  @ApiPropertyOptional({ example: 'org-fengqiao', description: '上级（指导）单位' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  parentId?: string;
}
