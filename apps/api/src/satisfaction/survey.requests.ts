import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { SATISFACTION_RATINGS } from '@app/workflow';

export class SurveyAnswerRequest {
  @ApiProperty({ enum: Object.keys(SATISFACTION_RATINGS), description: '满意 / 基本满意 / 不满意' })
  @IsIn(Object.keys(SATISFACTION_RATINGS), { context: { messageZh: '须为 SATISFIED（满意）、BASICALLY_SATISFIED（基本满意）或 DISSATISFIED（不满意）' } })
  rating!: string;
}
