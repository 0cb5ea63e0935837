import type { Dialect } from '../db/db';

/**
 * Every satisfaction answer as (case_id, party_id, rating, at, n): those the follow-up visit recorded in the audit
 * trail and those given through a link; n = 1 marks a party's first answer, the one that counts. `caseFilter`, a
 * condition on `case_id`, narrows both sources to a few cases; null reads every answer.
 */
export function satisfactionAnswersSql(dialect: Dialect, caseFilter: string | null): string {
  const only = caseFilter ? `AND a.case_id ${caseFilter}` : '';
  const onlyLinks = caseFilter ? `WHERE case_id ${caseFilter}` : '';
  const fromFollowUp =
    dialect === 'postgres'
      ? `SELECT a.case_id, s->>'partyId' AS party_id, s->>'rating' AS rating, a.at
           FROM audit_entries a CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a.data->'satisfaction') = 'array' THEN a.data->'satisfaction' ELSE '[]'::jsonb END) s
          WHERE a.type = 'RECORD_FOLLOW_UP' ${only}`
      : `SELECT a.case_id, json_extract(s.value, '$.partyId') AS party_id, json_extract(s.value, '$.rating') AS rating, a.at
           FROM audit_entries a, json_each(a.data, '$.satisfaction') s
          WHERE a.type = 'RECORD_FOLLOW_UP' ${only}`;
  return `SELECT case_id, party_id, rating, at, ROW_NUMBER() OVER (PARTITION BY case_id, party_id ORDER BY at) AS n FROM (
            ${fromFollowUp}
            UNION ALL
            SELECT case_id, party_id, rating, answered_at AS at FROM satisfaction_answers ${onlyLinks}
          ) answers`;
}

export const SATISFIED_RATINGS = "('SATISFIED', 'BASICALLY_SATISFIED')";
