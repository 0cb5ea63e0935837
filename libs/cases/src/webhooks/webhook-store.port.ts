import type {
  AttemptOutcome,
  ClaimedDelivery,
  DeliveryState,
  NewWebhookDelivery,
  NotedCaseEvent,
  WebhookDelivery,
  WebhookSubscription,
  WebhookSubscriptionChanges,
  WebhookSubscriptionWithSecret,
} from './webhook.types';

export interface DeliveryFilter {
  state?: DeliveryState;
  subscriptionId?: string;
  limit: number;
  offset: number;
}

/** Webhook subscriptions, the feed of committed case events and the deliveries made from it. */
export abstract class WebhookStore {
  abstract createSubscription(subscription: WebhookSubscriptionWithSecret): Promise<void>;
  abstract updateSubscription(id: string, changes: WebhookSubscriptionChanges, at: Date): Promise<WebhookSubscription | null>;
  /** Deletes the subscription and its deliveries. */
  abstract deleteSubscription(id: string): Promise<boolean>;
  abstract subscriptions(): Promise<WebhookSubscription[]>;
  abstract subscription(id: string): Promise<WebhookSubscription | null>;
  abstract activeSubscriptionCount(): Promise<number>;

  /**
   * In one transaction: takes up to `limit` noted events (on PostgreSQL skipping those another process holds), asks
   * `plan` which deliveries they make, stores those (one per subscription and event, however often asked) and deletes
   * the notes. Returns how many notes were taken.
   */
  abstract fanOut(limit: number, plan: (events: NotedCaseEvent[], subscriptions: WebhookSubscriptionWithSecret[]) => NewWebhookDelivery[]): Promise<number>;

  /**
   * Pending deliveries due at `now` (engine clock), leased until `leaseUntil` (wall clock) so no other process
   * attempts them meanwhile; a lease that ran out (its holder died mid-attempt) lets another take them.
   */
  abstract claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]>;
  /** Records an attempt of a delivery claimed with `attempts` earlier attempts; false when another took it since. */
  abstract recordAttempt(id: string, attempts: number, outcome: AttemptOutcome): Promise<boolean>;

  abstract deliveries(filter: DeliveryFilter): Promise<{ items: WebhookDelivery[]; total: number }>;
  abstract delivery(id: string): Promise<WebhookDelivery | null>;
  /** Makes failed deliveries (these ids, or every failed one) pending again, due at `now`, with a fresh count of attempts; returns their ids. */
  abstract replay(ids: string[] | 'all-failed', now: Date): Promise<string[]>;
}
