import { CaseTeamReadModel, type TeamMembership } from '@app/cases';
import type { Db } from '../db/db';
import { toMembership } from './team-rows';

export class SqlCaseTeamReadModel extends CaseTeamReadModel {
  constructor(private readonly db: Db) {
    super();
  }

  async memberships(caseId: string): Promise<TeamMembership[]> {
    const rows = await this.db.query('SELECT * FROM case_team_members WHERE case_id = :caseId ORDER BY added_seq', { caseId });
    return rows.map(toMembership);
  }

  async casesOf(userId: string, caseIds: string[]): Promise<Set<string>> {
    if (!caseIds.length) return new Set();
    const rows = await this.db.query('SELECT case_id FROM case_team_members WHERE user_id = :userId AND removed_at IS NULL AND case_id IN (:...caseIds)', { userId, caseIds });
    return new Set(rows.map((r) => String(r.case_id)));
  }
}
