import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import type { JsonSchema } from '../json-schema';
import type { PmContext } from './pm.context';
import { peopleMediation as pm } from './pm.workflow';
import { verticesThatCannotFinish } from '../testing/paths';

/*
 * Every legal path of 人民调解, generated from the machine with a finite set of sample events. The samples include
 * events the law forbids (an unsealed agreement, a one-party application, a late one, a termination without a rights
 * notice...): the traversal only follows events the machine accepts (`filterEvents: state.can(event)`), so the
 * invariants below prove the machine refuses them on every path, not just in the hand-picked states of the unit tests.
 *
 * Two traversals:
 * - `BY_STATE` keys a vertex by state only. Its simple paths are the legal skeleton (each state at most once per path,
 *   self-loops left out) and are snapshotted, so any change to the legal paths shows up as a reviewable diff.
 * - `BY_FACTS` also keys by the context facts guards and invariants depend on (confirmed or not, oral or written),
 *   so re-mediation loops and revoked confirmations are explored; the invariants run over these paths.
 */

type Path = StatePath<AnyMachineSnapshot, WorkflowEvent>;

const PARTIES = ['p1', 'p2'];
const TODAY = '2025-03-10';
const OPENED: PmContext = pm.initialContext({ partyIds: PARTIES, openedOn: '2025-03-01' });
/** The pending deadlines the engine passes with each event: D-JC1 runs 30 days from an agreement effective today. */
const DEADLINES = { 'D-JC1': '2025-04-09', 'D-PM1': '2025-04-01' };
const RIGHTS_NOTICE = { routes: ['LITIGATION', 'ADMINISTRATIVE'], notifiedOn: TODAY, method: 'WRITTEN' };
/** What the engine delivers with an outcome the 司法确认 case reported (route R4). */
const FROM_JC = { sourceCaseId: 'case-jc-1', sourceCaseNo: '（2025）浙0102民特确12号', reportedOn: TODAY };
/** What the engine delivers when the entrusting court passes a signal down its route (R8 `down`). */
const FROM_COURT = { signal: 'MEDIATION_PERIOD_EXPIRED', sourceCaseId: 'case-ct-1', reportedOn: TODAY };

