import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { type Path, type PathEntry, pathEntries, replayEffects, showEntries, transitionCoverage, verticesThatCannotFinish } from '../testing/paths';
import type { LmContext } from './lm.context';
import { labourMediation as lm } from './lm.workflow';

/*
 * Every legal path of 劳动争议调解, generated from the machine with a finite set of sample events, forbidden ones
 * included (an unsealed agreement, a one-party review application, an application for arbitration while mediation
 * is still within its fifteen days...). The traversal follows only events the machine accepts, and the statements of
 * the law below, written from 劳动争议调解仲裁法 第十条至第十六条, hold on every path.
 *
 * - `BY_STATE` keys a vertex by the state and whether the fifteen days have passed, over the events that move
 *   forward (a returned application going back is left out): the skeleton, snapshotted.
 * - `BY_FACTS` also keys by the facts that open arbitration and by where a returned application goes back to.
 */


const PARTIES = ['p1', 'p2'];
const RECEIVED = '2025-03-10';
const OPENED: LmContext = lm.initialContext({ partyIds: PARTIES, openedOn: RECEIVED, input: { workerPartyIds: ['p1'], knewOn: '2025-02-28', employmentEndedOn: '2025-02-28' } });
/** D-LB1 runs 15 days from the receipt on 2025-03-10; D-LB2 15 days from the agreement of 2025-03-20. */
const DEADLINES = { 'D-LB1': '2025-03-25', 'D-LB2': '2025-04-04' };

