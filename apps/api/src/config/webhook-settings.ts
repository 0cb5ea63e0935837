import type { WebhookSettings } from '@app/cases';

export interface WebhookConfig extends WebhookSettings {
  /** How often the worker looks for deliveries due (a retry) or left behind (another process's, a crash's). */
  intervalMs: number;
}

/** The variables and their bounds; ENV_SCHEMA checks them at start, so only the defaults are filled in here. */
export const WEBHOOK_VARIABLES = {
  FENGQIAO_WEBHOOK_MAX_ATTEMPTS: { key: 'maxAttempts', fallback: 8, min: 1, max: 50 },
  FENGQIAO_WEBHOOK_BACKOFF_SECONDS: { key: 'backoffSeconds', fallback: 30, min: 1, max: 86_400 },
  FENGQIAO_WEBHOOK_BACKOFF_MAX_SECONDS: { key: 'backoffMaxSeconds', fallback: 21_600, min: 1, max: 604_800 },
  FENGQIAO_WEBHOOK_TIMEOUT_MS: { key: 'timeoutMs', fallback: 10_000, min: 100, max: 60_000 },
  FENGQIAO_WEBHOOK_INTERVAL_MS: { key: 'intervalMs', fallback: 10_000, min: 100, max: 86_400_000 },
} as const;

/** FENGQIAO_WEBHOOK_*: how deliveries are attempted and retried (docs/webhooks.md). */
export function webhookSettings(env: NodeJS.ProcessEnv): WebhookConfig {
  const out = {} as Record<keyof WebhookConfig, number>;
  for (const [name, { key, fallback }] of Object.entries(WEBHOOK_VARIABLES)) {
    const raw = env[name];
    out[key] = raw === undefined || raw === '' ? fallback : Number(raw);
  }
  return out;
}
