import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { type Path, type PathEntry, pathEntries, replayEffects, showEntries, transitionCoverage, verticesThatCannotFinish } from '../testing/paths';
import type { ArbContext } from './arb.context';
import { commercialArbitration as arb } from './arb.workflow';

/*
 * Every legal path of 商事仲裁, generated from the machine with a finite set of sample events, forbidden ones included
 * (an oral or void agreement, an inheritance dispute, a 调解书 one party signed, a set-aside application after its
 * period...). The traversal follows only events the machine accepts, and the statements of the law below, written from
 * 仲裁法 (2017) and the 2025 revision's 第七十二条, hold on every path.
 *
 * Two awards are sampled, of 2026-02-27 and of 2026-03-02, both served on 2026-04-01: the first may be challenged for
 * six months (to 2026-10-01, National Day, so 2026-10-08 by the legal calendar), the second for three (to 2026-07-01).
 * A vertex is the state, the award's date and the set-aside regime it chose.
 */


const PARTIES = ['p1', 'p2'];
const OPENED: ArbContext = arb.initialContext({ partyIds: PARTIES, openedOn: '2026-02-10', input: { receivedOn: '2026-02-10' } });
/** The pending deadlines each regime has on the sampled days (the engine creates only its own regime's). */
const SIX_MONTHS = { 'D-AR2-2017': '2026-10-08' };
const THREE_MONTHS = { 'D-AR2': '2026-07-01' };
const LAST_DAY = { LAW_2017: '2026-10-08', LAW_2025: '2026-07-01' };

const labels = new Map<WorkflowEvent, string>();
function event(type: string, data: Record<string, unknown>, today: string, label?: string, deadlines: Record<string, string> = {}): WorkflowEvent {
  const role = arb.events[type].roles[0];
  const e: WorkflowEvent = { type, data, at: `${today}T03:00:00.000Z`, today, deadlines, actor: { id: `u-${role.toLowerCase()}`, role } };
  labels.set(e, label ? `${type}[${label}]` : type);
  return e;
}
const label = (e: WorkflowEvent) => labels.get(e) ?? e.type;

const CHECK = { checkedOn: '2026-02-11', agreementForm: 'CONTRACT_CLAUSE', intentToArbitrate: true, matterAgreed: true, commissionChosen: true, partiesHadCapacity: true, matterType: 'CONTRACT' };
const SET_ASIDE = { applicantPartyIds: ['p2'], courtName: '青溪市中级人民法院', grounds: ['FORGED_EVIDENCE'] };

const VALID: WorkflowEvent[] = [
  event('CHECK_AGREEMENT', CHECK, '2026-02-11'),
  event('NOT_ACCEPT', { reason: 'NO_VALID_AGREEMENT', explanation: '未约定仲裁' }, '2026-02-11'),
  event('ACCEPT', { acceptedOn: '2026-02-12' }, '2026-02-12'),
  event('FORM_TRIBUNAL', { formedOn: '2026-02-13', arbitratorId: 'u-arb', tribunal: 'SOLE' }, '2026-02-13'),
  event('HOLD_HEARING', { heldOn: '2026-02-25' }, '2026-02-25'),
  event('MEDIATE', {}, '2026-02-25'),
  event('MEDIATION_FAILED', {}, '2026-02-26'),
  event('SIGN_MEDIATION_DOC', { docNo: '调3', signedPartyIds: PARTIES, performanceDueOn: '2026-04-30' }, '2026-02-26'),
  event('AWARD', { awardNo: '仲8', awardedOn: '2026-02-27', performanceDueOn: '2026-04-30' }, '2026-02-27', 'before 2026-03-01'),
  event('AWARD', { awardNo: '仲9', awardedOn: '2026-03-02', performanceDueOn: '2026-04-30' }, '2026-03-02', 'from 2026-03-01'),
  event('SERVE_AWARD', { servedOn: '2026-04-01' }, '2026-04-01'),
  event('APPLY_SET_ASIDE', { ...SET_ASIDE, appliedOn: '2026-06-30' }, '2026-06-30', 'within three months', THREE_MONTHS),
  event('APPLY_SET_ASIDE', { ...SET_ASIDE, appliedOn: '2026-07-02' }, '2026-07-02', 'within six months', SIX_MONTHS),
  event('SET_ASIDE_WINDOW_ENDED', {}, '2026-10-09'),
  event('SET_ASIDE_GRANTED', { ruledOn: '2026-08-20', rulingNo: '民特12' }, '2026-08-20'),
  event('SET_ASIDE_REFUSED', { ruledOn: '2026-08-20', rulingNo: '民特12' }, '2026-08-20'),
  event('APPLY_ENFORCEMENT', { appliedOn: '2026-10-12', courtName: '青溪区人民法院' }, '2026-10-12'),
  event('RECORD_PERFORMED', { performedOn: '2026-04-28' }, '2026-04-28'),
  event('WITHDRAW', { partyIds: ['p1'] }, '2026-02-20'),
];
const FORBIDDEN: WorkflowEvent[] = [
  event('CHECK_AGREEMENT', { ...CHECK, agreementForm: 'ORAL' }, '2026-02-11', 'oral'),
  event('CHECK_AGREEMENT', { ...CHECK, commissionChosen: false }, '2026-02-11', 'no commission'),
  event('CHECK_AGREEMENT', { ...CHECK, concludedUnderDuress: true }, '2026-02-11', 'duress'),
  event('CHECK_AGREEMENT', { ...CHECK, matterType: 'INHERITANCE' }, '2026-02-11', 'inheritance'),
  event('CHECK_AGREEMENT', { ...CHECK, matterType: 'ADMINISTRATIVE' }, '2026-02-11', 'administrative'),
  event('CHECK_AGREEMENT', { ...CHECK, matterType: 'LABOUR' }, '2026-02-11', 'labour'),
  event('SIGN_MEDIATION_DOC', { docNo: '调3', signedPartyIds: ['p1'] }, '2026-02-26', 'one party'),
  event('SERVE_AWARD', { servedOn: '2026-02-20' }, '2026-04-01', 'before the award'),
  // Late under the 2025 law (after 2026-07-01), and late under either (after 2026-10-08).
  event('APPLY_SET_ASIDE', { ...SET_ASIDE, appliedOn: '2026-07-02' }, '2026-07-02', 'after three months', THREE_MONTHS),
  event('APPLY_SET_ASIDE', { ...SET_ASIDE, appliedOn: '2026-10-09' }, '2026-10-09', 'after six months', SIX_MONTHS),
];
const SAMPLES = [...VALID, ...FORBIDDEN];

