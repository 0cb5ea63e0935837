import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths, type AdjacencyMap } from 'xstate/graph';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { replayEffects, transitionCoverage, traversedEdges, verticesThatCannotFinish, type Path, type TraversedEdge } from '../testing/paths';
import type { PsContext } from './ps.context';
import { policeMediation as ps } from './ps.workflow';

/*
 * Every legal path of 治安调解, generated from the machine with a finite set of sample events, some of which the law
 * forbids (strangers mediated, one party's consent, an exclusion of 第一百七十九条, a minor without guardians, an
 * on-the-spot agreement without a recording, a second session after the seven working days, non-performance before
 * the agreed day, a joint application by one party or before the agreement is performed). The traversal follows only
 * events the machine accepts, so the statements below, written from 程序规定 第一百七十八条至第一百八十六条 and not
 * from the machine, hold on every transition taken.
 *
 * Two openings: S10 in November 2025 (the 2012 law) and the same case accepted in January 2026 (the 2025 law, whose
 * 第一百零八条 lets one officer mediate only on a full recording). A vertex is the state and the facts guards read.
 */

const PARTIES = ['p1', 'p2'];
const OPENINGS: Record<string, PsContext> = {
  s10: ps.initialContext({ partyIds: PARTIES, openedOn: '2025-11-03', input: { violation: 'MINOR_INJURY' } }),
  revised: ps.initialContext({ partyIds: PARTIES, openedOn: '2026-01-05', input: { violation: 'MINOR_INJURY' } }),
};
/** D-PS1 as the engine computes it from the first session of 2025-11-05; the window ends on Friday 11-14. */
const DEADLINES = { 'D-PS1': '2025-11-14', 'D-PS2': '2025-12-22', 'D-PS3': '2025-11-20' };
const WINDOW_END = DEADLINES['D-PS1'];

