import { SubsidyStore, type BudgetRow, type ClaimFilter, type ClaimRow, type FilingRow, type SpotCheckRow, type Tariff, type TariffRules } from '@app/subsidy';
import { readInstant, readJson, type Db, type Params } from '../db/db';

const CLAIM_COLUMNS = `s.claim_case_id, s.claimed_case_id, s.claimed_case_no, s.region_code, s.org_id, s.mediator_id, s.category, s.tier,
  s.agreement_form, s.outcome, s.performed_on, s.audit_seq, s.audit_hash, s.presence_evidence, s.party_names, s.tariff_id, s.tariff_version,
  s.budget_region, s.budget_year, s.amount_fen, s.funding_source, s.committed_fen, s.created_at, c.state, c.case_no`;

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toClaim(r: Record<string, any>): ClaimRow {
  return {
    claimCaseId: r.claim_case_id,
    claimedCaseId: r.claimed_case_id,
    claimedCaseNo: r.claimed_case_no,
    regionCode: r.region_code,
    orgId: r.org_id,
    mediatorId: r.mediator_id,
    category: r.category,
    tier: r.tier,
    agreementForm: r.agreement_form ?? null,
    outcome: r.outcome,
    performedOn: r.performed_on,
    auditSeq: Number(r.audit_seq),
    auditHash: r.audit_hash,
    presenceEvidence: r.presence_evidence ?? null,
    partyNames: r.party_names,
    tariffId: r.tariff_id,
    tariffVersion: r.tariff_version,
    budgetRegion: r.budget_region,
    budgetYear: Number(r.budget_year),
    amountFen: num(r.amount_fen),
    fundingSource: r.funding_source ?? null,
    committedFen: Number(r.committed_fen),
    createdAt: readInstant(r.created_at),
    state: r.state ?? 'eligible',
    caseNo: r.case_no ?? '',
  };
}

function toTariff(r: Record<string, any>): Tariff {
  return { id: r.id, regionCode: r.region_code, year: Number(r.year), version: Number(r.version), rules: readJson<TariffRules>(r.rules), createdAt: readInstant(r.created_at), createdBy: r.created_by };
}

export class SqlSubsidyStore extends SubsidyStore {
  constructor(private readonly db: Db) {
    super();
  }

  private jsonParam(name: string) {
    return this.db.dialect === 'postgres' ? `:${name}::jsonb` : `:${name}`;
  }

  async addTariff(t: { id: string; regionCode: string; year: number; rules: TariffRules; createdAt: string; createdBy: string }): Promise<Tariff> {
    // The next version number is taken inside the insert; a concurrent one for the same region and year fails on the unique key.
    await this.db.execute(
      `INSERT INTO subsidy_tariffs (id, region_code, year, version, rules, created_at, created_by)
       SELECT :id, :regionCode, :year, COALESCE(MAX(version), 0) + 1, ${this.jsonParam('rules')}, :createdAt, :createdBy
       FROM subsidy_tariffs WHERE region_code = :regionCode AND year = :year`,
      { ...t, rules: this.db.json(t.rules) },
    );
    return (await this.tariff(t.id))!;
  }

  async tariffs(regionCode?: string): Promise<Tariff[]> {
    const rows = await this.db.query(
      `SELECT * FROM subsidy_tariffs ${regionCode ? 'WHERE region_code LIKE :prefix' : ''} ORDER BY region_code, year, version`,
      regionCode ? { prefix: `${regionCode}%` } : {},
    );
    return rows.map(toTariff);
  }

  async tariff(id: string): Promise<Tariff | null> {
    const [row] = await this.db.query('SELECT * FROM subsidy_tariffs WHERE id = :id', { id });
    return row ? toTariff(row) : null;
  }

  async tariffFor(regionCode: string, year: number): Promise<Tariff | null> {
    const [row] = await this.db.query(
      `SELECT * FROM subsidy_tariffs WHERE year = :year AND :regionCode LIKE region_code || '%'
       ORDER BY length(region_code) DESC, version DESC LIMIT 1`,
      { regionCode, year },
    );
    return row ? toTariff(row) : null;
  }

