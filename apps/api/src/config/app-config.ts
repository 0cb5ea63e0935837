import { SECURITY_LOG_MIN_RETENTION_DAYS } from '@app/audit';
import { LegalPolicy } from '@app/cases';
import { randomBytes } from 'node:crypto';
import type { ChainHashAlgorithm } from '@app/audit';
import { auditHashSetting, checkpointSettings, type CheckpointSettings } from './checkpoint-settings';
import { parseLegalPeriodOverrides, type LegalPeriodOverrides } from '@app/deadlines';
import type { PasswordPolicySettings } from '@app/organisations';
import type { DatabaseConfig } from '@app/persistence';
import type { LoginThrottleSettings } from '@app/organisations';
import { trustProxySetting, type TrustProxy } from './trust-proxy';
import { fraudSettings } from './fraud-settings';
import { webhookSettings, type WebhookConfig } from './webhook-settings';
import { checkEnvironment } from './env-schema';
import { attachmentSettings, type AttachmentConfig } from './attachment-settings';
export type { AttachmentConfig } from './attachment-settings';
import { hearingRulesSetting } from './hearing-rules-setting';
import { HEARING_RULES_POLICY, type RegionHearingRules } from '@app/workflow';
import type { FraudSettings } from '@app/subsidy';
import type { LogFormat } from '../logging/logger';
import { allowList, type MetricsAccess } from '../operations/metrics-endpoint';
import { DEFAULT_PASSWORD_HASH_COST, type PasswordHashCost } from '../auth/password-hasher';

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
  /** FENGQIAO_SEARCH_KEY was not set: identity numbers and phones are digested with the development key. */
  searchKeyDefault: boolean;
  manualClock: boolean;
  /** Where the manual test clock starts (FENGQIAO_CLOCK_START); null: the current time. */
  clockStart: Date | null;
  legalPeriods: LegalPeriodOverrides;
  logLevel: string;
  /** FENGQIAO_LOG_FORMAT: json (the default when NODE_ENV=production) or pretty, readable lines for development. */
  logFormat: LogFormat;
  /** Settings of unverified or local legal rules, handed to the machines (`FENGQIAO_LEGAL_POLICY`). */
  legalPolicy: LegalPolicy;
  /** The regions' hearing rules (FENGQIAO_HEARING_RULES), also handed to the machines as the policy `hr.rules`. */
  hearingRules: RegionHearingRules[];
  /** Keep copies of recently read and written cases to save a round trip on the next write (see RecentCases). */
  recentCases: boolean;
  /** Run the deadline worker in this process. */
  worker: boolean;
  workerIntervalMs: number;
  /** Remind this many working days before a deadline (FENGQIAO_REMINDER_WORKING_DAYS, default 3; 0 turns reminders off). */
  reminderWorkingDays: number;
  /** Deadlines claimed per batch and firings in flight per process (FENGQIAO_WORKER_BATCH, FENGQIAO_WORKER_CONCURRENCY). */
  workerBatch: number;
  workerConcurrency: number;
  webRoot: string | null;
  /** The audit chain's hash (FENGQIAO_AUDIT_HASH); the database records it at the first start and refuses a change. */
  auditHash: ChainHashAlgorithm;
  /**
   * Background audit verification (docs/audit-verification.md): entries per batch (FENGQIAO_AUDIT_VERIFY_BATCH),
   * how often a process looks for a job left without a live lease (FENGQIAO_AUDIT_VERIFY_POLL_MS; 0: this process
   * works only the jobs it is told to) and how long a lease lasts unrenewed (FENGQIAO_AUDIT_VERIFY_LEASE_MS).
   */
  auditVerification: { batchSize: number; pollMs: number; leaseMs: number };
  /** Signed audit checkpoints (FENGQIAO_CHECKPOINT_KEY, FENGQIAO_CHECKPOINT_MINUTES, FENGQIAO_CHECKPOINT_ALGORITHMS); null key: none are written. */
  checkpoints: CheckpointSettings;
  /** `Strict-Transport-Security` max-age in seconds when the engine is reached over TLS (FENGQIAO_HSTS_MAX_AGE); null: no HSTS. */
  hstsMaxAge: number | null;
  /** Hours a stored idempotent response is kept and replayed (FENGQIAO_IDEMPOTENCY_RETENTION_HOURS, default 24). */
  idempotencyRetentionHours: number;
  /** Failed logins per username typed and per client address before a lock, within a window, and the lock's length (FENGQIAO_LOGIN_*). */
  loginThrottle: LoginThrottleSettings;
  /** Which reverse proxies' `X-Forwarded-For` names the client (FENGQIAO_TRUST_PROXY); false: none, the socket's peer is the client. */
  trustProxy: TrustProxy;
  /** Days the security log is kept (FENGQIAO_SECURITY_LOG_RETENTION_DAYS, default and minimum 180). */
  securityLogRetentionDays: number;
  /** Wall-clock minutes a session may go unused before its next request is refused (FENGQIAO_SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** Rules for passwords set by an administrator or by their owner (FENGQIAO_PASSWORD_MIN_LENGTH, _MIN_CLASSES, _HISTORY). */
  passwordPolicy: PasswordPolicySettings;
  /** Argon2id's cost for new password hashes (FENGQIAO_PASSWORD_HASH_MEMORY_KIB, _TIME_COST, _PARALLELISM). */
  passwordHash: PasswordHashCost;
  /** Per cent the heap may grow past its live size before a full collection (FENGQIAO_HEAP_GROWING_PERCENT, default 30; 0: V8's own). */
  heapGrowingPercent: number;
  /** Days a satisfaction survey link stays valid (FENGQIAO_SURVEY_LINK_DAYS, default 30). */
  surveyLinkDays: number;
  /** Requests to the public survey page per client address per minute (FENGQIAO_SURVEY_RATE_LIMIT, default 30). */
  surveyRateLimit: number;
  /** Thresholds of the subsidy fraud checks (FENGQIAO_FRAUD_*, docs/subsidy-fraud.md). */
  fraud: FraudSettings;
  /** How a SIGTERM is met: FENGQIAO_SHUTDOWN_GRACE_MS for requests in flight, FENGQIAO_SHUTDOWN_DELAY_MS of serving after readiness fails. */
  shutdown: { graceMs: number; delayMs: number };
  /** Who may read /metrics: FENGQIAO_METRICS_TOKEN (a bearer token), FENGQIAO_METRICS_ALLOW (addresses and CIDR ranges; default loopback). */
  metrics: MetricsAccess;
  /** Uploaded files: size limit, accepted types and where the bytes are kept (FENGQIAO_ATTACHMENTS_*, docs/attachments.md). */
  attachments: AttachmentConfig;
  /** Attempts, backoff, timeout and worker interval of webhook deliveries (FENGQIAO_WEBHOOK_*, docs/webhooks.md). */
  webhooks: WebhookConfig;
}

