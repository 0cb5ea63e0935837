import { z } from 'zod';
import { WEBHOOK_VARIABLES } from './webhook-settings';

const flag = (name: string) => z.enum(['0', '1'], { error: (issue) => `${name} must be 0 or 1, not "${String(issue.input)}"` }).optional();
const oneOf = <T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.enum(values, { error: (issue) => `${name} must be one of ${values.join(', ')}, not "${String(issue.input)}"` }).optional();
const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .refine((raw) => raw === undefined || raw === '' || (/^\d+$/.test(raw) && Number(raw) >= min && Number(raw) <= max), {
      error: (issue) => `${name} must be a whole number from ${min} to ${max}, not "${String(issue.input)}"`,
    });
const matching = (name: string, pattern: RegExp, allowed: string) =>
  z
    .string()
    .optional()
    .refine((raw) => raw === undefined || raw === '' || pattern.test(raw), { error: (issue) => `${name} must be ${allowed}, not "${String(issue.input)}"` });

/**
 * The environment variables whose values are a closed set or a format, checked together at start so that every bad
 * value is named at once with what is allowed. Bounded numbers and settings that need other variables to judge
 * (the JWT secret in production, the security log's legal minimum) are checked where `loadConfig` reads them.
 */
export const ENV_SCHEMA = z.object({
  PORT: wholeNumber('PORT', 0, 65535),
  DATABASE_URL: matching('DATABASE_URL', /^\s*postgres(ql)?:\/\//, 'a postgres:// URL (leave it unset for the embedded SQLite database)'),
  // Two at least: the first boot's migrations hold one connection for their lock and run on another.
  FENGQIAO_PG_POOL: wholeNumber('FENGQIAO_PG_POOL', 2, 1000),
  FENGQIAO_PG_SCHEMA: matching('FENGQIAO_PG_SCHEMA', /^[a-z_][a-z0-9_]{0,62}$/, 'a lower-case SQL identifier (letters, digits, _)'),
  FENGQIAO_SQLITE_SYNC: oneOf('FENGQIAO_SQLITE_SYNC', ['FULL', 'NORMAL']),
  FENGQIAO_DEMO: flag('FENGQIAO_DEMO'),
  FENGQIAO_WORKER: flag('FENGQIAO_WORKER'),
  FENGQIAO_RECENT_CASES: flag('FENGQIAO_RECENT_CASES'),
  FENGQIAO_CLOCK: oneOf('FENGQIAO_CLOCK', ['manual', 'system']),
  FENGQIAO_LOG_FORMAT: oneOf('FENGQIAO_LOG_FORMAT', ['json', 'pretty']),
  LOG_LEVEL: oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  FENGQIAO_JWT_TTL: matching(
    'FENGQIAO_JWT_TTL',
    /^\d+$|^\d+(\.\d+)?\s*(s|m|h|d|w|secs?|seconds?|mins?|minutes?|hours?|days?|weeks?)$/i,
    'whole seconds or a number with a unit (e.g. 8h, 90m, 2 days)',
  ),
  FENGQIAO_ATTACHMENTS_MAX_BYTES: wholeNumber('FENGQIAO_ATTACHMENTS_MAX_BYTES', 1024, 104_857_600),
  FENGQIAO_ATTACHMENTS_TYPES: matching('FENGQIAO_ATTACHMENTS_TYPES', /^\s*(pdf|jpeg|png|heic|tiff)(\s*,\s*(pdf|jpeg|png|heic|tiff))*\s*$/i, 'a comma-separated list of pdf, jpeg, png, heic, tiff'),
  ...webhookVariables(),
});

function webhookVariables() {
  return Object.fromEntries(Object.entries(WEBHOOK_VARIABLES).map(([name, { min, max }]) => [name, wholeNumber(name, min, max)])) as Record<keyof typeof WEBHOOK_VARIABLES, ReturnType<typeof wholeNumber>>;
}

/** Throws one error listing every variable in ENV_SCHEMA with a bad value. */
export function checkEnvironment(env: NodeJS.ProcessEnv): void {
  const result = ENV_SCHEMA.safeParse(env);
  if (result.success) return;
  const messages = result.error.issues.map((issue) => issue.message);
  throw new Error(messages.length === 1 ? messages[0] : `The configuration has ${messages.length} bad values:\n- ${messages.join('\n- ')}`);
}
