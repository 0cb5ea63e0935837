// What every benchmark needs to run the built engine as a child process: a free port, and waiting until it answers.
const { createServer } = require('node:net');

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
