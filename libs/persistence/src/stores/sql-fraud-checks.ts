import { FraudChecks, partyKeys, scoreFraud, type FraudCase, type FraudFacts, type FraudFlag, type FraudSettings, type GroupCount } from '@app/subsidy';
import { readInstant, readJson, readOptionalInstant, type Db, type Params } from '../db/db';
import { SearchDigests } from '../search/search-digests';

const DAY_MS = 86_400_000;
/** Claimed cases per party query: keeps each statement's parameter list well under the drivers' limits. */
const CHUNK = 200;
const AGREEMENT_EVENTS = "('RECORD_ORAL_AGREEMENT', 'SIGN_WRITTEN_AGREEMENT')";

type Row = Record<string, any>;

/**
 * Gathers from the cases table what the fraud checks compare (people's-mediation cases only) and leaves every
 * decision to `scoreFraud`. The queries only narrow: they may return more than a check counts, never less.
 */
export class SqlFraudChecks extends FraudChecks {
  private readonly pg: boolean;
  private readonly agreementOn: string;
  private readonly columns: string;

  constructor(
    private readonly db: Db,
    private readonly settings: FraudSettings,
    /** Under the engine's search key, as the cases' party keys were digested (fraud_party_keys). */
    private readonly digests = new SearchDigests(),
  ) {
    super();
    this.pg = db.dialect === 'postgres';
    // Parenthesised: PostgreSQL gives ->> the precedence of ||, so a concatenation would swallow the operand.
    this.agreementOn = this.pg ? "(c.context->>'agreementEffectiveOn')" : "json_extract(c.context, '$.agreementEffectiveOn')";
    this.columns = `c.id, c.case_no, c.category, c.state, c.dispute_code, c.region_code, r.name AS region_name, c.org_id,
      c.assignee_id, u.display_name AS mediator_name, c.parties, c.opened_at, ${this.agreementOn} AS agreement_on,
      (SELECT min(a.at) FROM audit_entries a WHERE a.case_id = c.id AND a.type IN ${AGREEMENT_EVENTS}) AS agreed_at
      FROM cases c LEFT JOIN regions r ON r.code = c.region_code LEFT JOIN users u ON u.id = c.assignee_id`;
  }

  async flagsFor(caseIds: string[], asOf: Date): Promise<Map<string, FraudFlag[]>> {
    const ids = [...new Set(caseIds)];
    if (!ids.length) return new Map();
    const claimed = await this.cases(`c.id IN (:...ids)`, { ids });
    if (!claimed.length) return new Map();
    const [byCode, byParties, sameDay, baseline] = await Promise.all([this.sameDisputeCode(claimed, asOf), this.sameParties(claimed, asOf), this.sameMediatorDay(claimed, asOf), this.baseline(claimed, asOf)]);
    const facts: FraudFacts = { claimed, others: [...byCode, ...byParties, ...sameDay], baseline };
    return scoreFraud(facts, this.settings, asOf);
  }

  private cast(name: string, type: string): string {
    return this.pg ? `:${name}::${type}` : `:${name}`;
  }

  private async cases(where: string, params: Params): Promise<FraudCase[]> {
    const rows = await this.db.query(`SELECT ${this.columns} WHERE c.workflow_id = 'pm' AND ${where}`, params);
    return rows.map(toFraudCase);
  }

  private sameDisputeCode(claimed: FraudCase[], asOf: Date): Promise<FraudCase[]> {
    const codes = [...new Set(claimed.map((c) => c.disputeCode))];
    return this.cases(`c.dispute_code IN (:...codes) AND c.opened_at <= ${this.cast('asOf', 'timestamptz')}`, { codes, asOf: asOf.toISOString() });
  }

  /** Cases sharing an identity number or a name and phone with a claimed case, opened within the wider of the two windows. */
  private async sameParties(claimed: FraudCase[], asOf: Date): Promise<FraudCase[]> {
    const windowMs = Math.max(this.settings.duplicateWindowDays, this.settings.splitWindowDays) * DAY_MS;
    const found: FraudCase[] = [];
    for (let i = 0; i < claimed.length; i += CHUNK) {
      const chunk = claimed.slice(i, i + CHUNK);
      const opened = chunk.map((c) => Date.parse(c.openedAt));
      const params: Params = {
        from: new Date(Math.min(...opened) - windowMs).toISOString(),
        to: new Date(Math.min(asOf.getTime(), Math.max(...opened) + windowMs)).toISOString(),
      };
      const matches = this.partyMatch(chunk, params);
      if (!matches) continue;
      found.push(...(await this.cases(`c.opened_at >= ${this.cast('from', 'timestamptz')} AND c.opened_at <= ${this.cast('to', 'timestamptz')} AND ${matches}`, params)));
    }
    return found;
  }

