import { ApiProperty } from '@nestjs/swagger';

/** The OpenAPI shapes of the audit verification jobs' answers. */

class VerificationFindingResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty({ description: 'The first seq of the case that fails; for a chain cut short, the first missing one' }) seq!: number;
  @ApiProperty({ example: 'content does not match its hash' }) reason!: string;
  @ApiProperty({ example: '记录内容与其哈希值不符（内容被改动）' }) reasonLabel!: string;
}

class VerificationProgressResponse {
  @ApiProperty({ description: 'Cases whose chain has been read to its end' }) cases!: number;
  @ApiProperty() entries!: number;
  @ApiProperty({ description: 'Cases in the log when the job started (an estimate on PostgreSQL)' }) casesTotal!: number;
  @ApiProperty({ description: 'Entries in the log when the job started (an estimate on PostgreSQL)' }) entriesTotal!: number;
  @ApiProperty({ description: '0–100; 100 only once the job completed' }) percent!: number;
}

class VerificationCheckpointResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty() seq!: number;
  @ApiProperty({ type: String, nullable: true, description: 'The hash the chain reached there; null when that case already has a finding' }) hash!: string | null;
}

class VerificationStarterResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) name!: string | null;
}

export class VerificationJobResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['running', 'completed', 'cancelled', 'failed'] }) status!: string;
  @ApiProperty({ example: '校验中' }) statusLabel!: string;
  @ApiProperty({ enum: ['chains', 'orphans'] }) phase!: string;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether every chain verified; null until the job completed' }) ok!: boolean | null;
  @ApiProperty({ enum: ['sha256', 'sm3'] }) algorithm!: string;
  @ApiProperty() batchSize!: number;
  @ApiProperty({ type: VerificationProgressResponse }) progress!: VerificationProgressResponse;
  @ApiProperty({ type: VerificationCheckpointResponse, nullable: true }) checkpoint!: VerificationCheckpointResponse | null;
  @ApiProperty({ type: [VerificationFindingResponse], description: 'The findings so far, the first 500 kept' }) findings!: VerificationFindingResponse[];
  @ApiProperty() findingsCount!: number;
  @ApiProperty({ type: VerificationStarterResponse }) startedBy!: VerificationStarterResponse;
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The engine process working the job now' }) worker!: string | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
}

export class VerificationJobListResponse {
  @ApiProperty({ type: [VerificationJobResponse] }) items!: VerificationJobResponse[];
}
