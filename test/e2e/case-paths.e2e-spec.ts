import type { AnyMachineSnapshot } from 'xstate';
import { createTestModel, getAdjacencyMap, getShortestPaths, type StatePath } from 'xstate/graph';
import { peopleMediation as pm, type WorkflowEvent } from '@app/workflow';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { RIGHTS_NOTICE, apply, chinaMorning, eventually, getCase, history, openCase, send, setNow } from '../support/cases';

/*
 * Model-based replay (conventions §9.6.3): paths generated from the 人民调解 machine are replayed over HTTP against
 * fresh cases, and after every step the persisted state must be the model's and the audit trail must have grown by
 * exactly one entry with the model's from/to. This proves no handler bypasses the machine, and that every legal path
 * persists and audits as the machine says.
 *
 * Two sets of paths:
 * - the shortest path to every state;
 * - every transition of the machine, each reached by the shortest path to its source state. Events only the engine
 *   sends (JC_*) are driven the way the engine gets them: through the court's linked 司法确认 case. JC_WINDOW_EXPIRED
 *   comes from the deadline worker, which HTTP cannot drive, so those paths stop before it. A case a court entrusts
 *   for mediation (RECEIVE_ENTRUSTMENT, route R8) is opened by the court's case, not over this workflow's HTTP
 *   routes, and only that court ends the entrustment (ENTRUSTMENT_ENDED, a signal down R8 when its period runs out
 *   or the suit is withdrawn): the court scenarios (court.e2e-spec.ts) walk those states and transitions. A dispute
 *   the police refer (RECEIVE_REFERRAL, routes R23 and R23a) is likewise opened by the police case: the police
 *   mediation suite (police-mediation.e2e-spec.ts) walks it.
 */

type Path = StatePath<AnyMachineSnapshot, WorkflowEvent>;

const TODAY = '2025-03-10';
const PARTIES = ['P1', 'P2'];
/** Stands for the assigned mediator's user id, known only once the app runs. */
const MEDIATOR = '$fy_mediator';
const DEADLINES = { 'D-PM1': '2025-04-10', 'D-JC1': '2025-04-09' };

function sample(type: string, data: Record<string, unknown> = {}): WorkflowEvent {
  const role = pm.events[type].roles[0];
  return { type, data, at: `${TODAY}T02:00:00.000Z`, today: TODAY, deadlines: DEADLINES, actor: { id: 'model', role } };
}

