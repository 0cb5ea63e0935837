import { planDeliveries, retryDelayMs, subscriptionMatches } from './webhook-plan';
import type { NotedCaseEvent, WebhookSubscription } from './webhook.types';

const event: NotedCaseEvent = { caseId: 'c1', caseNo: '（2026）枫源调字第1号', seq: 3, type: 'ACCEPT', fromState: 'registered', toState: 'accepted', at: '2026-01-05T02:00:00.000Z', workflowId: 'pm', orgId: 'org-fengyuan' };
const subscription = (over: Partial<WebhookSubscription> = {}): WebhookSubscription => ({
  id: 's1',
  name: '平台',
  url: 'https://example.test/hook',
  workflowIds: [],
  orgIds: [],
  includeSubOrgs: false,
  eventTypes: [],
  active: true,
  createdBy: 'u-admin',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});
// 枫桥镇 supervises 枫源村.
const scope = (orgIds: string[]) => new Set(orgIds.flatMap((id) => (id === 'org-fengqiao' ? ['org-fengqiao', 'org-fengyuan'] : [id])));

describe('which subscriptions a case event reaches', () => {
  it.each([
    ['no filters', {}, true],
    ['its workflow', { workflowIds: ['pm', 'jc'] }, true],
    ['another workflow', { workflowIds: ['jc'] }, false],
    ['its event type', { eventTypes: ['ACCEPT'] }, true],
    ['another event type', { eventTypes: ['CLOSE'] }, false],
    ['its organisation', { orgIds: ['org-fengyuan'] }, true],
    ['the supervising organisation only', { orgIds: ['org-fengqiao'] }, false],
    ['the supervising organisation with those it supervises', { orgIds: ['org-fengqiao'], includeSubOrgs: true }, true],
    ['a paused subscription', { active: false }, false],
  ])('%s', (_what, over, expected) => {
    expect(subscriptionMatches(subscription(over as Partial<WebhookSubscription>), event, scope)).toBe(expected);
  });

  it('plans one delivery per matching subscription, carrying ids and states only', () => {
    const now = new Date('2026-01-05T02:00:01.000Z');
    const planned = planDeliveries([event], [subscription(), subscription({ id: 's2', workflowIds: ['jc'] }), subscription({ id: 's3' })], scope, now);
    expect(planned.map((d) => d.subscriptionId)).toEqual(['s1', 's3']);
    expect(planned[0].id).not.toBe(planned[1].id);
    expect(planned[0].payload).toEqual({
      type: 'case.event',
      timestamp: now.toISOString(),
      data: { caseId: 'c1', caseNo: '（2026）枫源调字第1号', workflowId: 'pm', orgId: 'org-fengyuan', seq: 3, eventType: 'ACCEPT', fromState: 'registered', toState: 'accepted', occurredAt: event.at },
    });
  });
});

describe('the wait before a retry', () => {
  const settings = { backoffSeconds: 30, backoffMaxSeconds: 600 };

  it('doubles with each failed attempt up to the cap, keeping at least half of it whatever the jitter', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, settings, () => 1))).toEqual([30_000, 60_000, 120_000, 240_000, 480_000, 600_000]);
    expect([1, 2, 6].map((n) => retryDelayMs(n, settings, () => 0))).toEqual([15_000, 30_000, 300_000]);
    expect(retryDelayMs(2, settings, () => 0.5)).toBe(45_000);
  });
});
