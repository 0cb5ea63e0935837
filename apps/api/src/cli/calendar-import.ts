import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { CalendarImporter, readNoticeText } from '@app/deadlines';
import { ValidationError } from '@app/shared';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';

/**
 * `npm run calendar:import -- <file>`: imports holiday notices in the holidays-cn.json shape, or one notice's published
 * text (a .txt file: 国务院办公厅关于XXXX年部分节假日安排的通知, read as `POST /api/admin/calendar/notice` reads it), into the configured
 * database (DATABASE_URL, else the SQLite file FENGQIAO_DB_PATH), exactly as `POST /api/admin/calendar` does, and
 * recomputes the pending deadlines they affect. Running engine processes pick the new years up on their next worker run.
 * Returns the process exit code: 0 imported, 1 refused (the errors name year and field), 2 bad usage or unreadable file.
 */
export async function runCalendarImport(args: string[], env: NodeJS.ProcessEnv = process.env, out: Pick<Console, 'log' | 'error'> = console): Promise<number> {
  const file = args[0];
  if (!file || args.length > 1) {
    out.error('Usage: npm run calendar:import -- <holidays.json | notice.txt>   (the shape of ../shared/domain/holidays-cn.json, or the text of a State Council notice)');
    return 2;
  }
  // Same configuration as the server: environment, then .env when present.
  if (env === process.env && existsSync('.env')) process.loadEnvFile('.env');
  let json: unknown;
  try {
    const content = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    json = /\.txt$/i.test(file) ? noticeAsJson(content) : JSON.parse(content);
  } catch (error) {
    if (error instanceof ValidationError) {
      for (const e of error.errors) out.error(e.messageZh);
      return 1;
    }
    out.error(`Cannot read ${file} as ${/\.txt$/i.test(file) ? 'text' : 'JSON'}: ${(error as Error).message}`);
    return 2;
  }
  const config = { ...loadConfig(env), worker: false, seedDemo: false, logLevel: 'warn' };
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const result = await app.get(CalendarImporter).import(json, `cli:${userInfo().username}`.slice(0, 64));
    for (const y of result.imported) out.log(`Imported ${y.year}: ${y.holidays} holidays, ${y.makeupWorkdays} make-up working days — ${y.source}`);
    out.log(`Recomputed ${result.recomputed.length} pending deadline(s); ${result.stillProvisional} remain provisional.`);
    for (const r of result.recomputed) out.log(`  ${r.specId} ${r.deadlineId}: ${r.before.dueOn}${r.before.provisional ? ' (provisional)' : ''} → ${r.after.dueOn}${r.after.provisional ? ' (provisional)' : ''}`);
    return 0;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const e of error.errors) out.error(`${e.field}: ${e.message}\n  ${e.messageZh}`);
    return 1;
  } finally {
    await app.close();
  }
}

/** A notice's text as the one-year body of the import. */
function noticeAsJson(text: string): unknown {
  const { year, source, holidays, makeupWorkdays } = readNoticeText(text);
  return { years: { [year]: { source, holidays, makeupWorkdays } } };
}
