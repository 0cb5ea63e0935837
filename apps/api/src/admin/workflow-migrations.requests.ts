import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';

export class MigrationRequest {
  @ApiProperty({ example: 1, description: '案件当前所在的流程版本' })
  @IsInt({ context: { messageZh: '请填写原版本号（整数）' } })
  @Min(1, { context: { messageZh: '版本号从 1 开始' } })
  @Max(10_000)
  fromVersion!: number;

  @ApiProperty({ example: 2, description: '迁移到的流程版本；须已登记，且已声明从原版本到该版本的迁移' })
  @IsInt({ context: { messageZh: '请填写目标版本号（整数）' } })
  @Min(1, { context: { messageZh: '版本号从 1 开始' } })
  @Max(10_000)
  toVersion!: number;
}

class MigrationStateDto {
  @ApiProperty() version!: number;
  @ApiProperty({ example: 'objectionWindow' }) state!: string;
  @ApiProperty({ example: '异议期' }) stateLabel!: string;
}

class ClosedDeadlineDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'D-JC4' }) specId!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ enum: ['cancelled', 'missed'] }) status!: string;
}

class OpenedDeadlineDto {
  @ApiProperty({ example: 'D-JC4' }) specId!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ example: '2025-04-07' }) dueOn!: string;
}

class MigrationDeadlinesDto {
  @ApiProperty({ type: [ClosedDeadlineDto], description: '新版本在该状态不再计算、随迁移关闭的期限' }) closed!: ClosedDeadlineDto[];
  @ApiProperty({ type: [OpenedDeadlineDto], description: '新版本在该状态规定、随迁移开始计算的期限' }) opened!: OpenedDeadlineDto[];
}

class CaseMigrationResultDto {
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: '（2026）枫源民特确字第3号' }) caseNo!: string;
  @ApiProperty({ enum: ['MOVABLE', 'MIGRATED', 'REFUSED', 'CONFLICT'], description: 'MOVABLE 可迁移（预览）；MIGRATED 已迁移；REFUSED 不能迁移（见 reason）；CONFLICT 迁移时案件被修改，未迁移' })
  outcome!: string;
  @ApiProperty({ type: MigrationStateDto }) from!: MigrationStateDto;
  @ApiProperty({ type: MigrationStateDto, nullable: true }) to!: MigrationStateDto | null;
  @ApiProperty({ nullable: true, description: '不能迁移的原因（中文）' }) reason!: string | null;
  @ApiProperty({ description: '迁移后的案件版本（ETag），未迁移的为读取时的版本' }) caseVersion!: number;
  @ApiProperty({ type: MigrationDeadlinesDto }) deadlines!: MigrationDeadlinesDto;
}

class MigrationCountsDto {
  @ApiProperty() total!: number;
  @ApiProperty({ description: '预览中可迁移的案件数' }) movable!: number;
  @ApiProperty({ description: '已迁移的案件数' }) migrated!: number;
  @ApiProperty() refused!: number;
  @ApiProperty() conflicts!: number;
}

export class MigrationReportResponse {
  @ApiProperty({ example: 'jc' }) workflow!: string;
  @ApiProperty() fromVersion!: number;
  @ApiProperty() toVersion!: number;
  @ApiProperty({ description: 'true：仅预览，未写入任何数据' }) dryRun!: boolean;
  @ApiProperty({ description: '新版本的变化（迁移声明）' }) description!: string;
  @ApiProperty({ type: MigrationCountsDto }) counts!: MigrationCountsDto;
  @ApiProperty({ type: [CaseMigrationResultDto], description: '原版本的每个案件（已结案的列为不迁移）' }) cases!: CaseMigrationResultDto[];
}
