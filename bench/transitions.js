#!/usr/bin/env node
// Transitions benchmark: N concurrent HTTP clients send valid workflow events to a running engine for a fixed time,
// on SQLite and on PostgreSQL. Prints transitions/s, p50/p99 latency and the engine's peak RSS beside the raw
// durable-write limit of the same database (../shared/bench/raw-limit), measured in the same run, as a ratio.
//
//   npm run build && npm run bench:transitions
//   BENCH_SECONDS=15 BENCH_CLIENTS=64 BENCH_CASES=1000 BENCH_DATABASES=postgres,sqlite npm run bench:transitions
//   BENCH_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db   (default: the local fengqiao_bench database)
//   BENCH_LOGIN_EVERY_S=5  a login every 5 s of the run (default; 0: none), so the peak RSS includes a password check
//   BENCH_ENGINES=1,2,4    PostgreSQL with that many engine processes on one database (the clients and the pool split)
//   BENCH_MODE=transfers   each client walks whole transfers instead: a village case applies for 司法确认 (route R4
//                          opens the court's case), the court signs for, registers, hears and rules, and the ruling
//                          comes back to the village case through the outbox; reports round trips per second.
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { existsSync, mkdtempSync, rmSync } = require('node:fs');
const { freePort, startEngine, waitFor } = require('./support/engine-process');
const { startFlags } = require('./support/start-flags');
const { get, login: loginAs, post } = require('./support/http');
const { cpuSeconds, rawLimitDir, drive: driveLoad, peakRss, rawPostgres: rawLimit, seedCases: seedLoad } = require('./support/transition-load');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const { Client } = require('pg');

const root = resolve(__dirname, '..');
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const clients = Number(process.env.BENCH_CLIENTS ?? 64);
const caseCount = Number(process.env.BENCH_CASES ?? 1000);
const databases = (process.env.BENCH_DATABASES ?? 'postgres,sqlite').split(',').map((s) => s.trim());
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://fengqiao:fengqiao@127.0.0.1:5432/fengqiao_bench';
const withKeys = process.env.BENCH_IDEMPOTENCY_KEYS === '1';
// A login every BENCH_LOGIN_EVERY_S seconds of the run (0: none), so the peak RSS includes a password check under load.
const loginEvery = Number(process.env.BENCH_LOGIN_EVERY_S ?? 5);
const mode = process.env.BENCH_MODE ?? 'transitions';
// e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the engine during the run.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
if (!['transitions', 'transfers'].includes(mode)) throw new Error('BENCH_MODE must be transitions or transfers');
const password = 'bench-password';
// e.g. BENCH_ENGINES=1,2,4: PostgreSQL only, that many engine processes on one database, the clients split between them.
const engineCounts = process.env.BENCH_ENGINES ? process.env.BENCH_ENGINES.split(',').map(Number) : null;

async function main() {
  if (!existsSync(join(root, 'dist/apps/api/main.js'))) throw new Error('Build the engine first: npm run build');
  const rows = [];
  if (engineCounts) {
    for (const k of engineCounts) {
      console.error(`\n## postgres, ${k} engine process(es)`);
      const raw = rawPostgres();
      console.error(`raw limit: ${raw.tps} tx/s (${raw.label})`);
      rows.push({ database: `postgres, ${k} engine${k > 1 ? 's' : ''}`, raw, ...(await runEngines(k)) });
    }
    return printTable(rows);
  }
  for (const database of databases) {
    if (database !== 'postgres' && database !== 'sqlite') throw new Error(`Unknown database ${database}`);
    console.error(`\n## ${database}`);
    const raw = database === 'postgres' ? rawPostgres() : rawSqlite();
    console.error(`raw limit: ${raw.tps} tx/s (${raw.label})`);
    const result = await runEngine(database);
    rows.push({ database, raw, ...result });
  }
  printTable(rows);
}

function rawPostgres() {
  return rawLimit(pgUrl, seconds);
}

