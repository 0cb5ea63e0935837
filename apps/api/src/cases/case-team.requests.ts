import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { CASE_ROLES } from '@app/workflow';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AddTeamMemberRequest {
  @ApiProperty({ description: '被邀请的用户（其他单位的工作人员），见 GET /api/cases/:id/team/candidates' })
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  userId!: string;

  @ApiProperty({ enum: Object.keys(CASE_ROLES), description: Object.entries(CASE_ROLES).map(([k, v]) => `${k} ${v.label}`).join('；') })
  @IsIn(Object.keys(CASE_ROLES))
  caseRole!: string;

  @ApiProperty({ example: '涉及交通事故责任认定，邀请交警参与联合调解' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class RemoveTeamMemberRequest {
  @ApiProperty({ example: '责任认定已完成，交警不再参与' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(500)
  reason!: string;
}

export class TeamCandidatesRequest {
  @ApiPropertyOptional({ description: '姓名或单位名称中的文字' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(50)
  q?: string;

  @ApiPropertyOptional({ enum: Object.keys(CASE_ROLES), description: '只列出能担任此团队角色的用户' })
  @IsOptional()
  @IsIn(Object.keys(CASE_ROLES))
  caseRole?: string;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;
}
