import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ChainHash, findingLabel, VERIFICATION_JOB_STATUS_LABELS, type VerificationJob } from '@app/audit';
import { DirectoryService, type Directory, type Viewer } from '@app/organisations';
import { ValidationError } from '@app/shared';
import { CurrentViewer } from '../auth/current-viewer.decorator';
import { Roles } from '../auth/roles.decorator';
import { StartVerificationJobRequest } from './verification-jobs.requests';
import { VerificationJobListResponse, VerificationJobResponse } from './verification-jobs.responses';
import { AuditVerificationJobs } from './verification-jobs.service';

/** The whole log's verification as a background job an auditor starts and watches (docs/audit-verification.md). */
@ApiTags('audit 审计')
@ApiBearerAuth()
@Roles('ADMIN', 'AUDITOR')
@Controller('audit/verification-jobs')
export class VerificationJobsController {
  constructor(
    private readonly jobs: AuditVerificationJobs,
    private readonly directory: DirectoryService,
    private readonly chainHash: ChainHash,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Start verifying every audit chain in the background; 409 while another job runs (启动审计链校验任务)' })
  @ApiCreatedResponse({ type: VerificationJobResponse })
  @ApiConflictResponse({ description: '已有校验任务在进行中' })
  async start(@CurrentViewer() viewer: Viewer, @Body() body: StartVerificationJobRequest): Promise<VerificationJobResponse> {
    return this.present(await this.jobs.start(viewer, body.batchSize));
  }

  @Get()
  @ApiOperation({ summary: 'The latest verification jobs, newest first (审计链校验任务列表)' })
  @ApiOkResponse({ type: VerificationJobListResponse })
  async list(): Promise<VerificationJobListResponse> {
    const [jobs, directory] = await Promise.all([this.jobs.list(20), this.directory.current()]);
    return { items: jobs.map((job) => present(job, directory, this.chainHash)) };
  }

  @Get(':id')
  @ApiOperation({ summary: 'A verification job: status, progress, checkpoint and findings so far (审计链校验任务)' })
  @ApiOkResponse({ type: VerificationJobResponse })
  @ApiNotFoundResponse({ description: '未找到该校验任务' })
  async get(@Param('id') id: string): Promise<VerificationJobResponse> {
    return this.present(await this.jobs.get(jobId(id)));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a running job after its batch under way; it keeps its checkpoint (取消校验任务)' })
  @ApiOkResponse({ type: VerificationJobResponse })
  @ApiConflictResponse({ description: '该校验任务已结束' })
  async cancel(@Param('id') id: string): Promise<VerificationJobResponse> {
    return this.present(await this.jobs.cancel(jobId(id)));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Carry a cancelled job on from its checkpoint; 409 while another job runs (继续校验任务)' })
  @ApiOkResponse({ type: VerificationJobResponse })
  @ApiConflictResponse({ description: '已有校验任务在进行中，或该任务未被取消' })
  async resume(@Param('id') id: string): Promise<VerificationJobResponse> {
    return this.present(await this.jobs.resume(jobId(id)));
  }

  private async present(job: VerificationJob): Promise<VerificationJobResponse> {
    return present(job, await this.directory.current(), this.chainHash);
  }
}

function jobId(id: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new ValidationError([{ field: 'id', message: 'must be a job id', messageZh: '不是有效的校验任务编号' }]);
  return id.toLowerCase();
}

function present(job: VerificationJob, directory: Directory, chainHash: ChainHash): VerificationJobResponse {
  const completed = job.status === 'completed';
  const total = Math.max(job.totals.entries, 1);
  return {
    id: job.id,
    status: job.status,
    statusLabel: VERIFICATION_JOB_STATUS_LABELS[job.status],
    phase: job.phase,
    ok: completed ? job.findingsCount === 0 : null,
    algorithm: chainHash.algorithm,
    batchSize: job.batchSize,
    progress: {
      cases: job.counts.cases,
      entries: job.counts.entries,
      casesTotal: job.totals.cases,
      entriesTotal: job.totals.entries,
      // The totals are the log's size at the start, estimated: a running job never shows done.
      percent: completed ? 100 : Math.min(99, Math.floor((job.counts.entries * 100) / total)),
    },
    checkpoint: job.position,
    findings: job.findings.map((f) => ({ ...f, reasonLabel: findingLabel(f.reason) })),
    findingsCount: job.findingsCount,
    startedBy: { id: job.startedBy, name: directory.user(job.startedBy)?.displayName ?? null },
    startedAt: job.startedAt,
    updatedAt: job.updatedAt,
    finishedAt: job.finishedAt,
    worker: job.status === 'running' ? job.leaseOwner : null,
    error: job.error,
  };
}
