import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/app-config';
import type { Logger } from 'pino';
import type { TestDatabase } from './databases';

export const DEMO_PASSWORD = 'demo-test-password';

/**
 * Argon2id at its cheapest for the suites, which log in thousands of times: at the production cost each login is a
 * tenth of a second of both CI cores. The code path is the same; apps/api/src/auth/password-hasher.spec.ts checks the
 * production default.
 */
export const CHEAP_PASSWORD_HASH = { FENGQIAO_PASSWORD_HASH_MEMORY_KIB: '1024', FENGQIAO_PASSWORD_HASH_TIME_COST: '1', FENGQIAO_PASSWORD_HASH_PARALLELISM: '1' };

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  http: () => ReturnType<typeof request>;
  /** Logs a demo user in and returns the bearer token. */
  login(username: string): Promise<string>;
  loginUser(username: string): Promise<{ token: string; user: { id: string; roles: string[]; orgId: string; regionCode: string } }>;
  /** The database the app runs on; pass it as `reuse` to start another app on it (a restart). */
  database: CreatedDatabase;
  close(): Promise<void>;
}

export type CreatedDatabase = Awaited<ReturnType<TestDatabase['create']>>;

export interface TestAppOptions {
  /** Run on this database (with its data) instead of a fresh one: the `database` of an app closed earlier. */
  reuse?: CreatedDatabase;
  /** Keep the database when the app closes, for a later app to reuse. */
  keepDatabase?: boolean;
  /** Log through this pino logger instead of not at all, for suites that read the log lines. */
  log?: Logger;
}

/** The real engine on a fresh database with the demo jurisdiction seeded and the manual test clock. */
export async function createTestApp(database: TestDatabase, env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const db = options.reuse ?? (await database.create());
  const config = loadConfig({
    NODE_ENV: 'test',
    FENGQIAO_DEMO: '1',
    FENGQIAO_DEMO_PASSWORD: DEMO_PASSWORD,
    ...CHEAP_PASSWORD_HASH,
    FENGQIAO_JWT_SECRET: 'test-secret-of-sufficient-length-000000',
    FENGQIAO_CLOCK: 'manual',
    FENGQIAO_WORKER: '0',
    LOG_LEVEL: 'silent',
    ...env,
  });
  config.database = { ...config.database, ...db.config };
  const app = await createApp(config, options.log ? { log: options.log } : { logger: false });
  const http = () => request(app.getHttpServer());
  const tokens = new Map<string, { token: string; user: any }>();
  const loginUser = async (username: string) => {
    if (!tokens.has(username)) {
      const res = await http().post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      tokens.set(username, { token: res.body.accessToken, user: res.body.user });
    }
    return tokens.get(username)!;
  };
  return {
    app,
    config,
    http,
    loginUser,
    login: async (username) => (await loginUser(username)).token,
    database: db,
    close: async () => {
      await app.close();
      if (!options.keepDatabase) await db.drop();
    },
  };
}
