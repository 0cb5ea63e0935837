#!/usr/bin/env node
// Deadline worker benchmark: BENCH_COUNT (default 100,000) pending deadlines, all due at once, on PostgreSQL. Each is a
// 司法确认 window (D-JC1 of a court case still preparing its application), so each one is a full firing: load the case,
// decide WINDOW_EXPIRED with the machine, commit the transition, the audit entry, the deadline closure and the
// idempotency key in one transaction. The engine processes (1, then 2, started from the sources like `npm start`
// with the worker on) work the backlog from their run at start; the script polls the database until nothing is
// pending, then checks with SQL that every deadline fired exactly once.
//
//   npm run bench:deadlines
//   BENCH_COUNT=100000 BENCH_PROCESSES=1,2 BENCH_CONCURRENCY=16 BENCH_POOL=20 npm run bench:deadlines
//   BENCH_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db   (default: the local fengqiao_bench database)
//
// Each run uses a fresh schema (bench_deadlines_<n>) which is dropped afterwards.
require('../scripts/ts-register.js');

const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { freePort } = require('./support/engine-process');
const { join, resolve } = require('node:path');
const { Client } = require('pg');

const { BUNDLED_HOLIDAYS, LegalCalendar } = require('../libs/calendar/src');
const { DeadlinePlanner } = require('../libs/deadlines/src');
const { DEMO_ORGANISATIONS, DEMO_REGIONS } = require('../libs/organisations/src');
const { judicialConfirmation } = require('../libs/workflow/src');
const { openCase } = require('../libs/cases/src/domain/case-factory');
const { openDatabase } = require('../libs/persistence/src');
const { TypeOrmDirectoryRepository } = require('../libs/persistence/src/stores/typeorm-directory.repository');
const { auditParams, caseParams, deadlineParams } = require('../libs/persistence/src/stores/row-mappers');

const root = resolve(__dirname, '..');
const count = Number(process.env.BENCH_COUNT ?? 100_000);
const processCounts = (process.env.BENCH_PROCESSES ?? '1,2').split(',').map(Number);
const concurrency = process.env.BENCH_CONCURRENCY ?? '16';
const batch = process.env.BENCH_BATCH ?? '500';
const pool = process.env.BENCH_POOL ?? '20';
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://fengqiao:fengqiao@127.0.0.1:5432/fengqiao_bench';
const CHUNK = 5000;

async function main() {
  const rows = [];
  for (const processes of processCounts) {
    const schema = `bench_deadlines_${processes}`;
    console.error(`\n## ${processes} process(es), ${count} deadlines, schema ${schema}`);
    await pg(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    try {
      const loadMs = await load(schema);
      console.error(`loaded in ${(loadMs / 1000).toFixed(1)} s`);
      const run = await work(schema, processes);
      const check = await verify(schema);
      rows.push({ processes, ...run, ...check });
      console.error(JSON.stringify(rows[rows.length - 1]));
    } finally {
      await pg(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    }
  }
  printTable(rows);
}

/** Migrates a fresh schema, adds the demo organisations and writes `count` court cases whose D-JC1 fell due long ago. */
async function load(schema) {
  const started = Date.now();
  const { dataSource, db } = await openDatabase({ databaseUrl: pgUrl, sqlitePath: '', schema, poolSize: 4 });
  try {
    const directory = new TypeOrmDirectoryRepository(dataSource, db);
    await directory.saveRegions(DEMO_REGIONS);
    await directory.saveOrganisations(DEMO_ORGANISATIONS);
  } finally {
    await dataSource.destroy();
  }
  const calendar = new LegalCalendar(BUNDLED_HOLIDAYS);
  const planner = new DeadlinePlanner(() => calendar);
  const court = DEMO_ORGANISATIONS.find((o) => o.id === 'org-court');
  const now = new Date('2025-09-05T02:00:00Z');
  const identity = (v) => v;
  const client = await connect(schema);
  try {
    for (let from = 0; from < count; from += CHUNK) {
      const cases = [];
      const audit = [];
      const deadlines = [];
      for (let i = from; i < Math.min(count, from + CHUNK); i++) {
        const created = openCase(
          {
            def: judicialConfirmation,
            org: court,
            caseNumber: i + 1,
            regionCode: '330199101201',
            category: 'NEIGHBOUR',
            summary: `相邻关系纠纷调解协议司法确认（${i + 1}）`,
            source: 'APPLICATION',
            parties: [
              { id: 'P1', role: 'APPLICANT', name: '张三' },
              { id: 'P2', role: 'RESPONDENT', name: '李四' },
            ],
            actor: { id: 'bench', role: 'COURT_CLERK' },
            now,
            today: '2025-09-05',
            input: { agreementEffectiveOn: '2025-09-01', mediationOrgName: '枫源村人民调解委员会' },
          },
          planner,
        );
        cases.push(caseParams(created.record, identity));
        audit.push(auditParams(created.audit, identity));
        for (const d of created.deadlines) deadlines.push({ ...deadlineParams(d, identity), fire_attempts: 0 });
      }
      await bulkInsert(client, 'cases', cases);
      await bulkInsert(client, 'audit_entries', audit);
      await bulkInsert(client, 'deadlines', deadlines);
      process.stderr.write(`\r  ${Math.min(count, from + CHUNK)} cases`);
    }
    process.stderr.write('\n');
    await client.query('ANALYZE');
    const [{ n }] = (await client.query(`SELECT count(*)::int AS n FROM deadlines WHERE status = 'pending' AND due_at <= now()`)).rows;
    if (n !== count) throw new Error(`expected ${count} due deadlines, found ${n}`);
  } finally {
    await client.end();
  }
  return Date.now() - started;
}

async function bulkInsert(client, table, rows) {
  const columns = Object.keys(rows[0]);
  await client.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(rows)]);
}

