import { Db } from '@app/persistence';
import { createTestApp } from './test/support/test-app';
import { TEST_DATABASES } from './test/support/databases';
import { fillCases } from './test/support/case-fill';
import { explaining, planText, type ExplainedStatement } from './test/support/query-plans';
import { SqlCaseReadModel } from './libs/persistence/src/stores/sql-case-read-model';
(async () => {
  const t = await createTestApp(TEST_DATABASES.find((d) => d.name === (process.env.DBN ?? 'postgres'))!);
  try {
    const db = t.app.get(Db);
    let s = Date.now();
    await fillCases(db, Number(process.env.N ?? 20000));
    console.log('filled', Date.now() - s);
    if (db.dialect === 'postgres') await db.execute('ANALYZE');
    const plans: ExplainedStatement[] = [];
    const rm = new SqlCaseReadModel(db.dialect === 'postgres' ? explaining(db, plans) : db);
    const base = { page: 1, pageSize: 20, countLimit: 1000 };
    const mediator = { kind: 'orgs', orgIds: ['org-fengyuan'], memberId: 'u1' } as const;
    const cases: [string, any][] = [
      ['admin all', { visibility: { kind: 'all' } }],
      ['auditor region', { visibility: { kind: 'region', prefix: '330199' } }],
      ['mediator', { visibility: mediator }],
      ['director orgs', { visibility: { kind: 'orgs', orgIds: ['org-fengqiao', 'org-fengyuan', 'org-liqiao', 'org-xinfeng'] } }],
      ['regionCode 南山', { visibility: { kind: 'all' }, regionCode: '330199102' }],
      ['state registered', { visibility: { kind: 'region', prefix: '330199' }, state: 'registered' }],
      ['q 3 chars name', { visibility: { kind: 'region', prefix: '330199' }, q: '赵伟芳' }],
      ['q 2 chars name', { visibility: { kind: 'region', prefix: '330199' }, q: '郑强' }],
      ['q case no', { visibility: { kind: 'region', prefix: '330199' }, q: 'FILL-0123' }],
      ['q summary', { visibility: { kind: 'region', prefix: '330199' }, q: '抚养费' }],
      ['q mediator', { visibility: mediator, q: '赵伟芳' }],
      ['idNumber', { visibility: { kind: 'region', prefix: '330199' }, idNumber: '330199198001011234' }],
      ['overdue', { visibility: mediator, overdue: true }],
      ['closed false', { visibility: mediator, closed: false }],
    ];
    for (const [label, f] of cases) {
      plans.length = 0;
      s = Date.now();
      const page = await rm.list({ ...base, ...f }, new Date());
      console.log(`\n=== ${label}: ${page.items.length} items, total ${page.total}${page.totalCapped ? '+' : ''} (${Date.now() - s} ms)`);
      for (const p of plans) console.log(p.sql.slice(0, 60).replace(/\s+/g, ' '), '\n' + planText(p.plan));
    }
  } finally {
    await t.close();
  }
})();
