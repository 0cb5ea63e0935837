/** A court's or bureau's system that receives case events. Empty filter lists match everything of that kind. */
export interface WebhookSubscription {
  id: string;
  name: string;
  url: string;
  workflowIds: string[];
  orgIds: string[];
  /** Also the organisations that `orgIds` supervise, directly or through others. */
  includeSubOrgs: boolean;
  eventTypes: string[];
  active: boolean;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookSubscriptionWithSecret extends WebhookSubscription {
  secret: string;
}

export type WebhookSubscriptionChanges = Partial<Pick<WebhookSubscription, 'name' | 'url' | 'workflowIds' | 'orgIds' | 'includeSubOrgs' | 'eventTypes' | 'active'>>;

/** A case event noted in the transaction that committed it, waiting to be fanned out. */
export interface NotedCaseEvent {
  caseId: string;
  caseNo: string;
  seq: number;
  type: string;
  fromState: string | null;
  toState: string;
  at: string;
  workflowId: string;
  orgId: string;
}

export type DeliveryState = 'pending' | 'delivered' | 'failed';

/**
 * What a subscriber receives: ids, the event's type and states, never the case's parties or the event's data. A
 * receiver that needs more reads the case through the API with its own account, under its own jurisdiction.
 */
export interface WebhookPayload {
  type: 'case.event';
  timestamp: string;
  data: { caseId: string; caseNo: string; workflowId: string; orgId: string; seq: number; eventType: string; fromState: string | null; toState: string; occurredAt: string };
}

export interface NewWebhookDelivery {
  id: string;
  subscriptionId: string;
  caseId: string;
  seq: number;
  eventType: string;
  payload: WebhookPayload;
  createdAt: Date;
}

export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  caseId: string;
  seq: number;
  eventType: string;
  payload: WebhookPayload;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** A delivery claimed for one attempt, with where to send it and the key to sign it with. */
export interface ClaimedDelivery extends WebhookDelivery {
  url: string;
  secret: string;
}

/** How one attempt ended: `nextAttemptAt` null means no attempt is left and the delivery failed. */
export type AttemptOutcome =
  | { ok: true; status: number; at: Date }
  | { ok: false; status: number | null; error: string; at: Date; nextAttemptAt: Date | null };

/** How deliveries are attempted; provided by the application from FENGQIAO_WEBHOOK_*. */
export abstract class WebhookSettings {
  /** Attempts before a delivery is failed and waits for an administrator's replay. */
  abstract readonly maxAttempts: number;
  /** The wait after the first failed attempt; it doubles with each further one. */
  abstract readonly backoffSeconds: number;
  abstract readonly backoffMaxSeconds: number;
  /** How long one request may take before it counts as failed. */
  abstract readonly timeoutMs: number;
}
