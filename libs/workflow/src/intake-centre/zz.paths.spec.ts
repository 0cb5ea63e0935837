import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getSimplePaths } from 'xstate/graph';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { type Path, type PathEntry, pathEntries, replayEffects, showEntries, verticesThatCannotFinish } from '../testing/paths';
import type { ZzContext } from './zz.context';
import { intakeCentre as zz } from './zz.workflow';

/*
 * Every path of a dispute through the 综治中心, generated from the machine with a finite set of sample events, some of
 * which the law forbids (a civil matter sent to arbitration or to the petition office, a labour matter sent to
 * mediation instead of arbitration, counter mediation without one party's consent, a crime dispatched to mediation).
 * The traversal follows only events the machine accepts — and the engine's reports only while a dispatched case is
 * open — so the statements below, written from 信访工作条例 第三十一条 and the 2024 意见 and not from the machine, hold on
 * every transition taken and on every path. A vertex is the state and the facts guards read (the classification,
 * the cases dispatched and still open).
 */

const PARTIES = ['p1', 'p2'];
const OPENINGS: Record<string, ZzContext> = {
  counter: zz.initialContext({ partyIds: PARTIES, openedOn: '2025-11-03', input: { intakeChannel: 'COUNTER' } }),
  grid: zz.initialContext({ partyIds: PARTIES, openedOn: '2025-11-03', input: { intakeChannel: 'GRID' } }),
};
/** At most two parts of one dispute are dispatched on a path: enough to show one still open while another ended. */
const MAX_CHILDREN = 2;

const labels = new Map<WorkflowEvent, string>();
function event(type: string, data: Record<string, unknown>, today = '2025-11-06', label?: string): WorkflowEvent {
  const role = zz.events[type].roles[0];
  const e: WorkflowEvent = { type, data, at: `${today}T02:00:00.000Z`, today, deadlines: {}, actor: { id: `u-${role.toLowerCase()}`, role } };
  labels.set(e, label ? `${type}[${label}]` : type);
  return e;
}
const label = (e: WorkflowEvent) => labels.get(e) ?? e.type;
const REPORT = { sourceCaseId: 'child-1', sourceCaseNo: '（2025）枫桥调字第3号', reportedOn: '2025-11-20' };
const triage = (classification: string) => event('TRIAGE', { classification, riskLevel: 'YELLOW', assessment: '研判' }, '2025-11-03', classification);
const dispatch = (channel: string, matter?: string, more: Record<string, unknown> = {}, note = '') =>
  event('DISPATCH', { channel, receivingOrgId: 'org-x', reason: '分流', ...(matter ? { matter } : {}), ...more }, '2025-11-06', `${matter ? `${channel}/${matter}` : channel}${note}`);
const PETITION = { petition: { channel: 'VISIT', petitionClass: 'REQUEST' } };
const refer = (authority: string) => event('REFER_OUTSIDE', { authority, authorityName: '机关', referredOn: '2025-11-06' }, '2025-11-06', authority);

