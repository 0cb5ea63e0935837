import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { ENV_SCHEMA } from './env-schema';

const ROOT = join(__dirname, '..', '..', '..', '..');

describe('the configuration, checked at start', () => {
  it.each([
    [{ FENGQIAO_JWT_TTL: 'forever' }, 'FENGQIAO_JWT_TTL must be whole seconds or a number with a unit (e.g. 8h, 90m, 2 days), not "forever"'],
    [{ FENGQIAO_WORKER: 'false' }, 'FENGQIAO_WORKER must be 0 or 1, not "false"'],
    [{ FENGQIAO_PG_POOL: 'lots' }, 'FENGQIAO_PG_POOL must be a whole number from 2 to 1000, not "lots"'],
    [{ FENGQIAO_PG_POOL: '1' }, 'FENGQIAO_PG_POOL must be a whole number from 2 to 1000, not "1"'],
    [{ FENGQIAO_LOG_FORMAT: 'text' }, 'FENGQIAO_LOG_FORMAT must be one of json, pretty, not "text"'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"'],
    [{ FENGQIAO_PG_SCHEMA: 'Tenant-1' }, 'FENGQIAO_PG_SCHEMA must be a lower-case SQL identifier (letters, digits, _), not "Tenant-1"'],
    [{ FENGQIAO_SHUTDOWN_GRACE_MS: '30s' }, 'FENGQIAO_SHUTDOWN_GRACE_MS must be a whole number from 0 to 600000, not "30s"'],
    [{ FENGQIAO_METRICS_ALLOW: '10.0.0.0/33' }, 'FENGQIAO_METRICS_ALLOW must list IP addresses or CIDR ranges (e.g. 127.0.0.1/8,10.0.0.0/8,::1), not "10.0.0.0/33"'],
    [{ FENGQIAO_METRICS_TOKEN: 'short' }, 'FENGQIAO_METRICS_TOKEN must be at least 16 characters long'],
    [{ FENGQIAO_WEBHOOK_MAX_ATTEMPTS: '0' }, 'FENGQIAO_WEBHOOK_MAX_ATTEMPTS must be a whole number from 1 to 50, not "0"'],
    [{ FENGQIAO_WEBHOOK_TIMEOUT_MS: '10s' }, 'FENGQIAO_WEBHOOK_TIMEOUT_MS must be a whole number from 100 to 60000, not "10s"'],
  ])('refuses %j, naming the variable and what is allowed', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses to run in production on the development search key, and uses it with a warning elsewhere', () => {
    const production = { NODE_ENV: 'production', FENGQIAO_JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(production)).toThrow('FENGQIAO_SEARCH_KEY must be set to a random value of at least 32 characters when NODE_ENV=production');
    expect(() => loadConfig({ ...production, FENGQIAO_SEARCH_KEY: 'short' })).toThrow('FENGQIAO_SEARCH_KEY must be set');
    expect(loadConfig({ ...production, FENGQIAO_SEARCH_KEY: 'k'.repeat(32) })).toMatchObject({ searchKeyDefault: false, database: { searchKey: 'k'.repeat(32) } });
    expect(loadConfig({})).toMatchObject({ searchKeyDefault: true, database: { searchKey: undefined } });
  });

  it('names every bad value at once', () => {
    expect(() => loadConfig({ FENGQIAO_WORKER: 'false', FENGQIAO_JWT_TTL: 'forever', FENGQIAO_DEMO: 'yes' })).toThrow(
      'The configuration has 3 bad values:\n- FENGQIAO_DEMO must be 0 or 1, not "yes"\n- FENGQIAO_WORKER must be 0 or 1, not "false"\n- FENGQIAO_JWT_TTL must be whole seconds',
    );
  });

  it('accepts the documented forms and defaults', () => {
    const config = loadConfig({ FENGQIAO_WORKER: '0', FENGQIAO_JWT_TTL: '90m', FENGQIAO_PG_POOL: '8', DATABASE_URL: 'postgres://u:p@db/fengqiao', FENGQIAO_LOG_FORMAT: 'json' });
    expect(config).toMatchObject({ worker: false, jwtTtl: '90m', database: { poolSize: 8 }, logFormat: 'json', shutdown: { graceMs: 25_000, delayMs: 0 }, metrics: { token: null, allow: ['127.0.0.1/8', '::1'] } });
    expect(loadConfig({ NODE_ENV: 'production', FENGQIAO_JWT_SECRET: 'x'.repeat(40), FENGQIAO_SEARCH_KEY: 'y'.repeat(40) }).logFormat).toBe('json');
    expect(loadConfig({}).logFormat).toBe('pretty');
    expect(loadConfig({}).webhooks).toEqual({ maxAttempts: 8, backoffSeconds: 30, backoffMaxSeconds: 21_600, timeoutMs: 10_000, intervalMs: 10_000 });
    expect(loadConfig({ FENGQIAO_WEBHOOK_MAX_ATTEMPTS: '3', FENGQIAO_WEBHOOK_INTERVAL_MS: '500' }).webhooks).toMatchObject({ maxAttempts: 3, intervalMs: 500 });
  });

  it('documents every variable the engine reads in the README configuration table', () => {
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (path.endsWith('.ts') && !path.endsWith('.spec.ts')) sources.push(readFileSync(path, 'utf8'));
      }
    };
    walk(join(ROOT, 'apps', 'api', 'src'));
    walk(join(ROOT, 'libs'));
    const read = new Set([...Object.keys(ENV_SCHEMA.shape), ...sources.flatMap((text) => text.match(/\bFENGQIAO_[A-Z0-9_]*[A-Z0-9]\b/g) ?? [])]);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const documented = new Set([...readme.matchAll(/^\| (.+?) \|/gm)].flatMap((row) => [...row[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1])));
    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });
});
