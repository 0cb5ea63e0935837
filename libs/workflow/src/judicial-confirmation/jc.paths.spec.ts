import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import { decide, type PersistedState } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { peopleMediation } from '../people-mediation/pm.workflow';
import { ROUTES } from '../routes/routes';
import { missingRequired, reportedOutcomes, takenIn } from '../testing/route-fixtures';
import type { JcContext } from './jc.context';
import { judicialConfirmation as jc } from './jc.workflow';
import { verticesThatCannotFinish } from '../testing/paths';

/*
 * Every legal path of 司法确认, generated from the machine with a finite set of sample events, forbidden ones included
 * (a one-party or late application, a registration dated tomorrow...). The traversal follows only events the machine
 * accepts. No guard of this machine reads the context, so keying vertices by state alone loses nothing.
 */

type Path = StatePath<AnyMachineSnapshot, WorkflowEvent>;

const PARTIES = ['p1', 'p2'];
const TODAY = '2025-03-20';
const PREPARING: JcContext = jc.initialContext({
  partyIds: PARTIES,
  openedOn: '2025-03-18',
  input: { agreementEffectiveOn: '2025-03-05', performanceDueOn: '2025-04-30' },
});
/** D-JC1 runs 30 days from the agreement's effective date, 2025-03-05. */
const DEADLINES = { 'D-JC1': '2025-04-04' };