// ---------- independent statements of the law ----------

const ARBITRABLE = ['CONTRACT', 'PROPERTY'];
/** 第四条、第十六条至第十八条: written, with the three contents, not void; 第二条、第三条、第七十七条: an arbitrable matter. */
const validAgreement = (d: Record<string, any>) =>
  d.agreementForm !== 'ORAL' && d.intentToArbitrate === true && d.matterAgreed === true && d.commissionChosen === true && d.partiesHadCapacity === true && d.concludedUnderDuress !== true && ARBITRABLE.includes(d.matterType);

// ---------- traversal ----------

const KEY = (s: AnyMachineSnapshot) => JSON.stringify([String(s.value), (s.context as ArbContext).awardedOn ?? null, (s.context as ArbContext).setAsideRegime ?? null]);
const traversal = { input: OPENED, events: SAMPLES, filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => state.can(e), serializeState: KEY };

const description = describeWorkflow(arb);
const FINAL = new Set(description.states.filter((s) => s.final).map((s) => s.id));

const entries = (p: Path) => pathEntries(p);
const chain = (p: Path) => p.steps.slice(1).map((s) => label(s.event));
const show = (xs: PathEntry[]) => showEntries(xs, label);
const endsIn = (p: Path) => String(p.state.value);
const typesOf = (p: Path) => entries(p).map((e) => e.event.type);

const replay = (p: Path) => replayEffects(arb, { value: 'agreementCheck', context: OPENED }, p, label);

let paths: Path[];
let shortest: Path[];

beforeAll(() => {
  paths = getSimplePaths(arb.machine, traversal);
  shortest = getShortestPaths(arb.machine, traversal);
});