  /** The cases holding one of the chunk's party keys: one scan of the digests' primary key for the whole chunk. */
  private partyMatch(chunk: FraudCase[], params: Params): string | null {
    const keys = [...new Set(chunk.flatMap((c) => c.parties.flatMap(partyKeys)))];
    if (!keys.length) return null;
    params.digests = [...new Set(keys.map((k) => this.digests.ofPartyKey(k)))];
    return `c.id IN (SELECT k.case_id FROM fraud_party_keys k WHERE ${this.pg ? 'k.digest = ANY(:digests::varchar[])' : 'k.digest IN (:...digests)'})`;
  }

  /** Cases of a claimed case's mediator whose agreement took effect on its agreement day. */
  private sameMediatorDay(claimed: FraudCase[], asOf: Date): Promise<FraudCase[]> {
    const pairs = [...new Set(claimed.flatMap((c) => (c.mediatorId && c.agreementOn ? [`${c.mediatorId}|${c.agreementOn}`] : [])))];
    if (!pairs.length) return Promise.resolve([]);
    const mediators = [...new Set(claimed.flatMap((c) => (c.mediatorId ? [c.mediatorId] : [])))];
    // The mediator alone is what the index answers; the pair keeps a busy mediator's other days out.
    return this.cases(`c.assignee_id IN (:...mediators) AND c.assignee_id || '|' || ${this.agreementOn} IN (:...pairs) AND c.opened_at <= ${this.cast('asOf', 'timestamptz')}`, { mediators, pairs, asOf: asOf.toISOString() });
  }

  /** The claimed cases' organisations' cases opened in the outlier window, per village and per mediator. */
  private async baseline(claimed: FraudCase[], asOf: Date): Promise<FraudFacts['baseline']> {
    const params = {
      orgs: [...new Set(claimed.map((c) => c.orgId))],
      from: new Date(asOf.getTime() - this.settings.outlierWindowDays * DAY_MS).toISOString(),
      asOf: asOf.toISOString(),
    };
    const scope = `c.workflow_id = 'pm' AND c.org_id IN (:...orgs) AND c.opened_at >= ${this.cast('from', 'timestamptz')} AND c.opened_at <= ${this.cast('asOf', 'timestamptz')}`;
    const [villages, mediators] = await Promise.all([
      this.db.query(`SELECT c.region_code AS key, max(r.name) AS name, count(*) AS n FROM cases c LEFT JOIN regions r ON r.code = c.region_code WHERE ${scope} GROUP BY c.region_code`, params),
      this.db.query(`SELECT c.assignee_id AS key, max(u.display_name) AS name, count(*) AS n FROM cases c LEFT JOIN users u ON u.id = c.assignee_id WHERE ${scope} AND c.assignee_id IS NOT NULL GROUP BY c.assignee_id`, params),
    ]);
    const groups = (rows: Row[]): GroupCount[] => rows.map((r) => ({ key: r.key, name: r.name ?? r.key, cases: Number(r.n) }));
    const v = groups(villages);
    return { villages: v, mediators: groups(mediators), total: v.reduce((a, g) => a + g.cases, 0) };
  }
}

function toFraudCase(r: Row): FraudCase {
  return {
    id: r.id,
    caseNo: r.case_no,
    category: r.category,
    state: r.state,
    disputeCode: r.dispute_code,
    regionCode: r.region_code,
    regionName: r.region_name ?? r.region_code,
    orgId: r.org_id,
    mediatorId: r.assignee_id ?? null,
    mediatorName: r.mediator_name ?? null,
    parties: readJson(r.parties),
    openedAt: readInstant(r.opened_at),
    agreedAt: readOptionalInstant(r.agreed_at),
    agreementOn: r.agreement_on ?? null,
  };
}
