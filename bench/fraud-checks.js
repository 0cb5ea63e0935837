#!/usr/bin/env node
// Fraud check benchmark: BENCH_COUNT (default 100,000) people's-mediation cases of one district's year on PostgreSQL,
// spread over the demo villages' committees and BENCH_MEDIATORS mediators, their parties drawn from a population small
// enough that people recur. Then batches of claimed cases (BENCH_BATCHES, default 100,1000,2000, agreed cases of one
// quarter) go through the fraud checks as the claim review calls them, each timed, with the flags found per check.
//
//   npm run bench:fraud
//   BENCH_COUNT=100000 BENCH_BATCHES=100,1000,2000 BENCH_DATABASE_URL=postgres://… npm run bench:fraud
//
// The run uses a fresh schema (bench_fraud) which is dropped afterwards (BENCH_KEEP=1 keeps it to look at plans).
require('../scripts/ts-register.js');

const { randomUUID } = require('node:crypto');
const { Client } = require('pg');

const { DEMO_ORGANISATIONS, DEMO_REGIONS } = require('../libs/organisations/src');
const { openDatabase, SearchDigests, syncSearchKeys } = require('../libs/persistence/src');
const { TypeOrmDirectoryRepository } = require('../libs/persistence/src/stores/typeorm-directory.repository');
const { SqlFraudChecks } = require('../libs/persistence/src/stores/sql-fraud-checks');
const { DEFAULT_FRAUD_SETTINGS } = require('../libs/subsidy/src');

const count = Number(process.env.BENCH_COUNT ?? 100_000);
const mediatorCount = Number(process.env.BENCH_MEDIATORS ?? 600);
const batches = (process.env.BENCH_BATCHES ?? '100,1000,2000').split(',').map(Number);
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://fengqiao:fengqiao@127.0.0.1:5432/fengqiao_bench';
const schema = 'bench_fraud';
const keep = process.env.BENCH_KEEP === '1';
const CHUNK = 5000;
const YEAR_START = Date.parse('2026-01-01T00:00:00Z');
const CATEGORIES = ['NEIGHBOUR', 'MARRIAGE_FAMILY', 'HOUSING_HOMESTEAD', 'CONTRACT', 'TORT_DAMAGES', 'FOREST_LAND'];
const AS_OF = new Date('2026-12-31T16:00:00Z');

