#!/usr/bin/env node
// Latency at volume (issue 15 part 2): one PostgreSQL schema grown to each size in turn (by default 0, 100,000 and
// 1,000,000 cases, with npm run seed:scale's data), and at each size, in one run: the raw durable-write limit of
// ../shared/bench/raw-limit, transitions over HTTP (as bench/transitions.js drives them), the case page and its
// history, the case list with region-subtree, state and overdue filters, search, the inbox, the deadline worker's
// claim and the statistics page. Prints p50 and p99 per size and the ratio of the largest size's p99 to the
// smallest's (the goal: within 1.2×). With BENCH_EXPLAIN=1, at the largest size it also records the SQL each page
// runs and writes its EXPLAIN (ANALYZE, BUFFERS) to BENCH_PLANS (default /tmp/fengqiao-scale-plans.txt).
//
//   npm run build && npm run bench:scale
//   npm run bench:scale -- --sizes 0,100000
//   BENCH_DATABASE_URL=postgres://u:p@host:5432/db BENCH_SECONDS=15 BENCH_RUNS=40 BENCH_KEEP_SCHEMA=1 npm run bench:scale
require('../scripts/ts-register.js');

const { randomBytes } = require('node:crypto');
const { existsSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { Client } = require('pg');
const { startEngine } = require('./support/engine-process');
const { get, login } = require('./support/http');
const { cpuSeconds, drive, peakRss, rawPostgres, seedCases } = require('./support/transition-load');
const { seedScale } = require('./seed-scale');
const { PROTO } = require('./support/scale-prototypes');

const root = resolve(__dirname, '..');
const args = process.argv.slice(2);
const sizesArg = args[args.indexOf('--sizes') + 1];
const sizes = (args.includes('--sizes') ? sizesArg : process.env.BENCH_SIZES ?? '0,100000,1000000').split(',').map(Number).sort((a, b) => a - b);
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://fengqiao:fengqiao@127.0.0.1:5432/fengqiao_bench';
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const runs = Number(process.env.BENCH_RUNS ?? 40);
const clients = Number(process.env.BENCH_CLIENTS ?? 64);
const explain = process.env.BENCH_EXPLAIN === '1';
const plansFile = process.env.BENCH_PLANS ?? '/tmp/fengqiao-scale-plans.txt';
const password = process.env.FENGQIAO_DEMO_PASSWORD ?? 'scale-password';
const YEAR_MS = 365 * 86_400_000;

async function main() {
  if (!existsSync(join(root, 'dist/apps/api/main.js'))) throw new Error('Build the engine first: npm run build');
  const schema = process.env.BENCH_SCHEMA ?? `scale_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const columns = [];
  // A kept schema (BENCH_SCHEMA) resumes at the number of copies it holds.
  let seeded = 0;
  if ((await admin.query(`SELECT to_regclass('${schema}.cases') AS t`)).rows[0].t) {
    // The seed counts disputes (a copy's cases share its dispute code); prototypes and this benchmark's own cases are not copies.
    seeded = (await admin.query(`SELECT count(DISTINCT dispute_code)::int AS n FROM ${schema}.cases WHERE summary NOT LIKE $1 AND summary NOT LIKE '压测%'`, [`${PROTO.summary}%`])).rows[0].n;
  }
  try {
    for (const size of sizes) {
      console.error(`\n## ${size.toLocaleString('en')} cases (schema ${schema})`);
      const seed = await seedScale({ cases: Math.max(0, size - seeded), databaseUrl: pgUrl, schema });
      seed.cases = size;
      seeded = size;
      console.error(`seeded ${seed.cases.toLocaleString('en')} more in ${(seed.totalMs / 1000).toFixed(0)} s (rows ${(seed.loadMs / 1000).toFixed(0)} s, indexes ${(seed.indexMs / 1000).toFixed(0)} s)`);
      const counts = (await admin.query(`SELECT (SELECT count(*) FROM ${schema}.cases)::int AS cases, (SELECT count(*) FROM ${schema}.audit_entries)::int AS audit`)).rows[0];
      // The raw limit's tables go into this schema, so that no other run on the same database drops them.
      const raw = rawPostgres(`${pgUrl}${pgUrl.includes('?') ? '&' : '?'}options=-csearch_path%3D${schema}`, seconds);
      console.error(`raw limit: ${raw.tps} tx/s`);
      const measured = await measure(schema, explain && size === sizes[sizes.length - 1]);
      columns.push({ size, seed, counts, raw, ...measured });
      console.error(JSON.stringify(columns[columns.length - 1].rows));
    }
  } finally {
    if (process.env.BENCH_KEEP_SCHEMA === '1') console.error(`kept schema ${schema}; drop it when done`);
    else await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  }
  printTable(columns);
}

