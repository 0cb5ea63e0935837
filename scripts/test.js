#!/usr/bin/env node
// `npm test`: type-check, architecture rules, then every Jest suite (unit, and database suites on SQLite plus
// PostgreSQL when TEST_DATABASE_URL is set). Stops at the first failing step.
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const bin = (name) => join(__dirname, '..', 'node_modules', '.bin', name);
const steps = [
  ['Type check', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']],
  ['Architecture rules (dependency-cruiser)', bin('depcruise'), ['apps', 'libs', 'test', '--config', '.dependency-cruiser.js']],
  ['Tests (Jest)', bin('jest'), ['--ci', ...process.argv.slice(2)]],
];

for (const [title, command, args] of steps) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: join(__dirname, '..') });
  if (result.status !== 0) {
    console.error(`\n✗ ${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
