// What every benchmark needs to run the built engine as a child process: a free port, and waiting until it answers.
const { createServer } = require('node:net');
const { startFlags } = require('./start-flags');

/** Polls `url` every 250 ms until it answers 2xx; fails early when the engine exits, printing `log()`. */
async function waitFor(url, child, log, attempts = 120) {
  for (let i = 0; i < attempts; i++) {
    if (child.exitCode !== null) throw new Error(`engine exited: ${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`engine did not start: ${log()}`);
}

function freePort() {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.listen(0, () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

module.exports = { waitFor, freePort };

/**
 * Starts one engine as `npm start` would, from the built tree when there is one (`dist`), else from the sources
 * through scripts/ts-register.js. `database` is { url, schema } for PostgreSQL or { sqlitePath } for SQLite.
 */
async function startEngine({ database, env = {}, nodeArgs = [], fromSources = false }) {
  const { spawn } = require('node:child_process');
  const { existsSync } = require('node:fs');
  const { join, resolve } = require('node:path');
  const root = resolve(__dirname, '..', '..');
  const port = await freePort();
  const built = join(root, 'dist/apps/api/main.js');
  const flags = [...startFlags(), ...nodeArgs];
  const args = !fromSources && existsSync(built) ? [...flags, built] : [...flags, '-r', join(root, 'scripts/ts-register.js'), join(root, 'apps/api/src/main.ts')];
  const childEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    // The benchmarks' own key for the identity-number digests; production requires one of its own.
    FENGQIAO_SEARCH_KEY: 'bench-search-key-of-sufficient-length-0000',
    ...(database.url ? { DATABASE_URL: database.url, FENGQIAO_PG_SCHEMA: database.schema ?? '' } : { FENGQIAO_DB_PATH: database.sqlitePath }),
    ...env,
  };
  if (!database.url) delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, args, { cwd: root, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr = (stderr + d).slice(-20_000)));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitFor(`${base}/api/health`, child, () => stderr, 480);
  } catch (error) {
    // An engine that never answered is not the caller's to stop: it has no handle yet.
    if (child.exitCode === null) child.kill('SIGKILL');
    throw error;
  }
  return {
    base,
    pid: child.pid,
    child,
    log: () => stderr,
    stop: () => (child.exitCode !== null ? Promise.resolve() : new Promise((done) => (child.once('exit', done), child.kill('SIGTERM')))),
  };
}

/**
 * A fresh PostgreSQL schema (`<prefix>_<random>`) with one engine started on it, as `startEngine` starts it. `stop()`
 * stops the engine and drops the schema; `stop({ keepSchema: true })` leaves the schema to look at.
 */
async function startEngineOnFreshSchema({ url, prefix, env = {}, nodeArgs = [] }) {
  const { randomBytes } = require('node:crypto');
  const { Client } = require('pg');
  const schema = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const release = async (keepSchema) => {
    if (!keepSchema) await admin.query(`DROP SCHEMA ${schema} CASCADE`);
    await admin.end();
  };
  let engine;
  try {
    engine = await startEngine({ database: { url, schema }, env, nodeArgs });
  } catch (error) {
    await release(false);
    throw error;
  }
  return { ...engine, schema, stop: async ({ keepSchema = false } = {}) => (await engine.stop(), await release(keepSchema)) };
}

module.exports.startEngine = startEngine;
module.exports.startEngineOnFreshSchema = startEngineOnFreshSchema;
