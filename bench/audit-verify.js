#!/usr/bin/env node
// Audit verification at volume: fills a fresh PostgreSQL schema with valid hash chains (BENCH_ENTRIES_PER_CASE entries
// per case, hashed by the engine's own chain code and loaded with COPY), then has the built engine verify them as a
// background job (POST /api/audit/verification-jobs) and then synchronously (GET /api/audit/verify), sampling the
// engine's resident memory from /proc every 50 ms. Prints, for each size: rows/s of the load, rows/s of each
// verification, the engine's RSS before and its peak during each, so memory can be compared across sizes. No budget
// is enforced: the figures go to docs/benchmarks.md ("Audit verification at volume").
//
//   npm run build && npm run bench:audit-verify
//   BENCH_ROWS=100000,1000000 BENCH_ENTRIES_PER_CASE=10 BENCH_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/db npm run bench:audit-verify
//   BENCH_ENGINE_NODE_OPTIONS=--max-old-space-size=128   caps the engine's heap: it still completes when memory is bounded
//   BENCH_SYNC=0   skips the synchronous check (GET /api/audit/verify holds one snapshot for its whole run)
require('../scripts/ts-register');
const { randomBytes, randomUUID } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { Readable } = require('node:stream');
const { pipeline } = require('node:stream/promises');
const { Client } = require('pg');
const { from: copyFrom } = require('pg-copy-streams');
const { chainEntry, GENESIS_HASH } = require('../libs/audit/src/audit-entry.ts');
const { startEngineOnFreshSchema } = require('./support/engine-process');

const root = resolve(__dirname, '..');
const sizes = (process.env.BENCH_ROWS ?? '100000,1000000').split(',').map(Number);
const perCase = Number(process.env.BENCH_ENTRIES_PER_CASE ?? 10);
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://fengqiao:fengqiao@127.0.0.1:5432/fengqiao_bench';
const sync = process.env.BENCH_SYNC !== '0';
const password = 'bench-password';
const MB = 1024 * 1024;

async function main() {
  if (!existsSync(join(root, 'dist/apps/api/main.js'))) throw new Error('Build the engine first: npm run build');
  const results = [];
  for (const rows of sizes) results.push(await measure(rows));
  console.log(`\nAudit verification at volume (PostgreSQL, one engine process, batches of 2000 entries${process.env.BENCH_ENGINE_NODE_OPTIONS ? `, engine ${process.env.BENCH_ENGINE_NODE_OPTIONS}` : ''})`);
  console.log('| audit rows | cases | load rows/s | job rows/s | job RSS before → peak (MB) | sync rows/s | sync RSS before → peak (MB) |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const syncCells = r.sync ? `${r.sync.rate} | ${r.sync.before} → ${r.sync.peak}` : '– | –';
    console.log(`| ${r.rows.toLocaleString('en')} | ${r.cases.toLocaleString('en')} | ${r.loadRate} | ${r.job.rate} | ${r.job.before} → ${r.job.peak} | ${syncCells} |`);
  }
}

async function measure(rows) {
  const cases = Math.ceil(rows / perCase);
  const engine = await startEngineOnFreshSchema({
    url: pgUrl,
    prefix: 'bench_audit',
    env: {
      FENGQIAO_DEMO: '1',
      FENGQIAO_DEMO_PASSWORD: password,
      FENGQIAO_JWT_SECRET: randomBytes(32).toString('hex'),
      FENGQIAO_WORKER: '0',
      FENGQIAO_AUDIT_VERIFY_BATCH: '2000',
      ...(process.env.BENCH_ENGINE_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_ENGINE_NODE_OPTIONS } : {}),
    },
  });
  const { base, schema } = engine;
  try {
    const db = new Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
    await db.connect();
    const t0 = Date.now();
    await load(db, cases);
    const loadSeconds = (Date.now() - t0) / 1000;
    await db.query('ANALYZE cases');
    await db.query('ANALYZE audit_entries');
    const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM audit_entries')).rows;
    const [{ chainHash }] = (await db.query("SELECT value AS \"chainHash\" FROM engine_settings WHERE name = 'audit.chainHash'")).rows;
    if (chainHash !== 'sha256') throw new Error(`the bench hashes with sha256, the engine recorded ${chainHash}`);
    await db.end();
    const token = await login(base, 'auditor');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const job = await sampled(engine.pid, async () => {
      const started = await (await fetch(`${base}/api/audit/verification-jobs`, { method: 'POST', headers, body: '{}' })).json();
      for (;;) {
        const state = await (await fetch(`${base}/api/audit/verification-jobs/${started.id}`, { headers })).json();
        if (state.status !== 'running') {
          if (state.status !== 'completed' || !state.ok || state.progress.entries !== n) throw new Error(`job ended ${JSON.stringify(state).slice(0, 400)}`);
          return state;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    });
    const result = { rows: n, cases, loadRate: Math.round(n / loadSeconds), job: { rate: Math.round(n / job.seconds), before: job.before, peak: job.peak } };
    if (sync) {
      const verdict = await sampled(engine.pid, async () => (await fetch(`${base}/api/audit/verify`, { headers })).json());
      if (!verdict.value.ok || verdict.value.checked !== n) throw new Error(`sync verify: ${JSON.stringify(verdict.value)}`);
      result.sync = { rate: Math.round(n / verdict.seconds), before: verdict.before, peak: verdict.peak };
    }
    console.log(`${n} rows: loaded at ${result.loadRate}/s; job ${job.seconds.toFixed(1)} s, RSS ${job.before} → ${job.peak} MB${result.sync ? `; sync ${verdict(result)}` : ''}`);
    return result;
  } finally {
    await engine.stop();
  }
}

const verdict = (r) => `${r.sync.rate} rows/s, RSS ${r.sync.before} → ${r.sync.peak} MB`;

/** Runs `work` while sampling the process's RSS; the RSS just before, the peak during, and the seconds it took. */
async function sampled(pid, work) {
  const before = rss(pid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, rss(pid))), 50);
  const t0 = Date.now();
  try {
    const value = await work();
    return { value, seconds: (Date.now() - t0) / 1000, before, peak: Math.max(peak, rss(pid)) };
  } finally {
    clearInterval(timer);
  }
}

