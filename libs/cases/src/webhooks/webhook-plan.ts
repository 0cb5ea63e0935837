import { randomUUID } from 'node:crypto';
import type { NewWebhookDelivery, NotedCaseEvent, WebhookPayload, WebhookSettings, WebhookSubscription } from './webhook.types';

/** The organisations a subscription's `orgIds` cover: with sub-organisations, every one they supervise. */
export type OrgScope = (orgIds: string[]) => Set<string>;

export function subscriptionMatches(subscription: WebhookSubscription, event: NotedCaseEvent, scope: OrgScope): boolean {
  if (!subscription.active) return false;
  if (subscription.workflowIds.length && !subscription.workflowIds.includes(event.workflowId)) return false;
  if (subscription.eventTypes.length && !subscription.eventTypes.includes(event.type)) return false;
  if (!subscription.orgIds.length) return true;
  return subscription.includeSubOrgs ? scope(subscription.orgIds).has(event.orgId) : subscription.orgIds.includes(event.orgId);
}

export function webhookPayload(event: NotedCaseEvent, now: Date): WebhookPayload {
  return {
    type: 'case.event',
    timestamp: now.toISOString(),
    data: {
      caseId: event.caseId,
      caseNo: event.caseNo,
      workflowId: event.workflowId,
      orgId: event.orgId,
      seq: event.seq,
      eventType: event.type,
      fromState: event.fromState,
      toState: event.toState,
      occurredAt: event.at,
    },
  };
}

/** One delivery per event and matching subscription. */
export function planDeliveries(events: NotedCaseEvent[], subscriptions: WebhookSubscription[], scope: OrgScope, now: Date): NewWebhookDelivery[] {
  return events.flatMap((event) =>
    subscriptions
      .filter((s) => subscriptionMatches(s, event, scope))
      .map((s) => ({ id: `msg_${randomUUID()}`, subscriptionId: s.id, caseId: event.caseId, seq: event.seq, eventType: event.type, payload: webhookPayload(event, now), createdAt: now })),
  );
}

/**
 * The wait after the `attempt`-th failed attempt: doubling from `backoffSeconds` up to `backoffMaxSeconds`, of which
 * a random half is dropped ("equal jitter") so receivers coming back up are not met by every sender at once.
 */
export function retryDelayMs(attempt: number, settings: Pick<WebhookSettings, 'backoffSeconds' | 'backoffMaxSeconds'>, random: () => number = Math.random): number {
  const full = Math.min(settings.backoffSeconds * 2 ** Math.max(0, attempt - 1), settings.backoffMaxSeconds) * 1000;
  return Math.round(full / 2 + (full / 2) * random());
}