const labels = new Map<WorkflowEvent, string>();
function event(type: string, data: Record<string, unknown>, today: string, label?: string): WorkflowEvent {
  const role = lm.events[type].roles[0];
  const e: WorkflowEvent = { type, data, at: `${today}T03:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: `u-${role.toLowerCase()}`, role } };
  labels.set(e, label ? `${type}[${label}]` : type);
  return e;
}
const label = (e: WorkflowEvent) => labels.get(e) ?? e.type;

const AGREEMENT = { content: '用人单位于2025年4月10日前支付工资18000元', signedPartyIds: PARTIES, mediatorSigned: true, organisationSealed: true, effectiveOn: '2025-03-20', performanceDueOn: '2025-04-10' };
const REPORT = { sourceCaseId: 'lab-1', reportedOn: '2025-03-28' };
const ARBITRATION = { commissionOrgId: 'lac-1', applicantPartyIds: ['p1'] };

const VALID: WorkflowEvent[] = [
  event('ACCEPT_APPLICATION', { mediatorId: 'm1' }, '2025-03-11'),
  event('DECLINE', { reason: 'NOT_LABOUR_DISPUTE', explanation: '双方系合伙关系' }, '2025-03-11'),
  event('RECORD_SESSION', { heldOn: '2025-03-14', summary: '面对面调解' }, '2025-03-14'),
  event('SIGN_AGREEMENT', AGREEMENT, '2025-03-20'),
  event('FAIL', { reason: 'PARTY_REFUSED' }, '2025-03-18'),
  event('WITHDRAW', { partyIds: ['p1'] }, '2025-03-15'),
  event('MEDIATION_PERIOD_ELAPSED', {}, '2025-03-26'),
  // Inside the fifteen days: open only after a failure or a default.
  event('APPLY_ARBITRATION', ARBITRATION, '2025-03-20'),
  event('ARBITRATION_ACCEPTED', { outcome: 'SIGNED_FOR', ...REPORT }, '2025-03-28'),
  event('ARBITRATION_RETURNED', { outcome: 'RETURNED', ...REPORT, reason: 'NO_JURISDICTION' }, '2025-03-28'),
  event('APPLY_ARBITRAL_REVIEW', { applicantPartyIds: PARTIES, commissionName: '区劳动人事争议仲裁委员会', appliedOn: '2025-03-28' }, '2025-03-28'),
  event('REVIEW_CONFIRMED', { docNo: '劳人仲审字〔2025〕第2号', issuedOn: '2025-04-02' }, '2025-04-02'),
  event('REVIEW_REFUSED', { reason: '协议内容不明确' }, '2025-04-02'),
  event('RECORD_PERFORMED', { performedOn: '2025-04-08' }, '2025-04-08'),
  event('RECORD_NOT_PERFORMED', { defaultingPartyIds: ['p2'] }, '2025-04-11'),
  event('CLOSE', {}, '2025-04-15'),
];
/** Forbidden everywhere. */
const FORBIDDEN: WorkflowEvent[] = [
  event('SIGN_AGREEMENT', { ...AGREEMENT, organisationSealed: false }, '2025-03-20', 'unsealed'),
  event('SIGN_AGREEMENT', { ...AGREEMENT, mediatorSigned: false }, '2025-03-20', 'mediator unsigned'),
  event('SIGN_AGREEMENT', { ...AGREEMENT, signedPartyIds: ['p1'] }, '2025-03-20', 'one party'),
  event('SIGN_AGREEMENT', { ...AGREEMENT, effectiveOn: '2025-03-21' }, '2025-03-20', 'dated tomorrow'),
  event('APPLY_ARBITRAL_REVIEW', { applicantPartyIds: ['p1'], commissionName: '区劳动人事争议仲裁委员会', appliedOn: '2025-03-28' }, '2025-03-28', 'one party'),
  event('APPLY_ARBITRAL_REVIEW', { applicantPartyIds: PARTIES, commissionName: '区劳动人事争议仲裁委员会', appliedOn: '2025-04-05' }, '2025-04-05', 'late'),
  event('RECORD_NOT_PERFORMED', { defaultingPartyIds: ['p2'] }, '2025-04-10', 'before the term'),
  event('RECORD_PERFORMED', { performedOn: '2025-04-09' }, '2025-04-08', 'dated tomorrow'),
];
/** After the fifteen days: lawful in any state that takes an application, without the expiry event having arrived. */
const LATE_APPLICATION = event('APPLY_ARBITRATION', ARBITRATION, '2025-03-26', 'after 15 days');
const SAMPLES = [...VALID, ...FORBIDDEN, LATE_APPLICATION];

// ---------- independent statements of the law ----------

const allParties = (ids: unknown) => Array.isArray(ids) && PARTIES.every((p) => ids.includes(p));
/** 第十四条: both parties signed or sealed, the mediator signed, the organisation sealed. */
const art14 = (d: Record<string, any>) => allParties(d.signedPartyIds) && d.mediatorSigned === true && d.organisationSealed === true;
const fifteenDaysPassed = (today: string) => Date.parse(`${today}T00:00:00Z`) > Date.parse(`${RECEIVED}T00:00:00Z`) + 15 * 86_400_000;

// ---------- traversal ----------

const BY_STATE = (s: AnyMachineSnapshot) => JSON.stringify([String(s.value), (s.context as LmContext).periodElapsed]);
const BY_FACTS = (s: AnyMachineSnapshot) => {
  const c = s.context as LmContext;
  return JSON.stringify([String(s.value), c.periodElapsed, c.failed, c.notPerformed, c.arbitrationFrom ?? null]);
};
const traversal = (serializeState: (s: AnyMachineSnapshot) => string) => ({
  input: OPENED,
  events: serializeState === BY_STATE ? SAMPLES.filter((e) => e.type !== 'ARBITRATION_RETURNED') : SAMPLES,
  filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => state.can(e),
  serializeState,
});

const description = describeWorkflow(lm);
const FINAL = new Set(description.states.filter((s) => s.final).map((s) => s.id));

const entries = (p: Path) => pathEntries(p);
const chain = (p: Path) => p.steps.slice(1).map((s) => label(s.event));
const show = (xs: PathEntry[]) => showEntries(xs, label);
const endsIn = (p: Path) => String(p.state.value);

const replay = (p: Path) => replayEffects(lm, { value: 'applied', context: OPENED }, p, label);

let skeleton: Path[];
let shortest: Path[];
let paths: Path[];

beforeAll(() => {
  skeleton = getSimplePaths(lm.machine, traversal(BY_STATE));
  shortest = getShortestPaths(lm.machine, traversal(BY_STATE));
  paths = getSimplePaths(lm.machine, traversal(BY_FACTS));
});

describe('labour mediation (lm): generated legal paths', () => {
  it('samples a valid envelope for every event type', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(lm.events)));
  });

  it('reaches every state, every final state included', () => {
    const reached = new Set(paths.map(endsIn));
    expect(description.states.map((s) => s.id).filter((s) => !reached.has(s))).toEqual([]);
    expect(new Set(skeleton.map(endsIn))).toEqual(reached);
  });

  it('never takes a forbidden sample event', () => {
    const forbidden = new Set(FORBIDDEN);
    expect(show(paths.flatMap((p) => entries(p).filter((e) => forbidden.has(e.event))))).toEqual([]);
  });

  it('makes an agreement binding only with both parties’ signatures or seals, the mediator’s signature and the organisation’s seal (第十四条)', () => {
    const into = paths.flatMap(entries).filter((e) => e.to === 'agreed' && e.from !== 'arbitralReview');
    expect(into.length).toBeGreaterThan(0);
    expect(show(into.filter((e) => !(e.event.type === 'SIGN_AGREEMENT' && art14(e.event.data))))).toEqual([]);
  });

  it('opens arbitration only after a failure, fifteen days without agreement, or a default on the agreement (第十四条、第十五条; R12)', () => {
    const wrong: string[] = [];
    const grounds = new Set<string>();
    for (const p of paths) {
      const seen: string[] = [];
      for (const e of entries(p)) {
        if (e.event.type === 'APPLY_ARBITRATION') {
          const ground = seen.includes('FAIL') ? 'failed' : seen.includes('RECORD_NOT_PERFORMED') ? 'not performed' : seen.includes('MEDIATION_PERIOD_ELAPSED') || fifteenDaysPassed(e.event.today) ? '15 days' : null;
          if (!ground) wrong.push(chain(p).join(' → '));
          else grounds.add(ground);
        }
        seen.push(e.event.type);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect([...grounds].sort()).toEqual(['15 days', 'failed', 'not performed']);
  });

  it('applies for arbitral review only jointly, within fifteen days of the agreement (办案规则 第七十四条)', () => {
    const into = paths.flatMap(entries).filter((e) => e.to === 'arbitralReview');
    expect(into.length).toBeGreaterThan(0);
    expect(show(into.filter((e) => !(allParties(e.event.data.applicantPartyIds) && e.event.today <= '2025-04-04')))).toEqual([]);
  });

  it('records a default only after the agreed term (第十五条)', () => {
    const into = paths.flatMap(entries).filter((e) => e.to === 'notPerformed');
    expect(into.length).toBeGreaterThan(0);
    expect(show(into.filter((e) => !(e.event.today > AGREEMENT.performanceDueOn)))).toEqual([]);
  });

  it('sends a returned application back to where it was made from', () => {
    // A return revisits a state of the path, so it shows in the adjacency map rather than among the simple paths.
    const returns: string[] = [];
    for (const { state, transitions } of Object.values(getAdjacencyMap(lm.machine, traversal(BY_FACTS)))) {
      const next: { state: AnyMachineSnapshot; event: WorkflowEvent }[] = Object.values(transitions);
      for (const t of next.filter((x) => x.event.type === 'ARBITRATION_RETURNED')) returns.push(`${(state.context as LmContext).arbitrationFrom} → ${String(t.state.value)}`);
    }
    expect(returns.length).toBeGreaterThan(0);
    expect(returns.filter((r) => r.split(' → ')[0] !== r.split(' → ')[1])).toEqual([]);
    const madeFrom = new Set(paths.flatMap(entries).filter((e) => e.event.type === 'APPLY_ARBITRATION').map((e) => e.from));
    expect(new Set(returns.map((r) => r.split(' → ')[1]))).toEqual(madeFrom);
  });

  it('signs for or returns its own transfer, and reports in its own words', () => {
    const wrong: string[] = [];
    for (const p of paths.filter((x) => FINAL.has(endsIn(x)))) {
      const effects = replay(p);
      const types = entries(p).map((e) => e.event.type);
      if (effects.filter((e) => e.type === 'acceptTransfer').length !== types.filter((t) => t === 'ACCEPT_APPLICATION').length) wrong.push(chain(p).join(' → '));
      if (effects.filter((e) => e.type === 'returnTransfer').length !== types.filter((t) => t === 'DECLINE').length) wrong.push(chain(p).join(' → '));
      for (const e of effects) if (e.type === 'report' && !(e.params.outcome in lm.manifest.outcomes)) wrong.push(`unlisted ${e.params.outcome}`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('lets every non-final state reach a final state', () => {
    const adjacency = getAdjacencyMap(lm.machine, traversal(BY_FACTS));
    const stuck = verticesThatCannotFinish(adjacency, BY_FACTS);
    expect(stuck).toEqual([]);
  });

  it('takes every transition of the machine on some legal path, loops included', () => {
    expect(transitionCoverage(getAdjacencyMap(lm.machine, traversal(BY_FACTS)), description.transitions)).toEqual({ untaken: [], undeclared: [] });
  });

  it('generates a bounded number of paths', () => {
    expect({ skeleton: skeleton.length, complete: skeleton.filter((p) => FINAL.has(endsIn(p))).length, withFacts: paths.length }).toMatchSnapshot();
  });

  it('keeps the legal paths to a final state (snapshot)', () => {
    const complete = skeleton.filter((p) => FINAL.has(endsIn(p)));
    const lines = [...new Set(complete.map((p) => `${chain(p).join(' → ')} ⇒ ${endsIn(p)}`))].sort();
    expect(lines.length).toBe(complete.length);
    expect(lines).toMatchSnapshot();
  });

  it('keeps the shortest path to each state (snapshot)', () => {
    const best = new Map<string, Path>();
    for (const p of shortest) if (!best.has(endsIn(p)) || best.get(endsIn(p))!.steps.length > p.steps.length) best.set(endsIn(p), p);
    expect([...best.keys()].sort()).toEqual(description.states.map((s) => s.id).sort());
    expect([...best.values()].map((p) => `${endsIn(p)}: ${chain(p).join(' → ') || '(initial)'}`).sort()).toMatchSnapshot();
  });
});
