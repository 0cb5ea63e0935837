// The webpack bundle `npm start` runs (dist/apps/api/main.js): whether it is newer than everything it is built from,
// and building it. npm test builds it when stale (scripts/test.js); the suite that starts it builds it when run alone.
const { existsSync, readdirSync, statSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const BUNDLE = join(root, 'dist', 'apps', 'api', 'main.js');
const SOURCES = ['apps/api/src', 'libs', 'apps/api/tsconfig.app.json', 'tsconfig.json', 'nest-cli.json', 'package-lock.json'];

/** The newest modification time under `path` (0 when it does not exist). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

function engineBundleIsFresh() {
  if (!existsSync(BUNDLE)) return false;
  const built = statSync(BUNDLE).mtimeMs;
  return SOURCES.every((s) => newest(join(root, s)) <= built);
}

/** `nest build api`; throws with its output when it fails. */
function buildEngineBundle({ stdio = 'pipe' } = {}) {
  const result = spawnSync(join(root, 'node_modules', '.bin', 'nest'), ['build', 'api'], { cwd: root, stdio, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`nest build api failed (exit ${result.status ?? result.signal}): ${result.stdout ?? ''}${result.stderr ?? ''}`);
}

module.exports = { BUNDLE, newest, engineBundleIsFresh, buildEngineBundle };
