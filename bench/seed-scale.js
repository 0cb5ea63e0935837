#!/usr/bin/env node
// Fills a database with N disputes for the scale benchmark (issue 15): across the channels (people's mediation, the
// court, labour mediation and arbitration, petitions, the 综治中心, police mediation, reconsideration, commercial
// arbitration and mediation, rural land, road-traffic accidents, with village hearings), the demo district's organisations and regions, categories, sources and
// states in plausible proportions, about ten audit entries per case in valid hash chains, deadlines (about one open
// case in five overdue), transfers between channels where routes exist (R1a, R4, R7, R8, R12, R25, land arbitration)
// and the parties' search digests.
//
//   npm run seed:scale -- --cases 100000                       # the local fengqiao_bench database, schema public
//   npm run seed:scale -- --cases 1000000 --database-url postgres://u:p@host:5432/db --schema scale
//   npm run seed:scale -- --cases 100000 --sqlite ./data/scale.sqlite
//   npm run seed:scale -- --cases 0 --sqlite ./data/scale.sqlite --check   # only checks a seeded database
//
// It first starts the engine on the database (which migrates it and adds the demo jurisdiction and users) and walks
// one prototype case per channel, organisation and path over HTTP; then it copies the prototypes N times with new
// ids, names, identity numbers, phones, case numbers and dates, recomputing every audit hash with the engine's
// function and every search digest with the engine's key (FENGQIAO_SEARCH_KEY, else the benchmarks' key, which the
// engine is given too), and writes the copies in bulk (COPY on PostgreSQL, multi-row INSERTs on SQLite). N counts
// disputes: the cases a transfer opens come on top. Running it again adds N more. The engine boots on the result,
// finds the digests current, and `GET /api/audit/verify` accepts it.
require('../scripts/ts-register.js');

const { randomBytes } = require('node:crypto');
const { startEngine } = require('./support/engine-process');
const { get, login } = require('./support/http');
const { createPrototypes, prototypes, PROTO } = require('./support/scale-prototypes');
const { compileGroup, Cloner } = require('./support/scale-clones');
const { PostgresScaleStore, SqliteScaleStore } = require('./support/scale-store');

const CHUNK = 5000;
const PASSWORD = process.env.FENGQIAO_DEMO_PASSWORD ?? 'scale-password';
const SEARCH_KEY = process.env.FENGQIAO_SEARCH_KEY ?? 'bench-search-key-of-sufficient-length-0000';
const MARKED = `summary LIKE '${PROTO.summary}·%'`;
/**
 * The engine the prototypes walk through: on its manual clock, which the walk sets step by step (and so not in
 * production mode, where the engine refuses that clock).
 */
const PROTOTYPE_ENV = () => ({ NODE_ENV: 'development', FENGQIAO_CLOCK: 'manual', FENGQIAO_DEMO: '1', FENGQIAO_DEMO_PASSWORD: PASSWORD, FENGQIAO_JWT_SECRET: randomBytes(32).toString('hex'), FENGQIAO_WORKER: '1', FENGQIAO_SEARCH_KEY: SEARCH_KEY });

function parseArgs(argv) {
  const args = { cases: 0, databaseUrl: process.env.DATABASE_URL ?? 'postgres://fengqiao:fengqiao@127.0.0.1:5432/fengqiao_bench', schema: process.env.FENGQIAO_PG_SCHEMA ?? '', sqlite: null, check: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--check') {
      args.check = true;
      continue;
    }
    if (flag === '--cases') args.cases = Number(value);
    else if (flag === '--database-url') args.databaseUrl = value;
    else if (flag === '--schema') args.schema = value;
    else if (flag === '--sqlite') args.sqlite = value;
    else throw new Error(`unknown option ${flag} (use --cases N [--database-url URL] [--schema NAME] [--sqlite PATH] [--check])`);
    i++;
  }
  if (!Number.isInteger(args.cases) || args.cases < 0) throw new Error('--cases must be a whole number');
  return args;
}

/**
 * Adds `cases` copies to the database (after making the prototypes if it has none). `log` gets progress lines.
 * Returns timings in ms.
 */
