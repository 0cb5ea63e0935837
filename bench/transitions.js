#!/usr/bin/env node
// Transitions benchmark: N concurrent HTTP clients send valid workflow events to a running engine for a fixed time,
// on SQLite and on PostgreSQL. Prints transitions/s, p50/p99 latency and the engine's peak RSS beside the raw
// durable-write limit of the same database (../shared/bench/raw-limit), measured in the same run, as a ratio.
//
//   npm run build && npm run bench:transitions
//   BENCH_SECONDS=15 BENCH_CLIENTS=64 BENCH_CASES=1000 BENCH_DATABASES=postgres,sqlite npm run bench:transitions
//   BENCH_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db   (default: the local fengqiao_bench database)
//   BENCH_MODE=transfers   each client walks whole transfers instead: a village case applies for 司法确认 (route R4
//                          opens the court's case), the court signs for, registers, hears and rules, and the ruling
//                          comes back to the village case through the outbox; reports round trips per second.
const { spawn, execFileSync } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { freePort, waitFor } = require('./support/engine-process');
const { tmpdir } = require('node:os');
const { join, resolve } = require('node:path');
const autocannon = require('autocannon');
const { Client } = require('pg');

const root = resolve(__dirname, '..');
const rawLimitDir = resolve(root, '..', 'shared', 'bench', 'raw-limit');
const seconds = Number(process.env.BENCH_SECONDS ?? 15);
const clients = Number(process.env.BENCH_CLIENTS ?? 64);
const caseCount = Number(process.env.BENCH_CASES ?? 1000);
const databases = (process.env.BENCH_DATABASES ?? 'postgres,sqlite').split(',').map((s) => s.trim());
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://fengqiao:fengqiao@127.0.0.1:5432/fengqiao_bench';
const withKeys = process.env.BENCH_IDEMPOTENCY_KEYS === '1';
const mode = process.env.BENCH_MODE ?? 'transitions';
// e.g. BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the engine during the run.
const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
if (!['transitions', 'transfers'].includes(mode)) throw new Error('BENCH_MODE must be transitions or transfers');
const password = 'bench-password';

async function main() {
  if (!existsSync(join(root, 'dist/apps/api/main.js'))) throw new Error('Build the engine first: npm run build');
  const rows = [];
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
  const out = execFileSync('bash', [join(rawLimitDir, 'pg-limit.sh'), String(seconds)], { env: { ...process.env, DATABASE_URL: pgUrl }, encoding: 'utf8' });
  const tps = Number(/pg_raw_tps (\d+)/.exec(out)?.[1]);
  if (!tps) throw new Error(`pg-limit.sh printed no figure: ${out}`);
  return { tps, label: 'pgbench, 64 clients, update + append per transaction' };
}

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
  const engine = spawn(process.execPath, [...nodeArgs, join(root, 'dist/apps/api/main.js')], { env, stdio: ['ignore', 'ignore', 'pipe'] });
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
    const result = await drive(base, token, caseIds);
    const cpu = cpuSeconds(engine.pid) - cpuBefore;
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

async function seedCases(base, token, agreed) {
  const me = await get(base, '/api/auth/me', token);
  const mediators = await get(base, '/api/organisations/mine/users?role=MEDIATOR', token);
  const ids = [];
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  let next = 0;
  const worker = async () => {
    while (next < caseCount) {
      next++;
      const c = await post(base, '/api/cases', token, {
        category: 'NEIGHBOUR',
        summary: '压测：相邻通行纠纷',
        regionCode: me.regionCode,
        source: 'APPLICATION',
        parties: [
          { role: 'APPLICANT', name: '甲' },
          { role: 'RESPONDENT', name: '乙' },
        ],
      });
      await post(base, `/api/cases/${c.id}/events`, token, { type: 'SEEK_CONSENT', data: {} });
      await post(base, `/api/cases/${c.id}/events`, token, {
        type: 'ASSIGN_MEDIATOR',
        data: { mediatorId: mediators[0].id, consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' },
      });
      await post(base, `/api/cases/${c.id}/events`, token, { type: 'START_MEDIATION', data: { startedOn: today, mode: 'ON_SITE' } });
      if (agreed) {
        await post(base, `/api/cases/${c.id}/events`, token, {
          type: 'SIGN_WRITTEN_AGREEMENT',
          data: { content: '乙方让出通道', signedPartyIds: ['P1', 'P2'], mediatorSigned: true, committeeSealed: true, effectiveOn: today },
        });
      }
      ids.push(c.id);
    }
  };
  await Promise.all(Array.from({ length: 16 }, worker));
  return ids;
}

function drive(base, token, caseIds) {
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const body = JSON.stringify({ type: 'RECORD_SESSION', data: { heldOn: today, summary: '双方到场，陈述意见，调解员释法说理。' } });
  return new Promise((resolvePromise, reject) => {
    autocannon(
      {
        url: base,
        connections: clients,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            setupRequest: (req) => ({
              ...req,
              path: `/api/cases/${caseIds[Math.floor(Math.random() * caseIds.length)]}/events`,
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${token}`,
                ...(withKeys ? { 'idempotency-key': randomUUID() } : {}),
              },
              body,
            }),
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolvePromise(result)),
    );
  });
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

/**
 * The engine's CPU time (user + system) so far. Per transition it is the figure least disturbed by whatever else runs
 * on the machine: throughput and latency move with the load, the work one transition costs much less.
 */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function peakRss(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
}

async function login(base, username) {
  return (await post(base, '/api/auth/login', null, { username, password })).accessToken;
}

async function get(base, path, token) {
  const res = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function post(base, path, token, body) {
  const res = await fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

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