const seedCases = (base, token, agreed) => seedLoad(base, token, caseCount, agreed);
const drive = (base, token, caseIds) => driveLoad(base, token, caseIds, { clients, seconds, withKeys });

function rawSqlite() {
  const out = execFileSync(process.execPath, [join(rawLimitDir, 'sqlite-limit.js')], { cwd: root, encoding: 'utf8' });
  const full = Number(/sqlite_raw_tps_full (\d+)/.exec(out)?.[1]);
  const normal = Number(/sqlite_raw_tps_normal (\d+)/.exec(out)?.[1]);
  // The engine runs SQLite with synchronous=FULL by default, so FULL is the comparable limit.
  return { tps: full, label: `better-sqlite3 WAL synchronous=FULL (NORMAL: ${normal})`, normal };
}

async function runEngine(database) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'fengqiao-bench-'));
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    FENGQIAO_DEMO: '1',
    FENGQIAO_DEMO_PASSWORD: password,
    FENGQIAO_JWT_SECRET: randomBytes(32).toString('hex'),
    FENGQIAO_SEARCH_KEY: 'bench-search-key-of-sufficient-length-0000',
    FENGQIAO_WORKER: '1',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    ...(database === 'postgres' ? { DATABASE_URL: pgUrl, FENGQIAO_PG_SCHEMA: schema, FENGQIAO_PG_POOL: process.env.FENGQIAO_PG_POOL ?? '16' } : { FENGQIAO_DB_PATH: join(dir, 'bench.sqlite') }),
  };
  if (database === 'postgres') await pgExec(`CREATE SCHEMA ${schema}`);
  const engine = spawn(process.execPath, [...startFlags(), ...nodeArgs, join(root, 'dist/apps/api/main.js')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  engine.stderr.on('data', (d) => (stderr += d));
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`, engine, () => stderr);
    const token = await login(base, 'fy_mediator');
    const auditorToken = await login(base, 'auditor');
    console.error(`seeding ${caseCount} cases in ${mode === 'transfers' ? 'written agreement' : 'mediation'}…`);
    const caseIds = await seedCases(base, token, mode === 'transfers');
    const before = await auditCount(base, auditorToken);

    console.error(`driving ${clients} clients for ${seconds} s…`);
    if (mode === 'transfers') return await driveTransfers(base, token, { clerk: await login(base, 'court_clerk'), judge: await login(base, 'judge') }, caseIds, auditorToken, engine.pid);
    const cpuBefore = cpuSeconds(engine.pid);
    // People log in while others work: each login holds Argon2id's memory (64 MiB) on top of the load's heap.
    let logins = 0;
    const loginTimer = loginEvery > 0 ? setInterval(() => login(base, 'auditor').then(() => logins++), loginEvery * 1000) : null;
    const result = await drive(base, token, caseIds).finally(() => loginTimer && clearInterval(loginTimer));
    const cpu = cpuSeconds(engine.pid) - cpuBefore;
    if (loginTimer) console.error(`${logins} logins during the run`);
    const rssKb = peakRss(engine.pid);
    await new Promise((r) => setTimeout(r, 500));
    const verify = await get(base, '/api/audit/verify', auditorToken);
    if (!verify.ok) throw new Error(`audit chain broken after the run: ${JSON.stringify(verify)}`);
    const after = verify.checked;
    const ok2xx = result['2xx'];
    // Requests still in flight when the clock stops complete after it: at most one per client.
    if (after - before < ok2xx || after - before > ok2xx + clients) throw new Error(`audit grew by ${after - before} but ${ok2xx} events succeeded`);
    if (!verify.ok) throw new Error(`audit chain broken after the run: ${JSON.stringify(verify)}`);
    return {
      tps: ok2xx / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.non2xx + result.errors,
      rssMb: rssKb / 1024,
      checked: verify.checked,
      cpuMs: (cpu * 1000) / ok2xx,
    };
  } finally {
    engine.kill('SIGTERM');
    await new Promise((r) => engine.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    if (database === 'postgres') await pgExec(`DROP SCHEMA ${schema} CASCADE`);
  }
}

/**
 * `k` engine processes on one PostgreSQL schema, each with a k-th of the pool (16 connections in all, as one engine
 * has) and a k-th of the clients; a token from one is good at every other (same secret, sessions in the database).
 */
async function runEngines(k) {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const secret = randomBytes(32).toString('hex');
  const pool = String(Math.max(4, Math.round(Number(process.env.FENGQIAO_PG_POOL ?? 16) / k)));
  await pgExec(`CREATE SCHEMA ${schema}`);
  const engines = [];
  try {
    for (let i = 0; i < k; i++) {
      engines.push(
        await startEngine({
          database: { url: pgUrl, schema },
          nodeArgs,
          env: { FENGQIAO_DEMO: '1', FENGQIAO_DEMO_PASSWORD: password, FENGQIAO_JWT_SECRET: secret, FENGQIAO_WORKER: '1', FENGQIAO_PG_POOL: pool, LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
        }),
      );
    }
    const base = engines[0].base;
    const token = await login(base, 'fy_mediator');
    const auditorToken = await login(base, 'auditor');
    console.error(`seeding ${caseCount} cases in mediation…`);
    const caseIds = await seedCases(base, token, false);
    const before = await auditCount(base, auditorToken);
    console.error(`driving ${clients} clients over ${k} engine(s) for ${seconds} s…`);
    const cpuBefore = engines.map((e) => cpuSeconds(e.pid));
    const share = Math.max(1, Math.round(clients / k));
    const results = await Promise.all(engines.map((e) => driveLoad(e.base, token, caseIds, { clients: share, seconds, withKeys })));
    const cpu = engines.reduce((sum, e, i) => sum + cpuSeconds(e.pid) - cpuBefore[i], 0);
    const rssMb = Math.max(...engines.map((e) => peakRss(e.pid))) / 1024;
    await new Promise((r) => setTimeout(r, 500));
    const verify = await get(base, '/api/audit/verify', auditorToken);
    if (!verify.ok) throw new Error(`audit chain broken after the run: ${JSON.stringify(verify)}`);
    const ok2xx = results.reduce((n, r) => n + r['2xx'], 0);
    if (verify.checked - before < ok2xx || verify.checked - before > ok2xx + share * k) throw new Error(`audit grew by ${verify.checked - before} but ${ok2xx} events succeeded`);
    return {
      tps: ok2xx / Math.max(...results.map((r) => r.duration)),
      // The median of the medians and the worst engine's p99: autocannon gives percentiles, not histograms, per run.
      p50: results.map((r) => r.latency.p50).sort((a, b) => a - b)[Math.floor(k / 2)],
      p99: Math.max(...results.map((r) => r.latency.p99)),
      errors: results.reduce((n, r) => n + r.non2xx + r.errors, 0),
      rssMb,
      checked: verify.checked,
      cpuMs: (cpu * 1000) / ok2xx,
    };
  } finally {
    for (const e of engines) await e.stop();
    await pgExec(`DROP SCHEMA ${schema} CASCADE`);
  }
}

/**
 * Whole transfers: each client takes the next village case with a written agreement and walks it through 司法确认 —
 * the application (which opens the court's case over route R4), signing for, registration, the hearing and the
 * ruling — then the run waits until every ruling has reached its village case through the outbox.
 */
async function driveTransfers(base, token, court, caseIds, auditorToken, pid) {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const latencies = [];
  let errors = 0;
  let next = 0;
  const walked = [];
  const timed = async (path, who, body) => {
    const started = performance.now();
    try {
      return await post(base, path, who, body);
    } catch (error) {
      errors++;
      throw error;
    } finally {
      latencies.push(performance.now() - started);
    }
  };
  const until = Date.now() + seconds * 1000;
  const started = performance.now();
  const client = async () => {
    while (Date.now() < until && next < caseIds.length) {
      const pmId = caseIds[next++];
      try {
        const applied = await timed(`/api/cases/${pmId}/events`, token, { type: 'APPLY_JUDICIAL_CONFIRMATION', data: { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' } });
        const jcId = applied.links.find((l) => l.workflowId === 'jc').caseId;
        await timed(`/api/cases/${jcId}/events`, court.clerk, { type: 'SIGN_FOR', data: {} });
        await timed(`/api/cases/${jcId}/events`, court.clerk, { type: 'REGISTER', data: { docketNo: `（${today.slice(0, 4)}）压测民特${next}号`, registeredOn: today } });
        await timed(`/api/cases/${jcId}/events`, court.judge, { type: 'SCHEDULE_VERIFICATION', data: { scheduledOn: today } });
        await timed(`/api/cases/${jcId}/events`, court.judge, { type: 'RULE_VALID', data: { rulingNo: `（${today.slice(0, 4)}）压测民特${next}号`, ruledOn: today } });
        walked.push(pmId);
      } catch {
        // counted in errors
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const duration = (performance.now() - started) / 1000;
  // The ruling travels back after the court's commit: wait for the last ones to land.
  const deadline = Date.now() + 60_000;
  let back = 0;
  for (;;) {
    back = 0;
    for (const id of walked) if ((await get(base, `/api/cases/${id}`, token)).state === 'monitoring') back++;
    if (back === walked.length || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const rssKb = peakRss(pid);
  const verify = await get(base, '/api/audit/verify', auditorToken);
  if (!verify.ok) throw new Error(`audit chain broken after the run: ${JSON.stringify(verify)}`);
  latencies.sort((a, b) => a - b);
  const pct = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  // Per round trip: 5 requests, and 8 audited changes (the application, the court case's opening and filing, four
  // court events, the ruling taken in by the village case).
  return { tps: (walked.length * 8) / duration, transfers: walked.length / duration, returned: back, walked: walked.length, p50: pct(0.5), p99: pct(0.99), errors, rssMb: rssKb / 1024, checked: verify.checked };
}

async function auditCount(base, token) {
  return (await get(base, '/api/audit/verify', token)).checked;
}

const login = (base, username) => loginAs(base, username, password);

async function pgExec(sql) {
  const client = new Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function printTable(rows) {
  const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  if (mode === 'transfers') {
    console.log(`\nTransfers over HTTP (pm → jc → ruling back, route R4): ${clients} clients, ${seconds} s, ${new Date().toISOString()}`);
    console.log('| database | round trips/s | audited changes/s | raw limit tx/s | ratio | p50 ms | p99 ms | rulings back | errors | peak RSS MB |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of rows) {
      console.log(`| ${r.database} | ${fmt(r.transfers, 1)} | ${fmt(r.tps)} | ${fmt(r.raw.tps)} | ${fmt(r.tps / r.raw.tps, 2)} | ${r.p50} | ${r.p99} | ${r.returned}/${r.walked} | ${r.errors} | ${fmt(r.rssMb)} |`);
    }
    return;
  }
  console.log(`\nTransitions over HTTP: ${clients} clients, ${seconds} s, ${caseCount} cases, event RECORD_SESSION${withKeys ? ' with Idempotency-Key' : ''}, ${new Date().toISOString()}`);
  console.log('| database | transitions/s | raw limit tx/s | ratio | p50 ms | p99 ms | engine CPU ms per transition | errors | peak RSS MB | audit entries verified |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(`| ${r.database} | ${fmt(r.tps)} | ${fmt(r.raw.tps)} | ${fmt(r.tps / r.raw.tps, 2)} | ${r.p50} | ${r.p99} | ${fmt(r.cpuMs, 2)} | ${r.errors} | ${fmt(r.rssMb)} | ${fmt(r.checked)} |`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
