import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, type AdjacencyMap } from 'xstate/graph';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { decide } from '../decide';
import { transitionCoverage, verticesThatCannotFinish } from '../testing/paths';
import type { HrContext } from './hr.context';
import { tieredHearing as hr } from './hr.workflow';

/*
 * Every legal path of a hearing, generated from the machine with a finite set of sample events, some of which the
 * local rules forbid (an even panel, a panel too large for the region, a member tied to a party, a refusal without
 * reasons, a hearing before its notice has run, a minority that outvotes the majority, a dissent left unrecorded).
 * The traversal follows only events the machine accepts, so the statements below, written from the rules of spec
 * §8 and not from the machine, hold on every transition taken.
 *
 * Three openings: a village hearing asked for by a mediation (枫源村), a township hearing opened at 南山镇's committee
 * under its own rules (five to seven members), and a county hearing at the district's joint office (the top level).
 */

const PARTIES = ['p1', 'p2'];
const open = (type: string, regionCode: string, input: Record<string, unknown> = {}) =>
  hr.initialContext({ partyIds: PARTIES, openedOn: '2025-03-10', org: { type, regionCode }, input, origin: { route: 'R21a', workflow: 'pm' } });
const OPENINGS: Record<string, HrContext> = {
  village: open('VILLAGE_MEDIATION_COMMITTEE', '330199101201'),
  nanshan: open('TOWNSHIP_MEDIATION_COMMITTEE', '330199102'),
  county: open('PETITION_JOINT_OFFICE', '330199', { level: 'COUNTY' }),
};
const NOTICE_DUE = '2025-03-13';
const DEADLINES = { 'D-HR1': '2025-03-17', 'D-HR2': '2025-03-17', 'D-HR3': '2025-04-09', 'D-HR4': NOTICE_DUE };