/** Starts the engine (worker off: the seeded overdue deadlines would otherwise be fired during the run) and times every page. */
async function measure(schema, withPlans) {
  const secret = randomBytes(32).toString('hex');
  const env = { FENGQIAO_DEMO: '1', FENGQIAO_DEMO_PASSWORD: password, FENGQIAO_JWT_SECRET: secret, FENGQIAO_WORKER: '0', FENGQIAO_PG_POOL: process.env.FENGQIAO_PG_POOL ?? '16', LOG_LEVEL: 'info' };
  const db = new Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
  await db.connect();
  let engine = await startEngine({ database: { url: pgUrl, schema }, env });
  try {
    const base = engine.base;
    const tokens = {};
    for (const u of ['fy_mediator', 'fq_director', 'auditor', 'court_clerk']) tokens[u] = await login(base, u, password);
    const pages = await pageRequests(db);
    const rows = [];
    for (const page of pages) {
      const ms = await timed(page.runs ?? runs, (i) => get(base, page.path(i), tokens[page.user]));
      rows.push({ name: page.name, ...ms });
    }
    rows.push({ name: 'deadline worker claim (500)', ...(await timed(runs, () => claim(db))) });

    console.error(`transitions: seeding 1,000 cases, then ${clients} clients for ${seconds} s…`);
    const caseIds = await seedCases(base, tokens.fy_mediator, 1000);
    const cpuBefore = cpuSeconds(engine.pid);
    const load = await drive(base, tokens.fy_mediator, caseIds, { clients, seconds });
    const transitions = {
      tps: load['2xx'] / load.duration,
      p50: load.latency.p50,
      p99: load.latency.p99,
      errors: load.non2xx + load.errors,
      cpuMs: ((cpuSeconds(engine.pid) - cpuBefore) * 1000) / load['2xx'],
      rssMb: peakRss(engine.pid) / 1024,
    };
    let plans = null;
    if (withPlans) {
      await engine.stop();
      plans = await explainPages(schema, env, pages, db);
      engine = null;
    }
    return { rows, transitions, plans };
  } finally {
    if (engine) await engine.stop();
    await db.end();
  }
}