const KNOWN_DEFAULT_SECRETS = new Set(['', 'secret', 'changeme', 'change-me', 'fengqiao', 'development']);

/** Reads and checks the environment once, at start; a bad value stops the engine with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  checkEnvironment(env);
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
  // The digests that find cases by identity number or phone are stored: the key must outlive the process, unlike
  // the JWT secret, so there is no random fallback; changing it makes the next start digest every case again.
  const searchKey = env.FENGQIAO_SEARCH_KEY ?? '';
  if (production && (KNOWN_DEFAULT_SECRETS.has(searchKey) || searchKey.length < 32)) {
    throw new Error('FENGQIAO_SEARCH_KEY must be set to a random value of at least 32 characters when NODE_ENV=production');
  }
  const manualClock = env.FENGQIAO_CLOCK === 'manual';
  if (env.FENGQIAO_CLOCK && !['manual', 'system'].includes(env.FENGQIAO_CLOCK)) throw new Error('FENGQIAO_CLOCK must be "manual" or "system"');
  if (manualClock && production) throw new Error('FENGQIAO_CLOCK=manual is refused when NODE_ENV=production');

  const demo = env.FENGQIAO_DEMO;
  if (demo !== undefined && !['0', '1'].includes(demo)) throw new Error('FENGQIAO_DEMO must be 0 or 1');
  if (env.FENGQIAO_RECENT_CASES !== undefined && !['0', '1'].includes(env.FENGQIAO_RECENT_CASES)) throw new Error('FENGQIAO_RECENT_CASES must be 0 or 1');
  const sync = env.FENGQIAO_SQLITE_SYNC;
  if (sync !== undefined && !['FULL', 'NORMAL'].includes(sync)) throw new Error('FENGQIAO_SQLITE_SYNC must be FULL or NORMAL');
  const poolSize = env.FENGQIAO_PG_POOL ? integerVar(env, 'FENGQIAO_PG_POOL', 16, 2, 1000) : undefined;
  const clockStart = env.FENGQIAO_CLOCK_START ? new Date(env.FENGQIAO_CLOCK_START) : null;
  if (clockStart && (!manualClock || Number.isNaN(clockStart.getTime()))) throw new Error('FENGQIAO_CLOCK_START must be an ISO-8601 instant and needs FENGQIAO_CLOCK=manual');

  const auditHash = auditHashSetting(env);
  const hearingRules = hearingRulesSetting(env);

  return {
    port,
    production,
    database: {
      databaseUrl,
      sqlitePath: env.FENGQIAO_DB_PATH || './data/fengqiao.sqlite',
      schema: env.FENGQIAO_PG_SCHEMA || undefined,
      poolSize,
      sqliteSynchronous: sync as 'FULL' | 'NORMAL' | undefined,
      searchKey: searchKey || undefined,
    },
    embedded,
    seedDemo: embedded ? demo !== '0' : demo === '1',
    demoPassword: env.FENGQIAO_DEMO_PASSWORD || null,
    jwtSecret: secret || randomBytes(32).toString('hex'),
    jwtSecretGenerated: !secret,
    jwtTtl: tokenLifetime(env.FENGQIAO_JWT_TTL),
    searchKeyDefault: !searchKey,
    manualClock,
    clockStart,
    legalPeriods: parseLegalPeriodOverrides(env.FENGQIAO_LEGAL_PERIODS),
    logLevel: env.LOG_LEVEL || 'info',
    logFormat: (env.FENGQIAO_LOG_FORMAT as LogFormat | undefined) || (production ? 'json' : 'pretty'),
    legalPolicy: withHearingRules(LegalPolicy.parse(env.FENGQIAO_LEGAL_POLICY), hearingRules),
    hearingRules,
    recentCases: env.FENGQIAO_RECENT_CASES !== '0',
    worker: env.FENGQIAO_WORKER !== '0',
    workerIntervalMs: integerVar(env, 'FENGQIAO_WORKER_INTERVAL_MS', 30_000, 100, 86_400_000),
    reminderWorkingDays: integerVar(env, 'FENGQIAO_REMINDER_WORKING_DAYS', 3, 0, 60),
    workerBatch: integerVar(env, 'FENGQIAO_WORKER_BATCH', 500, 1, 10_000),
    workerConcurrency: integerVar(env, 'FENGQIAO_WORKER_CONCURRENCY', 16, 1, 256),
    webRoot: env.FENGQIAO_WEB_ROOT ?? null,
    auditHash,
    auditVerification: {
      batchSize: integerVar(env, 'FENGQIAO_AUDIT_VERIFY_BATCH', 2000, 1, 50_000),
      pollMs: integerVar(env, 'FENGQIAO_AUDIT_VERIFY_POLL_MS', 15_000, 0, 86_400_000),
      leaseMs: integerVar(env, 'FENGQIAO_AUDIT_VERIFY_LEASE_MS', 60_000, 100, 3_600_000),
    },
    checkpoints: checkpointSettings(env, integerVar(env, 'FENGQIAO_CHECKPOINT_MINUTES', 60, 1, 10_080), auditHash),
    hstsMaxAge: env.FENGQIAO_HSTS_MAX_AGE ? integerVar(env, 'FENGQIAO_HSTS_MAX_AGE', 0, 0, 63_072_000) : null,
    idempotencyRetentionHours: integerVar(env, 'FENGQIAO_IDEMPOTENCY_RETENTION_HOURS', 24, 1, 8760),
    securityLogRetentionDays: securityLogRetention(env),
    loginThrottle: {
      account: throttleRule(env, 'ACCOUNT', 'LOCK', 5),
      address: throttleRule(env, 'ADDRESS', 'BLOCK', 50),
    },
    trustProxy: trustProxySetting(env.FENGQIAO_TRUST_PROXY),
    sessionIdleMinutes: numberVar(env, 'FENGQIAO_SESSION_IDLE_MINUTES', 30, 0.01, 10_080),
    passwordPolicy: {
      minLength: integerVar(env, 'FENGQIAO_PASSWORD_MIN_LENGTH', 12, 8, 128),
      minClasses: integerVar(env, 'FENGQIAO_PASSWORD_MIN_CLASSES', 3, 1, 4),
      history: integerVar(env, 'FENGQIAO_PASSWORD_HISTORY', 5, 0, 24),
    },
    passwordHash: {
      memoryKiB: integerVar(env, 'FENGQIAO_PASSWORD_HASH_MEMORY_KIB', DEFAULT_PASSWORD_HASH_COST.memoryKiB, 1024, 4_194_304),
      timeCost: integerVar(env, 'FENGQIAO_PASSWORD_HASH_TIME_COST', DEFAULT_PASSWORD_HASH_COST.timeCost, 1, 100),
      parallelism: integerVar(env, 'FENGQIAO_PASSWORD_HASH_PARALLELISM', DEFAULT_PASSWORD_HASH_COST.parallelism, 1, 64),
    },
    heapGrowingPercent: integerVar(env, 'FENGQIAO_HEAP_GROWING_PERCENT', 30, 0, 300),
    surveyLinkDays: integerVar(env, 'FENGQIAO_SURVEY_LINK_DAYS', 30, 1, 365),
    surveyRateLimit: integerVar(env, 'FENGQIAO_SURVEY_RATE_LIMIT', 30, 1, 10_000),
    fraud: fraudSettings(env),
    shutdown: {
      graceMs: integerVar(env, 'FENGQIAO_SHUTDOWN_GRACE_MS', 25_000, 0, 600_000),
      delayMs: integerVar(env, 'FENGQIAO_SHUTDOWN_DELAY_MS', 0, 0, 600_000),
    },
    metrics: metricsAccess(env),
    attachments: attachmentSettings(env),
    webhooks: webhookSettings(env),
  };
}

function metricsAccess(env: NodeJS.ProcessEnv): MetricsAccess {
  const token = env.FENGQIAO_METRICS_TOKEN || null;
  if (token !== null && token.length < 16) throw new Error('FENGQIAO_METRICS_TOKEN must be at least 16 characters long');
  const allow = (env.FENGQIAO_METRICS_ALLOW ?? '127.0.0.1/8,::1').split(',').map((entry) => entry.trim()).filter(Boolean);
  allowList(allow);
  return { token, allow };
}

function withHearingRules(policy: LegalPolicy, rules: RegionHearingRules[]): LegalPolicy {
  return new LegalPolicy({ ...policy.values, [HEARING_RULES_POLICY]: rules });
}

/** FENGQIAO_LOGIN_<ACCOUNT|ADDRESS>_FAILURES, _WINDOW_SECONDS and _<LOCK|BLOCK>_SECONDS; 15 minutes each by default. */
function throttleRule(env: NodeJS.ProcessEnv, who: 'ACCOUNT' | 'ADDRESS', lock: 'LOCK' | 'BLOCK', failures: number) {
  return {
    maxFailures: integerVar(env, `FENGQIAO_LOGIN_${who}_FAILURES`, failures, 1, 100_000),
    windowMs: integerVar(env, `FENGQIAO_LOGIN_${who}_WINDOW_SECONDS`, 900, 1, 86_400) * 1000,
    lockMs: integerVar(env, `FENGQIAO_LOGIN_${who}_${lock}_SECONDS`, 900, 1, 86_400) * 1000,
  };
}

