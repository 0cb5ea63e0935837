import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CreatedDatabase } from './test-app';
import { CHEAP_PASSWORD_HASH, DEMO_PASSWORD } from './test-app';

// bench/support/engine-process.js: the free port and the wait until the engine answers, shared with the benchmarks.
const { freePort, waitFor } = require('../../bench/support/engine-process.js') as {
  freePort(): Promise<number>;
  waitFor(url: string, child: ChildProcess, log: () => string, attempts?: number): Promise<void>;
};

// scripts/engine-bundle.js: the webpack bundle `npm start` runs, its freshness and its build, shared with npm test.
const bundle = require('../../scripts/engine-bundle.js') as { BUNDLE: string; engineBundleIsFresh(): boolean; buildEngineBundle(): void };

const ROOT = join(__dirname, '..', '..');

/** Builds the webpack bundle unless it is newer than its sources (npm test builds it before the suites run). */
export function ensureEngineBundle(): void {
  if (!bundle.engineBundleIsFresh()) bundle.buildEngineBundle();
}

export interface EngineProcess {
  url: string;
  child: ChildProcess;
  /** Everything the engine wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

/**
 * The engine's real entry point (apps/api/src/main.ts, with the HTTP server, signals and worker) as a child process on
 * the given database, run from the TypeScript sources, or with `bundle` from the webpack bundle as `npm start` runs it
 * (see ensureEngineBundle). JSON logs on stdout, the demo jurisdiction seeded.
 */
export async function startEngine(database: CreatedDatabase, env: Record<string, string> = {}, options: { bundle?: boolean } = {}): Promise<EngineProcess> {
  const port = await freePort();
  const config = database.config;
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    PORT: String(port),
    LOG_LEVEL: 'info',
    FENGQIAO_LOG_FORMAT: 'json',
    FENGQIAO_DEMO: '1',
    FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD,
    ...CHEAP_PASSWORD_HASH,
    FENGQIAO_JWT_SECRET: 'test-secret-of-sufficient-length-000000',
    ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl, FENGQIAO_PG_SCHEMA: config.schema!, FENGQIAO_PG_POOL: '4' } : { FENGQIAO_DB_PATH: config.sqlitePath }),
    ...env,
  };
  const [entry, execArgv] = options.bundle ? [bundle.BUNDLE, ['--max-semi-space-size=8']] : [join(ROOT, 'apps/api/src/main.ts'), ['-r', join(ROOT, 'scripts/ts-register.js')]];
  const child = fork(entry, [], { cwd: ROOT, env: childEnv, execArgv, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/api/health`, child, () => output, 480);
  return { url, child, output: () => output, exited };
}

/** Stops an engine process that is still running (SIGTERM, as a restart sends) and waits for it to exit. */
export async function stopEngine(engine: EngineProcess | undefined): Promise<void> {
  if (!engine || engine.child.exitCode !== null) return;
  engine.child.kill('SIGTERM');
  await engine.exited;
}

/** The JSON log lines an engine process wrote. */
export function logLines(engine: EngineProcess): Record<string, any>[] {
  return engine
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, any>);
}
