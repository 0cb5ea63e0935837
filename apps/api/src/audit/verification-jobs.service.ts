import { randomBytes, randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditStore, ChainHash, VerificationJobRunner, VerificationJobStore, type JobRunOutcome, type VerificationJob } from '@app/audit';
import type { Viewer } from '@app/organisations';
import { ConflictError, NotFoundError } from '@app/shared';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Background verification of every audit chain (docs/audit-verification.md). The process an auditor starts a job on
 * begins at once; every process also looks every FENGQIAO_AUDIT_VERIFY_POLL_MS for a running job whose lease has
 * lapsed (its process stopped or died) and carries it on from its checkpoint. On shutdown the lease is given back
 * after the batch under way, so a restarted or another process resumes without waiting for it to lapse.
 */
@Injectable()
export class AuditVerificationJobs implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('AuditVerification');
  /** This process's name on the leases it takes. */
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`.slice(0, 80);
  private readonly runner: VerificationJobRunner;
  private current: Promise<JobRunOutcome> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: VerificationJobStore,
    private readonly audit: AuditStore,
    chainHash: ChainHash,
  ) {
    this.runner = new VerificationJobRunner(jobs, audit, chainHash.algorithm, config.auditVerification.leaseMs);
  }

  onApplicationBootstrap(): void {
    if (this.config.auditVerification.pollMs > 0) this.poll();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }

  /**
   * Works the running job in this process, unless it is at it already: until the job ends, the process stops, or
   * after `batches` batches when given (then the lease is given back, as at shutdown).
   */
  work(options: { batches?: number } = {}): Promise<JobRunOutcome> {
    if (this.current) return this.current;
    let left = options.batches ?? Infinity;
    const run = this.runner
      .run(this.owner, () => this.stopped || left-- <= 0)
      .catch((error: unknown) => {
        this.logger.error(`Audit verification failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        return 'failed' as const;
      })
      .finally(() => {
        this.current = null;
      });
    this.current = run;
    return run;
  }

  async start(viewer: Viewer, batchSize?: number): Promise<VerificationJob> {
    const now = new Date().toISOString();
    const job: VerificationJob = {
      id: randomUUID(),
      status: 'running',
      phase: 'chains',
      batchSize: batchSize ?? this.config.auditVerification.batchSize,
      position: null,
      counts: { cases: 0, entries: 0 },
      totals: await this.audit.estimateSize(),
      findings: [],
      findingsCount: 0,
      startedBy: viewer.userId,
      startedAt: now,
      updatedAt: now,
      finishedAt: null,
      leaseOwner: null,
      leaseUntil: null,
      error: null,
    };
    if (!(await this.jobs.create(job))) throw new ConflictError('An audit verification job is running already', '已有审计链校验任务在进行中，请等待其完成或先取消');
    this.kick();
    return (await this.jobs.get(job.id))!;
  }

  async get(id: string): Promise<VerificationJob> {
    const job = await this.jobs.get(id);
    if (!job) throw new NotFoundError('Audit verification job', '审计链校验任务', id);
    return job;
  }

  list(limit: number): Promise<VerificationJob[]> {
    return this.jobs.list(limit);
  }

  async cancel(id: string): Promise<VerificationJob> {
    await this.get(id);
    if (!(await this.jobs.cancel(id, new Date()))) throw new ConflictError('The job is not running', '该校验任务已结束，不能取消');
    return this.get(id);
  }

  async resume(id: string): Promise<VerificationJob> {
    await this.get(id);
    const outcome = await this.jobs.resume(id, new Date());
    if (outcome === 'busy') throw new ConflictError('Another audit verification job is running', '已有审计链校验任务在进行中，不能同时继续另一个');
    if (outcome === 'not-cancelled') throw new ConflictError('Only a cancelled job can be resumed', '只有已取消的校验任务可以继续');
    this.kick();
    return this.get(id);
  }

  /** Starts work here at once, unless this process only works jobs it is told to (poll 0). */
  private kick(): void {
    if (this.config.auditVerification.pollMs > 0 && !this.stopped) void this.work();
  }

  private poll(): void {
    void this.work().finally(() => {
      if (this.stopped) return;
      this.timer = setTimeout(() => this.poll(), this.config.auditVerification.pollMs);
      this.timer.unref();
    });
  }
}
