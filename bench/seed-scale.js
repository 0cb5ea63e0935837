#!/usr/bin/env node
// Fills a database with N mediation cases for the scale benchmark (issue 15): across the demo district's mediation
// organisations and regions, categories, sources and states in plausible proportions, about ten audit entries per case
// in valid hash chains, deadlines (about one open case in five overdue) and transfers to the court (route R4).
//
//   npm run seed:scale -- --cases 100000                       # the local fengqiao_bench database, schema public
//   npm run seed:scale -- --cases 1000000 --database-url postgres://u:p@host:5432/db --schema scale
//   npm run seed:scale -- --cases 100000 --sqlite ./data/scale.sqlite
//
// It first starts the engine on the database (which migrates it and adds the demo jurisdiction and users) and walks
// one prototype case per organisation and path over HTTP; then it copies the prototypes N times with new ids, names,
// numbers and dates, recomputing every audit hash with the engine's function, and writes the copies in bulk (COPY on
// PostgreSQL, multi-row INSERTs on SQLite). Running it again adds N more. The engine boots on the result and
// `GET /api/audit/verify` accepts it.
require('../scripts/ts-register.js');

const { randomBytes } = require('node:crypto');
const { startEngine } = require('./support/engine-process');
const { login } = require('./support/http');
const { createPrototypes, PROTO, PATHS } = require('./support/scale-prototypes');
const { compileGroup, Cloner } = require('./support/scale-clones');
const { PostgresScaleStore, SqliteScaleStore } = require('./support/scale-store');

const CHUNK = 5000;
const PASSWORD = process.env.FENGQIAO_DEMO_PASSWORD ?? 'scale-password';
/** Share of the cases by kind of organisation; the village share is split between its two prototypes. */
const KIND_SHARE = { VILLAGE: 0.6, TOWNSHIP: 0.25, DISTRICT: 0.15 };
const HOME_KIND = { 'org-fengyuan': 'VILLAGE', 'org-liqiao': 'VILLAGE', 'org-fengqiao': 'TOWNSHIP', 'org-district-centre': 'DISTRICT' };

function parseArgs(argv) {
  const args = { cases: 0, databaseUrl: process.env.DATABASE_URL ?? 'postgres://fengqiao:fengqiao@127.0.0.1:5432/fengqiao_bench', schema: process.env.FENGQIAO_PG_SCHEMA ?? '', sqlite: null };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--cases') args.cases = Number(value);
    else if (flag === '--database-url') args.databaseUrl = value;
    else if (flag === '--schema') args.schema = value;
    else if (flag === '--sqlite') args.sqlite = value;
    else throw new Error(`unknown option ${flag} (use --cases N [--database-url URL] [--schema NAME] [--sqlite PATH])`);
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
  let engine = await startEngine({ database, fromSources: true, env: { FENGQIAO_DEMO: '1', FENGQIAO_DEMO_PASSWORD: PASSWORD, FENGQIAO_JWT_SECRET: randomBytes(32).toString('hex'), FENGQIAO_WORKER: '1' } });
  try {
    await store.open();
    const existing = await store.rows(`SELECT count(*) AS n FROM cases WHERE summary = '${PROTO.summary}'`);
    if (Number(existing[0].n) === 0) {
      log('walking the prototype cases over HTTP…\n');
      await createPrototypes(engine.base, (username) => login(engine.base, username, PASSWORD));
    }
  } finally {
    await engine.stop();
    engine = null;
  }
  const groups = await loadPrototypes(store);
  const [setting] = await store.rows(`SELECT value FROM engine_settings WHERE name = 'audit.chainHash'`);
  const counters = new Map((await store.rows('SELECT org_id, year, last FROM case_counters')).map((r) => [`${r.org_id}|${r.year}`, Number(r.last)]));
  const cloner = new Cloner(groups, { algorithm: setting.value, counters });
  const timings = { prototypesMs: Date.now() - started, loadMs: 0, indexMs: 0, cases: 0 };
  const loadStarted = Date.now();
  try {
    const dropped = cases >= 50_000 ? await store.dropIndexes() : 0;
    if (dropped) log(`dropped ${dropped} secondary indexes for the load\n`);
    let written = 0;
    let pending = Promise.resolve();
    while (written < cases) {
      const chunk = { cases: [], audit_entries: [], deadlines: [], transfers: [] };
      // Counted in mediation cases: a transfer's court case comes on top.
      for (let made = 0; made < CHUNK && written + made < cases; made++) {
        const copy = cloner.next();
        chunk.cases.push(...copy.cases);
        chunk.audit_entries.push(...copy.audit);
        chunk.deadlines.push(...copy.deadlines);
        chunk.transfers.push(...copy.transfers);
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

/** The prototype groups: every case sharing a dispute code with a prototype, with its rows. */
async function loadPrototypes(store) {
  const inGroups = `dispute_code IN (SELECT dispute_code FROM cases WHERE summary = '${PROTO.summary}' AND workflow_id = 'pm')`;
  const cases = await store.rows(`SELECT * FROM cases WHERE ${inGroups} ORDER BY opened_at, workflow_id DESC`);
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
    // The mediation case first: the court case refers to it.
    members.sort((a, b) => (a.workflow_id === 'pm' ? -1 : b.workflow_id === 'pm' ? 1 : 0));
    const head = members[0];
    const memberIds = new Set(members.map((m) => m.id));
    const rows = {
      cases: members,
      audit: audit.filter((e) => memberIds.has(e.case_id)),
      deadlines: deadlines.filter((d) => memberIds.has(d.case_id)),
      transfers: transfers.filter((t) => t.dispute_code === code),
    };
    const kind = HOME_KIND[head.org_id];
    const path = pathOf(head, rows.transfers.length > 0);
    const share = kind === 'VILLAGE' ? KIND_SHARE.VILLAGE / 2 : KIND_SHARE[kind];
    groups.push(compileGroup(rows, { weight: path.weight * share, closed: head.closed === true || head.closed === 1, kind, orgId: head.org_id }));
  }
  if (!groups.length || ![...ids].length) throw new Error('no prototype cases found');
  return groups;
}

function pathOf(head, transferred) {
  const name = head.state === 'judicialConfirmation' ? 'atCourt' : head.state === 'archived' && transferred ? 'confirmedArchived' : head.state;
  const path = PATHS.find((p) => p.name === name);
  if (!path) throw new Error(`prototype ${head.id} ended in ${head.state}, which no path names`);
  return path;
}

if (require.main === module) {
  seedScale(parseArgs(process.argv.slice(2)))
    .then((t) => console.log(`seeded ${t.cases.toLocaleString('en')} cases in ${(t.totalMs / 1000).toFixed(1)} s (prototypes ${(t.prototypesMs / 1000).toFixed(1)} s, rows ${(t.loadMs / 1000).toFixed(1)} s, indexes ${(t.indexMs / 1000).toFixed(1)} s)`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}

module.exports = { seedScale };
