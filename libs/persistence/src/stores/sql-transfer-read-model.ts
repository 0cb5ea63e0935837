import { TransferReadModel, type DisputeCase, type InboxItem, type TransferRecord } from '@app/cases';
import { readInstant, type Db } from '../db/db';
import { toTransfer } from './row-mappers';

export class SqlTransferReadModel extends TransferReadModel {
  constructor(private readonly db: Db) {
    super();
  }

  async into(caseId: string): Promise<TransferRecord | null> {
    const rows = await this.db.query('SELECT * FROM transfers WHERE to_case_id = :caseId', { caseId });
    return rows.length ? toTransfer(rows[0]) : null;
  }

  async inbox(orgId: string, page: { limit: number; offset: number }): Promise<{ items: InboxItem[]; total: number }> {
    const [count] = await this.db.query<{ n: number }>(`SELECT count(*) AS n FROM transfers WHERE to_org_id = :orgId AND status = 'SENT'`, { orgId });
    const rows = await this.db.query(
      `SELECT t.*, c.case_no, c.workflow_id, c.workflow_version, c.state AS case_state, c.version AS case_version, c.summary, c.category
       FROM transfers t JOIN cases c ON c.id = t.to_case_id
       WHERE t.to_org_id = :orgId AND t.status = 'SENT' ORDER BY t.sent_at, t.id LIMIT :limit OFFSET :offset`,
      { orgId, limit: page.limit, offset: page.offset },
    );
    const ids = rows.map((r) => r.to_case_id as string);
    const deadlines = ids.length
      ? await this.db.query(
          `SELECT case_id, spec_id, label, due_on, legal_basis, status, state FROM deadlines WHERE case_id IN (:...ids) ORDER BY created_at, spec_id`,
          { ids },
        )
      : [];
    return {
      total: Number(count.n),
      items: rows.map((r) => {
        return {
          transfer: toTransfer(r),
          caseNo: r.case_no,
          workflowId: r.workflow_id,
          workflowVersion: Number(r.workflow_version),
          state: r.case_state,
          version: Number(r.case_version),
          summary: r.summary,
          category: r.category,
          deadlines: deadlines
            .filter((d) => d.case_id === r.to_case_id && (d.status === 'pending' || d.status === 'missed'))
            .map((d) => ({ specId: d.spec_id, label: d.label, dueOn: d.due_on, legalBasis: d.legal_basis, status: d.status, state: d.state })),
        };
      }),
    };
  }

  async dispute(code: string): Promise<{ cases: DisputeCase[]; transfers: TransferRecord[] }> {
    const [cases, transfers] = await Promise.all([
      this.db.query('SELECT id, case_no, workflow_id, workflow_version, org_id, origin_org_id, origin_case_id, region_code, state, opened_at FROM cases WHERE dispute_code = :code ORDER BY opened_at, id', { code }),
      this.db.query('SELECT * FROM transfers WHERE dispute_code = :code ORDER BY sent_at, id', { code }),
    ]);
    return {
      cases: cases.map((r) => ({
        id: r.id,
        caseNo: r.case_no,
        workflowId: r.workflow_id,
        workflowVersion: Number(r.workflow_version),
        orgId: r.org_id,
        originOrgId: r.origin_org_id ?? null,
        originCaseId: r.origin_case_id ?? null,
        regionCode: r.region_code,
        state: r.state,
        openedAt: readInstant(r.opened_at),
      })),
      transfers: transfers.map(toTransfer),
    };
  }
}
