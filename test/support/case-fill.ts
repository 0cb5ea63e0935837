import type { DataSource } from 'typeorm';
import { DEMO_ORGANISATIONS, DEMO_REGIONS } from '@app/organisations';
import { openDatabase, type Db } from '@app/persistence';
import { TypeOrmDirectoryRepository } from '../../libs/persistence/src/stores/typeorm-directory.repository';
import type { TestDatabase } from './databases';

const SURNAMES = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志';
const SUMMARIES = ['宅基地边界纠纷，围墙越界', '拖欠货款纠纷，欠款未还', '邻里噪音纠纷', '婚姻家庭纠纷，抚养费争议', '劳务报酬纠纷，工资拖欠', '交通事故损害赔偿纠纷'];

/**
 * Fills `cases` with `count` generated rows across the organisations already in the database (their regions), so
 * list queries meet a table of some size: one statement on either database (generate_series on PostgreSQL, a
 * recursive CTE on SQLite). Case numbers are `FILL-000001`…; party names are three and two characters from small
 * pools, summaries one of a few stock phrases, and a fifth of the cases (of every organisation) are closed. Each case gets a made-up identity-number digest. ANALYZE after.
 */
export async function fillCases(db: Db, count: number): Promise<void> {
  const pg = db.dialect === 'postgres';
  const series = pg ? 'generate_series(1, :count) AS s(i)' : 's';
  const prefix = pg ? '' : 'WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < :count) ';
  const ch = (pool: string, index: string) => `substr('${pool}', (${index}) % ${[...pool].length} + 1, 1)`;
  const id = pg ? `(md5('fill' || i)::uuid)::text` : `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`;
  const name1 = `${ch(SURNAMES, 'i')} || ${ch(GIVEN, 'i / 20')} || ${ch(GIVEN, 'i / 600')}`;
  const name2 = `${ch(SURNAMES, 'i + 7')} || ${ch(GIVEN, 'i / 3')}`;
  const parties = pg
    ? `jsonb_build_array(jsonb_build_object('id', 'P1', 'role', 'APPLICANT', 'name', ${name1}), jsonb_build_object('id', 'P2', 'role', 'RESPONDENT', 'name', ${name2}))`
    : `json_array(json_object('id', 'P1', 'role', 'APPLICANT', 'name', ${name1}), json_object('id', 'P2', 'role', 'RESPONDENT', 'name', ${name2}))`;
  const summary = `(${SUMMARIES.map((s, k) => `WHEN ${k} THEN '${s}'`).reduce((a, b) => `${a} ${b}`, `CASE i % ${SUMMARIES.length}`)} END)`;
  const at = pg ? `now() - (i || ' minutes')::interval` : `strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || i || ' minutes')`;
  const lpad = pg ? `lpad(i::text, 6, '0')` : `substr('000000' || i, -6)`;
  const json = (v: string) => (pg ? `'${v}'::jsonb` : `'${v}'`);
  await db.execute(
    `${prefix}INSERT INTO cases (id, case_no, workflow_id, workflow_version, state, context, version, head_hash, org_id, region_code, category, summary, source,
       parties, links, assignee_id, closed, opened_at, opened_by, updated_at, dispute_code)
     SELECT ${id}, 'FILL-' || ${lpad}, 'pm', 1, CASE WHEN (i / 7) % 5 = 0 THEN 'settled' WHEN (i / 7) % 5 = 1 THEN 'registered' ELSE 'mediating' END,
       ${json('{}')}, 1, '${'0'.repeat(64)}', o.id, o.region_code, 'NEIGHBOUR', ${summary}, 'APPLICATION', ${parties}, ${json('[]')}, NULL,
       (i / 7) % 5 = 0, ${at}, 'filler', ${at}, 'DFILL' || i
     FROM ${series} JOIN (SELECT id, region_code, row_number() OVER (ORDER BY id) - 1 AS k FROM organisations) o
       ON o.k = i % (SELECT count(*) FROM organisations)`,
    { count },
  );
  // Every case has a party with an identity number in real data, so the digest table is as big as the case table.
  const digest = pg ? `md5(c.id) || md5(c.id || 'x')` : 'lower(hex(randomblob(32)))';
  await db.execute(`INSERT INTO case_search_keys (kind, digest, case_id) SELECT 'ID', ${digest}, c.id FROM cases c WHERE c.opened_by = 'filler'`);
}

/**
 * A fresh, migrated database of `database`'s kind holding the demo regions and organisations, filled by `fill`: what
 * the plan suites explain their statements over. `close()` closes and drops it.
 */
export async function openFilledDatabase(database: TestDatabase, fill: (db: Db) => Promise<void>): Promise<{ dataSource: DataSource; db: Db; close(): Promise<void> }> {
  const created = await database.create();
  const { dataSource, db } = await openDatabase(created.config);
  const directory = new TypeOrmDirectoryRepository(dataSource, db);
  await directory.saveRegions(DEMO_REGIONS);
  await directory.saveOrganisations(DEMO_ORGANISATIONS);
  await fill(db);
  return { dataSource, db, close: async () => (await dataSource.destroy(), await created.drop()) };
}
