import { Injectable, Logger } from '@nestjs/common';
import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { DirectoryService } from '@app/organisations';
import { Clock } from '@app/shared';
import { CaseChangedEvent } from '../events/case-changed.event';
import { planDeliveries, retryDelayMs } from './webhook-plan';
import { signWebhook } from './webhook-signature';
import { WebhookStore } from './webhook-store.port';
import { WebhookSettings, type AttemptOutcome, type ClaimedDelivery } from './webhook.types';

const BATCH = 100;
/** Longer than any request may take (the timeout is at most a minute), so a live holder never loses its lease. */
const LEASE_MS = 2 * 60_000;
/** How long this process trusts its count of active subscriptions before asking again. */
const ACTIVE_RECHECK_MS = 10_000;

export interface WebhookRunReport {
  /** Committed case events turned into deliveries. */
  fannedOut: number;
  /** Attempts made in this run, and how many of them the receiver accepted. */
  attempted: number;
  delivered: number;
}

/**
 * Sends case events to subscribed systems. A run fans the noted events out into deliveries, then attempts the
 * deliveries that are due: each attempt is one signed POST, retried with backoff until `maxAttempts`. A delivery is
 * leased to one process per attempt, and marked delivered only after the receiver answered 2xx, so a crash between
 * the two sends it again with the same `Webhook-Id` (at least once; receivers deduplicate by the id).
 */
@Injectable()
export class WebhookDispatcher {
  private readonly logger = new Logger('Webhooks');
  private running: Promise<WebhookRunReport> | null = null;
  private again = false;
  private active: { count: number; checkedAt: number } | null = null;

  constructor(
    private readonly store: WebhookStore,
    private readonly directory: DirectoryService,
    private readonly clock: Clock,
    private readonly settings: WebhookSettings,
  ) {}

  /** Runs until nothing is left to fan out or due; a call during a run makes that run go round once more. */
  run(): Promise<WebhookRunReport> {
    if (this.running) this.again = true;
    this.running ??= this.runAll().finally(() => (this.running = null));
    return this.running;
  }

  /** After a commit here: run, unless no subscription is active (the common case costs no query). */
  async afterCommit(): Promise<void> {
    if (!this.active || Date.now() - this.active.checkedAt > ACTIVE_RECHECK_MS) {
      this.active = { count: await this.store.activeSubscriptionCount(), checkedAt: Date.now() };
    }
    if (this.active.count > 0) await this.run();
  }

  /** After this process changed a subscription. */
  subscriptionsChanged(): void {
    this.active = null;
  }

  private async runAll(): Promise<WebhookRunReport> {
    const report: WebhookRunReport = { fannedOut: 0, attempted: 0, delivered: 0 };
    for (;;) {
      this.again = false;
      let taken: number;
      do {
        taken = await this.fanOutBatch();
        report.fannedOut += taken;
      } while (taken === BATCH);
      let claimed: ClaimedDelivery[];
      do {
        claimed = await this.store.claimDue(this.clock.now(), new Date(Date.now() + LEASE_MS), BATCH);
        const results = await Promise.all(claimed.map((d) => this.attempt(d)));
        report.attempted += claimed.length;
        report.delivered += results.filter(Boolean).length;
      } while (claimed.length === BATCH);
      if (!this.again) return report;
    }
  }

  private async fanOutBatch(): Promise<number> {
    const directory = await this.directory.current();
    const scope = (orgIds: string[]) => new Set(orgIds.flatMap((id) => directory.supervisedOrgIds(id)));
    return this.store.fanOut(BATCH, (events, subscriptions) => planDeliveries(events, subscriptions, scope, this.clock.now()));
  }

  private async attempt(delivery: ClaimedDelivery): Promise<boolean> {
    const outcome = await this.send(delivery);
    const recorded = await this.store.recordAttempt(delivery.id, delivery.attempts, outcome);
    if (!outcome.ok) this.logger.warn(`Webhook ${delivery.id} to ${delivery.url}, attempt ${delivery.attempts + 1}: ${outcome.error}`);
    return recorded && outcome.ok;
  }

  private async send(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    const body = JSON.stringify(delivery.payload);
    // The signature's time is the wall clock's: receivers compare it with their own to refuse replayed requests.
    const timestamp = Math.floor(Date.now() / 1000);
    const at = this.clock.now();
    const failed = (status: number | null, error: string): AttemptOutcome => {
      const attempts = delivery.attempts + 1;
      const nextAttemptAt = attempts >= this.settings.maxAttempts ? null : new Date(at.getTime() + retryDelayMs(attempts, this.settings));
      return { ok: false, status, error, at, nextAttemptAt };
    };
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Fengqiao-Webhooks',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(delivery.secret, delivery.id, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      // The answer's body is not needed; reading it frees the connection.
      const text = await response.text().catch(() => '');
      if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, at };
      return failed(response.status, `HTTP ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`);
    } catch (error) {
      const text = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${this.settings.timeoutMs} ms` : String((error as Error)?.cause ?? error);
      return failed(null, text);
    }
  }
}

@EventsHandler(CaseChangedEvent)
export class SendWebhooksAfterCommit implements IEventHandler<CaseChangedEvent> {
  private readonly logger = new Logger('Webhooks');
  constructor(private readonly dispatcher: WebhookDispatcher) {}

  handle(): void {
    this.dispatcher.afterCommit().catch((error) => this.logger.error(`Webhook run failed: ${String(error)}`));
  }
}
