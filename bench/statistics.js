#!/usr/bin/env node
// Statistics benchmark: the bureau's statistics page (GET /api/statistics for a district and a year) over 100,000
// cases on PostgreSQL, seeded with SQL straight into the engine's schema (cases, their audit entries with agreements,
// performance and follow-up satisfaction, missed deadlines, transfers, answers through links). Prints the page's
// median and worst time over several runs, the workbook export and the monthly report, beside two figures measured
// in the same run: the bare grouped scan of the same cases (the floor any statistics page pays) and the raw
// durable-write limit of ../shared/bench/raw-limit (how loaded the machine is now). Fails when the page needs 2 s.
//
//   npm run build && npm run bench:statistics
//   BENCH_CASES=100000 BENCH_RUNS=7 BENCH_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db npm run bench:statistics
//   BENCH_KEEP_SCHEMA=1   leaves the seeded schema in place (its name is printed) to EXPLAIN the queries
const { execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync } = require('node:fs');
const { startEngineOnFreshSchema } = require('./support/engine-process');
const { join, resolve } = require('node:path');
const { Client } = require('pg');

const root = resolve(__dirname, '..');
const rawLimitDir = resolve(root, '..', 'shared', 'bench', 'raw-limit');
const caseCount = Number(process.env.BENCH_CASES ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 7);
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://fengqiao:fengqiao@127.0.0.1:5432/fengqiao_bench';
const budgetMs = 2000;
const password = 'bench-password';
const YEAR = '2025';

async function main() {
  if (!existsSync(join(root, 'dist/apps/api/main.js'))) throw new Error('Build the engine first: npm run build');
  const engine = await startEngineOnFreshSchema({
    url: pgUrl,
    prefix: 'bench',
    env: { FENGQIAO_DEMO: '1', FENGQIAO_DEMO_PASSWORD: password, FENGQIAO_JWT_SECRET: randomBytes(32).toString('hex'), FENGQIAO_WORKER: '0' },
  });
  const { base, schema } = engine;
  try {
    const db = new Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
    await db.connect();
    try {
      console.error(`seeding ${caseCount} cases with SQL…`);
      const seeded = await time(() => seed(db));
      console.error(`seeded in ${(seeded.ms / 1000).toFixed(1)} s`);
      const token = await login(base, 'auditor');
      const query = `regionCode=330199&from=${YEAR}-01-01&to=${YEAR}-12-31`;
      const first = await get(base, `/api/statistics?${query}`, token);
      if (first.totals.cases !== seeded.value) throw new Error(`the page counted ${first.totals.cases} cases, not the ${seeded.value} seeded`);
      const page = await timed(runs, () => get(base, `/api/statistics?${query}`, token));
      const xlsx = await timed(3, () => get(base, `/api/statistics?${query}&format=xlsx`, token, 'buffer'));
      const monthly = await timed(3, () => get(base, `/api/statistics/monthly-report?regionCode=330199&month=${YEAR}-06`, token));
      const scan = await timed(runs, () =>
        db.query(`SELECT region_code, org_id, workflow_id, category, source, count(*) FROM cases WHERE opened_at >= $1 AND opened_at < $2 GROUP BY 1, 2, 3, 4, 5`, [`${YEAR}-01-01T00:00:00+08:00`, `${Number(YEAR) + 1}-01-01T00:00:00+08:00`]),
      );
      const raw = rawPostgres();
      printTable({ first, page, xlsx, monthly, scan, raw });
      if (page.median >= budgetMs) {
        console.error(`FAIL: the statistics page took ${page.median} ms (median), over the ${budgetMs} ms budget`);
        process.exitCode = 1;
      }
    } finally {
      await db.end();
    }
  } finally {
    const keepSchema = process.env.BENCH_KEEP_SCHEMA === '1';
    await engine.stop({ keepSchema });
    if (keepSchema) console.error(`kept schema ${schema} for EXPLAIN; drop it when done`);
  }
}

/**
 * A year of cases across the demo district's mediation committees: about 70% reach an agreement and 80% of those are
 * performed, 60% close, a quarter had a follow-up visit where both parties rated the mediation, 10% missed a deadline,
 * 5% were sent to the court for 司法确认 (each opening a court case), and 5% more were answered through a link.
 */