/** 网络安全法 第二十一条 requires security logs to be kept at least six months: a shorter setting is refused, not raised. */
function securityLogRetention(env: NodeJS.ProcessEnv): number {
  const raw = env.FENGQIAO_SECURITY_LOG_RETENTION_DAYS;
  if (raw !== undefined && raw !== '' && Number.isInteger(Number(raw)) && Number(raw) < SECURITY_LOG_MIN_RETENTION_DAYS) {
    throw new Error(`FENGQIAO_SECURITY_LOG_RETENTION_DAYS must be at least ${SECURITY_LOG_MIN_RETENTION_DAYS}: the law (网络安全法 第二十一条) requires security logs to be kept six months or longer, not "${raw}"`);
  }
  return integerVar(env, 'FENGQIAO_SECURITY_LOG_RETENTION_DAYS', SECURITY_LOG_MIN_RETENTION_DAYS, SECURITY_LOG_MIN_RETENTION_DAYS, 36_500);
}

/** A whole-number variable within bounds, or its default when unset. */
function integerVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new Error(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return value;
}

/** A number within bounds, fractions allowed, or its default when unset. */
function numberVar(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number from ${min} to ${max}, not "${raw}"`);
  return value;
}

/**
 * The token lifetime, which is also a session's longest life: whole seconds, or a number with a unit (8h, 90m, 2 days).
 * Bare digits are made seconds explicitly: the signing library would read the string "3600" as milliseconds.
 */
function tokenLifetime(raw: string | undefined): string {
  if (!raw) return '8h';
  if (!/^\d+$|^\d+(\.\d+)?\s*(s|m|h|d|w|secs?|seconds?|mins?|minutes?|hours?|days?|weeks?)$/i.test(raw)) {
    throw new Error(`FENGQIAO_JWT_TTL must be whole seconds or a number with a unit (e.g. 8h, 90m, 2 days), not "${raw}"`);
  }
  return /^\d+$/.test(raw) ? `${raw}s` : raw;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
