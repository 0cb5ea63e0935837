import { randomBytes } from 'node:crypto';
import { parseLegalPeriodOverrides, type LegalPeriodOverrides } from '@app/deadlines';
import type { DatabaseConfig } from '@app/persistence';

export interface AppConfig {
  port: number;
  production: boolean;
  database: DatabaseConfig;
  embedded: boolean;
  /** Seed the demo jurisdiction into an empty database. */
  seedDemo: boolean;
  demoPassword: string | null;
  jwtSecret: string;
  jwtSecretGenerated: boolean;
  jwtTtl: string;
  manualClock: boolean;
  legalPeriods: LegalPeriodOverrides;
  logLevel: string;
  /** Run the deadline worker in this process. */
  worker: boolean;
  workerIntervalMs: number;
  webRoot: string | null;
}

const KNOWN_DEFAULT_SECRETS = new Set(['', 'secret', 'changeme', 'change-me', 'fengqiao', 'development']);

/** Reads and checks the environment once, at start; a bad value stops the engine with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const production = env.NODE_ENV === 'production';
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)');
  const embedded = !databaseUrl;
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);

  const secret = env.FENGQIAO_JWT_SECRET ?? '';
  if (production && (KNOWN_DEFAULT_SECRETS.has(secret) || secret.length < 32)) {
    throw new Error('FENGQIAO_JWT_SECRET must be set to a random value of at least 32 characters when NODE_ENV=production');
  }
  const manualClock = env.FENGQIAO_CLOCK === 'manual';
  if (env.FENGQIAO_CLOCK && !['manual', 'system'].includes(env.FENGQIAO_CLOCK)) throw new Error('FENGQIAO_CLOCK must be "manual" or "system"');
  if (manualClock && production) throw new Error('FENGQIAO_CLOCK=manual is refused when NODE_ENV=production');

  const demo = env.FENGQIAO_DEMO;
  if (demo !== undefined && !['0', '1'].includes(demo)) throw new Error('FENGQIAO_DEMO must be 0 or 1');
  const sync = env.FENGQIAO_SQLITE_SYNC;
  if (sync !== undefined && !['FULL', 'NORMAL'].includes(sync)) throw new Error('FENGQIAO_SQLITE_SYNC must be FULL or NORMAL');
  const poolSize = env.FENGQIAO_PG_POOL ? Number(env.FENGQIAO_PG_POOL) : undefined;

  return {
    port,
    production,
    database: {
      databaseUrl,
      sqlitePath: env.FENGQIAO_DB_PATH || './data/fengqiao.sqlite',
      schema: env.FENGQIAO_PG_SCHEMA || undefined,
      poolSize,
      sqliteSynchronous: sync as 'FULL' | 'NORMAL' | undefined,
    },
    embedded,
    seedDemo: embedded ? demo !== '0' : demo === '1',
    demoPassword: env.FENGQIAO_DEMO_PASSWORD || null,
    jwtSecret: secret || randomBytes(32).toString('hex'),
    jwtSecretGenerated: !secret,
    jwtTtl: env.FENGQIAO_JWT_TTL || '8h',
    manualClock,
    legalPeriods: parseLegalPeriodOverrides(env.FENGQIAO_LEGAL_PERIODS),
    logLevel: env.LOG_LEVEL || 'info',
    worker: env.FENGQIAO_WORKER !== '0',
    workerIntervalMs: Number(env.FENGQIAO_WORKER_INTERVAL_MS ?? 30_000),
    webRoot: env.FENGQIAO_WEB_ROOT ?? null,
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