// A fixed pseudo-random sequence, so runs compare.
let seed = 20261201;
function rand() {
  // mulberry32: 32-bit integer arithmetic throughout, so the sequence does not collapse as a float LCG would.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

async function main() {
  await pg(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  const { dataSource, db } = await openDatabase({ databaseUrl: pgUrl, sqlitePath: '', schema, poolSize: 8 });
  try {
    const directory = new TypeOrmDirectoryRepository(dataSource, db);
    await directory.saveRegions(DEMO_REGIONS);
    await directory.saveOrganisations(DEMO_ORGANISATIONS);
    const loadStarted = Date.now();
    const quarter = await load();
    // Written past the engine, the cases have no party digests yet: the sync an engine's start runs makes them.
    await syncSearchKeys(db, new SearchDigests());
    await pg(`VACUUM ANALYZE ${schema}.fraud_party_keys`);
    console.error(`loaded ${count} cases in ${((Date.now() - loadStarted) / 1000).toFixed(1)} s`);
    const checks = new SqlFraudChecks(db, DEFAULT_FRAUD_SETTINGS);
    await checks.flagsFor(quarter.slice(0, 10), AS_OF); // warm the connections and plans
    const rows = [];
    for (const size of batches) {
      const ids = quarter.slice(0, size);
      const started = process.hrtime.bigint();
      const flags = await checks.flagsFor(ids, AS_OF);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const perCheck = {};
      for (const list of flags.values()) for (const f of list) perCheck[f.check] = (perCheck[f.check] ?? 0) + 1;
      rows.push({ claims: ids.length, ms: Math.round(ms), flagged: [...flags.values()].filter((l) => l.length).length, ...perCheck });
      console.error(JSON.stringify(rows[rows.length - 1]));
    }
    console.log('\n| claims in the batch | time | cases flagged | flags per check |\n| --- | --- | --- | --- |');
    for (const { claims, ms, flagged, ...perCheck } of rows) {
      console.log(`| ${claims} | ${ms} ms | ${flagged} | ${Object.entries(perCheck).map(([k, v]) => `${k} ${v}`).join(', ')} |`);
    }
  } finally {
    await dataSource.destroy();
    if (!keep) await pg(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  }
}

/** Writes the year's cases; returns the ids of the agreed cases opened in the third quarter, shuffled. */
async function load() {
  const committees = DEMO_ORGANISATIONS.filter((o) => o.type === 'VILLAGE_MEDIATION_COMMITTEE');
  const mediators = [...Array(mediatorCount)].map((_, i) => ({ id: `bench-m${i + 1}`, org: committees[i % committees.length] }));
  // About two cases per person a year: the same people meet again, as in a real district.
  const people = [...Array(Math.ceil(count))].map((_, i) => ({ name: `居民${i}`, idNumber: `330199${String(i).padStart(12, '0')}`, phone: `13${String(100000000 + i).slice(-9)}` }));
  const client = new Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
  await client.connect();
  const quarter = [];
  try {
    for (let from = 0; from < count; from += CHUNK) {
      const cases = [];
      const audit = [];
      for (let i = from; i < Math.min(count, from + CHUNK); i++) {
        const m = pick(mediators);
        const openedMs = YEAR_START + Math.floor(rand() * 350) * 86_400_000 + (1 + Math.floor(rand() * 8)) * 3_600_000;
        const agreed = rand() < 0.9;
        const agreedMs = openedMs + (1 + Math.floor(rand() * 20 * 24)) * 3_600_000;
        const opened = new Date(openedMs).toISOString();
        const id = randomUUID();
        const agreementOn = new Date(agreedMs + 8 * 3_600_000).toISOString().slice(0, 10);
        const a = pick(people);
        const b = pick(people);
        cases.push({
          id,
          case_no: `（2026）${m.org.shortName}调字第${i + 1}号`,
          workflow_id: 'pm',
          workflow_version: 1,
          state: agreed ? 'agreedWritten' : 'mediating',
          context: { partyIds: ['P1', 'P2'], openedOn: opened.slice(0, 10), mediatorId: m.id, confirmed: false, followUpDone: false, ...(agreed ? { agreementForm: 'WRITTEN', agreementEffectiveOn: agreementOn } : {}) },
          version: agreed ? 2 : 1,
          deadlines_rev: 0,
          head_hash: '0'.repeat(64),
          org_id: m.org.id,
          dispute_code: `D${id.replace(/-/g, '').slice(0, 16).toUpperCase()}`,
          region_code: m.org.regionCode,
          category: pick(CATEGORIES),
          summary: '邻里纠纷',
          source: 'APPLICATION',
          parties: [
            { id: 'P1', role: 'APPLICANT', ...a },
            { id: 'P2', role: 'RESPONDENT', ...b },
          ],
          links: [],
          assignee_id: m.id,
          closed: false,
          opened_at: opened,
          opened_by: m.id,
          updated_at: opened,
        });
        const entry = (seq, type, at) => ({ case_id: id, seq, at, actor_id: m.id, actor_role: 'MEDIATOR', type, from_state: null, to_state: 'registered', data: {}, prev_hash: '0'.repeat(64), hash: '0'.repeat(64) });
        audit.push(entry(1, 'OPEN', opened));
        if (agreed) audit.push(entry(2, 'SIGN_WRITTEN_AGREEMENT', new Date(agreedMs).toISOString()));
        if (agreed && opened >= '2026-07-01' && opened < '2026-10-01') quarter.push(id);
      }
      await bulkInsert(client, 'cases', cases);
      await bulkInsert(client, 'audit_entries', audit);
      process.stderr.write(`\r  ${Math.min(count, from + CHUNK)} cases`);
    }
    process.stderr.write('\n');
    // What autovacuum does after a bulk load: merges the GIN indexes' pending lists, which every lookup would scan.
    await client.query('VACUUM ANALYZE cases');
  } finally {
    await client.end();
  }
  for (let i = quarter.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [quarter[i], quarter[j]] = [quarter[j], quarter[i]];
  }
  return quarter;
}

async function bulkInsert(client, table, rows) {
  const columns = Object.keys(rows[0]);
  await client.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${table}, $1::json)`, [JSON.stringify(rows)]);
}

async function pg(sql) {
  const client = new Client({ connectionString: pgUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