async function seed(db) {
  await db.query(`CREATE TEMP TABLE plan AS
    SELECT gen_random_uuid()::text AS id, g,
           random() < 0.7 AS succeeded, random() < 0.8 AS performs, random() < 0.6 AS closes,
           random() < 0.25 AS visited, random() < 0.1 AS missed, random() < 0.05 AS sent, random() < 0.05 AS linked,
           timestamptz '${YEAR}-01-01 00:00+08' + (random() * 364) * interval '1 day' AS opened_at,
           (1 + random() * 60) * interval '1 day' AS took
      FROM generate_series(1, ${caseCount}) g`);
  await db.query(`CREATE TEMP TABLE orgs AS
    SELECT id, region_code, (row_number() OVER (ORDER BY id)) - 1 AS k, count(*) OVER () AS n
      FROM organisations WHERE type IN ('VILLAGE_MEDIATION_COMMITTEE', 'TOWNSHIP_MEDIATION_COMMITTEE', 'DISTRICT_MEDIATION_CENTRE')`);
  const categories = "ARRAY['MARRIAGE_FAMILY','NEIGHBOUR','HOUSING_HOMESTEAD','CONTRACT','BUSINESS_OPERATION','TORT_DAMAGES','FOREST_LAND','LABOUR','CONSUMER','PROPERTY_MANAGEMENT','OTHER']";
  const sources = "ARRAY['APPLICATION','PROACTIVE','GRID_REPORT','PETITION_TRANSFER','INTAKE_DISPATCH']";
  const parties = `'[{"id":"P1","role":"APPLICANT","name":"甲"},{"id":"P2","role":"RESPONDENT","name":"乙"}]'::jsonb`;
  await db.query(`INSERT INTO cases (id, case_no, workflow_id, workflow_version, state, context, version, head_hash, org_id, region_code, category, summary,
                                     source, parties, links, assignee_id, closed, opened_at, opened_by, updated_at, dispute_code)
    SELECT p.id, 'BENCH-' || p.g, 'pm', 1,
           CASE WHEN p.closes THEN (CASE WHEN p.succeeded THEN 'archived' ELSE 'terminatedFailed' END)
                WHEN p.succeeded THEN (CASE WHEN p.performs THEN 'performed' ELSE 'monitoring' END) ELSE 'mediating' END,
           '{}'::jsonb, 5, repeat('0', 64), o.id, o.region_code, (${categories})[1 + p.g % 11], '压测纠纷', (${sources})[1 + (p.g / 11) % 5],
           ${parties}, '[]'::jsonb, 'bench-mediator-' || (p.g % 40), p.closes, p.opened_at, 'bench', p.opened_at + p.took, 'BENCH-' || p.g
      FROM plan p JOIN orgs o ON o.k = p.g % o.n`);
  const audit = (seq, type, from, to, where, data = "'{}'::jsonb", at = 'p.opened_at') =>
    db.query(`INSERT INTO audit_entries (case_id, seq, at, actor_id, actor_role, type, from_state, to_state, data, prev_hash, hash)
      SELECT p.id, ${seq}, ${at}, 'bench', 'MEDIATOR', '${type}', ${from ? `'${from}'` : 'NULL'}, '${to}', ${data}, repeat('0', 64), repeat('1', 64) FROM plan p WHERE ${where}`);
  await audit(1, 'OPEN', null, 'registered', 'true');
  await audit(2, 'START_MEDIATION', 'registered', 'mediating', 'true');
  await audit(3, 'SIGN_WRITTEN_AGREEMENT', 'mediating', 'agreedWritten', 'p.succeeded', "'{}'::jsonb", "p.opened_at + p.took / 3");
  await audit(4, 'RECORD_PERFORMED', 'monitoring', 'performed', 'p.succeeded AND p.performs', "'{}'::jsonb", "p.opened_at + p.took / 2");
  await audit(5, 'RECORD_FOLLOW_UP', 'performed', 'performed', 'p.succeeded AND p.performs AND p.visited',
    `jsonb_build_object('visitedOn', '${YEAR}-06-01', 'method', 'PHONE', 'summary', '回访', 'satisfaction', jsonb_build_array(jsonb_build_object('partyId', 'P1', 'rating', 'SATISFIED'), jsonb_build_object('partyId', 'P2', 'rating', CASE WHEN p.g % 4 = 0 THEN 'DISSATISFIED' ELSE 'BASICALLY_SATISFIED' END)))`,
    "p.opened_at + p.took * 0.8");
  await audit(6, 'ARCHIVE', 'performed', 'archived', 'p.closes', "'{}'::jsonb", 'p.opened_at + p.took');
  await db.query(`INSERT INTO deadlines (id, case_id, org_id, spec_id, state, label, period, day_type, legal_basis, confidence, anchor_on, due_on, due_at, status,
                                         soft, provisional, roll_forward, pauses, extensions, created_at, closed_at)
    SELECT gen_random_uuid()::text, p.id, c.org_id, 'D-PM1', 'mediating', '人民调解一般期限', '{"amount":1,"unit":"month"}'::jsonb, 'calendar', '人民调解工作若干规定 第三十三条', 'U',
           to_char(p.opened_at, 'YYYY-MM-DD'), to_char(p.opened_at + interval '1 month', 'YYYY-MM-DD'), p.opened_at + interval '1 month', 'missed',
           true, false, true, '[]'::jsonb, '[]'::jsonb, p.opened_at, p.opened_at + interval '1 month'
      FROM plan p JOIN cases c ON c.id = p.id WHERE p.missed`);
  // Each transfer opens a court case in the same region, as route R4 does.
  await db.query(`INSERT INTO cases (id, case_no, workflow_id, workflow_version, state, context, version, head_hash, org_id, region_code, category, summary,
                                     source, parties, links, closed, opened_at, opened_by, updated_at, dispute_code)
    SELECT 'j' || substr(p.id, 2), 'BENCH-JC-' || p.g, 'jc', 2, 'received', '{}'::jsonb, 1, repeat('0', 64), 'org-court', c.region_code, c.category, '压测司法确认',
           'COURT_ENTRUSTED', ${parties}, '[]'::jsonb, false, p.opened_at + p.took / 3, 'bench', p.opened_at + p.took / 3, c.dispute_code
      FROM plan p JOIN cases c ON c.id = p.id WHERE p.sent AND p.succeeded`);
  await db.query(`INSERT INTO transfers (id, dispute_code, route_id, from_case_id, to_case_id, from_org_id, to_org_id, status, dossier, sent_at)
    SELECT gen_random_uuid()::text, c.dispute_code, 'R4', p.id, 'j' || substr(p.id, 2), c.org_id, 'org-court', 'SENT', '{}'::jsonb, p.opened_at + p.took / 3
      FROM plan p JOIN cases c ON c.id = p.id WHERE p.sent AND p.succeeded`);
  await db.query(`INSERT INTO satisfaction_answers (case_id, party_id, rating, answered_at)
    SELECT p.id, 'P1', CASE WHEN p.g % 3 = 0 THEN 'DISSATISFIED' ELSE 'SATISFIED' END, p.opened_at + p.took FROM plan p WHERE p.linked AND p.closes AND NOT p.visited`);
  await db.query('ANALYZE');
  // The mediation cases and the court cases their transfers opened within the year.
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM cases WHERE case_no LIKE 'BENCH-%' AND opened_at < timestamptz '${Number(YEAR) + 1}-01-01 00:00+08'`)).rows;
  return n;
}

function rawPostgres() {
  const out = execFileSync('bash', [join(rawLimitDir, 'pg-limit.sh'), '5'], { env: { ...process.env, DATABASE_URL: pgUrl }, encoding: 'utf8' });
  const tps = Number(/pg_raw_tps (\d+)/.exec(out)?.[1]);
  if (!tps) throw new Error(`pg-limit.sh printed no figure: ${out}`);
  return tps;
}

async function time(work) {
  const started = process.hrtime.bigint();
  const value = await work();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, value };
}

async function timed(n, work) {
  await work();
  const samples = [];
  for (let i = 0; i < n; i++) samples.push((await time(work)).ms);
  samples.sort((a, b) => a - b);
  return { median: Math.round(samples[Math.floor(samples.length / 2)]), max: Math.round(samples[samples.length - 1]), runs: n };
}

function printTable({ first, page, xlsx, monthly, scan, raw }) {
  const t = first.totals;
  console.log(`\nStatistics over ${t.cases.toLocaleString('en')} cases of one district and year (PostgreSQL; ${first.regions.length} townships, ${first.transfers.reduce((n, x) => n + x.sent, 0)} transfers, ${t.answered} satisfaction answers)\n`);
  console.log('| what | median ms | worst ms | runs |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| GET /api/statistics (the page) | ${page.median} | ${page.max} | ${page.runs} |`);
  console.log(`| GET /api/statistics?format=xlsx | ${xlsx.median} | ${xlsx.max} | ${xlsx.runs} |`);
  console.log(`| GET /api/statistics/monthly-report (one month) | ${monthly.median} | ${monthly.max} | ${monthly.runs} |`);
  console.log(`| bare grouped scan of the same cases, in SQL | ${scan.median} | ${scan.max} | ${scan.runs} |`);
  console.log(`\npage ÷ bare scan: ${(page.median / Math.max(1, scan.median)).toFixed(1)}×; budget ${budgetMs} ms; raw durable-write limit measured in the same run: ${raw} tx/s (../shared/bench/raw-limit)`);
}

async function login(base, username) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

async function get(base, path, token, as = 'json') {
  const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return as === 'json' ? res.json() : Buffer.from(await res.arrayBuffer());
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
