import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { type Path, pathEntries, replayEffects, verticesThatCannotFinish } from '../testing/paths';
import type { SubContext } from './sub.context';
import { subsidyClaim as sub } from './sub.workflow';

/*
 * Every legal path of a 以案定补 claim, generated from the machine with one sample event per type plus a denied
 * call-back. The statements below come from spec A13 and §9 (the review chain, spot checks, 平湖's suspension,
 * 泰州's clawback), not from the machine, and hold on every path.
 */

const OPENED: SubContext = sub.initialContext({ partyIds: ['P1'], openedOn: '2025-07-01', input: { claimedCaseId: 'pm-1', claimedCaseNo: '（2025）枫源调字第3号', mediatorId: 'u-m' } });
const labels = new Map<WorkflowEvent, string>();
function event(type: string, data: Record<string, unknown>, label?: string): WorkflowEvent {
  const role = sub.events[type].roles[0];
  const e: WorkflowEvent = { type, data, at: '2025-07-20T02:00:00.000Z', today: '2025-07-20', deadlines: {}, actor: { id: `u-${role.toLowerCase()}`, role } };
  labels.set(e, label ? `${type}[${label}]` : type);
  return e;
}
const label = (e: WorkflowEvent) => labels.get(e) ?? e.type;
const SAMPLES: WorkflowEvent[] = [
  event('DRAFT', { tier: 'ORDINARY' }),
  event('SUBMIT', {}),
  event('ORG_APPROVE', {}),
  event('STATION_APPROVE', {}),
  event('SELECT_FOR_SPOT_CHECK', { spotCheckId: 'sc-1', reason: 'RANDOM' }),
  event('RECORD_CALL_BACK', { calledOn: '2025-07-22', result: 'CONFIRMED', note: '属实' }, 'confirmed'),
  event('RECORD_CALL_BACK', { calledOn: '2025-07-22', result: 'DENIED', note: '未经调解' }, 'denied'),
  event('BUREAU_APPROVE', { tier: 'ORDINARY' }),
  event('FUNDS_COMMITTED', { tier: 'ORDINARY', amount: '200.00', fundingSource: '区级财政', tariffVersion: '330199-2025-v1', budgetYear: 2025 }),
  event('PAY', { paidOn: '2025-08-01', voucherNo: 'CZ-1' }),
  event('PUBLISH', { publishedOn: '2025-08-05', batchNo: '2025Q2' }),
  event('RETURN_FOR_CORRECTION', { reason: '缺回访记录' }),
  event('RESUBMIT', { note: '已补正' }),
  event('REJECT', { reason: 'DUPLICATE' }),
  event('SUSPEND_FOR_FRAUD', { reason: '疑似虚假卷宗' }),
  event('LIFT_SUSPENSION', { note: '查无实据' }),
  event('CLAW_BACK', { recoveredAmount: '200.00', note: '已追回' }),
];

const stateOf = (s: AnyMachineSnapshot) => String(s.value);
const BY_STATE = (s: AnyMachineSnapshot) => stateOf(s);
const BY_FACTS = (s: AnyMachineSnapshot) => {
  const c = s.context as SubContext;
  return JSON.stringify([stateOf(s), c.suspendedIn ?? null, c.spotCheckPending, c.spotChecked, !!c.amount]);
};
const traversal = (serializeState: (s: AnyMachineSnapshot) => string) => ({ input: OPENED, events: SAMPLES, filterEvents: (s: AnyMachineSnapshot, e: WorkflowEvent) => s.can(e), serializeState });
const chain = (p: Path) => p.steps.slice(1).map((s) => label(s.event));
const description = describeWorkflow(sub);

let all: Path[];
beforeAll(() => {
  all = getSimplePaths(sub.machine, traversal(BY_FACTS));
});

describe('以案定补 claims (sub): generated legal paths', () => {
  it('samples every event type', () => {
    expect(new Set(SAMPLES.map((e) => e.type))).toEqual(new Set(Object.keys(sub.events)));
  });

  it('reaches every state, and lets every configuration reach a final state', () => {
    const reached = new Set(all.map((p) => stateOf(p.state)));
    expect(description.states.map((s) => s.id).filter((s) => !reached.has(s))).toEqual([]);
    expect(verticesThatCannotFinish(getAdjacencyMap(sub.machine, traversal(BY_FACTS)), BY_FACTS)).toEqual([]);
  });

  it('commits money only after the committee, the 司法所 and the bureau passed the claim in that order (A13)', () => {
    const wrong: string[] = [];
    for (const p of all) {
      const seen: string[] = [];
      for (const e of pathEntries(p, stateOf)) {
        if (e.event.type === 'FUNDS_COMMITTED') {
          const order = ['ORG_APPROVE', 'STATION_APPROVE', 'BUREAU_APPROVE'].map((t) => seen.lastIndexOf(t));
          if (order.some((i) => i < 0) || !(order[0] < order[1] && order[1] < order[2])) wrong.push(chain(p).join(' → '));
        }
        seen.push(e.event.type);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(all.some((p) => stateOf(p.state) === 'published')).toBe(true);
  });

  it('never approves a picked claim before its call-back, and a denied call-back always suspends it', () => {
    const wrong: string[] = [];
    for (const p of all) {
      let pending = false;
      for (const e of pathEntries(p, stateOf)) {
        if (e.event.type === 'SELECT_FOR_SPOT_CHECK') pending = true;
        if (e.event.type === 'RECORD_CALL_BACK') pending = false;
        if (e.event.type === 'BUREAU_APPROVE' && pending) wrong.push(chain(p).join(' → '));
        if (label(e.event) === 'RECORD_CALL_BACK[denied]' && e.to !== 'suspendedForFraud') wrong.push(chain(p).join(' → '));
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('pays only approved claims and publishes only paid ones; a suspension is lifted only back to where it began', () => {
    const wrong: string[] = [];
    for (const p of all) {
      let suspendedFrom: string | null = null;
      for (const e of pathEntries(p, stateOf)) {
        if (e.to === 'paid' && e.from !== 'approved') wrong.push(chain(p).join(' → '));
        if (e.to === 'published' && e.from !== 'paid') wrong.push(chain(p).join(' → '));
        if (e.to === 'suspendedForFraud' && e.from !== 'suspendedForFraud') suspendedFrom = e.event.type === 'RECORD_CALL_BACK' ? 'bureauReview' : e.from;
        if (e.event.type === 'LIFT_SUSPENSION' && e.to !== suspendedFrom) wrong.push(chain(p).join(' → '));
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('replays every path through decide(), as the engine applies it, asking for no engine effects', () => {
    for (const p of all) expect(replayEffects(sub, { value: 'eligible', context: OPENED }, p, label)).toEqual([]);
  });

  it('keeps the shortest way into every state (a change to the legal paths shows here)', () => {
    const shortest = getShortestPaths(sub.machine, traversal(BY_STATE));
    expect(shortest.map((p) => `${stateOf(p.state)}: ${chain(p).join(' → ')}`).sort()).toMatchSnapshot();
  });
});
