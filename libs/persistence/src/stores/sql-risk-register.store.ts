import { RiskRegisterStore, type RiskReportRow, type RiskSweep } from '@app/cases';
import { readBool, readInstant, readJson, type Db } from '../db/db';

export class SqlRiskRegisterStore extends RiskRegisterStore {
  constructor(private readonly db: Db) {
    super();
  }

  async reports(regionPrefix: string): Promise<{ reports: RiskReportRow[]; openCases: Record<string, number> }> {
    const rows = await this.db.query(
      `SELECT r.*, c.case_no, c.closed FROM risk_reports r JOIN cases c ON c.id = r.case_id
       WHERE r.region_code LIKE :prefix ORDER BY r.reported_at, ${this.db.dialect === 'postgres' ? 'r.seq' : 'r.rowid'}`,
      { prefix: `${regionPrefix}%` },
    );
    const codes = [...new Set(rows.map((r) => r.dispute_code as string))];
    const open = codes.length
      ? await this.db.query<{ dispute_code: string; n: number }>(
          'SELECT dispute_code, count(*) AS n FROM cases WHERE dispute_code IN (:...codes) AND closed = :closed GROUP BY dispute_code',
          { codes, closed: false },
        )
      : [];
    return {
      reports: rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        disputeCode: r.dispute_code,
        regionCode: r.region_code,
        orgId: r.org_id,
        level: r.level,
        summary: r.summary ?? null,
        reportedBy: r.reported_by,
        reportedAt: readInstant(r.reported_at),
        notifiedOrgIds: readJson(r.notified_org_ids),
        caseNo: r.case_no,
        caseClosed: readBool(r.closed),
      })),
      openCases: Object.fromEntries(open.map((o) => [o.dispute_code, Number(o.n)])),
    };
  }

  async recordSweep(s: RiskSweep): Promise<void> {
    await this.db.execute(
      `INSERT INTO risk_sweeps (id, region_code, org_id, conducted_by, conducted_on, findings, dispute_codes, recorded_at)
       VALUES (:id, :regionCode, :orgId, :conductedBy, :conductedOn, :findings, :disputeCodes, :recordedAt)`,
      { ...s, disputeCodes: this.db.json(s.disputeCodes) },
    );
  }

  async sweeps(regionPrefix: string, limit: number): Promise<RiskSweep[]> {
    const rows = await this.db.query('SELECT * FROM risk_sweeps WHERE region_code LIKE :prefix ORDER BY conducted_on DESC, recorded_at DESC LIMIT :limit', { prefix: `${regionPrefix}%`, limit });
    return rows.map((r) => ({
      id: r.id,
      regionCode: r.region_code,
      orgId: r.org_id,
      conductedBy: r.conducted_by,
      conductedOn: r.conducted_on,
      findings: r.findings,
      disputeCodes: readJson(r.dispute_codes),
      recordedAt: readInstant(r.recorded_at),
    }));
  }
}
