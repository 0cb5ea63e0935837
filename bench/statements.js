#!/usr/bin/env node
// Subsidy statement benchmark: a district's annual 以案定补 statement over BENCH_CLAIMS approved claims (100,000 by
// default) on PostgreSQL. Starts the built engine as `npm start` does, seeds the claimed cases, the claims' cases and
// the claim rows directly with SQL (generate_series), then times GET /api/subsidy/statements for the district's
// justice bureau over the year as JSON, CSV and .xlsx, beside the raw limit: the same rows read by the same query
// straight from PostgreSQL, with no engine in between.
//
//   npm run build && npm run bench:statements
//   BENCH_CLAIMS=100000 BENCH_RUNS=3 BENCH_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db npm run bench:statements
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync } = require('node:fs');
const { freePort, waitFor } = require('./support/engine-process');
const { join, resolve } = require('node:path');
const { Client } = require('pg');

const root = resolve(__dirname, '..');
const claims = Number(process.env.BENCH_CLAIMS ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://fengqiao:fengqiao@127.0.0.1:5432/fengqiao_bench';
const password = 'bench-password';
const VILLAGES = ['org-fengyuan', 'org-liqiao', 'org-xinfeng', 'org-nanshan-village', 'org-xikou', 'org-dongxi-community', 'org-jinyuan'];

async function main() {
  if (!existsSync(join(root, 'dist/apps/api/main.js'))) throw new Error('Build the engine first: npm run build');
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const pg = new Client({ connectionString: pgUrl });
  await pg.connect();
  await pg.query(`CREATE SCHEMA ${schema}`);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    FENGQIAO_DEMO: '1',
    FENGQIAO_DEMO_PASSWORD: password,
    FENGQIAO_JWT_SECRET: randomBytes(32).toString('hex'),
    FENGQIAO_SEARCH_KEY: 'bench-search-key-of-sufficient-length-0000',
    FENGQIAO_WORKER: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    DATABASE_URL: pgUrl,
    FENGQIAO_PG_SCHEMA: schema,
  };
  const engine = spawn(process.execPath, [join(root, 'dist/apps/api/main.js')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  engine.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  engine.on('exit', (code, signal) => console.error(`engine exited: code ${code}, signal ${signal}; ${stderr}`));
  try {
    await waitFor(`${base}/api/health`, engine, () => stderr, 1200);
    const token = (await post(base, '/api/auth/login', { username: 'auditor', password })).accessToken;
    await pg.query(`SET search_path = ${schema}`);
    const seeded = Date.now();
    const expectedFen = await seed(pg);
    console.error(`seeded ${claims} claims in ${((Date.now() - seeded) / 1000).toFixed(1)} s`);
    await pg.query('ANALYZE');

    const query = { orgId: 'org-justice-bureau', from: '2025-01-01', to: '2025-12-31' };
    const path = `/api/subsidy/statements?${new URLSearchParams(query)}`;
    // The raw limit: the statement's rows read by the engine's own query, straight from the database.
    const raw = await timed(() =>
      pg.query(
        `SELECT s.*, c.state, c.case_no FROM subsidy_claims s JOIN cases c ON c.id = s.claim_case_id
         WHERE s.region_code LIKE '330199%' AND c.state IN ('approved', 'paid', 'published') AND s.performed_on >= $1 AND s.performed_on <= $2
         ORDER BY s.performed_on, s.claimed_case_id`,
        [query.from, query.to],
      ),
    );
    console.error(`raw query ${(raw / 1000).toFixed(2)} s`);
    await fetchStatement(base, path, token, {}).then((r) => r.arrayBuffer()); // warm-up
    const json = await timed(async () => {
      const body = await (await fetchStatement(base, path, token, {})).json();
      if (body.lines.length !== claims) throw new Error(`expected ${claims} lines, got ${body.lines.length}`);
      const sum = body.lines.reduce((n, l) => n + Math.round(Number(l.amount) * 100), 0);
      if (sum !== expectedFen || Math.round(Number(body.total) * 100) !== expectedFen) throw new Error(`total ${body.total} and lines ${sum} differ from the seeded ${expectedFen} fen`);
    });
    console.error(`JSON ${(json / 1000).toFixed(2)} s`);
    const csv = await timed(async () => (await fetchStatement(base, path, token, { accept: 'text/csv' })).text());
    console.error(`CSV ${(csv / 1000).toFixed(2)} s`);
    const xlsx = await timed(async () => (await fetchStatement(base, `${path}&format=xlsx`, token, {})).arrayBuffer());
    const rss = await rssMb(engine.pid);
    const fmt = (ms) => (ms / 1000).toFixed(2);
    console.log(`\nSubsidy statement, ${claims.toLocaleString('en-US')} approved claims, PostgreSQL, median of ${runs}, ${new Date().toISOString()}`);
    console.log('| format | seconds | raw query s | ratio (raw / engine) | bar |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const [name, t] of [['JSON', json], ['CSV', csv], ['xlsx', xlsx]]) {
      console.log(`| ${name} | ${fmt(t)} | ${fmt(raw)} | ${(raw / t).toFixed(2)} | ${name === 'JSON' ? (t < 5000 ? 'met (< 5 s)' : 'MISSED (< 5 s)') : '—'} |`);
    }
    console.log(`engine peak RSS ${rss} MB`);
  } finally {
    engine.kill('SIGTERM');
    await pg.query(`DROP SCHEMA ${schema} CASCADE`).catch(() => undefined);
    await pg.end();
  }
}

/** Seeds the claimed cases, the claims' cases and the claim rows; returns the fen the statement must total. */
async function seed(pg) {
  const [{ id: tariffId }] = (await pg.query(`SELECT id FROM subsidy_tariffs WHERE region_code = '330199' AND year = 2025`)).rows;
  const [{ id: mediatorId }] = (await pg.query(`SELECT id FROM users WHERE username = 'fy_mediator'`)).rows;
  const orgs = (await pg.query('SELECT id, region_code FROM organisations WHERE id = ANY($1)', [VILLAGES])).rows;
  const orgIds = `ARRAY[${orgs.map((o) => `'${o.id}'`).join(',')}]`;
  const regions = `ARRAY[${orgs.map((o) => `'${o.region_code}'`).join(',')}]`;
  const n = orgs.length;
  const parties = JSON.stringify([{ id: 'P1', role: 'APPLICANT', name: '张三' }, { id: 'P2', role: 'RESPONDENT', name: '李四' }]);
  const common = `1, 'archived', '{}'::jsonb, 6, repeat('0', 64), (${orgIds})[1 + i % ${n}], (${regions})[1 + i % ${n}], 'NEIGHBOUR', '批量生成', 'APPLICATION'`;
  await pg.query(
    `INSERT INTO cases (id, case_no, workflow_id, workflow_version, state, context, version, head_hash, org_id, region_code, category, summary, source, parties, links, closed, opened_at, opened_by, updated_at, dispute_code)
     SELECT 'pmb-' || i, '（2025）青溪调字第B' || i || '号', 'pm', ${common}, $1::jsonb, '[]'::jsonb, true, now(), 'bench', now(), 'DB' || i
     FROM generate_series(1, ${claims}) i`,
    [parties],
  );
  await pg.query(
    `INSERT INTO cases (id, case_no, workflow_id, workflow_version, state, context, version, head_hash, org_id, region_code, category, summary, source, parties, links, closed, opened_at, opened_by, updated_at, dispute_code)
     SELECT 'subb-' || i, '（2025）青溪补字第B' || i || '号', 'sub', 1, (ARRAY['approved', 'paid', 'published'])[1 + i % 3], '{}'::jsonb, 6, repeat('0', 64),
       (${orgIds})[1 + i % ${n}], (${regions})[1 + i % ${n}], 'NEIGHBOUR', '批量生成', 'APPLICATION', '[{"id":"P1","role":"APPLICANT","name":"王秀英"}]'::jsonb, '[]'::jsonb, false, now(), 'system', now(), 'DS' || i
     FROM generate_series(1, ${claims}) i`,
  );
  await pg.query(
    `INSERT INTO subsidy_claims (claimed_case_id, claim_case_id, claimed_case_no, region_code, org_id, mediator_id, category, tier, agreement_form, outcome,
       performed_on, audit_seq, audit_hash, party_names, tariff_id, tariff_version, budget_region, budget_year, amount_fen, funding_source, committed_fen, created_at)
     SELECT 'pmb-' || i, 'subb-' || i, '（2025）青溪调字第B' || i || '号', (${regions})[1 + i % ${n}], (${orgIds})[1 + i % ${n}], $1, 'NEIGHBOUR',
       (ARRAY['SIMPLE', 'ORDINARY', 'MAJOR'])[1 + i % 3], 'WRITTEN', 'AGREED', to_char(date '2025-01-01' + (i % 365), 'YYYY-MM-DD'), 5, md5(i::text) || md5(i::text), '张*、李*',
       $2, '330199-2025-v1', '330199', 2025, (ARRAY[10000, 20000, 30000])[1 + i % 3], '区级财政', (ARRAY[10000, 20000, 30000])[1 + i % 3], now()
     FROM generate_series(1, ${claims}) i`,
    [mediatorId, tariffId],
  );
  return Number((await pg.query('SELECT SUM(amount_fen) AS s FROM subsidy_claims')).rows[0].s);
}

async function fetchStatement(base, path, token, headers) {
  const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}`, ...headers } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res;
}

/** Median wall time of `runs` runs, in ms. */
async function timed(work) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

async function rssMb(pid) {
  try {
    const status = require('node:fs').readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)[1]) / 1024);
  } catch {
    return 0;
  }
}

async function post(base, path, body) {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