function rss(pid) {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return Math.round(kb / 1024);
}

/**
 * `count` cases with `perCase` valid entries each, loaded with COPY in two passes: the case rows carry each chain's
 * head hash and the entries reference the case rows, so each chain is computed once per pass rather than kept.
 */
async function load(db, count) {
  const { rows } = await db.query("SELECT id, region_code FROM organisations WHERE type = 'VILLAGE_MEDIATION_COMMITTEE' ORDER BY id");
  const ids = Array.from({ length: count }, () => randomUUID());
  const opened = Date.parse('2025-01-01T00:00:00Z');
  const chainOf = (i) => {
    const out = [];
    let prev = GENESIS_HASH;
    for (let seq = 1; seq <= perCase; seq++) {
      const entry = chainEntry('sha256', prev, {
        caseId: ids[i],
        seq,
        at: new Date(opened + i * 30_000 + seq * 3_600_000).toISOString(),
        actorId: `bench-mediator-${i % 40}`,
        actorRole: 'MEDIATOR',
        type: seq === 1 ? 'OPEN' : 'RECORD_SESSION',
        from: seq === 1 ? null : 'mediating',
        to: 'mediating',
        data: seq === 1 ? { summary: '压测纠纷：宅基地边界' } : { heldOn: '2025-03-01', summary: `第${seq}次调解：双方就赔偿数额继续协商` },
      });
      out.push(entry);
      prev = entry.hash;
    }
    return out;
  };
  const text = (v) => (v === null ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));
  const copy = async (sql, line) => {
    const chunks = function* () {
      for (let i = 0; i < count; i += 500) {
        let chunk = '';
        for (let k = i; k < Math.min(count, i + 500); k++) chunk += line(k);
        yield chunk;
      }
    };
    await pipeline(Readable.from(chunks()), db.query(copyFrom(sql)));
  };
  await copy(
    `COPY cases (id, case_no, workflow_id, workflow_version, state, context, version, head_hash, org_id, region_code, category, summary,
                 source, parties, links, assignee_id, closed, opened_at, opened_by, updated_at, dispute_code) FROM STDIN`,
    (i) => {
      const chain = chainOf(i);
      const org = rows[i % rows.length];
      const at = chain[0].at;
      return [ids[i], `BENCH-${i}`, 'pm', 1, 'mediating', '{}', perCase, chain[perCase - 1].hash, org.id, org.region_code, 'NEIGHBOUR', '压测纠纷', 'APPLICATION',
        '[]', '[]', `bench-mediator-${i % 40}`, 'f', at, 'bench', chain[perCase - 1].at, `BENCH-${i}`].map(text).join('\t') + '\n';
    },
  );
  await copy('COPY audit_entries (case_id, seq, at, actor_id, actor_role, type, from_state, to_state, data, prev_hash, hash) FROM STDIN', (i) =>
    chainOf(i)
      .map((e) => [e.caseId, e.seq, e.at, e.actorId, e.actorRole, e.type, e.from, e.to, JSON.stringify(e.data), e.prevHash, e.hash].map(text).join('\t') + '\n')
      .join(''),
  );
}

async function login(base, username) {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
