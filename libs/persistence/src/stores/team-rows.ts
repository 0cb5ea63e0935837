import type { CaseRecord, TeamChange, TeamMember } from '@app/cases';
import { readInstant, readOptionalInstant } from '../db/db';
import type { Statement } from './sql-builders';

type Row = Record<string, any>;

/** The case's current team as a column of the case load (PostgreSQL), so loading a case stays one round trip. */
export const PG_TEAM_ROWS = `COALESCE((SELECT json_agg(m ORDER BY m.added_seq) FROM case_team_members m WHERE m.case_id = c.id AND m.removed_at IS NULL), '[]'::json) AS team_rows`;

export function toTeamMember(r: Row): TeamMember {
  return { userId: r.user_id, orgId: r.org_id, caseRole: r.case_role, addedAt: readInstant(r.added_at), addedBy: r.added_by, reason: r.reason };
}

export function toMembership(r: Row) {
  return { ...toTeamMember(r), removedAt: readOptionalInstant(r.removed_at), removedBy: r.removed_by ?? null, removalReason: r.removal_reason ?? null };
}

/** A case without a team carries none, so it reads as it did before teams existed. */
export function withTeam(record: CaseRecord, rows: Row[]): CaseRecord {
  return rows.length ? { ...record, team: rows.map(toTeamMember) } : record;
}

export function teamMemberParams(t: Extract<TeamChange, { kind: 'ADD' }>): Record<string, unknown> {
  const m = t.member;
  return { id: t.id, case_id: t.caseId, user_id: m.userId, org_id: m.orgId, case_role: m.caseRole, reason: m.reason, added_at: m.addedAt, added_by: m.addedBy, added_seq: t.seq };
}

/** Closes the current membership; the row stays, so the team page and the audit trail agree on who was a member when. */
export function removeMemberStatement(i: number, t: Extract<TeamChange, { kind: 'REMOVE' }>, gate?: string, ns = ''): Statement {
  const p = `${ns}tr${i}_`;
  const cast = (type: string) => (gate ? `::${type}` : '');
  return {
    sql: `UPDATE case_team_members SET removed_at = :${p}at${cast('timestamptz')}, removed_by = :${p}by${cast('text')}, removal_reason = :${p}reason${cast('text')},
      removed_seq = :${p}seq${cast('integer')}${gate ? ` FROM ${gate}` : ''} WHERE case_id = :${p}case AND user_id = :${p}user AND removed_at IS NULL`,
    params: { [`${p}at`]: t.removedAt, [`${p}by`]: t.removedBy, [`${p}reason`]: t.reason, [`${p}seq`]: t.seq, [`${p}case`]: t.caseId, [`${p}user`]: t.userId },
  };
}