/** The pages timed, each with the user who opens it; the case ids and names are drawn from the seeded data. */
async function pageRequests(db) {
  const pick = async (sql) => (await db.query(sql)).rows;
  const cases = await pick(`SELECT id FROM cases WHERE org_id = 'org-fengqiao' ORDER BY random() LIMIT ${runs}`);
  const names = await pick(`SELECT parties->0->>'name' AS name FROM cases WHERE org_id = 'org-fengqiao' ORDER BY random() LIMIT ${runs}`);
  const disputes = await pick(`SELECT dispute_code FROM cases WHERE org_id = 'org-fengqiao' ORDER BY random() LIMIT ${runs}`);
  const at = (list, i) => list[i % list.length];
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const yearAgo = new Date(Date.now() + 8 * 3600_000 - YEAR_MS).toISOString().slice(0, 10);
  return [
    { name: 'case page GET /api/cases/:id', user: 'fq_director', path: (i) => `/api/cases/${at(cases, i).id}` },
    { name: 'its history GET /api/cases/:id/history', user: 'fq_director', path: (i) => `/api/cases/${at(cases, i).id}/history` },
    { name: 'its dispute GET /api/disputes/:code', user: 'fq_director', path: (i) => `/api/disputes/${at(disputes, i).dispute_code}` },
    { name: 'case list: region subtree + state + overdue', user: 'fq_director', path: () => '/api/cases?regionCode=330199101&state=mediating&overdue=true&pageSize=20' },
    { name: 'case list: first page, no filter', user: 'fq_director', path: () => '/api/cases?pageSize=20' },
    { name: 'search q= (a party name)', user: 'fq_director', path: (i) => `/api/cases?q=${encodeURIComponent(at(names, i).name)}&pageSize=20` },
    { name: 'inbox GET /api/inbox (the court)', user: 'court_clerk', path: () => '/api/inbox' },
    { name: 'unassigned queue', user: 'fq_director', path: () => '/api/queues/unassigned' },
    { name: 'escalated queue (督办)', user: 'fq_director', path: () => '/api/queues/escalated' },
    { name: 'overdue deadlines GET /api/deadlines?overdue=true', user: 'fq_director', path: () => '/api/deadlines?overdue=true&pageSize=20' },
    { name: 'deadlines due this week, one per case', user: 'fq_director', path: () => '/api/deadlines?status=pending&dueWithinDays=7&perCase=true' },
    { name: 'notifications', user: 'fq_director', path: () => '/api/notifications' },
    { name: 'unread notifications (the bell)', user: 'fq_director', path: () => '/api/notifications/unread-count' },
    { name: "case list: my teams' cases (team=mine)", user: 'fy_mediator', path: () => '/api/cases?team=mine&pageSize=20' },
    { name: 'statistics: district, last 12 months', user: 'auditor', runs: Math.min(runs, 7), path: () => `/api/statistics?regionCode=330199&from=${yearAgo}&to=${today}` },
  ];
}

/** The deadline worker's claim of 500 due deadlines, in a transaction rolled back so that every run claims the same rows. */
async function claim(db) {
  await db.query('BEGIN');
  try {
    await db.query(CLAIM, [new Date(), new Date(), 500, 'bench', new Date(Date.now() + 60_000)]);
  } finally {
    await db.query('ROLLBACK');
  }
}

/** As SqlDeadlineStore#claimDue sends it on PostgreSQL (libs/persistence/src/stores/sql-deadline.store.ts). */
const CLAIM = `WITH due AS (
    SELECT id FROM deadlines
    WHERE status = 'pending' AND due_at <= $1 AND (claimed_until IS NULL OR claimed_until < $2)
    ORDER BY due_at LIMIT $3
    FOR UPDATE SKIP LOCKED),
  claimed AS (
    UPDATE deadlines d SET claimed_by = $4, claimed_until = $5 FROM due WHERE d.id = due.id RETURNING d.*)
  SELECT claimed.*, c.case_no AS c_case_no, c.workflow_id AS c_workflow_id, c.workflow_version AS c_workflow_version,
    c.state AS c_state, c.closed AS c_closed, c.org_id AS c_org_id, c.region_code AS c_region_code
  FROM claimed JOIN cases c ON c.id = claimed.case_id ORDER BY claimed.due_at`;

async function timed(n, fn) {
  for (let i = 0; i < 3; i++) await fn(i);
  const ms = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await fn(i);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const pct = (q) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)];
  return { p50: pct(0.5), p99: pct(0.99), n };
}

/**
 * Opens each page once on an engine that records its SQL, then EXPLAINs (ANALYZE, BUFFERS) every distinct SELECT it
 * ran, with the parameters it ran it with, in a transaction rolled back afterwards.
 */