/** One valid envelope per event type, as the forms would send it. */
const SAMPLES: WorkflowEvent[] = [
  sample('SEEK_CONSENT', { note: '电话征询双方' }),
  sample('NOT_ACCEPT', { reason: 'NOT_CIVIL_DISPUTE', explanation: '属于行政争议' }),
  sample('ASSIGN_MEDIATOR', { mediatorId: MEDIATOR, consentedPartyIds: PARTIES, selectedBy: 'COMMITTEE' }),
  sample('RECORD_REFUSAL', { refusingPartyIds: ['P2'], rightsNotice: RIGHTS_NOTICE(TODAY) }),
  sample('START_MEDIATION', { startedOn: TODAY, mode: 'ON_SITE' }),
  sample('RECORD_SESSION', { heldOn: TODAY, summary: '背对背调解', participants: ['村支书'] }),
  sample('REPORT_RISK', { level: 'YELLOW', reportedTo: 'ZONGZHI_CENTRE', summary: '双方情绪激动' }),
  sample('EXTEND_BY_CONSENT', { consentedPartyIds: PARTIES, reason: '等待评估报告' }),
  sample('RECORD_ORAL_AGREEMENT', { content: '甲方当场赔礼道歉', reachedOn: TODAY }),
  sample('SIGN_WRITTEN_AGREEMENT', {
    content: '乙方于2025年4月30日前拆除违建围墙',
    signedPartyIds: PARTIES,
    mediatorSigned: true,
    committeeSealed: true,
    effectiveOn: TODAY,
    performanceDueOn: '2025-04-30',
  }),
  sample('TERMINATE_FAILED', { reason: '对赔偿数额分歧过大', rightsNotice: RIGHTS_NOTICE(TODAY) }),
  sample('WITHDRAW', { partyIds: ['P2'] }),
  sample('TRANSFER', { to: 'COURT', reason: '一方已起诉' }),
  sample('RECEIVE_REFERRAL', { referredBy: '青溪区公安分局枫桥派出所', matter: '车位分配纠纷' }),
  sample('APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: PARTIES, form: 'WRITTEN' }),
  sample('DECLINE_JUDICIAL_CONFIRMATION', {}),
  sample('JC_WINDOW_EXPIRED'),
  sample('JC_CONFIRMED'),
  sample('JC_NOT_CONFIRMED', { outcome: 'REVOKED' }),
  sample('JC_RETURNED'),
  sample('RECORD_FOLLOW_UP', { visitedOn: TODAY, method: 'VISIT', summary: '已开始拆除' }),
  sample('RECORD_PERFORMED', { performedOn: TODAY }),
  sample('RECORD_DEFAULT', { note: '期满未拆除' }),
  sample('REMEDIATE', { reason: '双方同意重新协商' }),
  sample('ADVISE_ENFORCEMENT', { advisedOn: TODAY }),
  sample('ARCHIVE', { dossierComplete: true, fileNo: '2025-017' }),
];

/**
 * What HTTP can bring about. The court answers an application while the mediation case waits for it, and can revoke
 * a confirmation (on an objection) while the agreement it confirmed is still the one in force.
 */
function drivable(state: AnyMachineSnapshot, event: WorkflowEvent): boolean {
  if (!state.can(event)) return false;
  if (!pm.events[event.type].roles.includes('SYSTEM')) return true;
  if (event.type === 'JC_WINDOW_EXPIRED' || event.type === 'RECEIVE_ENTRUSTMENT' || event.type === 'RECEIVE_REFERRAL' || event.type === 'ENTRUSTMENT_ENDED') return false;
  if (state.value === 'judicialConfirmation') return true;
  return event.type === 'JC_NOT_CONFIRMED' && state.context.confirmed === true;
}

/** A vertex keeps the facts that decide what can happen next: the state, a confirmation in force, the agreement's form. */
const serializeState = (s: AnyMachineSnapshot) => JSON.stringify([s.value, s.context.confirmed, s.context.agreementForm ?? null]);
const traversal = {
  input: pm.initialContext({ partyIds: PARTIES, openedOn: TODAY }),
  events: SAMPLES,
  filterEvents: drivable,
  serializeState,
};

const model = createTestModel(pm.machine, traversal);
const eventChain = (p: Path) => p.steps.slice(1).map((s) => s.event.type);
const describePath = (p: Path) => `${eventChain(p).join(' → ') || '(opened)'} ⇒ ${String(p.state.value)}`;

/** The shortest path to every state. */
const SHORTEST: Path[] = (() => {
  const byState = new Map<string, Path>();
  for (const p of getShortestPaths(pm.machine, { ...traversal, serializeState: (s: AnyMachineSnapshot) => String(s.value) })) byState.set(String(p.state.value), p);
  return [...byState.values()];
})();

/** Every transition (from, event, to) the machine has, each appended to the shortest path to a vertex it leaves from. */
const TRANSITIONS: Path[] = (() => {
  const shortestTo = new Map<string, Path>(getShortestPaths(pm.machine, traversal).map((p) => [serializeState(p.state), p]));
  const chosen = new Map<string, Path>();
  for (const [key, { state, transitions }] of Object.entries(getAdjacencyMap(pm.machine, traversal))) {
    const prefix = shortestTo.get(key)!;
    for (const t of Object.values(transitions) as { state: AnyMachineSnapshot; event: WorkflowEvent }[]) {
      const edge = `${String(state.value)} --${t.event.type}--> ${String(t.state.value)}`;
      const path: Path = { state: t.state, steps: [...prefix.steps, { state: t.state, event: t.event }], weight: prefix.weight + 1 };
      const best = chosen.get(edge);
      if (!best || path.steps.length < best.steps.length) chosen.set(edge, path);
    }
  }
  return [...chosen.values()];
})();

describe('the generated paths', () => {
  it('reach every state and take every transition but the deadline worker’s and the entrusting court’s', () => {
    const states = pm.machine.root.states;
    // The hearing a mediation asks for is a case of its own, driven over HTTP by hearing.e2e-spec.ts.
    const entrusted = ['entrustmentReceived', 'entrustmentReturned', 'entrustmentEnded', 'referralReceived', 'referralReturned', 'hearing'];
    expect(SHORTEST.map((p) => String(p.state.value)).sort()).toEqual(Object.keys(states).filter((s) => !entrusted.includes(s)).sort());
    const all = new Set<string>();
    for (const [from, node] of Object.entries(states)) {
      for (const [type, defs] of node.transitions.entries()) for (const d of defs) all.add(`${from} --${type}--> ${d.target?.[0]?.key ?? from}`);
    }
    const taken = new Set(TRANSITIONS.map((p) => `${String(p.steps[p.steps.length - 2].state.value)} --${p.steps[p.steps.length - 1].event.type}--> ${String(p.state.value)}`));
    expect([...all].filter((e) => !taken.has(e)).sort()).toEqual([
      'agreedWritten --JC_WINDOW_EXPIRED--> monitoring',
      'assigned --ENTRUSTMENT_ENDED--> entrustmentEnded',
      'consentPending --ENTRUSTMENT_ENDED--> entrustmentEnded',
      'entrustmentReceived --ENTRUSTMENT_ENDED--> entrustmentEnded',
      'entrustmentReceived --RETURN--> entrustmentReturned',
      'entrustmentReceived --SIGN_FOR--> consentPending',
      'extended --ENTRUSTMENT_ENDED--> entrustmentEnded',
      'hearing --HEARING_CONCLUDED--> mediating',
      'hearing --HEARING_ENDED--> mediating',
      'hearing --REPORT_RISK--> hearing',
      'hearing --WITHDRAW--> terminatedByParty',
      'mediating --ENTRUSTMENT_ENDED--> entrustmentEnded',
      'mediating --REQUEST_HEARING--> hearing',
      'referralReceived --RETURN--> referralReturned',
      'referralReceived --SIGN_FOR--> consentPending',
      'registered --RECEIVE_ENTRUSTMENT--> entrustmentReceived',
      'registered --RECEIVE_REFERRAL--> referralReceived',
    ]);
    expect([...taken].filter((e) => !all.has(e))).toEqual([]);
  });
});

describe.each(TEST_DATABASES)('model-based replay of 人民调解 over HTTP ($name)', (database) => {
  let t: TestApp;
  let mediatorId: string;

  beforeAll(async () => {
    t = await createTestApp(database);
    setNow(t, chinaMorning(TODAY));
    mediatorId = (await t.loginUser('fy_mediator')).user.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The 枫源村 user who sends an event: the first role the workflow lists for it. */
  const USER_FOR_ROLE: Record<string, string> = { INTAKE_CLERK: 'fy_clerk', MEDIATOR: 'fy_mediator', COMMITTEE_DIRECTOR: 'fy_director' };

  /** The court's side of a SYSTEM event: what the clerk and the judge do on the linked case. */
  const COURT: Record<string, (jcState: string) => [string, string, Record<string, unknown>][]> = {
    JC_CONFIRMED: () => [
      ['court_clerk', 'SIGN_FOR', {}],
      ['court_clerk', 'REGISTER', { docketNo: '（2025）青溪0101民特1号', registeredOn: TODAY }],
      ['judge', 'SCHEDULE_VERIFICATION', { scheduledOn: TODAY }],
      ['judge', 'RULE_VALID', { rulingNo: '（2025）青溪0101民特1号', ruledOn: TODAY }],
    ],
    JC_RETURNED: () => [['court_clerk', 'RETURN', { reason: 'NOT_THIS_COURT', explanation: '不属于本院管辖' }]],
    JC_NOT_CONFIRMED: (jcState) =>
      jcState === 'confirmed'
        ? [
            ['court_clerk', 'SERVE_RULING', { servedOn: TODAY }],
            ['court_clerk', 'FILE_OBJECTION', { partyIds: ['P2'], grounds: '协议违背真实意思' }],
            ['judge', 'REVOKE_RULING', { rulingNo: '（2025）青溪0101民特1号之一' }],
          ]
        : [
            ['court_clerk', 'SIGN_FOR', {}],
            ['court_clerk', 'REGISTER', { docketNo: '（2025）青溪0101民特2号', registeredOn: TODAY }],
            ['judge', 'DISMISS', { ground: 'CONTENT_UNCLEAR', rulingNo: '（2025）青溪0101民特2号' }],
          ],
  };

  async function replay(path: Path) {
    let caseId = '';
    let entries: any[] = [];
    let previous: string | null = null;

    // The test model hands executors its steps typed loosely; the events are the samples above.
    const sendAsUser = async (step: { event: { type: string } }) => {
      const event = step.event as WorkflowEvent;
      const { type } = event;
      const data = type === 'ASSIGN_MEDIATOR' ? { ...event.data, mediatorId } : event.data;
      const res = await send(t, USER_FOR_ROLE[pm.events[type].roles[0]], caseId, type, data);
      expect({ type, status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ type, status: 200, body: undefined });
    };
    const sendThroughCourt = async (step: { event: { type: string } }) => {
      const before = (await getCase(t, 'fy_mediator', caseId)).body;
      const jcId = before.links.filter((l: any) => l.direction === 'TO').at(-1).caseId;
      const jcState = (await getCase(t, 'court_clerk', jcId)).body.state;
      for (const [user, type, data] of COURT[step.event.type](jcState)) await apply(t, user, jcId, type, data);
      // The court's outcome reaches the mediation case after the court's commit.
      const after = await eventually(async () => (await getCase(t, 'fy_mediator', caseId)).body, (c) => c.version > before.version);
      expect(after.version).toBe(before.version + 1);
    };

    const events = Object.fromEntries(
      Object.keys(pm.events).map((type) => [type, pm.events[type].roles.includes('SYSTEM') ? sendThroughCourt : sendAsUser]),
    );

    caseId = (await openCase(t, 'fy_mediator')).id;
    await model.testPath(path, {
      events,
      states: {
        '*': async (state) => {
          const expected = String(state.value);
          const persisted = (await getCase(t, 'fy_mediator', caseId)).body;
          expect(persisted.state).toBe(expected);
          const now = await history(t, 'fy_mediator', caseId);
          expect(now).toHaveLength(entries.length + 1);
          expect(persisted.version).toBe(now.length);
          const last = now[now.length - 1];
          expect({ from: last.from, to: last.to }).toEqual({ from: previous, to: expected });
          expect(last.prevHash).toBe(entries.length ? entries[entries.length - 1].hash : '0'.repeat(64));
          entries = now;
          previous = expected;
        },
      },
    });
    // The chain the replay wrote checks out, event type by event type.
    expect(entries.map((e) => e.type)).toEqual(['OPEN', ...eventChain(path)]);
  }

  it.each(SHORTEST.map((p) => [describePath(p), p] as const))('shortest path: %s', async (_name, path) => {
    await replay(path);
  });

  it.each(TRANSITIONS.map((p) => [describePath(p), p] as const))('transition: %s', async (_name, path) => {
    await replay(path);
  });

  it('leaves every chain it wrote intact', async () => {
    const res = await t.http().get('/api/audit/verify').set({ Authorization: `Bearer ${await t.login('auditor')}` });
    expect(res.body).toMatchObject({ ok: true, firstBroken: null });
    expect(res.body.checked).toBeGreaterThan(SHORTEST.length + TRANSITIONS.length);
  });
});
