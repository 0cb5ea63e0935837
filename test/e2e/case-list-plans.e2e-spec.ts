import { Db } from '@app/persistence';
import type { CaseListFilter } from '@app/cases';
import type { VisibilityFilter } from '@app/organisations';
import { SqlCaseReadModel } from '../../libs/persistence/src/stores/sql-case-read-model';
import { fillCases } from '../support/case-fill';
import { APPLICANT, idNumber, openCase, pmCaseBody, RESPONDENT } from '../support/cases';
import { TEST_DATABASES } from '../support/databases';
import { explaining, indexesUsed, planText, seqScansOf, type ExplainedStatement, type PlanNode } from '../support/query-plans';
import { createTestApp, type TestApp } from '../support/test-app';

/*
 * The case list's queries over 20,000 cases: on PostgreSQL each page and count keeps its plan shape (the indexes it
 * reads, and no sequential scan of cases but the count's, which stops after 1001 rows); on both databases the same
 * filters find the same cases. Plans need statistics, so the table is analysed after it is filled.
 */

const FILLED = 20_000;
const NEEDLE_ID = idNumber('33019919660606001');
const NEEDLE_PHONE = '13900001111';

type Filter = Omit<CaseListFilter, 'page' | 'pageSize'>;
const AUDITOR: VisibilityFilter = { kind: 'region', prefix: '330199' };
/** A village mediator: the organisation's cases and those of the teams the person is on. */
const MEDIATOR: VisibilityFilter = { kind: 'orgs', orgIds: ['org-fengyuan'], memberId: 'user-of-a-team' };

/** The list as the console asks for it: first page of 20, counting to 1000. */
const PAGE = { page: 1, pageSize: 20, countLimit: 1000 };

/** A sequential scan of cases is bounded only when it feeds the count's LIMIT (through a Gather, if parallel): a broad filter's first 1001. */
function unboundedCaseScans(plan: PlanNode): PlanNode[] {
  const below = (node: PlanNode): PlanNode[] => (node['Node Type'] === 'Gather' ? (node.Plans ?? []).flatMap(below) : [node]);
  const limit = plan['Node Type'] === 'Aggregate' && plan.Plans?.[0]['Node Type'] === 'Limit' ? plan.Plans[0] : undefined;
  const bounded = (limit?.Plans ?? []).flatMap(below).filter((p) => p['Node Type'] === 'Seq Scan');
  return seqScansOf(plan, 'cases').filter((scan) => !bounded.includes(scan));
}

