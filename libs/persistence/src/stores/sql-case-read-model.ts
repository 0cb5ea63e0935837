import { CaseReadModel, type CaseListFilter, type CasePage, type PinnedCase } from '@app/cases';
import type { DeadlineRecord } from '@app/deadlines';
import { readBool, type Db, type Params } from '../db/db';
import { SearchDigests } from '../search/search-digests';
import { toCase, toDeadline } from './row-mappers';
import { freeTextCondition, regionCondition } from './case-search-sql';

export class SqlCaseReadModel extends CaseReadModel {
  constructor(
    private readonly db: Db,
    private readonly digests = new SearchDigests(),
  ) {
    super();
  }

  async list(filter: CaseListFilter, now: Date): Promise<CasePage> {
    const where: string[] = [];
    const params: Params = {};
    // An organisation's unassigned queue: its page walks the queue's own rows of case_recency (migration
    // 1765000000000), which its triggers keep to exactly the open unassigned cases of the organisation, so the page
    // does not test those conditions again (tested, the planner takes them for unrelated to the walk's rows and
    // sorts the whole queue instead). Its count reads them from their partial index on cases.
    const queue = filter.orderBy !== 'opened' && !!filter.unassigned && filter.closed === false && !!filter.orgId;
    const impliedByQueue: string[] = [];
    const v = filter.visibility;
    if (v.kind === 'region') {
      where.push(regionCondition(v.prefix, 'visibleRegion', params));
    } else if (v.kind === 'orgs' && !(filter.orgId && v.orgIds.includes(filter.orgId))) {
      // (Left out when the list is of one of the visible organisations anyway, as a work queue is: the condition is
      // then true of every row, and without it an organisation's queue is counted from its partial index alone.)
      // The team's cases as an array, not a subquery: an OR of three indexable conditions is a union of three index
      // scans, where an OR with a subquery reads every case.
      const teamCases = this.db.dialect === 'postgres'
        ? 'c.id = ANY(ARRAY(SELECT m.case_id FROM case_team_members m WHERE m.user_id = :visibleMember AND m.removed_at IS NULL))'
        : 'c.id IN (SELECT m.case_id FROM case_team_members m WHERE m.user_id = :visibleMember AND m.removed_at IS NULL)';
      const member = v.memberId ? ` OR ${teamCases}` : '';
      where.push(`(c.org_id IN (:...visibleOrgs) OR c.origin_org_id IN (:...visibleOrgs)${member})`);
      params.visibleOrgs = v.orgIds;
      if (v.memberId) params.visibleMember = v.memberId;
    }
    if (filter.teamMemberId) {
      where.push('c.id IN (SELECT m.case_id FROM case_team_members m WHERE m.user_id = :teamMember AND m.removed_at IS NULL)');
      params.teamMember = filter.teamMemberId;
    }
    if (filter.state) (where.push('c.state = :state'), (params.state = filter.state));
    if (filter.states) {
      if (!filter.states.length) return { items: [], total: 0, totalCapped: false };
      where.push('c.state IN (:...states)');
      params.states = filter.states;
    }
    if (filter.workflowId) (where.push('c.workflow_id = :workflowId'), (params.workflowId = filter.workflowId));
    if (filter.orgId) ((queue ? impliedByQueue : where).push('c.org_id = :orgId'), (params.orgId = filter.orgId));
    if (filter.regionCode) where.push(regionCondition(filter.regionCode, 'region', params));
    if (filter.assigneeId) (where.push('c.assignee_id = :assigneeId'), (params.assigneeId = filter.assigneeId));
    if (filter.unassigned) (queue ? impliedByQueue : where).push('c.assignee_id IS NULL');
    if (filter.workflowIds) {
      if (!filter.workflowIds.length) return { items: [], total: 0, totalCapped: false };
      where.push('c.workflow_id IN (:...workflowIds)');
      params.workflowIds = filter.workflowIds;
    }
    // A literal, so that SQLite can use the partial index on open unassigned cases (migration 1765000000000).
    if (filter.closed !== undefined) (queue ? impliedByQueue : where).push(`c.closed = ${filter.closed ? 'TRUE' : 'FALSE'}`);
    if (filter.category) (where.push('c.category = :category'), (params.category = filter.category));
    if (filter.source) (where.push('c.source = :source'), (params.source = filter.source));
    if (filter.openedFrom) (where.push('c.opened_at >= :openedFrom'), (params.openedFrom = filter.openedFrom));
    if (filter.openedBefore) (where.push('c.opened_at < :openedBefore'), (params.openedBefore = filter.openedBefore));
    if (filter.q) {
      const text = freeTextCondition(this.db.dialect, filter.q, params);
      if (text) where.push(text);
    }
    // Identity numbers and phones are found by their keyed digests only: the parties document is not searched.
    for (const [kind, value] of [['ID', filter.idNumber], ['PHONE', filter.phone]] as const) {
      if (!value) continue;
      where.push(`c.id IN (SELECT k.case_id FROM case_search_keys k WHERE k.kind = '${kind}' AND k.digest = :${kind}digest)`);
      params[`${kind}digest`] = this.digests.digest(kind, value);
    }
    if (filter.overdue !== undefined) {
      // The deadline lists' meaning of overdue: a pending deadline past its due instant, or one the worker marked missed
      // (a service target such as D-PM1) while the case still sits in the states it covers, as triggers keep it on the
      // deadline (migration 1765000400000). Only open cases count.
      // A scalar subquery with LIMIT 1 rather than EXISTS: PostgreSQL turns an EXISTS into a hash semi-join, which reads
      // every pending and missed deadline (4.2 s at a million cases), where a probe of deadlines_case per listed case
      // stops with the page or the capped count (0.1–0.4 s; docs/benchmarks.md, "At volume").
      const inSpan = this.db.dialect === 'postgres' ? 'd.missed_in_span' : 'd.missed_in_span = 1';
      const late = `(SELECT 1 FROM deadlines d WHERE d.case_id = c.id AND ((d.status = 'pending' AND d.due_at <= :now) OR ${inSpan}) LIMIT 1) IS NOT NULL`;
      where.push(filter.overdue ? `c.closed = :notClosed AND ${late}` : `NOT (c.closed = :notClosed AND ${late})`);
      Object.assign(params, { now, notClosed: false });
    }
    const clauseOf = (conditions: string[]) => (conditions.length ? `WHERE ${conditions.join(' AND ')}` : '');
    const clause = clauseOf([...where, ...impliedByQueue]);
    const pageClause = clauseOf(queue ? [...where, 'r.unassigned_org_id = :orgId'] : where);
    const offset = (filter.page - 1) * filter.pageSize;
    // Counting stops one past the limit, so a page can say there is more without reading every match.
    const limit = filter.countLimit === undefined ? undefined : Math.max(filter.countLimit, offset + filter.pageSize);
    // Most recently changed first comes from case_recency's index (see migration 1764960000100); the ledger's oldest
    // registration first from cases_opened.
    const [from, order] = filter.orderBy === 'opened' ? ['cases c', 'c.opened_at, c.id'] : ['cases c JOIN case_recency r ON r.case_id = c.id', 'r.updated_at DESC, r.case_id'];
    const [[{ total }], rows] = await Promise.all([
      limit === undefined
        ? this.db.query<{ total: number }>(`SELECT count(*) AS total FROM cases c ${clause}`, params)
        : this.db.query<{ total: number }>(`SELECT count(*) AS total FROM (SELECT 1 FROM cases c ${clause} LIMIT :countUpTo) counted`, { ...params, countUpTo: limit + 1 }),
      this.db.query(`SELECT c.* FROM ${from} ${pageClause} ORDER BY ${order} LIMIT :limit OFFSET :offset`, { ...params, limit: filter.pageSize, offset }),
    ]);
    const counted = Number(total);
    const capped = limit !== undefined && counted > limit;
    return { items: rows.map(toCase), total: capped ? limit : counted, totalCapped: capped };
  }

  async deadlinesOf(caseIds: string[]): Promise<DeadlineRecord[]> {
    if (!caseIds.length) return [];
    const rows = await this.db.query('SELECT * FROM deadlines WHERE case_id IN (:...ids) ORDER BY due_on', { ids: caseIds });
    return rows.map(toDeadline);
  }

  async pinnedTo(workflowId: string, version: number): Promise<PinnedCase[]> {
    const rows = await this.db.query('SELECT id, case_no, state, closed, version FROM cases WHERE workflow_id = :workflowId AND workflow_version = :version ORDER BY opened_at, id', {
      workflowId,
      version,
    });
    return rows.map((r) => ({ id: r.id, caseNo: r.case_no, state: r.state, closed: readBool(r.closed), version: Number(r.version) }));
  }
}