/** Starts the engine processes (worker on, system clock) and waits until no deadline is pending. */
async function work(schema, processes) {
  const client = await connect(schema);
  const engines = [];
  const started = Date.now();
  try {
    for (let i = 0; i < processes; i++) engines.push(await startEngine(schema));
    let last = -1;
    for (;;) {
      const [{ pending }] = (await client.query(`SELECT count(*)::int AS pending FROM deadlines WHERE status = 'pending'`)).rows;
      if (pending !== last) process.stderr.write(`\r  pending ${pending}     `);
      last = pending;
      if (pending === 0) break;
      for (const e of engines) if (e.exitCode !== null) throw new Error(`an engine exited with ${e.exitCode}: ${e.stderrText()}`);
      await sleep(200);
    }
    process.stderr.write('\n');
    const wallMs = Date.now() - started;
    const [span] = (await client.query(`SELECT extract(epoch FROM max(fired_at) - min(fired_at)) * 1000 AS ms FROM deadlines`)).rows;
    const shares = (await client.query(`SELECT count(*)::int AS n FROM deadlines GROUP BY claimed_by ORDER BY n DESC`)).rows.map((r) => r.n);
    return { processMs: Number(span.ms), wallMs, shares };
  } finally {
    await Promise.all(engines.map(stopEngine));
    await client.end();
  }
}

async function startEngine(schema) {
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: pgUrl,
    FENGQIAO_PG_SCHEMA: schema,
    FENGQIAO_PG_POOL: pool,
    FENGQIAO_DEMO: '0',
    FENGQIAO_JWT_SECRET: randomBytes(32).toString('hex'),
    FENGQIAO_SEARCH_KEY: 'bench-search-key-of-sufficient-length-0000',
    FENGQIAO_WORKER: '1',
    FENGQIAO_WORKER_INTERVAL_MS: '1000',
    FENGQIAO_WORKER_CONCURRENCY: concurrency,
    FENGQIAO_WORKER_BATCH: batch,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  };
  const engine = spawn(process.execPath, ['-r', join(root, 'scripts/ts-register.js'), join(root, 'apps/api/src/main.ts')], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  engine.stderr.on('data', (d) => (stderr += d));
  engine.stderrText = () => stderr.slice(-2000);
  return engine;
}

function stopEngine(engine) {
  if (engine.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    engine.once('exit', done);
    engine.kill('SIGTERM');
  });
}

/** Exactly once, checked in the database: one WINDOW_EXPIRED audit entry and one idempotency key per case. */
async function verify(schema) {
  const client = await connect(schema);
  try {
    const one = async (sql) => Number((await client.query(sql)).rows[0].n);
    return {
      fired: await one(`SELECT count(*) AS n FROM deadlines WHERE status = 'missed' AND fired_at IS NOT NULL AND fire_outcome = 'fired WINDOW_EXPIRED'`),
      auditEntries: await one(`SELECT count(*) AS n FROM audit_entries WHERE type = 'WINDOW_EXPIRED'`),
      firedTwice: await one(`SELECT count(*) AS n FROM (SELECT case_id FROM audit_entries WHERE type = 'WINDOW_EXPIRED' GROUP BY case_id HAVING count(*) > 1) twice`),
      idempotencyKeys: await one(`SELECT count(*) AS n FROM idempotency_keys WHERE key LIKE 'deadline:%'`),
      casesMoved: await one(`SELECT count(*) AS n FROM cases WHERE state = 'windowExpired' AND version = 2`),
    };
  } finally {
    await client.end();
  }
}

function printTable(rows) {
  const lines = [
    '| Processes | Deadlines | First → last firing | Firings/s | Wall time incl. start | Fired (SQL) | Audit entries | Fired twice | Shares per process |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.processes} | ${count.toLocaleString('en')} | ${(r.processMs / 1000).toFixed(1)} s | ${Math.round((count / r.processMs) * 1000).toLocaleString('en')} | ${(r.wallMs / 1000).toFixed(1)} s | ${r.fired.toLocaleString('en')} | ${r.auditEntries.toLocaleString('en')} | ${r.firedTwice} | ${r.shares.map((n) => n.toLocaleString('en')).join(' / ')} |`,
    ),
  ];
  console.log(lines.join('\n'));
  const bad = rows.filter((r) => r.fired !== count || r.auditEntries !== count || r.firedTwice !== 0 || r.idempotencyKeys !== count || r.casesMoved !== count);
  if (bad.length) {
    console.error('NOT exactly once:', JSON.stringify(bad));
    process.exitCode = 1;
  }
}

async function connect(schema) {
  const client = new Client({ connectionString: pgUrl, options: schema ? `-c search_path=${schema}` : undefined });
  await client.connect();
  return client;
}

async function pg(sql) {
  const client = await connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { load, verify };
