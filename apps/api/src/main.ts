import { existsSync } from 'node:fs';
import { createApp } from './app.factory';
import { runAuditVerify } from './cli/audit-verify';
import { runDatabaseVerify } from './cli/audit-verify-database';
import { runCalendarImport } from './cli/calendar-import';
import { loadConfig } from './config/app-config';
import { createLogger } from './logging/logger';
import { limitHeapGrowth } from './operations/heap-policy';
import { shutDownOnSignals } from './operations/graceful-shutdown';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  limitHeapGrowth(config.heapGrowingPercent);
  const log = createLogger(config.logLevel, config.logFormat);
  const app = await createApp(config, { log });
  shutDownOnSignals(app, config.shutdown, log);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  if (config.jwtSecretGenerated) {
    log.warn('FENGQIAO_JWT_SECRET is not set: a random secret was generated, so tokens end with this process. Set it for production and for several engine processes.');
  }
  if (config.searchKeyDefault) {
    log.warn('FENGQIAO_SEARCH_KEY is not set: identity numbers and phones are made searchable with the development key, which anyone can read in the source. Set it to a random value of at least 32 characters (the same on every engine); the next start then digests every case again.');
  }
  if (!config.checkpoints.signingKey) {
    log.warn('FENGQIAO_CHECKPOINT_KEY is not set: no signed audit checkpoints are written, so an edit by someone with database access that recomputes the hashes goes unnoticed. Set it to an Ed25519 private key (PEM or file path), or an SM2 one with FENGQIAO_AUDIT_HASH=sm3.');
  }
  log.info(
    { port: config.port, database: config.database.databaseUrl ? 'postgres' : 'sqlite' },
    `Fengqiao is listening on http://localhost:${config.port} (API under /api, OpenAPI at /api/docs, ${config.database.databaseUrl ? 'PostgreSQL' : `SQLite ${config.database.sqlitePath}`})`,
  );
}

// `node dist/apps/api/main.js calendar:import <file>` (npm run calendar:import) runs the import CLI instead of the server;
// `audit:verify` (npm run audit:verify) the offline verifier, which opens no database, or with --database the
// streaming verifier over the configured database.
const command =
  process.argv[2] === 'calendar:import'
    ? runCalendarImport(process.argv.slice(3)).then((code) => process.exit(code))
    : process.argv[2] === 'audit:verify'
      ? (process.argv.includes('--database') ? runDatabaseVerify(process.argv.slice(3)) : Promise.resolve(runAuditVerify(process.argv.slice(3)))).then((code) => process.exit(code))
      : main();
command.catch((error) => {
  // Before the logger exists (a refused configuration) there is only stderr; JSON logs go to stdout.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
