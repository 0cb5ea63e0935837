import { VerificationJobStore, type Finding, type VerificationJob, type VerificationJobStatus, type VerificationProgress } from '@app/audit';
import { readInstant, readJson, readOptionalInstant, type Db } from '../db/db';
import { isUniqueViolation } from './sql-builders';

const RUNNING_UNDER = "status = 'running' AND lease_owner = :owner";

export class SqlVerificationJobStore extends VerificationJobStore {
  constructor(private readonly db: Db) {
    super();
  }

  async create(job: VerificationJob): Promise<boolean> {
    // The partial unique index on running jobs turns a second start, from any process, into no row.
    const changed = await this.db.execute(
      `INSERT INTO audit_verification_jobs (id, status, phase, batch_size, position_case_id, position_seq, position_hash, cases_done, entries_done,
         cases_total, entries_total, findings, findings_count, started_by, started_at, updated_at)
       VALUES (:id, 'running', 'chains', :batchSize, NULL, NULL, NULL, 0, 0, :casesTotal, :entriesTotal, :findings, 0, :startedBy, :startedAt, :startedAt)
       ON CONFLICT DO NOTHING`,
      { id: job.id, batchSize: job.batchSize, casesTotal: job.totals.cases, entriesTotal: job.totals.entries, findings: this.db.json([]), startedBy: job.startedBy, startedAt: job.startedAt },
    );
    return changed === 1;
  }

  async get(id: string): Promise<VerificationJob | null> {
    const [row] = await this.db.query('SELECT * FROM audit_verification_jobs WHERE id = :id', { id });
    return row ? toJob(row) : null;
  }

  async list(limit: number): Promise<VerificationJob[]> {
    return (await this.db.query('SELECT * FROM audit_verification_jobs ORDER BY started_at DESC, id LIMIT :limit', { limit })).map(toJob);
  }

  async claim(owner: string, now: Date, until: Date): Promise<VerificationJob | null> {
    // One conditional UPDATE: of two processes claiming at once, the second finds the lease taken and changes nothing.
    const changed = await this.db.execute(
      `UPDATE audit_verification_jobs SET lease_owner = :owner, lease_until = :until
        WHERE status = 'running' AND (lease_owner IS NULL OR lease_owner = :owner OR lease_until < :now)`,
      { owner, now: now.toISOString(), until: until.toISOString() },
    );
    if (changed === 0) return null;
    const [row] = await this.db.query(`SELECT * FROM audit_verification_jobs WHERE ${RUNNING_UNDER}`, { owner });
    return row ? toJob(row) : null;
  }

  async save(id: string, owner: string, p: VerificationProgress, now: Date, until: Date): Promise<boolean> {
    const changed = await this.db.execute(
      `UPDATE audit_verification_jobs SET phase = :phase, position_case_id = :caseId, position_seq = :seq, position_hash = :hash,
         cases_done = :cases, entries_done = :entries, findings = :findings, findings_count = :findingsCount, updated_at = :now, lease_until = :until
        WHERE id = :id AND ${RUNNING_UNDER}`,
      {
        id,
        owner,
        phase: p.phase,
        caseId: p.position?.caseId ?? null,
        seq: p.position?.seq ?? null,
        hash: p.position?.hash ?? null,
        cases: p.counts.cases,
        entries: p.counts.entries,
        findings: this.db.json(p.findings),
        findingsCount: p.findingsCount,
        now: now.toISOString(),
        until: until.toISOString(),
      },
    );
    return changed === 1;
  }

  async finish(id: string, owner: string, status: 'completed' | 'failed', error: string | null, now: Date): Promise<boolean> {
    const changed = await this.db.execute(
      `UPDATE audit_verification_jobs SET status = :status, error = :error, finished_at = :now, updated_at = :now, lease_owner = NULL, lease_until = NULL
        WHERE id = :id AND ${RUNNING_UNDER}`,
      { id, owner, status, error, now: now.toISOString() },
    );
    return changed === 1;
  }

  async release(id: string, owner: string): Promise<void> {
    await this.db.execute(`UPDATE audit_verification_jobs SET lease_owner = NULL, lease_until = NULL WHERE id = :id AND ${RUNNING_UNDER}`, { id, owner });
  }

  async cancel(id: string, now: Date): Promise<boolean> {
    const changed = await this.db.execute(
      "UPDATE audit_verification_jobs SET status = 'cancelled', finished_at = :now, updated_at = :now, lease_owner = NULL, lease_until = NULL WHERE id = :id AND status = 'running'",
      { id, now: now.toISOString() },
    );
    return changed === 1;
  }

  async resume(id: string, now: Date): Promise<'resumed' | 'busy' | 'not-cancelled'> {
    try {
      const changed = await this.db.execute(
        "UPDATE audit_verification_jobs SET status = 'running', finished_at = NULL, updated_at = :now WHERE id = :id AND status = 'cancelled'",
        { id, now: now.toISOString() },
      );
      return changed === 1 ? 'resumed' : 'not-cancelled';
    } catch (error) {
      if (isUniqueViolation(error, this.db.dialect)) return 'busy';
      throw error;
    }
  }
}

function toJob(r: Record<string, any>): VerificationJob {
  return {
    id: r.id,
    status: r.status as VerificationJobStatus,
    phase: r.phase,
    batchSize: Number(r.batch_size),
    position: r.position_case_id === null ? null : { caseId: r.position_case_id, seq: Number(r.position_seq), hash: r.position_hash ?? null },
    counts: { cases: Number(r.cases_done), entries: Number(r.entries_done) },
    totals: { cases: Number(r.cases_total), entries: Number(r.entries_total) },
    findings: readJson<Finding[]>(r.findings),
    findingsCount: Number(r.findings_count),
    startedBy: r.started_by,
    startedAt: readInstant(r.started_at),
    updatedAt: readInstant(r.updated_at),
    finishedAt: readOptionalInstant(r.finished_at),
    leaseOwner: r.lease_owner ?? null,
    leaseUntil: readOptionalInstant(r.lease_until),
    error: r.error ?? null,
  };
}