describe('commercial arbitration (arb): generated legal paths', () => {
  it('samples a valid envelope for every event type', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(arb.events)));
  });

  it('reaches every state, every final state included', () => {
    const reached = new Set(paths.map(endsIn));
    expect(description.states.map((s) => s.id).filter((s) => !reached.has(s))).toEqual([]);
  });

  it('never takes a forbidden sample event', () => {
    const forbidden = new Set(FORBIDDEN);
    expect(show(paths.flatMap((p) => entries(p).filter((e) => forbidden.has(e.event))))).toEqual([]);
  });

  it('accepts an application only on a valid written agreement over an arbitrable matter (R24; 仲裁法 第二条至第四条、第十六条至第十八条)', () => {
    const accepted = paths.filter((p) => typesOf(p).includes('ACCEPT'));
    expect(accepted.length).toBeGreaterThan(0);
    const wrong = accepted.filter((p) => {
      const check = entries(p).find((e) => e.event.type === 'CHECK_AGREEMENT');
      return !check || !validAgreement(check.event.data) || typesOf(p).indexOf('CHECK_AGREEMENT') > typesOf(p).indexOf('ACCEPT');
    });
    expect(wrong.map((p) => chain(p).join(' → '))).toEqual([]);
  });

  it('decides only after acceptance, a tribunal and a hearing; a 调解书 only with every party’s signature (第三十条、第三十九条、第五十二条)', () => {
    const wrong: string[] = [];
    for (const p of paths) {
      const t = typesOf(p);
      for (const decision of ['AWARD', 'SIGN_MEDIATION_DOC']) {
        const at = t.indexOf(decision);
        if (at >= 0 && !['ACCEPT', 'FORM_TRIBUNAL', 'HOLD_HEARING'].every((x) => t.slice(0, at).includes(x))) wrong.push(chain(p).join(' → '));
      }
    }
    expect(wrong).toEqual([]);
    const docs = paths.flatMap(entries).filter((e) => e.to === 'mediationDoc');
    expect(docs.length).toBeGreaterThan(0);
    expect(show(docs.filter((e) => !PARTIES.every((id) => (e.event.data.signedPartyIds as string[]).includes(id))))).toEqual([]);
  });

  it('lets an award be challenged only by a set-aside application, within the period of its date’s regime (R24; 第九条; 2017 第五十九条; 2025 第七十二条)', () => {
    const wrong: string[] = [];
    const regimes = new Set<string>();
    for (const p of paths.filter((x) => typesOf(x).includes('APPLY_SET_ASIDE'))) {
      const awardedOn = entries(p).find((e) => e.event.type === 'AWARD')!.event.data.awardedOn as string;
      const regime = awardedOn >= '2026-03-01' ? 'LAW_2025' : 'LAW_2017';
      const applied = entries(p).find((e) => e.event.type === 'APPLY_SET_ASIDE')!.event.data.appliedOn as string;
      regimes.add(regime);
      if (applied > LAST_DAY[regime]) wrong.push(`${chain(p).join(' → ')}: ${regime} but applied ${applied}`);
    }
    expect(wrong).toEqual([]);
    expect([...regimes].sort()).toEqual(['LAW_2017', 'LAW_2025']);
    // The same application of 2026-07-02 is in time for the older award only.
    const late = paths.filter((p) => chain(p).includes('APPLY_SET_ASIDE[within six months]'));
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((p) => chain(p).includes('AWARD[before 2026-03-01]'))).toBe(true);
    // No suit, no appeal: the machine has neither event (第九条).
    expect(Object.keys(arb.events).filter((t) => /SUIT|APPEAL/.test(t))).toEqual([]);
  });

  it('makes an award enforceable once it can no longer be set aside, and never after it was set aside', () => {
    const wrong: string[] = [];
    for (const p of paths.filter((x) => endsIn(x) === 'enforcement' || endsIn(x) === 'performed')) {
      const t = typesOf(p);
      if (t.includes('SET_ASIDE_GRANTED')) wrong.push(chain(p).join(' → '));
      if (t.includes('AWARD') && !t.includes('SET_ASIDE_WINDOW_ENDED') && !t.includes('SET_ASIDE_REFUSED')) wrong.push(chain(p).join(' → '));
    }
    expect(wrong).toEqual([]);
    expect(paths.some((p) => endsIn(p) === 'setAside')).toBe(true);
  });

  it('signs for or returns its own transfer, and reports only outcomes its manifest lists', () => {
    const wrong: string[] = [];
    for (const p of paths.filter((x) => FINAL.has(endsIn(x)))) {
      const effects = replay(p);
      const types = typesOf(p);
      if (effects.filter((e) => e.type === 'acceptTransfer').length !== types.filter((t) => t === 'ACCEPT').length) wrong.push(chain(p).join(' → '));
      if (effects.filter((e) => e.type === 'returnTransfer').length !== types.filter((t) => t === 'NOT_ACCEPT').length) wrong.push(chain(p).join(' → '));
      for (const e of effects) if (e.type === 'report' && !(e.params.outcome in arb.manifest.outcomes)) wrong.push(`unlisted ${e.params.outcome}`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('lets every non-final state reach a final state', () => {
    expect(verticesThatCannotFinish(getAdjacencyMap(arb.machine, traversal), KEY)).toEqual([]);
  });

  it('takes every transition of the machine on some legal path, loops included', () => {
    expect(transitionCoverage(getAdjacencyMap(arb.machine, traversal), description.transitions)).toEqual({ untaken: [], undeclared: [] });
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
