import type { AuditSizeEstimate, AuditStore } from '../audit-store.port';
import type { ChainHashAlgorithm } from '../hash-algorithm';
import { StreamingChainVerifier, type Finding, type VerifyCounts, type VerifyPosition } from './streaming-verifier';

export type VerificationJobStatus = 'running' | 'completed' | 'cancelled' | 'failed';

/** `chains`: walking the entries; `orphans`: looking for cases that have no entry at all. */
export type VerificationJobPhase = 'chains' | 'orphans';

export const VERIFICATION_JOB_STATUS_LABELS: Record<VerificationJobStatus, string> = {
  running: '校验中',
  completed: '已完成',
  cancelled: '已取消',
  failed: '出错中止',
};

/** A job keeps the first findings for the auditor to read; the count goes on past them. */
export const FINDINGS_KEPT = 500;

export interface VerificationJob {
  id: string;
  status: VerificationJobStatus;
  phase: VerificationJobPhase;
  batchSize: number;
  /** The checkpoint: the last entry verified and the hash its chain reached there. */
  position: VerifyPosition | null;
  counts: VerifyCounts;
  /** Taken when the job started, for progress only. */
  totals: AuditSizeEstimate;
  findings: Finding[];
  findingsCount: number;
  startedBy: string;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
  leaseOwner: string | null;
  leaseUntil: string | null;
  error: string | null;
}

export interface VerificationProgress {
  phase: VerificationJobPhase;
  position: VerifyPosition | null;
  counts: VerifyCounts;
  findings: Finding[];
  findingsCount: number;
}

/**
 * Where jobs are kept. Every write a worker makes is conditional on the job still running under its lease, so a
 * process that lost its lease (it stalled past `leaseUntil` and another took over) can never write over the new one.
 */
export abstract class VerificationJobStore {
  /** Records a new running job; false when one is running already. */
  abstract create(job: VerificationJob): Promise<boolean>;
  abstract get(id: string): Promise<VerificationJob | null>;
  /** Newest first. */
  abstract list(limit: number): Promise<VerificationJob[]>;
  /** Takes the lease of the running job when nobody holds it, it has lapsed, or `owner` holds it already. */
  abstract claim(owner: string, now: Date, until: Date): Promise<VerificationJob | null>;
  /** Saves the checkpoint and extends the lease; false when the job is no longer running under `owner`. */
  abstract save(id: string, owner: string, progress: VerificationProgress, now: Date, until: Date): Promise<boolean>;
  abstract finish(id: string, owner: string, status: 'completed' | 'failed', error: string | null, now: Date): Promise<boolean>;
  /** Gives the lease back, so another process (or this one, later) carries on from the checkpoint at once. */
  abstract release(id: string, owner: string): Promise<void>;
  /** running → cancelled; false when it was not running. */
  abstract cancel(id: string, now: Date): Promise<boolean>;
  /** cancelled → running, from its checkpoint; 'busy' when another job is running. */
  abstract resume(id: string, now: Date): Promise<'resumed' | 'busy' | 'not-cancelled'>;
}

export type JobRunOutcome = 'none' | 'completed' | 'cancelled' | 'stopped' | 'lost' | 'failed';

/**
 * Works the running job, batch by batch, each on its own snapshot (so the verification never holds one transaction
 * open for hours, and on SQLite other requests run between batches). A case whose chain spans two batches is closed
 * against its head read in the later batch's snapshot, where its last entry is known to be last: the log only grows,
 * so the entries read earlier are still its prefix.
 */
export class VerificationJobRunner {
  constructor(
    private readonly jobs: VerificationJobStore,
    private readonly audit: AuditStore,
    private readonly algorithm: ChainHashAlgorithm,
    private readonly leaseMs: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Claims the running job and works it until it completes, is cancelled, loses its lease, or `stop()` says to stop
   * (after a batch: the lease is then given back, and the job resumes from its checkpoint wherever it is claimed next).
   */
  async run(owner: string, stop: () => boolean = () => false): Promise<JobRunOutcome> {
    const job = await this.jobs.claim(owner, this.now(), this.until());
    if (!job) return 'none';
    const verifier = new StreamingChainVerifier(this.algorithm, { position: job.position, counts: job.counts });
    const progress: VerificationProgress = { phase: job.phase, position: job.position, counts: verifier.counts, findings: [...job.findings], findingsCount: job.findingsCount };
    const note = (found: Finding[]) => {
      progress.findingsCount += found.length;
      progress.findings.push(...found.slice(0, Math.max(0, FINDINGS_KEPT - progress.findings.length)));
    };
    try {
      for (;;) {
        if (stop()) {
          await this.jobs.release(job.id, owner);
          return 'stopped';
        }
        if (progress.phase === 'orphans') {
          const ids = await this.audit.snapshot((reader) => reader.casesWithoutEntries(FINDINGS_KEPT));
          note(ids.map((caseId) => ({ caseId, seq: 1, reason: 'the case has no audit entries' })));
          if (!(await this.jobs.save(job.id, owner, progress, this.now(), this.until()))) return this.lost(job.id);
          return (await this.jobs.finish(job.id, owner, 'completed', null, this.now())) ? 'completed' : this.lost(job.id);
        }
        const at = verifier.at;
        const batch = await this.audit.snapshot((reader) => reader.batch(at && { caseId: at.caseId, seq: at.seq }, job.batchSize));
        const last = batch.entries.length < job.batchSize;
        note(verifier.feed(batch, last));
        progress.position = verifier.at;
        if (last) progress.phase = 'orphans';
        if (!(await this.jobs.save(job.id, owner, progress, this.now(), this.until()))) return this.lost(job.id);
      }
    } catch (error) {
      await this.jobs.finish(job.id, owner, 'failed', error instanceof Error ? error.message : String(error), this.now());
      return 'failed';
    }
  }

  private until(): Date {
    return new Date(this.now().getTime() + this.leaseMs);
  }

  private async lost(id: string): Promise<JobRunOutcome> {
    return (await this.jobs.get(id))?.status === 'cancelled' ? 'cancelled' : 'lost';
  }
}

const FINDING_LABELS: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^content does not match its hash$/, () => '记录内容与其哈希值不符（内容被改动）'],
  [/^prevHash does not match the previous entry$/, () => '前一哈希值与上一条记录不符（链被改接）'],
  [/^entry (\d+) is missing$/, (m) => `第 ${m[1]} 条记录缺失`],
  [/^the case is at version (\d+) but the chain ends at (\d+)$/, (m) => `案件已到第 ${m[1]} 版，审计链只到第 ${m[2]} 条（末尾记录被删）`],
  [/^the last hash differs from the one the case recorded$/, () => '末条记录的哈希值与案件登记的不符'],
  [/^audit entries belong to no case$/, () => '审计记录不属于任何案件'],
  [/^the case has no audit entries$/, () => '案件没有任何审计记录'],
];

/** A finding's reason in words for the auditor; the English reason stays the stable, machine-readable one. */
export function findingLabel(reason: string): string {
  for (const [pattern, label] of FINDING_LABELS) {
    const m = reason.match(pattern);
    if (m) return label(m);
  }
  return reason;
}