async function explainPages(schema, env, pages, db) {
  const capture = `/tmp/fengqiao-scale-sql-${process.pid}.jsonl`;
  const engine = await startEngine({ database: { url: pgUrl, schema }, env: { ...env, FENGQIAO_SQL_CAPTURE: capture }, nodeArgs: ['-r', join(__dirname, 'support/sql-capture.js')] });
  const out = [];
  try {
    const tokens = {};
    for (const u of new Set(pages.map((p) => p.user))) tokens[u] = await login(engine.base, u, password);
    for (const page of pages) {
      writeFileSync(capture, '');
      await get(engine.base, page.path(0), tokens[page.user]);
      const seen = new Set();
      for (const line of readFileSync(capture, 'utf8').split('\n').filter(Boolean)) {
        const { text, values } = JSON.parse(line);
        if (!/^\s*(WITH|SELECT)/i.test(text) || seen.has(text)) continue;
        seen.add(text);
        await db.query('BEGIN');
        try {
          const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, values)).rows.map((r) => r['QUERY PLAN']).join('\n');
          out.push(`### ${page.name}\n${text.trim()}\n\n${plan}\n`);
        } catch (error) {
          out.push(`### ${page.name}\n${text.trim()}\n\nEXPLAIN failed: ${error.message}\n`);
        } finally {
          await db.query('ROLLBACK');
        }
      }
    }
    await db.query('BEGIN');
    const plan = (await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${CLAIM}`, [new Date(), new Date(), 500, 'bench', new Date(Date.now() + 60_000)])).rows.map((r) => r['QUERY PLAN']).join('\n');
    await db.query('ROLLBACK');
    out.push(`### deadline worker claim\n${CLAIM}\n\n${plan}\n`);
  } finally {
    await engine.stop();
    rmSync(capture, { force: true });
  }
  writeFileSync(plansFile, out.join('\n'));
  console.error(`plans written to ${plansFile}`);
  return plansFile;
}

function printTable(columns) {
  const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  const first = columns[0];
  const last = columns[columns.length - 1];
  console.log(`\nAt volume, PostgreSQL, ${new Date().toISOString()}; p50 / p99 ms over ${runs} sequential requests per page (7 for statistics)`);
  console.log(`| measure | ${columns.map((c) => `${fmt(c.counts.cases)} cases, ${fmt(c.counts.audit)} audit rows`).join(' | ')} | p99 ${fmt(last.size)} ÷ p99 ${fmt(first.size)} |`);
  console.log(`| --- | ${columns.map(() => '---').join(' | ')} | --- |`);
  console.log(`| raw limit tx/s (same run) | ${columns.map((c) => fmt(c.raw.tps)).join(' | ')} | |`);
  const t = (c) => c.transitions;
  console.log(`| transitions/s (ratio to raw) | ${columns.map((c) => `${fmt(t(c).tps)} (${fmt(t(c).tps / c.raw.tps, 2)})`).join(' | ')} | |`);
  console.log(`| transition p50 / p99 | ${columns.map((c) => `${t(c).p50} / ${t(c).p99}`).join(' | ')} | ${fmt(t(last).p99 / t(first).p99, 2)} |`);
  console.log(`| engine CPU ms per transition · peak RSS MB | ${columns.map((c) => `${fmt(t(c).cpuMs, 2)} · ${fmt(t(c).rssMb)}`).join(' | ')} | |`);
  for (let i = 0; i < first.rows.length; i++) {
    const name = first.rows[i].name;
    console.log(`| ${name} | ${columns.map((c) => `${fmt(c.rows[i].p50, 1)} / ${fmt(c.rows[i].p99, 1)}`).join(' | ')} | ${fmt(last.rows[i].p99 / first.rows[i].p99, 2)} |`);
  }
  console.log(`| seed: rows + indexes s | ${columns.map((c) => `${fmt(c.seed.loadMs / 1000)} + ${fmt(c.seed.indexMs / 1000)}`).join(' | ')} | |`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
