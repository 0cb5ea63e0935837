#!/usr/bin/env node
// `npm test`: type-check (engine and web console), architecture rules, every Jest suite (unit, and database suites
// on SQLite plus PostgreSQL when TEST_DATABASE_URL is set), then the web console in headless Chromium. Stops at the
// first failing step. Without Chromium the browser step says so and is skipped; CI installs it (.ci/run).
const { existsSync, statSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { availableParallelism } = require('node:os');
const { engineBundleIsFresh, newest } = require('./engine-bundle');

const root = join(__dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const args = process.argv.slice(2);
const chromium = process.env.FENGQIAO_CHROMIUM || '/usr/bin/chromium';

const steps = [
  { title: 'Type check', command: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { title: 'Type check (web console)', command: bin('tsc'), args: ['--noEmit', '-p', 'apps/web/tsconfig.json'] },
  { title: 'Architecture rules (dependency-cruiser)', command: bin('depcruise'), args: ['apps', 'libs', 'test', '--config', '.dependency-cruiser.js'] },
  // One suite starts the engine as `npm start` does, from the webpack bundle (test/e2e/built-bundle.e2e-spec.ts).
  {
    title: 'Build the engine (webpack bundle)',
    command: bin('nest'),
    args: ['build', 'api'],
    upToDate: () => engineBundleIsFresh() && 'dist/apps/api/main.js is newer than its sources',
  },
  // One worker per core, not Jest's default of one fewer: the database suites wait on the database much of the time,
  // so on CI's two cores a second worker cuts the Jest step from about 17 to about 11 minutes.
  { title: 'Tests (Jest)', command: bin('jest'), args: ['--ci', '--selectProjects', 'unit', 'db', `--maxWorkers=${availableParallelism()}`, ...args] },
  {
    title: 'Build the web console',
    command: bin('vite'),
    args: ['build', '--config', 'apps/web/vite.config.mts', '--logLevel', 'warn'],
    upToDate: () => webConsoleIsFresh() && 'apps/web/dist is newer than its sources',
  },
  {
    title: 'Browser tests (web console in Chromium)',
    command: bin('jest'),
    args: ['--ci', '--selectProjects', 'browser', '--passWithNoTests', ...args],
    skip: () =>
      existsSync(chromium)
        ? null
        : `Chromium was not found at ${chromium}, so the web console was NOT tested in a browser. Install it with ` +
          '`apt-get install -y chromium` (CI does) or point FENGQIAO_CHROMIUM at a Chromium binary.',
  },
];

for (const step of steps) {
  console.log(`\n=== ${step.title} ===`);
  const upToDate = step.upToDate?.();
  if (upToDate) {
    console.log(`✓ Up to date: ${upToDate}`);
    continue;
  }
  const reason = step.skip?.();
  if (reason) {
    console.log(`⚠ Skipped: ${reason}`);
    continue;
  }
  const started = Date.now();
  const result = spawnSync(step.command, step.args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) {
    console.error(`\n✗ ${step.title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${step.title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** The built console exists and no source it is built from changed since. */
function webConsoleIsFresh() {
  const built = join(root, 'apps', 'web', 'dist', 'index.html');
  if (!existsSync(built)) return false;
  const sources = ['apps/web/src', 'apps/web/public', 'apps/web/index.html', 'apps/web/vite.config.mts', 'apps/web/tsconfig.json', 'libs/shared/src', 'package-lock.json'];
  return sources.every((s) => newest(join(root, s)) <= statSync(built).mtimeMs);
}