async function seedScale({ cases, databaseUrl, schema, sqlite }, log = (line) => process.stderr.write(line)) {
  const database = sqlite ? { sqlitePath: sqlite } : { url: databaseUrl, schema };
  const started = Date.now();
  const store = sqlite ? new SqliteScaleStore(sqlite) : new PostgresScaleStore(databaseUrl, schema);
  await store.open();
  // A database already seeded keeps its prototypes. Its engine is not started again: its worker would first fire every
  // copy's deadline that has fallen due since, which at a million cases takes longer than the seeding.
  const existing = (await store.hasTable('cases')) ? await store.rows(`SELECT count(*) AS n FROM cases WHERE ${MARKED}`) : [{ n: 0 }];
  if (Number(existing[0].n) === 0) {
    const engine = await startEngine({ database, fromSources: true, env: PROTOTYPE_ENV() });
    try {
      log('walking the prototype cases over HTTP…\n');
      await createPrototypes(engine.base, (username) => login(engine.base, username, PASSWORD));
    } finally {
      await engine.stop();
    }
  }
  // Nothing to add to a seeded database (a benchmark resuming a kept one): its prototypes may be an earlier seed's.
  if (cases === 0 && Number(existing[0].n) > 0) {
    await store.close();
    return { prototypesMs: 0, loadMs: 0, indexMs: 0, cases: 0, totalMs: Date.now() - started };
  }
  const groups = await loadPrototypes(store);
  const [setting] = await store.rows(`SELECT value FROM engine_settings WHERE name = 'audit.chainHash'`);
  const counters = new Map((await store.rows('SELECT org_id, year, last FROM case_counters')).map((r) => [`${r.org_id}|${r.year}`, Number(r.last)]));
  const cloner = new Cloner(groups, { algorithm: setting.value, counters, searchKey: SEARCH_KEY });
  // The engine recorded its key's fingerprint when it started; copies digested under another key would not be found.
  const [fingerprint] = await store.rows(`SELECT value FROM engine_settings WHERE name = 'search.keyFingerprint'`);
  if (fingerprint?.value !== cloner.digests.fingerprint()) throw new Error('the search digests on the database were made with another key than FENGQIAO_SEARCH_KEY');
  const timings = { prototypesMs: Date.now() - started, loadMs: 0, indexMs: 0, cases: 0 };
  const loadStarted = Date.now();
  try {
    const dropped = cases >= 50_000 ? await store.dropIndexes() : 0;
    if (dropped) log(`dropped ${dropped} secondary indexes for the load\n`);
    let written = 0;
    let pending = Promise.resolve();
    while (written < cases) {
      const chunk = { cases: [], audit_entries: [], deadlines: [], transfers: [], case_search_keys: [], fraud_party_keys: [] };
      // Counted in mediation cases: a transfer's court case comes on top.
      for (let made = 0; made < CHUNK && written + made < cases; made++) {
        const copy = cloner.next();
        chunk.cases.push(...copy.cases);
        chunk.audit_entries.push(...copy.audit);
        chunk.deadlines.push(...copy.deadlines);
        chunk.transfers.push(...copy.transfers);
        chunk.case_search_keys.push(...copy.searchKeys);
        chunk.fraud_party_keys.push(...copy.partyKeys);
      }
      const n = Math.min(CHUNK, cases - written);
      // The next chunk is built while the database takes this one.
      await pending;
      pending = store.write(chunk);
      written += n;
      const secs = (Date.now() - loadStarted) / 1000;
      log(`\r  ${written.toLocaleString('en')} / ${cases.toLocaleString('en')} cases, ${Math.round(written / secs).toLocaleString('en')}/s   `);
    }
    await pending;
    if (cases) log('\n');
    timings.loadMs = Date.now() - loadStarted;
  } finally {
    const indexStarted = Date.now();
    await store.restoreIndexes((name) => log(`\r  building index ${name}                    `));
    timings.indexMs = Date.now() - indexStarted;
    await store.setCounters(cloner.counters);
    await store.analyze();
    await store.close();
  }
  timings.cases = cases;
  timings.totalMs = Date.now() - started;
  return timings;
}

/**
 * Starts the engine on a seeded database and checks what a benchmark relies on: every audit chain verifies, and a
 * copied case is found by its applicant's identity number and phone (the digests the seed wrote). Returns the
 * verification's answer and the search's.
 */