const labels = new Map<WorkflowEvent, string>();
function event(type: string, data: Record<string, unknown>, today: string, label?: string): WorkflowEvent {
  const role = ps.events[type].roles[0];
  const e: WorkflowEvent = { type, data, at: `${today}T02:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: `u-${role.toLowerCase()}`, role } };
  labels.set(e, label ? `${type}[${label}]` : type);
  return e;
}
const label = (e: WorkflowEvent) => labels.get(e) ?? e.type;

const REVIEW = { relationship: 'NEIGHBOURS', arisesFromCivilDispute: true, minorCircumstances: true, minorInvolved: false };
const ELIGIBLE = { decidedOn: '2025-11-03', consentedPartyIds: PARTIES, exclusions: [] };
const AGREEMENT = { signedOn: '2025-11-12', form: 'WRITTEN', content: '赔礼道歉并支付医疗费3000元', signedPartyIds: PARTIES, performanceDueOn: '2025-11-20' };
const FROM_PM = { sourceCaseId: 'pm-1', reportedOn: '2025-11-08' };
const APPLICATION = { appliedOn: '2025-11-10', applicantPartyIds: PARTIES, agreementPerformed: true, approvedBy: '所长', approvedOn: '2025-11-10' };

const VALID: WorkflowEvent[] = [
  event('ASSIGN_OFFICER', { officerId: 'o-1' }, '2025-11-03'),
  event('REVIEW_ELIGIBILITY', REVIEW, '2025-11-03', 'neighbours'),
  event('REVIEW_ELIGIBILITY', { ...REVIEW, minorInvolved: true }, '2025-11-03', 'a minor'),
  event('REVIEW_ELIGIBILITY', { ...REVIEW, relationship: 'STRANGERS' }, '2025-11-03', 'strangers'),
  event('FIND_ELIGIBLE', { ...ELIGIBLE, guardiansNotified: true }, '2025-11-03'),
  event('FIND_INELIGIBLE', { decidedOn: '2025-11-03', ground: 'GANG_FIGHT' }, '2025-11-03'),
  event('SIGN_AGREEMENT', AGREEMENT, '2025-11-12'),
  event('SIGN_AGREEMENT', { ...AGREEMENT, form: 'ON_THE_SPOT', singleOfficer: true, recordingRef: 'ZFJLY-01' }, '2025-11-12', 'on the spot, recorded'),
  event('FIRST_SESSION_FAILED', { heldOn: '2025-11-05', secondSessionBasis: 'NEEDED' }, '2025-11-05'),
  event('END_MEDIATION', { endedOn: '2025-11-12', ground: 'NO_AGREEMENT' }, '2025-11-12'),
  event('SECOND_SESSION_WINDOW_ENDED', { specId: 'D-PS1', dueOn: WINDOW_END }, '2025-11-17'),
  event('RECORD_PERFORMANCE', { performedOn: '2025-11-18' }, '2025-11-18'),
  event('RECORD_NON_PERFORMANCE', { recordedOn: '2025-11-21' }, '2025-11-21'),
  event('CLOSE_WITHOUT_PENALTY', { closedOn: '2025-11-18' }, '2025-11-18'),
  event('GIVE_CIVIL_ROUTE_NOTICE', { routes: ['COURT', 'PEOPLES_MEDIATION'], notifiedOn: '2025-11-24', method: 'WRITTEN' }, '2025-11-24'),
  event('DECIDE_PENALTY', { decisionNo: '118号', decidedOn: '2025-11-24', kind: 'FINE' }, '2025-11-24'),
  event('REFER_TO_PEOPLES_MEDIATION', { mediationOrgId: 'room', referredOn: '2025-11-06', requestedPartyIds: PARTIES }, '2025-11-06'),
  event('CHOOSE_SELF_SETTLEMENT', { referredOn: '2025-11-06', requestedPartyIds: PARTIES }, '2025-11-06'),
  event('PM_AGREED', { ...FROM_PM, outcome: 'AGREED' }, '2025-11-08'),
  event('PM_ENDED', { ...FROM_PM, outcome: 'FAILED' }, '2025-11-08'),
  event('PM_RETURNED', { ...FROM_PM, outcome: 'RETURNED' }, '2025-11-08'),
  event('JOINT_APPLICATION', APPLICATION, '2025-11-10'),
  event('REFERRAL_FAILED', { endedOn: '2025-11-10' }, '2025-11-10'),
  event('REFER_CIVIL_PART', { mediationOrgId: 'room', matter: '车位纠纷', referredOn: '2025-11-12' }, '2025-11-12'),
  event('RECEIVE_TRANSFER', { sentBy: '枫源村人民调解委员会', reason: '可能激化' }, '2025-11-03'),
  event('SIGN_FOR', {}, '2025-11-03'),
  event('RETURN', { reason: 'NO_VIOLATION', explanation: '未发现违法行为' }, '2025-11-03'),
];
const FORBIDDEN: WorkflowEvent[] = [
  event('FIND_ELIGIBLE', { ...ELIGIBLE, consentedPartyIds: ['p1'] }, '2025-11-03', 'one consent'),
  event('FIND_ELIGIBLE', { ...ELIGIBLE, exclusions: ['REPEATED'] }, '2025-11-03', 'excluded'),
  event('SIGN_AGREEMENT', { ...AGREEMENT, form: 'ON_THE_SPOT' }, '2025-11-12', 'on the spot, unrecorded'),
  event('RECORD_NON_PERFORMANCE', { recordedOn: '2025-11-20' }, '2025-11-20', 'before the day passed'),
  event('JOINT_APPLICATION', { ...APPLICATION, applicantPartyIds: ['p2'] }, '2025-11-10', 'one party'),
  event('JOINT_APPLICATION', { ...APPLICATION, agreementPerformed: false }, '2025-11-10', 'not performed'),
];
/** Lawful in some cases only: no guardians when no minor is a party, one officer under the 2012 law, 11-17 at a first session. */
const CONTEXTUAL: WorkflowEvent[] = [
  event('FIND_ELIGIBLE', ELIGIBLE, '2025-11-03', 'no guardians'),
  event('SIGN_AGREEMENT', { ...AGREEMENT, singleOfficer: true }, '2025-11-12', 'one officer, unrecorded'),
  event('SIGN_AGREEMENT', { ...AGREEMENT, signedOn: '2025-11-17' }, '2025-11-17', 'after the window'),
];
const SAMPLES = [...VALID, ...FORBIDDEN, ...CONTEXTUAL];

// ---------- traversal ----------

const stateOf = (s: AnyMachineSnapshot) => String(s.value);
const BY_FACTS = (s: AnyMachineSnapshot) => {
  const c = s.context as PsContext;
  return JSON.stringify([
    stateOf(s),
    c.regime,
    c.relationship ?? null,
    c.minorInvolved ?? null,
    !!c.session1On,
    !!c.agreement,
    !!c.performedOn,
    c.failure?.ground ?? null,
    !!c.civilRouteNotice,
    c.referral?.kind ?? null,
    !!c.referral?.returned,
    !!c.pmAgreedOn,
  ]);
};
const traversal = (input: PsContext) => ({ input, events: SAMPLES, filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => state.can(e), serializeState: BY_FACTS });

const description = describeWorkflow(ps);

type Edge = TraversedEdge<PsContext>;
const show = (xs: Edge[]) => [...new Set(xs.map((e) => `${e.opening}: ${e.from} --${label(e.event)}--> ${e.to}`))];

let edges: Edge[];
let adjacency: Record<string, AdjacencyMap<AnyMachineSnapshot, WorkflowEvent>>;
let shortest: Path[];

beforeAll(() => {
  adjacency = Object.fromEntries(Object.entries(OPENINGS).map(([name, input]) => [name, getAdjacencyMap(ps.machine, traversal(input))]));
  edges = traversedEdges<PsContext>(adjacency, stateOf);
  shortest = Object.values(OPENINGS).flatMap((input) => getShortestPaths(ps.machine, traversal(input)));
});

describe('police mediation (ps): generated legal paths', () => {
  it('samples a valid envelope for every event type', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(ps.events)));
  });

  it('reaches every state, both final states included', () => {
    const reached = new Set(edges.map((e) => e.to));
    expect(description.states.map((s) => s.id).filter((s) => s !== 'caseAccepted' && !reached.has(s))).toEqual([]);
  });

  it('never takes a forbidden sample event', () => {
    const forbidden = new Set(FORBIDDEN);
    expect(show(edges.filter((e) => forbidden.has(e.event)))).toEqual([]);
  });

  it('mediates only minor violations from a civil dispute between people who know each other, with both parties’ consent, no exclusion, and a minor’s guardians present (第一百七十八条、第一百七十九条、第一百八十一条)', () => {
    const mediated = edges.filter((e) => e.from === 'eligibility' && e.to === 'session1');
    expect(mediated.length).toBeGreaterThan(0);
    expect(show(mediated.filter((e) => e.before.relationship === 'STRANGERS' || e.before.minorCircumstances !== true || e.before.arisesFromCivilDispute !== true))).toEqual([]);
    expect(show(mediated.filter((e) => !PARTIES.every((p) => e.event.data.consentedPartyIds.includes(p)) || e.event.data.exclusions.length > 0))).toEqual([]);
    expect(show(mediated.filter((e) => e.before.minorInvolved && e.event.data.guardiansNotified !== true))).toEqual([]);
  });

  it('holds at most two sessions, the second completed within seven working days of the first (第一百八十三条)', () => {
    const seconds = edges.filter((e) => e.from === 'session2' && e.event.type === 'SIGN_AGREEMENT');
    expect(seconds.length).toBeGreaterThan(0);
    expect(show(seconds.filter((e) => e.event.today > WINDOW_END || e.before.session1On !== '2025-11-05'))).toEqual([]);
    expect(show(edges.filter((e) => e.to === 'session2' && !['session1', 'session2'].includes(e.from)))).toEqual([]);
    expect(edges.some((e) => e.from === 'session1' && e.event === CONTEXTUAL[2])).toBe(true);
  });

  it('signs every agreement by both parties, and records on-the-spot (and, under the 2025 law, one-officer) mediation (第一百七十八条、第一百八十四条；2025年 第一百零八条)', () => {
    const signed = edges.filter((e) => e.event.type === 'SIGN_AGREEMENT');
    expect(show(signed.filter((e) => !PARTIES.every((p) => e.event.data.signedPartyIds.includes(p))))).toEqual([]);
    expect(show(signed.filter((e) => e.event.data.form === 'ON_THE_SPOT' && !e.event.data.recordingRef))).toEqual([]);
    expect(show(signed.filter((e) => e.before.regime === 'ZAF2025' && e.event.data.singleOfficer && !e.event.data.recordingRef))).toEqual([]);
  });

  it('ends without a penalty only on a performed agreement, or on both parties’ written application after a performed settlement (第一百八十五条、第一百八十六条)', () => {
    const into = edges.filter((e) => e.to === 'noPenalty');
    expect(new Set(into.map((e) => e.event.type))).toEqual(new Set(['CLOSE_WITHOUT_PENALTY', 'JOINT_APPLICATION']));
    expect(show(into.filter((e) => e.event.type === 'CLOSE_WITHOUT_PENALTY' && !(e.before.agreement && e.before.performedOn)))).toEqual([]);
    const applications = into.filter((e) => e.event.type === 'JOINT_APPLICATION');
    expect(show(applications.filter((e) => !PARTIES.every((p) => e.event.data.applicantPartyIds.includes(p)) || e.event.data.agreementPerformed !== true))).toEqual([]);
    expect(show(applications.filter((e) => e.before.referral?.kind === 'PEOPLES_MEDIATION' && !e.before.pmAgreedOn))).toEqual([]);
    expect(show(applications.filter((e) => e.before.penalty))).toEqual([]);
  });

  it('penalises a failed or unperformed mediation only after telling the parties where the civil part can go (治安管理处罚法 第九条；第一百八十五条)', () => {
    const penalties = edges.filter((e) => e.to === 'penalty');
    expect(new Set(penalties.map((e) => e.from))).toEqual(new Set(['failedOrUnperformed', 'ineligible']));
    expect(show(penalties.filter((e) => e.from === 'failedOrUnperformed' && !e.before.civilRouteNotice))).toEqual([]);
  });

  it('starts the handling period on the day of the failure or non-performance, or at acceptance when there was no mediation (第一百八十五条第二款)', () => {
    const failing = edges.filter((e) => e.to === 'failedOrUnperformed' && e.from !== 'failedOrUnperformed');
    expect(failing.length).toBeGreaterThan(0);
    expect(show(failing.filter((e) => !e.after.failure || e.after.handlingFrom !== e.after.failure.on))).toEqual([]);
    expect(show(edges.filter((e) => e.event.type === 'RECORD_NON_PERFORMANCE' && e.event.today <= (e.before.performanceDueOn ?? '')))).toEqual([]);
    expect(show(edges.filter((e) => e.to === 'ineligible' && e.after.handlingFrom !== e.before.acceptedOn))).toEqual([]);
  });

  it('refers the civil part to people’s mediation (R23) without moving the police case', () => {
    const civil = edges.filter((e) => e.event.type === 'REFER_CIVIL_PART');
    expect(civil.length).toBeGreaterThan(0);
    expect(show(civil.filter((e) => e.from !== e.to))).toEqual([]);
  });

  it('reports no penalty or a penalty in its own words on every path', () => {
    const wrong: string[] = [];
    for (const p of shortest) {
      const opening = Object.values(OPENINGS).find((o) => o.regime === (p.steps[0].state.context as PsContext).regime)!;
      const effects = replayEffects(ps, { value: 'caseAccepted', context: opening }, p, label);
      const outcomes = effects.filter((e) => e.type === 'report').map((e) => e.params.outcome);
      const end = stateOf(p.state);
      const expected = end === 'noPenalty' ? ['NO_PENALTY'] : end === 'penalty' ? ['PENALISED'] : [];
      if (JSON.stringify(outcomes) !== JSON.stringify(expected)) wrong.push(`${end}: ${outcomes.join(',')}`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('lets every non-final configuration reach a final state', () => {
    for (const map of Object.values(adjacency)) expect(verticesThatCannotFinish(map, BY_FACTS)).toEqual([]);
  });

  it('takes every transition of the machine on some legal path, loops included', () => {
    for (const [name, map] of Object.entries(adjacency)) {
      const coverage = transitionCoverage(map, description.transitions);
      expect({ name, undeclared: coverage.undeclared }).toEqual({ name, undeclared: [] });
      if (name === 's10') expect(coverage.untaken).toEqual([]);
    }
  });

  it('keeps the shortest path to each state (snapshot)', () => {
    const best = new Map<string, Path>();
    for (const p of shortest) if (!best.has(stateOf(p.state)) || best.get(stateOf(p.state))!.steps.length > p.steps.length) best.set(stateOf(p.state), p);
    expect([...best.keys()].sort()).toEqual(description.states.map((s) => s.id).sort());
    expect([...best.values()].map((p) => `${stateOf(p.state)}: ${p.steps.slice(1).map((s) => label(s.event)).join(' → ') || '(initial)'}`).sort()).toMatchSnapshot();
    expect(Object.fromEntries(Object.entries(adjacency).map(([k, m]) => [k, Object.keys(m).length]))).toMatchSnapshot();
  });
});