  async setBudget(regionCode: string, year: number, totalFen: number): Promise<void> {
    await this.db.execute(
      `INSERT INTO subsidy_budgets (region_code, year, total_fen) VALUES (:regionCode, :year, :totalFen)
       ON CONFLICT (region_code, year) DO UPDATE SET total_fen = :totalFen`,
      { regionCode, year, totalFen },
    );
  }

  async budgets(regionCode?: string): Promise<BudgetRow[]> {
    const rows = await this.db.query(
      `SELECT b.region_code, b.year, b.total_fen, b.committed_fen,
         (SELECT COALESCE(SUM(s.committed_fen), 0) FROM subsidy_claims s JOIN cases c ON c.id = s.claim_case_id
           WHERE s.budget_region = b.region_code AND s.budget_year = b.year AND c.state IN ('paid', 'published')) AS paid_fen
       FROM subsidy_budgets b ${regionCode ? 'WHERE b.region_code LIKE :prefix' : ''} ORDER BY b.region_code, b.year`,
      regionCode ? { prefix: `${regionCode}%` } : {},
    );
    return rows.map((r) => ({ regionCode: r.region_code, year: Number(r.year), totalFen: Number(r.total_fen), committedFen: Number(r.committed_fen), paidFen: Number(r.paid_fen) }));
  }

  async reserve(regionCode: string, year: number, fen: number): Promise<boolean> {
    const changed = await this.db.execute(
      `UPDATE subsidy_budgets SET committed_fen = committed_fen + :fen
       WHERE region_code = :regionCode AND year = :year AND committed_fen + :fen <= total_fen`,
      { regionCode, year, fen },
    );
    return changed === 1;
  }

  async release(regionCode: string, year: number, fen: number): Promise<void> {
    await this.db.execute('UPDATE subsidy_budgets SET committed_fen = committed_fen - :fen WHERE region_code = :regionCode AND year = :year', { regionCode, year, fen });
  }

  async setFiling(f: FilingRow & { recordedBy: string; recordedAt: string }): Promise<void> {
    await this.db.execute(
      `INSERT INTO subsidy_filings (user_id, filing_no, filed_on, recorded_by, recorded_at) VALUES (:userId, :filingNo, :filedOn, :recordedBy, :recordedAt)
       ON CONFLICT (user_id) DO UPDATE SET filing_no = :filingNo, filed_on = :filedOn, recorded_by = :recordedBy, recorded_at = :recordedAt`,
      { ...f },
    );
  }

  async filing(userId: string): Promise<FilingRow | null> {
    const [row] = await this.db.query('SELECT user_id, filing_no, filed_on FROM subsidy_filings WHERE user_id = :userId', { userId });
    return row ? { userId: row.user_id, filingNo: row.filing_no, filedOn: row.filed_on } : null;
  }

  async insertClaim(row: Omit<ClaimRow, 'state' | 'caseNo'>): Promise<boolean> {
    const changed = await this.db.execute(
      `INSERT INTO subsidy_claims (claim_case_id, claimed_case_id, claimed_case_no, region_code, org_id, mediator_id, category, tier, agreement_form,
         outcome, performed_on, audit_seq, audit_hash, presence_evidence, party_names, tariff_id, tariff_version, budget_region, budget_year, amount_fen,
         funding_source, committed_fen, created_at)
       VALUES (:claimCaseId, :claimedCaseId, :claimedCaseNo, :regionCode, :orgId, :mediatorId, :category, :tier, :agreementForm,
         :outcome, :performedOn, :auditSeq, :auditHash, :presenceEvidence, :partyNames, :tariffId, :tariffVersion, :budgetRegion, :budgetYear, :amountFen,
         :fundingSource, :committedFen, :createdAt)
       ON CONFLICT (claimed_case_id) DO NOTHING`,
      { ...row },
    );
    return changed === 1;
  }

  async assignClaimCase(placeholder: string, claimCaseId: string): Promise<void> {
    await this.db.execute('UPDATE subsidy_claims SET claim_case_id = :claimCaseId WHERE claim_case_id = :placeholder', { placeholder, claimCaseId });
  }

  async deleteClaim(claimCaseId: string): Promise<void> {
    await this.db.execute('DELETE FROM subsidy_claims WHERE claim_case_id = :claimCaseId', { claimCaseId });
  }

