import { SatisfactionRates, SatisfactionSurveyStore, type AnswerOutcome, type CaseSatisfaction, type SatisfactionLink, type SurveyCase } from '@app/subsidy';
import { readBool, readInstant, readJson, readOptionalInstant, type Db } from '../db/db';
import { SATISFIED_RATINGS, satisfactionAnswersSql } from './satisfaction-answers.sql';

class AnswerRefused extends Error {}

export class SqlSatisfactionStore extends SatisfactionSurveyStore {
  constructor(private readonly db: Db) {
    super();
  }

  async surveyCase(caseId: string): Promise<SurveyCase | null> {
    const [row] = await this.db.query(
      'SELECT id, workflow_id, workflow_version, org_id, region_code, category, closed, updated_at, parties FROM cases WHERE id = :caseId',
      { caseId },
    );
    if (!row) return null;
    return {
      id: row.id,
      workflowId: row.workflow_id,
      workflowVersion: Number(row.workflow_version),
      orgId: row.org_id,
      regionCode: row.region_code,
      category: row.category,
      closed: readBool(row.closed),
      updatedAt: readInstant(row.updated_at),
      parties: readJson<{ id: string; role: string }[]>(row.parties).map((p) => ({ id: p.id, role: p.role })),
    };
  }

  async answeredPartyIds(caseId: string): Promise<string[]> {
    const rows = await this.db.query<{ party_id: string }>(`SELECT DISTINCT party_id FROM (${satisfactionAnswersSql(this.db.dialect, '= :caseId')}) x`, { caseId });
    return rows.map((r) => r.party_id);
  }

  async links(caseId: string): Promise<SatisfactionLink[]> {
    return (await this.db.query('SELECT * FROM satisfaction_links WHERE case_id = :caseId ORDER BY issued_at, party_id', { caseId })).map(toLink);
  }

  async link(token: string): Promise<SatisfactionLink | null> {
    const [row] = await this.db.query('SELECT * FROM satisfaction_links WHERE token = :token', { token });
    return row ? toLink(row) : null;
  }

  async issue(links: SatisfactionLink[]): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const l of links) {
        await tx.execute(
          'INSERT INTO satisfaction_links (token, case_id, party_id, issued_at, issued_by, expires_at) VALUES (:token, :caseId, :partyId, :issuedAt, :issuedBy, :expiresAt)',
          { ...l },
        );
      }
    });
  }

  async answer(token: string, rating: string, at: string): Promise<AnswerOutcome> {
    try {
      return await this.db.transaction(async (tx) => {
        // The conditional update is the gate: of two answers through one link, one uses it and the other finds it used.
        const used = await tx.execute('UPDATE satisfaction_links SET used_at = :at WHERE token = :token AND used_at IS NULL AND expires_at > :at', { token, at });
        if (used === 0) {
          const [row] = await tx.query('SELECT used_at FROM satisfaction_links WHERE token = :token', { token });
          throw new AnswerRefused(!row ? 'UNKNOWN' : row.used_at ? 'LINK_USED' : 'LINK_EXPIRED');
        }
        const [link] = await tx.query<{ case_id: string; party_id: string }>('SELECT case_id, party_id FROM satisfaction_links WHERE token = :token', { token });
        const [heard] = await tx.query(`SELECT 1 AS one FROM (${satisfactionAnswersSql(this.db.dialect, '= :caseId')}) x WHERE party_id = :partyId`, { caseId: link.case_id, partyId: link.party_id });
        if (heard) throw new AnswerRefused('ALREADY_ANSWERED');
        await tx.execute('INSERT INTO satisfaction_answers (case_id, party_id, rating, answered_at) VALUES (:caseId, :partyId, :rating, :at)', { caseId: link.case_id, partyId: link.party_id, rating, at });
        return 'ANSWERED' as const;
      });
    } catch (error) {
      if (error instanceof AnswerRefused) return error.message as AnswerOutcome;
      // Two links of one party answered at once: the answers' primary key lets only the first in.
      if (/unique|duplicate|constraint/i.test(String((error as Error).message))) return 'ALREADY_ANSWERED';
      throw error;
    }
  }
}

export class SqlSatisfactionRates extends SatisfactionRates {
  constructor(private readonly db: Db) {
    super();
  }

  async forCases(caseIds: string[]): Promise<Map<string, CaseSatisfaction>> {
    const out = new Map<string, CaseSatisfaction>();
    if (!caseIds.length) return out;
    const rows = await this.db.query<{ case_id: string; answered: unknown; satisfied: unknown }>(
      `SELECT case_id, COUNT(*) AS answered, SUM(CASE WHEN rating IN ${SATISFIED_RATINGS} THEN 1 ELSE 0 END) AS satisfied
         FROM (${satisfactionAnswersSql(this.db.dialect, 'IN (:...caseIds)')}) x WHERE n = 1 GROUP BY case_id`,
      { caseIds },
    );
    for (const r of rows) out.set(r.case_id, { answered: Number(r.answered), satisfied: Number(r.satisfied) });
    return out;
  }
}

function toLink(row: Record<string, any>): SatisfactionLink {
  return {
    token: row.token,
    caseId: row.case_id,
    partyId: row.party_id,
    issuedAt: readInstant(row.issued_at),
    issuedBy: row.issued_by,
    expiresAt: readInstant(row.expires_at),
    usedAt: readOptionalInstant(row.used_at),
  };
}