const labels = new Map<WorkflowEvent, string>();
function event(type: string, data: Record<string, unknown>, today = '2025-03-14', label?: string): WorkflowEvent {
  const e: WorkflowEvent = { type, data, at: `${today}T02:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: 'u-1', role: hr.events[type].roles[0] } };
  labels.set(e, label ? `${type}[${label}]` : type);
  return e;
}
const label = (e: WorkflowEvent) => labels.get(e) ?? e.type;
const member = (name: string, relations: { kind: string; partyId?: string }[] = []) => ({ name, capacity: 'OTHER', relations });
const panelOf = (n: number) => ({ presiding: member('主持人'), members: Array.from({ length: n - 1 }, (_, i) => member(`听证员${i + 1}`)) });
const REPORT = { sourceCaseId: 'hr-up', reportedOn: '2025-03-20' };
const RECORD = { heldOn: '2025-03-14', participants: [{ name: '张三', role: 'PARTY' }], statements: [{ speaker: '张三', summary: '围墙堵沟' }], attachments: [{ name: '现场照片' }] };

const VALID: WorkflowEvent[] = [
  event('RECEIVE_REQUEST', { requestedBy: '枫源村人民调解委员会', matter: '围墙堵沟', initiative: 'APPLICATION' }, '2025-03-10'),
  event('PROPOSE', { proposedOn: '2025-03-10', matter: '围墙堵沟', initiative: 'ORGAN' }, '2025-03-10'),
  event('SIGN_FOR', {}, '2025-03-10'),
  event('RETURN', { reason: 'NOT_CONVENER', explanation: '应由乡镇召集' }, '2025-03-10'),
  event('APPLY', { applicantPartyIds: ['p1'], appliedOn: '2025-03-10' }, '2025-03-10'),
  event('CONSENT', { consentedPartyIds: PARTIES, consentedOn: '2025-03-10' }, '2025-03-10'),
  event('RECORD_REFUSAL', { partyIds: ['p2'], recordedOn: '2025-03-11' }, '2025-03-11'),
  event('CONSENT_WINDOW_ENDED', { specId: 'D-HR1', dueOn: '2025-03-17' }, '2025-03-18'),
  event('DECIDE_TO_HOLD', { decidedOn: '2025-03-10' }, '2025-03-10'),
  event('DECLINE', { decidedOn: '2025-03-10', ground: 'FACTS_CLEAR', reasons: '事实清楚，双方对事实无争议，无需听证' }, '2025-03-10'),
  event('APPOINT_PANEL', panelOf(3), '2025-03-10', 'three'),
  event('APPOINT_PANEL', panelOf(5), '2025-03-10', 'five'),
  event('RECUSE_MEMBER', { name: '听证员1', ground: 'PARTY_RELATIVE', decidedOn: '2025-03-10' }, '2025-03-10'),
  event('SERVE_NOTICE', { noticedOn: '2025-03-10', hearingOn: '2025-03-14', venue: '礼堂', notifiedPartyIds: PARTIES }, '2025-03-10'),
  event('RECORD_HEARING', RECORD),
  event('RECORD_ABSENCE', { absentPartyIds: ['p1'], recordedOn: '2025-03-14' }),
  event('CONCLUDE', { deliberatedOn: '2025-03-14', votesFor: 2, votesAgainst: 1, majorityOpinion: '开沟', minorityOpinions: ['另开沟'], opinion: '开沟' }, '2025-03-14', '2:1'),
  event('CONCLUDE', { deliberatedOn: '2025-03-14', votesFor: 5, votesAgainst: 0, majorityOpinion: '开沟', minorityOpinions: [], opinion: '开沟' }, '2025-03-14', '5:0'),
  event('PUBLISH', { publishedOn: '2025-03-14', channel: '村务公开栏' }),
  event('CLOSE_UNPUBLISHED', { closedOn: '2025-03-14' }),
  event('ESCALATE', { upperOrgId: 'org-fengqiao-station', reason: '一方不接受' }),
  event('UPPER_CONCLUDED', { outcome: 'CONCLUDED', ...REPORT, hearingLevel: 'TOWNSHIP', opinion: '维持' }, '2025-03-20'),
  event('UPPER_ENDED', { outcome: 'DECLINED', ...REPORT }, '2025-03-20'),
  event('WITHDRAW', { withdrawnOn: '2025-03-11', partyIds: ['p1'] }, '2025-03-11'),
  event('PARENT_ENDED', { outcome: 'WITHDRAWN', ...REPORT, signal: 'WITHDRAW' }, '2025-03-11'),
];
const FORBIDDEN: WorkflowEvent[] = [
  event('APPOINT_PANEL', panelOf(4), '2025-03-10', 'even'),
  event('APPOINT_PANEL', panelOf(11), '2025-03-10', 'eleven'),
  event('APPOINT_PANEL', { ...panelOf(3), members: [member('甲'), member('李四之弟', [{ kind: 'PARTY_RELATIVE', partyId: 'p2' }])] }, '2025-03-10', 'related'),
  event('DECLINE', { decidedOn: '2025-03-10', ground: 'OTHER', reasons: '不需要' }, '2025-03-10', 'no reasons'),
  event('RECORD_HEARING', { ...RECORD, heldOn: '2025-03-12' }, '2025-03-12', 'before the notice ran'),
  event('CONCLUDE', { deliberatedOn: '2025-03-14', votesFor: 1, votesAgainst: 2, majorityOpinion: '开沟', minorityOpinions: ['不开'], opinion: '开沟' }, '2025-03-14', 'outvoted'),
  event('CONCLUDE', { deliberatedOn: '2025-03-14', votesFor: 2, votesAgainst: 1, majorityOpinion: '开沟', minorityOpinions: [], opinion: '开沟' }, '2025-03-14', 'dissent unrecorded'),
];
const SAMPLES = [...VALID, ...FORBIDDEN];

const stateOf = (s: AnyMachineSnapshot) => String(s.value);
const BY_FACTS = (s: AnyMachineSnapshot) => {
  const c = s.context as HrContext;
  return JSON.stringify([stateOf(s), c.level ?? null, (c.presiding ? 1 : 0) + c.members.length, !!c.record, !!c.conclusion]);
};
const traversal = (input: HrContext) => ({ input, events: SAMPLES, filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => state.can(e), serializeState: BY_FACTS });
const description = describeWorkflow(hr);

interface Edge {
  from: string;
  to: string;
  before: HrContext;
  event: WorkflowEvent;
  opening: string;
}
const show = (xs: Edge[]) => [...new Set(xs.map((e) => `${e.opening}: ${e.from} --${label(e.event)}--> ${e.to}`))];

let edges: Edge[];
let adjacency: Record<string, AdjacencyMap<AnyMachineSnapshot, WorkflowEvent>>;

beforeAll(() => {
  adjacency = Object.fromEntries(Object.entries(OPENINGS).map(([name, input]) => [name, getAdjacencyMap(hr.machine, traversal(input))]));
  edges = Object.entries(adjacency).flatMap(([opening, map]) =>
    Object.values(map).flatMap(({ state, transitions }) =>
      (Object.values(transitions) as { state: AnyMachineSnapshot; event: WorkflowEvent }[]).map((t) => ({ from: stateOf(state), to: stateOf(t.state), before: state.context as HrContext, event: t.event, opening })),
    ),
  );
});

describe('three-level hearing (hr): generated legal paths', () => {
  it('samples a valid envelope for every event type', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(hr.events)));
  });

  it('reaches every state, takes every declared transition, and never a forbidden sample', () => {
    const reached = new Set(edges.map((e) => e.to));
    expect(description.states.map((s) => s.id).filter((s) => s !== 'proposed' && !reached.has(s))).toEqual([]);
    const untaken = new Set(Object.values(adjacency).flatMap((map) => transitionCoverage(map, description.transitions).untaken));
    const taken = (t: string) => Object.values(adjacency).some((map) => !transitionCoverage(map, description.transitions).untaken.includes(t));
    expect([...untaken].filter((t) => !taken(t))).toEqual([]);
    const forbidden = new Set(FORBIDDEN);
    expect(show(edges.filter((e) => forbidden.has(e.event)))).toEqual([]);
  });

  it('lets every hearing end: no configuration is stuck short of a final state', () => {
    for (const map of Object.values(adjacency)) expect(verticesThatCannotFinish(map, BY_FACTS)).toEqual([]);
  });

  it('notices only an odd panel within the region’s size, with nobody tied to a party or the case (回避)', () => {
    const noticed = edges.filter((e) => e.event.type === 'SERVE_NOTICE');
    expect(noticed.length).toBeGreaterThan(0);
    const size = (c: HrContext) => (c.presiding ? 1 : 0) + c.members.length;
    expect(show(noticed.filter((e) => size(e.before) % 2 === 0 || size(e.before) < e.before.panelMin || size(e.before) > e.before.panelMax))).toEqual([]);
    expect(show(noticed.filter((e) => [e.before.presiding, ...e.before.members].some((m) => m && m.relations.length > 0)))).toEqual([]);
    // 南山镇 sits five: a panel of three is never noticed there.
    expect(show(noticed.filter((e) => e.opening === 'nanshan' && size(e.before) < 5))).toEqual([]);
    expect(noticed.some((e) => e.opening === 'nanshan')).toBe(true);
  });

  it('holds a hearing only once its notice has run, and a party’s absence is waiver only then', () => {
    const held = edges.filter((e) => e.to === 'deliberation' || e.to === 'waived');
    expect(show(held.filter((e) => e.from !== 'noticed' || e.event.today < NOTICE_DUE))).toEqual([]);
  });

  it('declines only with written reasons, concludes only by a majority with any dissent recorded', () => {
    expect(show(edges.filter((e) => e.to === 'declined' && String(e.event.data.reasons ?? '').trim().length < 10))).toEqual([]);
    const concluded = edges.filter((e) => e.event.type === 'CONCLUDE');
    expect(show(concluded.filter((e) => e.event.data.votesFor <= e.event.data.votesAgainst))).toEqual([]);
    expect(show(concluded.filter((e) => e.event.data.votesAgainst > 0 && e.event.data.minorityOpinions.length === 0))).toEqual([]);
  });

  it('escalates only below the county, and tells the asking case a conclusion only once one is reached', () => {
    expect(show(edges.filter((e) => e.to === 'escalated' && e.before.level === 'COUNTY'))).toEqual([]);
    expect(edges.some((e) => e.to === 'escalated' && e.opening === 'village')).toBe(true);
    const reportsConclusion = edges.filter((e) => {
      const d = decide(hr, { value: e.from, context: e.before }, e.event);
      return d.allowed && d.effects.some((x) => x.type === 'report' && x.params.outcome === 'CONCLUDED');
    });
    expect(new Set(reportsConclusion.map((e) => e.to))).toEqual(new Set(['published', 'delivered', 'upperConcluded']));
    expect(show(reportsConclusion.filter((e) => !e.before.conclusion))).toEqual([]);
  });
});
