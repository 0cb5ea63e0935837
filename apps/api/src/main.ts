import { existsSync } from 'node:fs';
import { createApp } from './app.factory';
import { runCalendarImport } from './cli/calendar-import';
import { loadConfig } from './config/app-config';

async function main(): Promise<void> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen({ port: config.port, host: '0.0.0.0' });
  if (config.jwtSecretGenerated) {
    console.warn('FENGQIAO_JWT_SECRET is not set: a random secret was generated, so tokens end with this process. Set it for production and for several engine processes.');
  }
  console.log(`Fengqiao is listening on http://localhost:${config.port} (API under /api, OpenAPI at /api/docs, ${config.database.databaseUrl ? 'PostgreSQL' : `SQLite ${config.database.sqlitePath}`})`);
}

// `node dist/apps/api/main.js calendar:import <file>` (npm run calendar:import) runs the import CLI instead of the server.
const command = process.argv[2] === 'calendar:import' ? runCalendarImport(process.argv.slice(3)).then((code) => process.exit(code)) : main();
command.catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