async function checkSeeded({ databaseUrl, schema, sqlite }) {
  const database = sqlite ? { sqlitePath: sqlite } : { url: databaseUrl, schema };
  const store = sqlite ? new SqliteScaleStore(sqlite) : new PostgresScaleStore(databaseUrl, schema);
  await store.open();
  let sample;
  try {
    const rows = await store.rows(`SELECT id, parties FROM cases WHERE org_id = 'org-court' AND NOT (${MARKED}) ORDER BY id LIMIT 50`);
    sample = rows.map((r) => ({ id: r.id, party: JSON.parse(r.parties).find((p) => p.idNumber && p.phone) })).find((r) => r.party);
  } finally {
    await store.close();
  }
  const engine = await startEngine({ database, fromSources: true, env: { FENGQIAO_DEMO: '1', FENGQIAO_DEMO_PASSWORD: PASSWORD, FENGQIAO_JWT_SECRET: randomBytes(32).toString('hex'), FENGQIAO_SEARCH_KEY: SEARCH_KEY } });
  try {
    const verify = await get(engine.base, '/api/audit/verify', await login(engine.base, 'auditor', PASSWORD));
    const search = {};
    if (sample) {
      const clerk = await login(engine.base, 'court_clerk', PASSWORD);
      for (const [param, value] of [['idNumber', sample.party.idNumber], ['phone', sample.party.phone]]) {
        const found = await get(engine.base, `/api/cases?${param}=${encodeURIComponent(value)}`, clerk);
        search[param] = found.items.some((c) => c.id === sample.id);
      }
    }
    return { verify, search, sampleCaseId: sample?.id ?? null };
  } finally {
    await engine.stop();
  }
}

/**
 * The prototype groups: every case sharing a dispute code with a prototype, with its rows. The case opened first is
 * the prototype, whose summary names it; the others were opened by its transfers.
 */
async function loadPrototypes(store) {
  const specs = new Map(prototypes().map((p) => [p.key, p]));
  const inGroups = `dispute_code IN (SELECT dispute_code FROM cases WHERE ${MARKED})`;
  const cases = await store.rows(`SELECT * FROM cases WHERE ${inGroups} ORDER BY opened_at, id`);
  const ids = new Set(cases.map((c) => c.id));
  const inCases = `case_id IN (SELECT id FROM cases WHERE ${inGroups})`;
  const audit = await store.rows(`SELECT * FROM audit_entries WHERE ${inCases}`);
  const deadlines = await store.rows(`SELECT * FROM deadlines WHERE ${inCases}`);
  const transfers = await store.rows(`SELECT * FROM transfers WHERE ${inGroups}`);
  const byDispute = new Map();
  for (const c of cases) {
    if (!byDispute.has(c.dispute_code)) byDispute.set(c.dispute_code, []);
    byDispute.get(c.dispute_code).push(c);
  }
  const groups = [];
  for (const [code, members] of byDispute) {
    const head = members[0];
    const memberIds = new Set(members.map((m) => m.id));
    const rows = {
      cases: members,
      audit: audit.filter((e) => memberIds.has(e.case_id)),
      deadlines: deadlines.filter((d) => memberIds.has(d.case_id)),
      transfers: transfers.filter((t) => t.dispute_code === code),
    };
    const key = head.summary.slice(PROTO.summary.length + 1);
    const spec = specs.get(key);
    if (!spec) throw new Error(`prototype ${head.id} (${key}) is not among the prototypes; seed an empty database`);
    // A dispute is closed when every case of it is (a mediation sent to the court is closed, the court case not).
    const closed = members.every((m) => m.closed === true || m.closed === 1);
    groups.push(compileGroup(rows, { weight: spec.weight, closed, kind: spec.kind, orgId: head.org_id, categories: spec.categories, varySource: spec.varySource }));
  }
  if (!groups.length || ![...ids].length) throw new Error('no prototype cases found');
  return groups;
}

if (require.main === module) {
  const args = parseArgs(process.argv.slice(2));
  (async () => {
    if (args.cases > 0 || !args.check) {
      const t = await seedScale(args);
      console.log(`seeded ${t.cases.toLocaleString('en')} cases in ${(t.totalMs / 1000).toFixed(1)} s (prototypes ${(t.prototypesMs / 1000).toFixed(1)} s, rows ${(t.loadMs / 1000).toFixed(1)} s, indexes ${(t.indexMs / 1000).toFixed(1)} s)`);
    }
    if (args.check) {
      const started = Date.now();
      const c = await checkSeeded(args);
      console.log(`audit verify: ${JSON.stringify(c.verify)} (${((Date.now() - started) / 1000).toFixed(1)} s with the engine's start); found by idNumber ${c.search.idNumber}, by phone ${c.search.phone}`);
      if (!c.verify.ok || !c.search.idNumber || !c.search.phone) process.exitCode = 1;
    }
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { seedScale, checkSeeded, PROTOTYPE_ENV };
