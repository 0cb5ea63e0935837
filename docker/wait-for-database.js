// Waits until the PostgreSQL of DATABASE_URL accepts a connection and answers a query, for at most
// FENGQIAO_DB_WAIT_SECONDS (default 60); exits 1 naming the host, never the password, when it does not.
const { Client } = require('pg');

const url = process.env.DATABASE_URL;
const raw = process.env.FENGQIAO_DB_WAIT_SECONDS ?? '60';
if (!/^\d+$/.test(raw)) {
  console.error(`FENGQIAO_DB_WAIT_SECONDS must be a whole number of seconds, not "${raw}"`);
  process.exit(1);
}
const deadline = Date.now() + Number(raw) * 1000;
let where = 'the database';
try {
  const parsed = new URL(url);
  where = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
} catch {
  console.error('DATABASE_URL is not a URL (postgres://user:password@host:5432/database)');
  process.exit(1);
}

async function reachable() {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

(async () => {
  let told = false;
  for (;;) {
    const problem = await reachable();
    if (problem === null) {
      if (told) console.log(`PostgreSQL at ${where} is up`);
      return;
    }
    if (Date.now() >= deadline) {
      console.error(`PostgreSQL at ${where} did not accept a connection within ${raw} s: ${problem}`);
      process.exit(1);
    }
    if (!told) console.log(`Waiting for PostgreSQL at ${where} (${problem})`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
})();