function event(type: string, data: Record<string, unknown> = {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const role = pm.events[type].roles[0];
  return { type, data, at: `${TODAY}T03:00:00.000Z`, today: TODAY, deadlines: DEADLINES, actor: { id: `u-${role.toLowerCase()}`, role }, ...over };
}

/** One valid envelope per event type. */
const VALID: WorkflowEvent[] = [
  event('SEEK_CONSENT', { note: '电话征询双方' }),
  event('RECEIVE_ENTRUSTMENT', { procedure: 'SIMPLE', note: '立案后经双方同意委托调解' }),
  event('RECEIVE_REFERRAL', { referredBy: '青溪区公安分局枫桥派出所', matter: '车位分配纠纷' }),
  event('SIGN_FOR', { note: '已签收' }),
  event('RETURN', { reason: 'OUTSIDE_SCOPE', explanation: '纠纷涉及行政行为，不属于人民调解范围' }),
  event('ENTRUSTMENT_ENDED', FROM_COURT),
  event('NOT_ACCEPT', { reason: 'NOT_CIVIL_DISPUTE', explanation: '属于行政争议' }),
  event('ASSIGN_MEDIATOR', { mediatorId: 'm1', consentedPartyIds: ['p1', 'p2'], selectedBy: 'COMMITTEE' }),
  event('RECORD_REFUSAL', { refusingPartyIds: ['p2'], rightsNotice: RIGHTS_NOTICE }),
  event('START_MEDIATION', { startedOn: TODAY, mode: 'ON_SITE' }),
  event('RECORD_SESSION', { heldOn: TODAY, summary: '背对背调解', participants: ['村支书'] }),
  event('REPORT_RISK', { level: 'YELLOW', reportedTo: 'ZONGZHI_CENTRE', summary: '双方情绪激动' }),
  event('EXTEND_BY_CONSENT', { consentedPartyIds: ['p1', 'p2'], reason: '等待评估报告' }),
  event('RECORD_ORAL_AGREEMENT', { content: '甲方当场赔礼道歉', reachedOn: TODAY }),
  event('SIGN_WRITTEN_AGREEMENT', {
    content: '乙方于2025年4月30日前拆除违建围墙',
    signedPartyIds: ['p1', 'p2'],
    mediatorSigned: true,
    committeeSealed: true,
    effectiveOn: TODAY,
    performanceDueOn: '2025-04-30',
  }),
  event('TERMINATE_FAILED', { reason: '对赔偿数额分歧过大', rightsNotice: RIGHTS_NOTICE }),
  event('WITHDRAW', { partyIds: ['p2'] }),
  event('TRANSFER', { to: 'COURT', reason: '一方已起诉' }),
  event('APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'court-1', applicantPartyIds: ['p1', 'p2'], form: 'WRITTEN' }),
  event('DECLINE_JUDICIAL_CONFIRMATION', {}),
  event('JC_WINDOW_EXPIRED'),
  event('JC_CONFIRMED', { ...FROM_JC, outcome: 'CONFIRMED' }),
  event('JC_NOT_CONFIRMED', { ...FROM_JC, outcome: 'DISMISSED' }),
  event('JC_RETURNED', { ...FROM_JC, outcome: 'RETURNED', reason: 'INCOMPLETE', explanation: '缺少调解协议原件' }),
  event('RECORD_FOLLOW_UP', { visitedOn: TODAY, method: 'VISIT', summary: '已开始拆除' }),
  event('RECORD_PERFORMED', { performedOn: TODAY }),
  event('RECORD_DEFAULT', { note: '期满未拆除' }),
  event('REMEDIATE', { reason: '双方同意重新协商' }),
  event('ADVISE_ENFORCEMENT', { advisedOn: TODAY }),
  event('ARCHIVE', { dossierComplete: true, fileNo: '2025-017' }),
  event('REQUEST_HEARING', { hearingOrgId: 'org-fengyuan', matter: '排水沟是否改道', initiative: 'APPLICATION' }),
  event('HEARING_CONCLUDED', { outcome: 'CONCLUDED', sourceCaseId: 'hr-1', reportedOn: TODAY, hearingLevel: 'VILLAGE', opinion: '开挖排水沟' }),
  event('HEARING_ENDED', { outcome: 'WITHDRAWN', sourceCaseId: 'hr-1', reportedOn: TODAY }),
];
const valid = (type: string) => VALID.find((e) => e.type === type)!;

/** Envelopes the law forbids. None of them may appear on any generated path. */
const FORBIDDEN: WorkflowEvent[] = [
  event('ASSIGN_MEDIATOR', { ...valid('ASSIGN_MEDIATOR').data, consentedPartyIds: ['p1'] }),
  event('EXTEND_BY_CONSENT', { consentedPartyIds: ['p2'], reason: '一方要求延长' }),
  event('RECORD_ORAL_AGREEMENT', { content: '预先记录', reachedOn: '2025-03-11' }),
  event('SIGN_WRITTEN_AGREEMENT', { ...valid('SIGN_WRITTEN_AGREEMENT').data, committeeSealed: false }),
  event('SIGN_WRITTEN_AGREEMENT', { ...valid('SIGN_WRITTEN_AGREEMENT').data, signedPartyIds: ['p1'] }),
  event('SIGN_WRITTEN_AGREEMENT', { ...valid('SIGN_WRITTEN_AGREEMENT').data, mediatorSigned: false }),
  event('SIGN_WRITTEN_AGREEMENT', { ...valid('SIGN_WRITTEN_AGREEMENT').data, effectiveOn: '2025-03-12' }),
  event('TERMINATE_FAILED', { reason: '调解不成' }),
  event('TERMINATE_FAILED', { reason: '调解不成', rightsNotice: { ...RIGHTS_NOTICE, routes: [] } }),
  event('RECORD_REFUSAL', { refusingPartyIds: ['p1'] }),
  event('APPLY_JUDICIAL_CONFIRMATION', { ...valid('APPLY_JUDICIAL_CONFIRMATION').data, applicantPartyIds: ['p2'] }),
  event('APPLY_JUDICIAL_CONFIRMATION', valid('APPLY_JUDICIAL_CONFIRMATION').data, { today: '2025-04-10', at: '2025-04-10T01:00:00.000Z' }),
  event('APPLY_JUDICIAL_CONFIRMATION', valid('APPLY_JUDICIAL_CONFIRMATION').data, { deadlines: { 'D-PM1': '2025-04-01' } }),
];
const SAMPLES = [...VALID, ...FORBIDDEN];

// ---------- independent statements of the law, checked against the event data on each path ----------

const includesAllParties = (ids: unknown) => Array.isArray(ids) && PARTIES.every((p) => ids.includes(p));
/** 人民调解法 第二十九条: every party signed, the mediator signed, the committee seal affixed. */
const art29 = (d: Record<string, any>) => includesAllParties(d.signedPartyIds) && d.mediatorSigned === true && d.committeeSealed === true;
/** 人民调解法 第二十六条: the parties were told, on a date and in a form, of at least one other route. */
const rightsNotice = (d: Record<string, any>) =>
  Array.isArray(d.rightsNotice?.routes) && d.rightsNotice.routes.length > 0 && typeof d.rightsNotice.notifiedOn === 'string' && !!d.rightsNotice.method;
/** 人民调解法 第三十三条: jointly, within 30 days of the agreement taking effect. */
const jointInTime = (e: WorkflowEvent) => includesAllParties(e.data.applicantPartyIds) && !!e.deadlines['D-JC1'] && e.today <= e.deadlines['D-JC1'];

// ---------- traversal ----------

const BY_STATE = (s: AnyMachineSnapshot) => String(s.value);
const BY_FACTS = (s: AnyMachineSnapshot) => JSON.stringify([s.value, s.context.confirmed, s.context.agreementForm ?? null]);
const traversal = (serializeState: (s: AnyMachineSnapshot) => string) => ({
  input: OPENED,
  events: SAMPLES,
  filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => state.can(e),
  serializeState,
});

const description = describeWorkflow(pm);
const FINAL = new Set(description.states.filter((s) => s.final).map((s) => s.id));

interface Entry {
  from: string;
  to: string;
  event: WorkflowEvent;
}
/** The transitions of a path (the leading `xstate.init` step dropped). */
const entries = (p: Path): Entry[] =>
  p.steps.slice(1).map((step, i) => ({ from: String(p.steps[i].state.value), to: String(step.state.value), event: step.event }));
const chain = (p: Path) => p.steps.slice(1).map((s) => s.event.type);
/** A short, de-duplicated listing of offending transitions, so a failure stays readable. */
const show = (xs: Entry[]) => [...new Set(xs.map((e) => `${e.from} --${e.event.type}--> ${e.to} ${JSON.stringify(e.event.data)} today=${e.event.today}`))];
const endsIn = (p: Path) => String(p.state.value);

let skeleton: Path[];
let shortest: Path[];
let paths: Path[];

beforeAll(() => {
  skeleton = getSimplePaths(pm.machine, traversal(BY_STATE));
  shortest = getShortestPaths(pm.machine, traversal(BY_STATE));
  paths = getSimplePaths(pm.machine, traversal(BY_FACTS));
});

describe('people mediation (pm): generated legal paths', () => {
  it('starts from valid sample envelopes that match the declared event schemas', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(pm.events)));
    for (const e of VALID) expect({ type: e.type, errors: schemaErrors(pm.events[e.type].schema, e.data) }).toEqual({ type: e.type, errors: [] });
  });

  it('reaches every state, every final state included', () => {
    const reached = new Set(paths.map(endsIn));
    expect([...FINAL].filter((s) => !reached.has(s))).toEqual([]);
    expect(description.states.map((s) => s.id).filter((s) => !reached.has(s))).toEqual([]);
    expect(new Set(skeleton.map(endsIn))).toEqual(reached);
  });

  it('never takes a forbidden sample event', () => {
    const forbidden = new Set(FORBIDDEN);
    const taken = paths.flatMap((p) => entries(p).filter((e) => forbidden.has(e.event)));
    expect(show(taken)).toEqual([]);
  });

  it('reaches agreedWritten only through SIGN_WRITTEN_AGREEMENT with every signature and the seal (Art. 29)', () => {
    const violations: string[] = [];
    let signed = 0;
    for (const p of paths) {
      let firstEntry = true;
      for (const e of entries(p)) {
        if (e.to !== 'agreedWritten' || e.from === 'agreedWritten') continue;
        const bySigning = e.event.type === 'SIGN_WRITTEN_AGREEMENT' && art29(e.event.data);
        const returnedByCourt = !firstEntry && e.event.type === 'JC_RETURNED' && e.from === 'judicialConfirmation';
        if (bySigning) signed++;
        if (!bySigning && !returnedByCourt) violations.push(chain(p).join(' → '));
        firstEntry = false;
      }
    }
    expect([...new Set(violations)]).toEqual([]);
    expect(signed).toBeGreaterThan(0);
    expect(FORBIDDEN.filter((e) => e.type === 'SIGN_WRITTEN_AGREEMENT' && !art29(e.data))).toHaveLength(3);
  });

  it.each(['terminatedFailed', 'refused'])('reaches %s only with a rights notice in the event data (Art. 26)', (state) => {
    const into = paths.flatMap(entries).filter((e) => e.to === state);
    expect(into.length).toBeGreaterThan(0);
    expect(show(into.filter((e) => !rightsNotice(e.event.data)))).toEqual([]);
  });

  it('reaches judicialConfirmation only on a joint application inside the D-JC1 window', () => {
    const into = paths.flatMap(entries).filter((e) => e.to === 'judicialConfirmation');
    expect(into.length).toBeGreaterThan(0);
    expect(show(into.filter((e) => !(e.from === 'agreedWritten' && e.event.type === 'APPLY_JUDICIAL_CONFIRMATION' && jointInTime(e.event))))).toEqual([]);
  });

  it('takes in a court’s entrustment only from the engine, and then only signs for it or returns it with reasons, unless the court ends it first (在线调解规则 第十二条)', () => {
    const all = paths.flatMap(entries);
    const into = all.filter((e) => e.to === 'entrustmentReceived' && e.from !== 'entrustmentReceived');
    const out = all.filter((e) => e.from === 'entrustmentReceived');
    expect(into.length).toBeGreaterThan(0);
    expect(show(into.filter((e) => !(e.from === 'registered' && e.event.type === 'RECEIVE_ENTRUSTMENT' && e.event.actor.role === 'SYSTEM')))).toEqual([]);
    expect(new Set(out.map((e) => e.event.type))).toEqual(new Set(['SIGN_FOR', 'RETURN', 'ENTRUSTMENT_ENDED']));
    const returned = (e: Entry) => e.event.type === 'RETURN' && e.to === 'entrustmentReturned' && !!e.event.data.reason && !!e.event.data.explanation;
    const endedByCourt = (e: Entry) => e.event.type === 'ENTRUSTMENT_ENDED' && e.event.actor.role === 'SYSTEM' && e.to === 'entrustmentEnded';
    expect(show(out.filter((e) => !(returned(e) || endedByCourt(e) || (e.event.type === 'SIGN_FOR' && e.to === 'consentPending'))))).toEqual([]);
    expect(show(all.filter((e) => e.to === 'entrustmentReturned' && !returned(e)))).toEqual([]);
  });

  it('ends an entrusted case by the court’s signal only before an agreement, never after (特邀调解规定 第二十条、第二十一条、第二十七条)', () => {
    const ended = valid('ENTRUSTMENT_ENDED');
    const AGREEMENTS = ['RECORD_ORAL_AGREEMENT', 'SIGN_WRITTEN_AGREEMENT'];
    const all = paths.flatMap(entries);
    const into = all.filter((e) => e.to === 'entrustmentEnded');
    expect(into.length).toBeGreaterThan(0);
    expect(show(into.filter((e) => !(e.event.type === 'ENTRUSTMENT_ENDED' && e.event.actor.role === 'SYSTEM' && typeof e.event.data.signal === 'string' && typeof e.event.data.sourceCaseId === 'string')))).toEqual([]);

    /** Each kind of breach once, with the shortest path that shows it. */
    const wrong = new Map<string, string>();
    const breach = (kind: string, p: Path, upTo: number) => {
      const example = chain(p).slice(0, upTo).join(' → ');
      if (!wrong.has(kind) || example.length < wrong.get(kind)!.length) wrong.set(kind, example);
    };
    let endedBeforeAgreement = 0;
    let refusedAfterAgreement = 0;
    for (const p of paths.filter((x) => chain(x).includes('RECEIVE_ENTRUSTMENT'))) {
      let agreed = false;
      for (const [i, e] of entries(p).entries()) {
        if (e.to === 'entrustmentEnded') {
          if (agreed) breach(`${e.from} is ended by the court after an agreement`, p, i + 1);
          else endedBeforeAgreement++;
        }
        if (AGREEMENTS.includes(e.event.type)) agreed = true;
        // Once there is an agreement, no state the case passes through takes the court's signal (re-mediation included).
        if (agreed && !FINAL.has(e.to)) {
          if (p.steps[i + 1].state.can(ended)) breach(`${e.to} accepts ENTRUSTMENT_ENDED after an agreement`, p, i + 1);
          else refusedAfterAgreement++;
        }
      }
    }
    expect([...wrong].map(([kind, example]) => `${kind}, e.g. ${example}`).sort()).toEqual([]);
    expect(endedBeforeAgreement).toBeGreaterThan(0);
    expect(refusedAfterAgreement).toBeGreaterThan(0);
  });

  it('assigns a mediator to an entrusted case only after signing for it (特邀调解规定 第二十七条)', () => {
    let signedFor = 0;
    const wrong: string[] = [];
    for (const p of paths.filter((x) => chain(x).includes('RECEIVE_ENTRUSTMENT'))) {
      const es = entries(p);
      const signed = es.findIndex((e) => e.event.type === 'SIGN_FOR');
      const assigned = es.findIndex((e) => e.to === 'assigned');
      if (assigned >= 0 && !(signed >= 0 && signed < assigned)) wrong.push(chain(p).join(' → '));
      if (assigned >= 0) signedFor++;
    }
    expect(wrong).toEqual([]);
    expect(signedFor).toBeGreaterThan(0);
  });

  it('starts mediation only after every party consented (Art. 17)', () => {
    const into = paths.flatMap(entries).filter((e) => e.to === 'assigned');
    expect(into.length).toBeGreaterThan(0);
    expect(show(into.filter((e) => !(e.event.type === 'ASSIGN_MEDIATOR' && includesAllParties(e.event.data.consentedPartyIds))))).toEqual([]);
  });

  it('advises enforcement only while the agreement in force has a confirmation ruling that stands (Art. 33)', () => {
    const advise = valid('ADVISE_ENFORCEMENT');
    const cases = { confirmed: 0, unconfirmed: 0, remediatedAfterConfirmation: 0 };
    const wrong: string[] = [];
    for (const p of paths.filter((x) => endsIn(x) === 'defaulted')) {
      let confirmed = false;
      for (const { event: e } of entries(p)) {
        if (e.type === 'RECORD_ORAL_AGREEMENT' || e.type === 'SIGN_WRITTEN_AGREEMENT') confirmed = false;
        if (e.type === 'JC_CONFIRMED') confirmed = true;
        if (e.type === 'JC_NOT_CONFIRMED') confirmed = false;
      }
      if (p.state.can(advise) !== confirmed) wrong.push(`${chain(p).join(' → ')}: advice ${confirmed ? 'refused' : 'allowed'}`);
      cases[confirmed ? 'confirmed' : 'unconfirmed']++;
      if (!confirmed && chain(p).includes('JC_CONFIRMED')) cases.remediatedAfterConfirmation++;
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(cases.confirmed).toBeGreaterThan(0);
    expect(cases.unconfirmed).toBeGreaterThan(0);
    expect(cases.remediatedAfterConfirmation).toBeGreaterThan(0);
  });

  it('generates a bounded number of paths', () => {
    expect({ skeleton: skeleton.length, complete: skeleton.filter((p) => FINAL.has(endsIn(p))).length, withFacts: paths.length }).toMatchSnapshot();
  });

  it('lets every non-final state reach a final state', () => {
    const adjacency = getAdjacencyMap(pm.machine, traversal(BY_FACTS));
    const stuck = verticesThatCannotFinish(adjacency, BY_FACTS);
    expect(stuck).toEqual([]);
    expect(Object.keys(adjacency).length).toBeGreaterThan(description.states.length);
  });

  it('keeps the legal paths to a final state (snapshot)', () => {
    const complete = skeleton.filter((p) => FINAL.has(endsIn(p)));
    const lines = [...new Set(complete.map((p) => `${chain(p).join(' → ')} ⇒ ${endsIn(p)}`))].sort();
    expect(lines.length).toBe(complete.length); // one valid sample per event type: no duplicate chains
    expect(lines).toMatchSnapshot();
  });

  it('keeps every transition some legal path takes, loops included (snapshot)', () => {
    const adjacency = getAdjacencyMap(pm.machine, traversal(BY_FACTS));
    const edges = new Set<string>();
    for (const { state, transitions } of Object.values(adjacency)) {
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

/** The subset of JSON Schema the workflows use, enough to tell whether a sample envelope is one a form could send. */
function schemaErrors(schema: JsonSchema | undefined, value: unknown, at = 'data'): string[] {
  if (!schema) return [];
  const errors: string[] = [];
  if (schema.const !== undefined && value !== schema.const) errors.push(`${at}: must be ${String(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value as string)) errors.push(`${at}: not one of ${schema.enum.join(', ')}`);
  switch (schema.type) {
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [...errors, `${at}: not an object`];
      const record = value as Record<string, unknown>;
      for (const key of schema.required ?? []) if (record[key] === undefined) errors.push(`${at}.${key}: required`);
      for (const [key, v] of Object.entries(record)) {
        const property = schema.properties?.[key];
        if (!property) {
          if (schema.additionalProperties === false) errors.push(`${at}.${key}: not allowed`);
        } else if (v !== undefined) errors.push(...schemaErrors(property, v, `${at}.${key}`));
      }
      break;
    }
    case 'array':
      if (!Array.isArray(value)) return [...errors, `${at}: not an array`];
      if (schema.minItems !== undefined && value.length < schema.minItems) errors.push(`${at}: too few items`);
      if (schema.maxItems !== undefined && value.length > schema.maxItems) errors.push(`${at}: too many items`);
      if (schema.uniqueItems && new Set(value.map((v) => JSON.stringify(v))).size !== value.length) errors.push(`${at}: duplicates`);
      value.forEach((v, i) => errors.push(...schemaErrors(schema.items, v, `${at}[${i}]`)));
      break;
    case 'string':
      if (typeof value !== 'string') return [...errors, `${at}: not a string`];
      if (schema.minLength !== undefined && value.length < schema.minLength) errors.push(`${at}: too short`);
      if (schema.maxLength !== undefined && value.length > schema.maxLength) errors.push(`${at}: too long`);
      if (schema.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors.push(`${at}: not a date`);
      break;
    case 'boolean':
      if (typeof value !== 'boolean') errors.push(`${at}: not a boolean`);
      break;
  }
  return errors;
}