describe.each(TEST_DATABASES)('the case list over 20,000 cases ($name)', (database) => {
  let t: TestApp;
  let db: Db;
  let plans: ExplainedStatement[];
  let readModel: SqlCaseReadModel;
  let needle: { id: string; caseNo: string };

  beforeAll(async () => {
    t = await createTestApp(database);
    db = t.app.get(Db);
    needle = await openCase(
      t,
      'fy_mediator',
      pmCaseBody({ summary: '果园承包合同纠纷：枇杷树补偿款未付', parties: [{ ...APPLICANT, name: '欧阳明月', idNumber: NEEDLE_ID, phone: NEEDLE_PHONE }, RESPONDENT] }),
    );
    await fillCases(db, FILLED);
    if (db.dialect === 'postgres') await db.execute('ANALYZE');
    plans = [];
    readModel = new SqlCaseReadModel(db.dialect === 'postgres' ? explaining(db, plans) : db);
  }, 180_000);
  afterAll(() => t?.close());

  /** The page and its plans (empty on SQLite). */
  async function list(filter: Filter) {
    plans.length = 0;
    const page = await readModel.list({ ...PAGE, ...filter }, new Date());
    return { page, statements: [...plans] };
  }

  // `uses`: an index the plan must read, where it is the only good plan. A word in a sixth of the cases is found as
  // well by walking the recency index, and a name within one organisation by that organisation's few hundred cases.
  // `unindexed`: the documented cost of a query shorter than a trigram (docs/case-list.md): it reads the cases of the
  // jurisdiction, the count stopping after 1001 matches.
  const cases: [string, Filter, { total: number | 'capped'; uses?: string[]; unindexed?: boolean }][] = [
    ['everything, for an administrator', { visibility: { kind: 'all' } }, { total: 'capped', uses: ['case_recency_order'] }],
    ["a district auditor's region", { visibility: AUDITOR }, { total: 'capped', uses: ['case_recency_order'] }],
    ["a village mediator's organisation with the team's cases", { visibility: MEDIATOR }, { total: 667 + 1 }],
    ['a region subtree (南山镇)', { visibility: { kind: 'all' }, regionCode: '330199102' }, { total: 'capped', uses: ['cases_region'] }],
    ['one state in a region', { visibility: AUDITOR, state: 'registered' }, { total: 'capped' }],
    ['open cases of an organisation', { visibility: MEDIATOR, closed: false }, { total: 573 }],
    ['overdue cases of an organisation', { visibility: MEDIATOR, overdue: true }, { total: 0 }],
    ['three characters of a name', { visibility: AUDITOR, q: '欧阳明' }, { total: 1, uses: ['cases_search_text'] }],
    ['two characters, which no trigram index holds', { visibility: AUDITOR, q: '郑强' }, { total: 70, unindexed: true }],
    ['a case number fragment', { visibility: AUDITOR, q: 'FILL-0123' }, { total: 96, uses: ['cases_search_text'] }],
    ['a word of the summaries, in many cases', { visibility: AUDITOR, q: '抚养费' }, { total: 'capped' }],
    ['a name within a mediator’s organisation', { visibility: MEDIATOR, q: '欧阳明月' }, { total: 1 }],
    ['an identity number', { visibility: AUDITOR, idNumber: NEEDLE_ID }, { total: 1, uses: ['case_search_keys_pkey'] }],
    ['a phone number', { visibility: AUDITOR, phone: NEEDLE_PHONE }, { total: 1, uses: ['case_search_keys_pkey'] }],
  ];

  it.each(cases)('%s: finds the right cases', async (_label, filter, expected) => {
    const { page } = await list(filter);
    if (expected.total === 'capped') expect(page).toMatchObject({ total: 1000, totalCapped: true });
    else expect(page).toMatchObject({ total: expected.total, totalCapped: false });
    expect(page.items.length).toBe(Math.min(20, page.total));
    if (filter.q?.startsWith('欧阳') || filter.idNumber || filter.phone) expect(page.items.map((c) => c.id)).toEqual([needle.id]);
  });

  if (database.name !== 'postgres') return;

  it.each(cases)('%s: reads cases through indexes (PostgreSQL)', async (_label, filter, expected) => {
    const { statements } = await list(filter);
    expect(statements).toHaveLength(2);
    if (expected.unindexed) {
      for (const { plan } of statements) expect(planText(plan)).toMatch(/^(Aggregate\n {2})?Limit/);
      return;
    }
    for (const { sql, plan } of statements) {
      expect({ sql, scans: unboundedCaseScans(plan).map(() => planText(plan)) }).toEqual({ sql, scans: [] });
    }
    const pageStatement = statements.find((s) => s.sql.includes('ORDER BY'))!;
    expect(seqScansOf(pageStatement.plan, 'cases')).toEqual([]);
    const used = statements.flatMap((s) => indexesUsed(s.plan));
    for (const index of expected.uses ?? []) expect({ index, used }).toEqual({ index, used: expect.arrayContaining([index]) });
  });

  it('the page of a broad list walks the recency index and stops after the page (no sort of every match)', async () => {
    const { statements } = await list({ visibility: AUDITOR });
    const text = planText(statements.find((s) => s.sql.includes('ORDER BY'))!.plan);
    expect(text).toMatch(/Index Only Scan using case_recency_order on case_recency/);
    expect(text).not.toMatch(/Sort/);
  });
});