const VALID: WorkflowEvent[] = [
  triage('CIVIL'),
  triage('LABOUR'),
  triage('PETITION_ONLY'),
  triage('CRIMINAL'),
  event('REPORT_RISK', { level: 'RED', summary: '扬言报复' }),
  event('START_COUNTER_MEDIATION', { startedOn: '2025-11-04', mediatorName: '驻点调解员', consentedPartyIds: PARTIES }, '2025-11-04'),
  event('RECORD_COUNTER_SESSION', { heldOn: '2025-11-05', summary: '调解' }, '2025-11-05'),
  event('RESOLVE_AT_COUNTER', { resolvedOn: '2025-11-06', terms: '和解' }),
  dispatch('pm'),
  dispatch('ct'),
  dispatch('lab', 'LABOUR'),
  dispatch('lab'),
  dispatch('xf', undefined, PETITION),
  refer('POLICE'),
  refer('PETITION_BUREAU'),
  event('SUPERVISE', { childCaseId: 'child-1', note: '督办' }),
  event('CHILD_REPORTED', { ...REPORT, outcome: 'SIGNED_FOR' }),
  event('CHILD_ENDED', { ...REPORT, outcome: 'ENDED' }),
  event('RECORD_FOLLOW_UP', { visitedOn: '2025-11-25', method: 'VISIT', satisfied: true }, '2025-11-25'),
  event('CLOSE', { summary: '案结事了' }, '2025-11-26'),
];
const FORBIDDEN: WorkflowEvent[] = [
  dispatch('lab', 'CIVIL'),
  dispatch('pm', 'LABOUR'),
  dispatch('pm', 'CRIMINAL'),
  dispatch('xf', undefined, {}, ' without its record'),
  dispatch('xf', 'CIVIL', PETITION),
  event('START_COUNTER_MEDIATION', { startedOn: '2025-11-04', mediatorName: '驻点调解员', consentedPartyIds: ['p1'] }, '2025-11-04', 'one party'),
];
const SAMPLES = [...VALID, ...FORBIDDEN];

/** The channels the law gives each kind of matter (spec (c) R1, R3, R7, R10): written here, not read from the machine. */
const LAWFUL: Record<string, string[]> = { CIVIL: ['pm', 'ct'], LABOUR: ['lab'], PETITION_ONLY: ['xf'], CRIMINAL: [] };
/** What a petition office needs to register the matter (信访工作条例 第十七条): the dispatch never goes without it. */
const RECORD_NEEDED: Record<string, string> = { xf: 'petition', rx: 'reconsideration', land: 'landContract' };

const stateOf = (s: AnyMachineSnapshot) => String(s.value);
const ctx = (s: AnyMachineSnapshot) => s.context as ZzContext;
const BY_FACTS = (s: AnyMachineSnapshot) => JSON.stringify([stateOf(s), ctx(s).classification ?? null, ctx(s).dispatched, ctx(s).openChildren]);
/** Reports come only from a case that was dispatched and is still open; no more than two parts are dispatched. */
const drivable = (s: AnyMachineSnapshot, e: WorkflowEvent) => {
  if (!s.can(e)) return false;
  if (e.type === 'CHILD_REPORTED' || e.type === 'CHILD_ENDED') return ctx(s).openChildren > 0;
  if (e.type === 'DISPATCH') return ctx(s).dispatched < MAX_CHILDREN;
  return true;
};
const traversal = (input: ZzContext) => ({ input, events: SAMPLES, filterEvents: drivable, serializeState: BY_FACTS });

const chain = (p: Path) => p.steps.slice(1).map((s) => label(s.event));
const show = (xs: PathEntry[]) => showEntries(xs, label);
/** Each step with the context the machine held before it. */
const steps = (p: Path) => p.steps.slice(1).map((s, i) => ({ from: stateOf(p.steps[i].state), to: stateOf(s.state), before: ctx(p.steps[i].state), after: ctx(s.state), event: s.event }));

const description = describeWorkflow(zz);
let paths: Record<string, Path[]>;
let all: Path[];

beforeAll(() => {
  paths = Object.fromEntries(Object.entries(OPENINGS).map(([name, input]) => [name, getSimplePaths(zz.machine, traversal(input))]));
  all = Object.values(paths).flat();
});

