import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { type Path, type PathEntry, pathEntries, replayEffects, showEntries, transitionCoverage, verticesThatCannotFinish } from '../testing/paths';
import type { CmContext } from './cm.context';
import { commercialMediation as cm } from './cm.workflow';

/*
 * Every legal path of 商事调解, generated from the machine with a finite set of sample events, forbidden ones included
 * (a consumer dispute, an agreement one party signed, a one-party or late application for 司法确认...). Two openings
 * are traversed: an application received on 2026-05-06, under the 商事调解条例, and one of 2026-04-28, before it
 * took effect (第三十三条). The statements of the law below hold on every path.
 */


const PARTIES = ['p1', 'p2'];
const opening = (appliedOn: string): CmContext => cm.initialContext({ partyIds: PARTIES, openedOn: appliedOn, input: { appliedOn } });
const UNDER_REGULATION = opening('2026-05-06');
const BEFORE_REGULATION = opening('2026-04-28');
/** D-JC1: 30 days from 2026-05-20, rolled over 端午 to 2026-06-22. */
const DEADLINES = { 'D-JC1': '2026-06-22' };

const labels = new Map<WorkflowEvent, string>();
function event(type: string, data: Record<string, unknown>, today: string, label?: string): WorkflowEvent {
  const role = cm.events[type].roles[0];
  const e: WorkflowEvent = { type, data, at: `${today}T03:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: `u-${role.toLowerCase()}`, role } };
  labels.set(e, label ? `${type}[${label}]` : type);
  return e;
}
const label = (e: WorkflowEvent) => labels.get(e) ?? e.type;

const AGREEMENT = { content: '买方于2026年6月30日前支付货款30万元', signedPartyIds: PARTIES, effectiveOn: '2026-05-20', performanceDueOn: '2026-06-30' };
const REPORT = { sourceCaseId: 'jc-1', reportedOn: '2026-06-05' };
const APPLICATION = { courtOrgId: 'org-court', applicantPartyIds: PARTIES, form: 'WRITTEN' };

const VALID: WorkflowEvent[] = [
  event('ACCEPT', { mediatorId: 'u-cm', matterType: 'CONTRACT' }, '2026-05-06'),
  event('DECLINE', { reason: 'PARTY_REFUSED', explanation: '被申请人不同意调解' }, '2026-05-06'),
  event('RECORD_SESSION', { heldOn: '2026-05-12', summary: '面对面调解' }, '2026-05-12'),
  event('SIGN_AGREEMENT', AGREEMENT, '2026-05-20'),
  event('FAIL', { reason: 'NO_AGREEMENT' }, '2026-05-20'),
  event('APPLY_JUDICIAL_CONFIRMATION', APPLICATION, '2026-05-25'),
  event('CONFIRMATION_WINDOW_ENDED', {}, '2026-06-23'),
  event('JC_CONFIRMED', { outcome: 'CONFIRMED', ...REPORT }, '2026-06-05'),
  event('JC_NOT_CONFIRMED', { outcome: 'DISMISSED', ...REPORT }, '2026-06-05'),
  event('JC_RETURNED', { outcome: 'RETURNED', ...REPORT }, '2026-05-26'),
  event('APPLY_ENFORCEMENT', { appliedOn: '2026-07-06' }, '2026-07-06'),
  event('RECORD_PERFORMED', { performedOn: '2026-06-28' }, '2026-06-28'),
  event('CLOSE', {}, '2026-07-06'),
];
const FORBIDDEN: WorkflowEvent[] = [
  event('ACCEPT', { mediatorId: 'u-cm', matterType: 'CONSUMER' }, '2026-05-06', 'consumer'),
  event('ACCEPT', { mediatorId: 'u-cm', matterType: 'LABOUR' }, '2026-05-06', 'labour'),
  event('SIGN_AGREEMENT', { ...AGREEMENT, signedPartyIds: ['p1'] }, '2026-05-20', 'one party'),
  event('APPLY_JUDICIAL_CONFIRMATION', { ...APPLICATION, applicantPartyIds: ['p1'] }, '2026-05-25', 'one party'),
  event('APPLY_JUDICIAL_CONFIRMATION', APPLICATION, '2026-06-23', 'late'),
];
const SAMPLES = [...VALID, ...FORBIDDEN];

// ---------- traversal ----------

const KEY = (s: AnyMachineSnapshot) => JSON.stringify([String(s.value), (s.context as CmContext).confirmed]);
const traversal = (input: CmContext) => ({ input, events: SAMPLES, filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => state.can(e), serializeState: KEY });

const description = describeWorkflow(cm);
const FINAL = new Set(description.states.filter((s) => s.final).map((s) => s.id));

const entries = (p: Path) => pathEntries(p);
const chain = (p: Path) => p.steps.slice(1).map((s) => label(s.event));
const show = (xs: PathEntry[]) => showEntries(xs, label);
const endsIn = (p: Path) => String(p.state.value);
const typesOf = (p: Path) => entries(p).map((e) => e.event.type);

const replay = (p: Path, input: CmContext) => replayEffects(cm, { value: 'applied', context: input }, p, label);

let paths: Path[];
let early: Path[];
let shortest: Path[];

beforeAll(() => {
  paths = getSimplePaths(cm.machine, traversal(UNDER_REGULATION));
  early = getSimplePaths(cm.machine, traversal(BEFORE_REGULATION));
  shortest = getShortestPaths(cm.machine, traversal(UNDER_REGULATION));
});

describe('commercial mediation (cm): generated legal paths', () => {
  it('samples a valid envelope for every event type', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(cm.events)));
  });

  it('reaches every state, every final state included', () => {
    const reached = new Set(paths.map(endsIn));
    expect(description.states.map((s) => s.id).filter((s) => !reached.has(s))).toEqual([]);
  });

  it('never takes a forbidden sample event', () => {
    const forbidden = new Set(FORBIDDEN);
    expect(show([...paths, ...early].flatMap((p) => entries(p).filter((e) => forbidden.has(e.event))))).toEqual([]);
  });

  it('mediates nothing received before 2026-05-01: such an application can only be declined (商事调解条例 第三十三条)', () => {
    expect(new Set(early.map(endsIn))).toEqual(new Set(['applied', 'declined']));
  });

  it('mediates only commercial disputes (第二条)', () => {
    const accepted = paths.flatMap(entries).filter((e) => e.event.type === 'ACCEPT');
    expect(accepted.length).toBeGreaterThan(0);
    expect(show(accepted.filter((e) => !['CONTRACT', 'INVESTMENT', 'IP', 'OTHER_COMMERCIAL'].includes(e.event.data.matterType as string)))).toEqual([]);
  });

  it('applies for 司法确认 only jointly, within 30 days of an agreement every party signed (R25; 民事诉讼法 第二百零五条)', () => {
    const wrong: string[] = [];
    for (const p of paths.filter((x) => typesOf(x).includes('APPLY_JUDICIAL_CONFIRMATION'))) {
      const signed = entries(p).find((e) => e.event.type === 'SIGN_AGREEMENT');
      for (const e of entries(p).filter((x) => x.event.type === 'APPLY_JUDICIAL_CONFIRMATION')) {
        if (!signed || !PARTIES.every((id) => (signed.event.data.signedPartyIds as string[]).includes(id))) wrong.push(chain(p).join(' → '));
        if (!PARTIES.every((id) => (e.event.data.applicantPartyIds as string[]).includes(id)) || e.event.today > '2026-06-22') wrong.push(chain(p).join(' → '));
      }
    }
    expect(wrong).toEqual([]);
  });

  it('enforces only a confirmed agreement (民事诉讼法 第二百零六条)', () => {
    const into = paths.filter((p) => endsIn(p) === 'enforcement');
    expect(into.length).toBeGreaterThan(0);
    const wrong = into.filter((p) => {
      const t = typesOf(p);
      return t.lastIndexOf('JC_CONFIRMED') < 0 || t.lastIndexOf('JC_NOT_CONFIRMED') > t.lastIndexOf('JC_CONFIRMED');
    });
    expect(wrong.map((p) => chain(p).join(' → '))).toEqual([]);
  });

  it('signs for or returns its own transfer, and reports only outcomes its manifest lists', () => {
    const wrong: string[] = [];
    for (const p of paths.filter((x) => FINAL.has(endsIn(x)))) {
      const effects = replay(p, UNDER_REGULATION);
      const types = typesOf(p);
      if (effects.filter((e) => e.type === 'acceptTransfer').length !== types.filter((t) => t === 'ACCEPT').length) wrong.push(chain(p).join(' → '));
      if (effects.filter((e) => e.type === 'returnTransfer').length !== types.filter((t) => t === 'DECLINE').length) wrong.push(chain(p).join(' → '));
      for (const e of effects) if (e.type === 'report' && !(e.params.outcome in cm.manifest.outcomes)) wrong.push(`unlisted ${e.params.outcome}`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('lets every non-final state reach a final state', () => {
    expect(verticesThatCannotFinish(getAdjacencyMap(cm.machine, traversal(UNDER_REGULATION)), KEY)).toEqual([]);
  });

  it('takes every transition of the machine on some legal path, loops included', () => {
    expect(transitionCoverage(getAdjacencyMap(cm.machine, traversal(UNDER_REGULATION)), description.transitions)).toEqual({ untaken: [], undeclared: [] });
  });

  it('keeps the legal paths to a final state (snapshot)', () => {
    const complete = paths.filter((p) => FINAL.has(endsIn(p)));
    const lines = [...new Set(complete.map((p) => `${chain(p).join(' → ')} ⇒ ${endsIn(p)}`))].sort();
    expect(lines.length).toBe(complete.length);
    expect({ paths: paths.length, complete: complete.length }).toMatchSnapshot();
    expect(lines).toMatchSnapshot();
  });

  it('keeps the shortest path to each state (snapshot)', () => {
    const best = new Map<string, Path>();
    for (const p of shortest) if (!best.has(endsIn(p)) || best.get(endsIn(p))!.steps.length > p.steps.length) best.set(endsIn(p), p);
    expect([...best.keys()].sort()).toEqual(description.states.map((s) => s.id).sort());
    expect([...best.values()].map((p) => `${endsIn(p)}: ${chain(p).join(' → ') || '(initial)'}`).sort()).toMatchSnapshot();
  });
});
