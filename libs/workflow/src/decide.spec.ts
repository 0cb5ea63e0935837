import { transition as xstateTransition } from 'xstate';
import { decide, open } from './decide';
import type { WorkflowEvent } from './definition';
import { labourMediation as lm } from './labour-mediation/lm.workflow';
import { stateValueFromString } from './state-value';

/*
 * decide() runs transitions through one inert actor scope per machine rather than xstate's per-call one. These check
 * that it answers exactly as xstate's own transition() does, and that one decision's actions never reach another's.
 */

const PARTIES = ['p1', 'p2'];
const opened = open(lm, { partyIds: PARTIES, openedOn: '2025-03-10', input: { workerPartyIds: ['p1'], knewOn: '2025-02-28', employmentEndedOn: '2025-02-28' } } as never);
const event = (type: string, data: Record<string, unknown>, today = '2025-03-14'): WorkflowEvent => ({
  type,
  data,
  at: `${today}T03:00:00.000Z`,
  today,
  deadlines: { 'D-LB1': '2025-03-25' },
  actor: { id: 'u-1', role: lm.events[type].roles[0] },
});

describe('decide', () => {
  const accepted = decide(lm, opened.state, event('ACCEPT_APPLICATION', {}));
  if (!accepted.allowed) throw new Error('the application should be accepted');
  const mediating = { value: accepted.to, context: accepted.context };
  const agreement = event('SIGN_AGREEMENT', { content: '支付工资18000元', signedPartyIds: PARTIES, mediatorSigned: true, organisationSealed: true, effectiveOn: '2025-03-14', performanceDueOn: '2025-04-10' });

  it('answers as xstate’s own transition does: the same state, context and actions', () => {
    for (const [from, e] of [
      [mediating, agreement],
      [mediating, event('RECORD_SESSION', { heldOn: '2025-03-14', summary: '面对面调解' })],
      [mediating, event('FAIL', { reason: '双方分歧较大' })],
    ] as const) {
      const ours = decide(lm, from, e);
      const snapshot = lm.machine.resolveState({ value: stateValueFromString(from.value), context: from.context });
      const [next, actions] = xstateTransition(lm.machine, snapshot, e);
      expect(ours).toMatchObject({ allowed: true, context: next.context });
      if (!ours.allowed) continue;
      expect(stateValueFromString(ours.to)).toEqual(next.value);
      expect(ours.effects.map((x) => x.type)).toEqual((actions as { type: string; params?: unknown }[]).filter((a) => a.type !== 'xstate.assign').map((a) => (a.params as { type?: string })?.type ?? a.type));
    }
  });

  it('keeps each decision’s actions to itself', () => {
    const signed = decide(lm, mediating, agreement);
    const session = decide(lm, mediating, event('RECORD_SESSION', { heldOn: '2025-03-14', summary: '面对面调解' }));
    expect(signed).toMatchObject({ allowed: true, effects: [expect.objectContaining({ type: 'report' })] });
    expect(session).toMatchObject({ allowed: true, effects: [] });
    expect(decide(lm, mediating, agreement)).toEqual(signed);
  });
});