  async claim(claimCaseId: string): Promise<ClaimRow | null> {
    const [row] = await this.db.query(`SELECT ${CLAIM_COLUMNS} FROM subsidy_claims s JOIN cases c ON c.id = s.claim_case_id WHERE s.claim_case_id = :claimCaseId`, { claimCaseId });
    return row ? toClaim(row) : null;
  }

  async claimOfCase(claimedCaseId: string): Promise<ClaimRow | null> {
    const [row] = await this.db.query(`SELECT ${CLAIM_COLUMNS} FROM subsidy_claims s LEFT JOIN cases c ON c.id = s.claim_case_id WHERE s.claimed_case_id = :claimedCaseId`, { claimedCaseId });
    return row ? toClaim(row) : null;
  }

  async updateClaim(claimCaseId: string, patch: Partial<Pick<ClaimRow, 'tier' | 'amountFen' | 'fundingSource' | 'committedFen'>>): Promise<void> {
    const columns: Record<string, string> = { tier: 'tier', amountFen: 'amount_fen', fundingSource: 'funding_source', committedFen: 'committed_fen' };
    const sets = Object.keys(patch).map((k) => `${columns[k]} = :${k}`);
    if (!sets.length) return;
    await this.db.execute(`UPDATE subsidy_claims SET ${sets.join(', ')} WHERE claim_case_id = :claimCaseId`, { ...patch, claimCaseId });
  }

  async claims(f: ClaimFilter): Promise<ClaimRow[]> {
    const where: string[] = [];
    const params: Params = {};
    if (f.regionPrefix) (where.push('s.region_code LIKE :prefix'), (params.prefix = `${f.regionPrefix}%`));
    if (f.orgIds) (where.push('s.org_id IN (:...orgIds)'), (params.orgIds = f.orgIds));
    if (f.states) (where.push('c.state IN (:...states)'), (params.states = f.states));
    if (f.mediatorId) (where.push('s.mediator_id = :mediatorId'), (params.mediatorId = f.mediatorId));
    if (f.from) (where.push('s.performed_on >= :from'), (params.from = f.from));
    if (f.to) (where.push('s.performed_on <= :to'), (params.to = f.to));
    // Ordered by ids, not case numbers: comparing Chinese text under the database's collation costs more than the rest of a 100,000-line statement.
    const rows = await this.db.query(
      `SELECT ${CLAIM_COLUMNS} FROM subsidy_claims s JOIN cases c ON c.id = s.claim_case_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY s.performed_on, s.claimed_case_id ${f.limit ? `LIMIT ${Math.floor(f.limit)}` : ''}`,
      params,
    );
    return rows.map(toClaim);
  }

  async committedTo(mediatorId: string, from: string, to: string, except: string): Promise<{ cases: number; fen: number }> {
    const [row] = await this.db.query(
      `SELECT COUNT(*) AS n, COALESCE(SUM(committed_fen), 0) AS fen FROM subsidy_claims
       WHERE mediator_id = :mediatorId AND performed_on >= :from AND performed_on <= :to AND committed_fen > 0 AND claim_case_id <> :except`,
      { mediatorId, from, to, except },
    );
    return { cases: Number(row.n), fen: Number(row.fen) };
  }

  async insertSpotCheck(r: SpotCheckRow): Promise<void> {
    await this.db.execute(
      `INSERT INTO subsidy_spot_checks (id, region_code, seed, rate, risk_tiers, population, picks, drawn_at, drawn_by)
       VALUES (:id, :regionCode, :seed, :rate, ${this.jsonParam('riskTiers')}, ${this.jsonParam('population')}, ${this.jsonParam('picks')}, :drawnAt, :drawnBy)`,
      { ...r, riskTiers: this.db.json(r.riskTiers), population: this.db.json(r.population), picks: this.db.json(r.picks) },
    );
  }

  async spotCheck(id: string): Promise<SpotCheckRow | null> {
    const [r] = await this.db.query('SELECT * FROM subsidy_spot_checks WHERE id = :id', { id });
    if (!r) return null;
    return {
      id: r.id,
      regionCode: r.region_code,
      seed: r.seed,
      rate: Number(r.rate),
      riskTiers: readJson(r.risk_tiers),
      population: readJson(r.population),
      picks: readJson(r.picks),
      drawnAt: readInstant(r.drawn_at),
      drawnBy: r.drawn_by,
    };
  }
}