describe('综治中心 intake (zz): generated paths', () => {
  it('samples a valid envelope for every event type', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(zz.events)));
  });

  it('reaches every state from both openings, and never takes a forbidden sample', () => {
    for (const list of Object.values(paths)) {
      const reached = new Set(list.map((p) => stateOf(p.state)));
      expect(description.states.map((s) => s.id).filter((s) => !reached.has(s))).toEqual([]);
    }
    const forbidden = new Set(FORBIDDEN);
    expect(show(all.flatMap((p) => pathEntries(p, stateOf).filter((e) => forbidden.has(e.event))))).toEqual([]);
  });

  it('lets every configuration reach a final state', () => {
    for (const input of Object.values(OPENINGS)) expect(verticesThatCannotFinish(getAdjacencyMap(zz.machine, traversal(input)), BY_FACTS)).toEqual([]);
  });

  it('dispatches a matter only into the channel the law gives it, and refers to 信访 only what has no legal channel (信访工作条例 第三十一条)', () => {
    const wrong: string[] = [];
    let dispatched = 0;
    for (const p of all) {
      for (const s of steps(p)) {
        const matter = s.event.data.matter ?? s.before.classification;
        if (s.event.type === 'DISPATCH' && (dispatched++, !LAWFUL[matter]?.includes(s.event.data.channel))) wrong.push(chain(p).join(' → '));
        if (s.event.type === 'REFER_OUTSIDE' && s.event.data.authority === 'PETITION_BUREAU' && s.before.classification !== 'PETITION_ONLY') wrong.push(chain(p).join(' → '));
        const record = RECORD_NEEDED[s.event.data.channel];
        if (s.event.type === 'DISPATCH' && record && !(s.event.data[record] ?? (s.before as any)[record])) wrong.push(`without its record: ${chain(p).join(' → ')}`);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(dispatched).toBeGreaterThan(0);
    expect(paths.counter.some((p) => chain(p).includes('REFER_OUTSIDE[PETITION_BUREAU]'))).toBe(true);
    expect(paths.counter.some((p) => chain(p).includes('DISPATCH[xf]'))).toBe(true);
  });

  it('follows up and closes (案结事了) only when every dispatched case has ended, and never before something was resolved or dispatched', () => {
    const wrong: string[] = [];
    for (const p of all) {
      for (const s of steps(p)) {
        if ((s.to === 'followedUp' || s.to === 'closed') && s.before.openChildren !== 0) wrong.push(chain(p).join(' → '));
        if (s.to === 'followedUp' && s.from === 'supervising' && s.before.dispatched === 0) wrong.push(chain(p).join(' → '));
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(all.some((p) => stateOf(p.state) === 'closed' && chain(p).filter((x) => x.startsWith('DISPATCH')).length === MAX_CHILDREN)).toBe(true);
  });

  it('mediates at the counter only with every party’s consent (人民调解法 第十七条)', () => {
    const started = all.flatMap(steps).filter((s) => s.event.type === 'START_COUNTER_MEDIATION');
    expect(started.length).toBeGreaterThan(0);
    expect(started.filter((s) => !PARTIES.every((id) => s.event.data.consentedPartyIds.includes(id)))).toEqual([]);
  });

  it('asks the engine for a risk notice at every triage and report, and for nothing else but 督办', () => {
    for (const p of all.slice(0, 200)) {
      const effects = replayEffects(zz, { value: 'received', context: p.steps[0].state.context }, p, label);
      const expected = chain(p).filter((x) => x.startsWith('TRIAGE') || x === 'REPORT_RISK').length;
      expect(effects.filter((e) => e.type === 'notifyRisk')).toHaveLength(expected);
      expect(effects.filter((e) => e.type !== 'notifyRisk' && e.type !== 'supervise')).toEqual([]);
    }
  });

  it('takes every transition of the machine from some opening', () => {
    const taken = new Set<string>();
    for (const input of Object.values(OPENINGS)) {
      for (const { state, transitions } of Object.values(getAdjacencyMap(zz.machine, traversal(input)))) {
        for (const t of Object.values(transitions) as { state: AnyMachineSnapshot; event: WorkflowEvent }[]) taken.add(`${stateOf(state)} --${t.event.type}--> ${stateOf(t.state)}`);
      }
    }
    const declared = description.transitions.map((t) => `${t.from} --${t.event}--> ${t.to ?? t.from}`);
    expect(declared.filter((t) => !taken.has(t))).toEqual([]);
  });
});