function event(type: string, data: Record<string, unknown> = {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const role = jc.events[type].roles[0];
  return { type, data, at: `${TODAY}T03:00:00.000Z`, today: TODAY, deadlines: DEADLINES, actor: { id: `u-${role.toLowerCase()}`, role }, ...over };
}
const RULING_NO = '（2025）浙0102民特12号';

const VALID: WorkflowEvent[] = [
  event('FILE', { applicantPartyIds: ['p1', 'p2'], form: 'WRITTEN' }),
  event('WINDOW_EXPIRED', {}, { deadlines: {}, today: '2025-04-05' }),
  event('SIGN_FOR', {}),
  event('RETURN', { reason: 'INCOMPLETE', explanation: '缺少调解协议原件' }),
  event('REGISTER', { docketNo: RULING_NO, registeredOn: TODAY }),
  event('NOT_ACCEPT', { ground: 'TITLE_DETERMINATION', explanation: '涉及宅基地使用权确权' }),
  event('REQUEST_SUPPLEMENT', { items: ['调解组织主持调解的证明'], dueOn: '2025-03-27' }),
  event('SUBMIT_SUPPLEMENT', { note: '已补交' }),
  event('SUPPLEMENT_OVERDUE', {}, { today: '2025-03-28' }),
  event('SCHEDULE_VERIFICATION', { scheduledOn: '2025-03-24' }),
  event('DEEM_WITHDRAWN', { reason: 'REFUSED_QUESTIONING' }),
  event('WITHDRAW', { partyIds: ['p1', 'p2'] }),
  event('RULE_VALID', { rulingNo: RULING_NO, ruledOn: TODAY }),
  event('DISMISS', { ground: 'NOT_VOLUNTARY', rulingNo: RULING_NO }),
  event('SERVE_RULING', { servedOn: TODAY }),
  event('FILE_OBJECTION', { partyIds: ['p2'], grounds: '协议内容违背本人意愿' }),
  event('OBJECTION_PERIOD_ENDED', {}, { today: '2025-04-05' }),
  event('REJECT_OBJECTION', { rulingNo: `${RULING_NO}之一` }),
  event('REVOKE_RULING', { rulingNo: `${RULING_NO}之一`, explanation: '异议成立' }),
  event('APPLY_ENFORCEMENT', { applicantPartyIds: ['p1'], appliedOn: '2025-05-06' }),
  event('RECORD_PERFORMED', { performedOn: '2025-04-28' }),
];
const valid = (type: string) => VALID.find((e) => e.type === type)!;

const FORBIDDEN: WorkflowEvent[] = [
  event('FILE', { applicantPartyIds: ['p1'], form: 'WRITTEN' }),
  event('FILE', valid('FILE').data, { today: '2025-04-05', at: '2025-04-05T01:00:00.000Z' }),
  event('FILE', valid('FILE').data, { deadlines: {} }),
  event('REGISTER', { docketNo: RULING_NO, registeredOn: '2025-03-21' }),
  event('REQUEST_SUPPLEMENT', { items: ['身份证明'], dueOn: TODAY }),
  event('SERVE_RULING', { servedOn: '2025-03-21' }),
];
const SAMPLES = [...VALID, ...FORBIDDEN];

const includesAllParties = (ids: unknown) => Array.isArray(ids) && PARTIES.every((p) => ids.includes(p));

const BY_STATE = (s: AnyMachineSnapshot) => String(s.value);
const traversal = {
  input: PREPARING,
  events: SAMPLES,
  filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => state.can(e),
  serializeState: BY_STATE,
};

const description = describeWorkflow(jc);
const FINAL = new Set(description.states.filter((s) => s.final).map((s) => s.id));

interface Entry {
  from: string;
  to: string;
  event: WorkflowEvent;
}
const entries = (p: Path): Entry[] =>
  p.steps.slice(1).map((step, i) => ({ from: String(p.steps[i].state.value), to: String(step.state.value), event: step.event }));
const chain = (p: Path) => p.steps.slice(1).map((s) => s.event.type);
/** A short, de-duplicated listing of offending transitions, so a failure stays readable. */
const show = (xs: Entry[]) => [...new Set(xs.map((e) => `${e.from} --${e.event.type}--> ${e.to} ${JSON.stringify(e.event.data)} today=${e.event.today}`))];
const endsIn = (p: Path) => String(p.state.value);
const visits = (p: Path) => p.steps.map((s) => String(s.state.value));
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** Replays a path through `decide()` from the opening context, as the engine would, collecting the effects and the events asking for them. */
function replay(p: Path): { final: PersistedState; effects: { effect: Effect; event: WorkflowEvent }[] } {
  let state: PersistedState = { value: 'preparing', context: PREPARING };
  const effects: { effect: Effect; event: WorkflowEvent }[] = [];
  for (const { event: e } of entries(p)) {
    const d = decide(jc, state, e);
    if (!d.allowed) throw new Error(`${chain(p).join(' → ')}: decide() refused ${e.type} in ${state.value}`);
    effects.push(...d.effects.map((effect) => ({ effect, event: e })));
    state = { value: d.to, context: d.context };
  }
  return { final: state, effects };
}

let paths: Path[];
let shortest: Path[];

beforeAll(() => {
  paths = getSimplePaths(jc.machine, traversal);
  shortest = getShortestPaths(jc.machine, traversal);
});

describe('judicial confirmation (jc): generated legal paths', () => {
  it('samples one valid envelope for every event type', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(jc.events)));
  });

  it('reaches every state, every final state included', () => {
    const reached = new Set(paths.map(endsIn));
    expect(description.states.map((s) => s.id).filter((s) => !reached.has(s))).toEqual([]);
    expect([...FINAL].every((s) => reached.has(s))).toBe(true);
  });

  it('never takes a forbidden sample event', () => {
    const forbidden = new Set(FORBIDDEN);
    expect(show(paths.flatMap((p) => entries(p).filter((e) => forbidden.has(e.event))))).toEqual([]);
  });

  it('files only on a joint application inside the D-JC1 window (民事诉讼法 第二百零五条)', () => {
    const into = paths.flatMap(entries).filter((e) => e.to === 'filed');
    expect(into.length).toBeGreaterThan(0);
    const bad = into.filter(
      (e) => !(e.event.type === 'FILE' && includesAllParties(e.event.data.applicantPartyIds) && e.event.today <= e.event.deadlines['D-JC1']),
    );
    expect(show(bad)).toEqual([]);
  });

  it('confirms an agreement only after hearing both parties together (民诉解释 第三百五十六条)', () => {
    const into = paths.flatMap(entries).filter((e) => e.to === 'confirmed');
    expect(into.length).toBeGreaterThan(0);
    expect(show(into.filter((e) => !(e.from === 'verification' && e.event.type === 'RULE_VALID')))).toEqual([]);
  });

  it('makes a ruling enforceable only through confirmed, service and the objection window (民诉解释 第三百七十二条)', () => {
    const reaching = paths.filter((p) => visits(p).includes('enforceable'));
    expect(reaching.length).toBeGreaterThan(0);
    for (const p of reaching) {
      const v = visits(p);
      const at = v.indexOf('enforceable');
      expect(v.slice(0, at)).toEqual(expect.arrayContaining(['registered', 'verification', 'confirmed', 'objectionWindow']));
      const into = entries(p)[at - 1];
      expect([`${into.from}|${into.event.type}`]).toEqual([
        expect.stringMatching(/^(objectionWindow\|OBJECTION_PERIOD_ENDED|objectionReview\|REJECT_OBJECTION)$/),
      ]);
    }
  });

  it('lets every non-final state reach a final state', () => {
    const adjacency = getAdjacencyMap(jc.machine, traversal);
    expect(verticesThatCannotFinish(adjacency, BY_STATE, (vertex) => FINAL.has(vertex))).toEqual([]);
    expect(Object.keys(adjacency).sort()).toEqual(description.states.map((s) => s.id).sort());
  });

  describe('what the mediation case is told (route R4)', () => {
    const R4 = ROUTES.find((r) => r.id === 'R4')!;
    const JC_CASE = { caseId: 'case-jc-1', caseNo: '（2025）浙0102民特确12号' };
    /** What jc reports on a path ending in each final state, in its own words (the engine reports SIGNED_FOR / RETURNED). */
    const REPORTED: Record<string, string[]> = {
      windowExpired: [],
      returned: ['RETURNED'],
      notAccepted: ['SIGNED_FOR', 'NOT_ACCEPTED'],
      withdrawn: ['SIGNED_FOR', 'WITHDRAWN'],
      deemedWithdrawn: ['SIGNED_FOR', 'DEEMED_WITHDRAWN'],
      dismissed: ['SIGNED_FOR', 'DISMISSED'],
      enforcementApplied: ['SIGNED_FOR', 'CONFIRMED'],
      performed: ['SIGNED_FOR', 'CONFIRMED'],
      revoked: ['SIGNED_FOR', 'CONFIRMED', 'REVOKED'],
    };
    /** The events the mediation case receives for them, in its words. */
    const OUTCOME: Record<string, { event: string; outcome: string }[]> = {
      windowExpired: [], // the mediation case learns this from its own D-JC1 deadline
      returned: [{ event: 'JC_RETURNED', outcome: 'RETURNED' }],
      notAccepted: [{ event: 'JC_NOT_CONFIRMED', outcome: 'NOT_ACCEPTED' }],
      withdrawn: [{ event: 'JC_NOT_CONFIRMED', outcome: 'WITHDRAWN' }],
      deemedWithdrawn: [{ event: 'JC_NOT_CONFIRMED', outcome: 'DEEMED_WITHDRAWN' }],
      dismissed: [{ event: 'JC_NOT_CONFIRMED', outcome: 'DISMISSED' }],
      enforcementApplied: [{ event: 'JC_CONFIRMED', outcome: 'CONFIRMED' }],
      performed: [{ event: 'JC_CONFIRMED', outcome: 'CONFIRMED' }],
      revoked: [
        { event: 'JC_CONFIRMED', outcome: 'CONFIRMED' },
        { event: 'JC_NOT_CONFIRMED', outcome: 'REVOKED' },
      ],
    };
    const complete = () => paths.filter((p) => FINAL.has(endsIn(p)));
    /** The outcomes reported along a path, in order, with the data the engine reports them with. */
    const reportedOn = (p: Path) => {
      const { effects } = replay(p);
      return effects.flatMap(({ effect, event: e }) => reportedOutcomes([effect], e.data));
    };
    /** The events of the mediation case they become, with the data the engine delivers (null outcomes dropped). */
    const told = (p: Path) => reportedOn(p).flatMap((r) => takenIn(R4, r, JC_CASE, TODAY) ?? []);

    it('names an expected outcome for every final state', () => {
      expect(Object.keys(REPORTED).sort()).toEqual([...FINAL].sort());
      expect(Object.keys(OUTCOME).sort()).toEqual([...FINAL].sort());
    });

    it('reports, in its own words, the outcome on every path to a final state, and nothing else', () => {
      const wrong: string[] = [];
      for (const p of complete()) {
        const outcomes = reportedOn(p).map((r) => r.outcome);
        if (JSON.stringify(outcomes) !== JSON.stringify(REPORTED[endsIn(p)])) wrong.push(`${chain(p).join(' → ')}: ${JSON.stringify(outcomes)}`);
      }
      expect(wrong).toEqual([]);
      expect(sorted(new Set(Object.values(REPORTED).flat()))).toEqual(sorted(Object.keys(jc.manifest.outcomes)));
    });

    it('tells the origin, through R4, the outcome on every path to a final state, and nothing else', () => {
      const wrong: string[] = [];
      for (const p of complete()) {
        const events = told(p).map((e) => ({ event: e.type, outcome: e.data.outcome }));
        if (JSON.stringify(events) !== JSON.stringify(OUTCOME[endsIn(p)])) wrong.push(`${chain(p).join(' → ')}: ${JSON.stringify(events)}`);
      }
      expect(wrong).toEqual([]);
    });

    it('tells the origin why the court returned the application', () => {
      const returnedPaths = complete().filter((p) => endsIn(p) === 'returned');
      expect(returnedPaths.length).toBeGreaterThan(0);
      for (const p of returnedPaths) expect(told(p)).toEqual([{ type: 'JC_RETURNED', data: expect.objectContaining({ outcome: 'RETURNED', reason: 'INCOMPLETE', explanation: '缺少调解协议原件' }) }]);
    });

    it('leaves the mediation case confirmed exactly when the ruling stands', () => {
      const pmAwaiting: PersistedState = {
        value: 'judicialConfirmation',
        context: {
          ...peopleMediation.initialContext({ partyIds: PARTIES, openedOn: '2025-02-20' }),
          mediatorId: 'm1',
          agreementForm: 'WRITTEN',
          agreementEffectiveOn: '2025-03-05',
          performanceDueOn: '2025-04-30',
        },
      };
      const seen = new Set<string>();
      for (const p of complete().filter((x) => endsIn(x) !== 'windowExpired')) {
        let pm = pmAwaiting;
        for (const e of told(p)) {
          const at = { path: chain(p).join(' → '), event: e.type };
          // What the engine delivers is what the event's schema asks for.
          expect({ ...at, missing: missingRequired(peopleMediation.events[e.type].schema, e.data) }).toEqual({ ...at, missing: [] });
          const d = decide(peopleMediation, pm, {
            type: e.type,
            data: e.data,
            at: `${TODAY}T05:00:00.000Z`,
            today: TODAY,
            deadlines: {},
            actor: { id: 'engine', role: 'SYSTEM' },
          });
          expect({ ...at, allowed: d.allowed }).toEqual({ ...at, allowed: true });
          if (d.allowed) pm = { value: d.to, context: d.context };
        }
        const stands = ['enforcementApplied', 'performed'].includes(endsIn(p));
        expect({ final: endsIn(p), pm: pm.value, confirmed: pm.context.confirmed }).toEqual({
          final: endsIn(p),
          pm: endsIn(p) === 'returned' ? 'agreedWritten' : 'monitoring',
          confirmed: stands,
        });
        seen.add(endsIn(p));
      }
      expect(seen).toContain('revoked');
      expect(seen).toContain('returned');
    });
  });

  it('generates a bounded number of paths', () => {
    expect({ simple: paths.length, complete: paths.filter((p) => FINAL.has(endsIn(p))).length, shortest: shortest.length }).toMatchSnapshot();
  });

  it('keeps the legal paths to a final state (snapshot)', () => {
    const complete = paths.filter((p) => FINAL.has(endsIn(p)));
    const lines = [...new Set(complete.map((p) => `${chain(p).join(' → ')} ⇒ ${endsIn(p)}`))].sort();
    expect(lines.length).toBe(complete.length);
    expect(lines).toMatchSnapshot();
  });

  it('keeps every transition some legal path takes, loops included (snapshot)', () => {
    const edges = new Set<string>();
    for (const { state, transitions } of Object.values(getAdjacencyMap(jc.machine, traversal))) {
      const next: { state: AnyMachineSnapshot; event: WorkflowEvent }[] = Object.values(transitions);
      for (const t of next) edges.add(`${String(state.value)} --${t.event.type}--> ${String(t.state.value)}`);
    }
    expect(edges.size).toBe(description.transitions.length);
    expect([...edges].sort()).toMatchSnapshot();
  });

  it('keeps the shortest path to each state (snapshot)', () => {
    expect(shortest.map(endsIn).sort()).toEqual(description.states.map((s) => s.id).sort());
    expect(shortest.map((p) => `${endsIn(p)}: ${chain(p).join(' → ') || '(initial)'}`).sort()).toMatchSnapshot();
  });
});
