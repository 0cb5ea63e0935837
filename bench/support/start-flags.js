// The Node flags `npm start` gives the engine (package.json's start script), so that a benchmark's engine runs as a
// deployed one does; BENCH_NODE_ARGS adds to them.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

function startFlags() {
  const { scripts } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  const words = scripts.start.trim().split(/\s+/);
  if (words[0] !== 'node') throw new Error(`package.json's start script does not start with node: ${scripts.start}`);
  return words.slice(1).filter((w) => w.startsWith('--'));
}

module.exports = { startFlags };
