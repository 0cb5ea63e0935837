import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getSimplePaths } from 'xstate/graph';
import type { CaseOpening, WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { stateValueToString } from '../state-value';
import { type Path, type PathEntry, pathEntries, showEntries, verticesThatCannotFinish } from '../testing/paths';
import type { LandContext } from './land.context';
import { LAND_COMMISSION, ruralLand as land } from './land.workflow';

/*
 * Every legal path of 农村土地承包经营纠纷, generated from the machine with a finite set of sample events, some of which
 * the law forbids (a hearing noticed four working days ahead, a 31-day extension, one party signing the 调解书, a suit
 * after the 30 days...). The traversal follows only events the machine accepts, from five openings: a lease dispute
 * at the village committee, the same at the commission where the land lies, one whose land lies outside the
 * commission's area, a 宅基地 boundary dispute (ownership / use rights) and an expropriation dispute. The statements
 * of the law below are written from the statutes, not from the machine, and hold on every path.
 */


const PARTIES = ['f1', 'k1'];
const VILLAGE_REGION = '330199101201';
const base = (input: Record<string, unknown>, org = { type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: VILLAGE_REGION }): CaseOpening => ({
  partyIds: PARTIES,
  openedOn: '2025-03-03',
  regionCode: VILLAGE_REGION,
  org,
  input,
});
const COMMISSION = { type: LAND_COMMISSION, regionCode: '330199' };
const OPENINGS: Record<string, LandContext> = {
  village: land.initialContext(base({ disputeKind: 'TRANSFER', knewOn: '2025-01-01' })),
  commission: land.initialContext(base({ disputeKind: 'TRANSFER', knewOn: '2025-01-01', landLocationCode: VILLAGE_REGION }, COMMISSION)),
  elsewhere: land.initialContext(base({ disputeKind: 'TRANSFER', knewOn: '2025-01-01', landLocationCode: '330102001201' }, COMMISSION)),
  rights: land.initialContext(base({ disputeKind: 'LAND_RIGHTS' })),
  expropriation: land.initialContext(base({ disputeKind: 'EXPROPRIATION_COMPENSATION' })),
};
const DEADLINES = { 'D-RL6': '2025-04-18', 'D-RL7': '2025-05-19', 'D-RL10': '2025-06-16', 'D-RL11': '2025-05-12' };

const labels = new Map<WorkflowEvent, string>();
function event(type: string, data: Record<string, unknown>, today: string, label?: string, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const role = land.events[type].roles[0];
  const e: WorkflowEvent = { type, data, at: `${today}T03:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: `u-${role.toLowerCase()}`, role }, ...over };
  labels.set(e, label ? `${type}[${label}]` : type);
  return e;
}
const label = (e: WorkflowEvent) => labels.get(e) ?? e.type;
const REPORT = { sourceCaseId: 'other-1', reportedOn: '2025-06-11' };
const EXTEND = { days: 20, approvedBy: '仲裁委员会主任 陈某', notifiedOn: '2025-05-12' };

const VALID: WorkflowEvent[] = [
  event('START_MEDIATION', { startedOn: '2025-03-03' }, '2025-03-03'),
  event('SIGN_AGREEMENT', { signedPartyIds: PARTIES, signedOn: '2025-03-10', terms: '付清租金' }, '2025-03-10'),
  event('FAIL_MEDIATION', { endedOn: '2025-03-17' }, '2025-03-17'),
  event('APPLY_ARBITRATION', { commissionOrgId: 'org-land-arbitration' }, '2025-03-18'),
  event('ARBITRATION_ACCEPTED', { outcome: 'SIGNED_FOR', ...REPORT }, '2025-03-20'),
  event('ARBITRATION_RETURNED', { outcome: 'RETURNED', ...REPORT }, '2025-03-20'),
  event('CLOSE_AS_EXPROPRIATION', { notifiedOn: '2025-03-03' }, '2025-03-03'),
  event('RECORD_LAND_CHANGE', { kind: 'CONSTRUCTION', changedOn: '2025-03-05' }, '2025-03-05'),
  event('HEARING_NOTICE_PERIOD_RUN', {}, '2025-04-19'),
  event('APPLY_RIGHTS_DETERMINATION', { between: 'INDIVIDUALS', governmentLevel: 'TOWNSHIP', governmentName: '枫桥镇人民政府', appliedOn: '2025-03-05' }, '2025-03-05'),
  event('RECORD_RIGHTS_DECISION', { decisionNo: '枫政处〔2025〕3号', decidedOn: '2025-04-08', receivedOn: '2025-04-10' }, '2025-04-10'),
  event('RIGHTS_SUIT_WINDOW_ENDED', {}, '2025-05-13'),
  event('RECEIVE_APPLICATION', { receivedOn: '2025-03-18' }, '2025-03-18'),
  event('ASSIGN_ARBITRATOR', { arbitratorId: 'u-land' }, '2025-03-19'),
  event('ACCEPT', { acceptedOn: '2025-03-20', otherProceedings: 'NONE' }, '2025-03-20'),
  event('NOT_ACCEPT', { reason: 'CONDITIONS_UNMET', explanation: '无明确的被申请人' }, '2025-03-20'),
  event('CLOSE', {}, '2025-04-30'),
  event('SERVE_RESPONDENT', { respondentServedOn: '2025-03-24' }, '2025-03-24'),
  event('FORM_TRIBUNAL', { formedOn: '2025-03-31', composition: 'THREE' }, '2025-03-31'),
  event('NOTIFY_COMPOSITION', { notifiedOn: '2025-04-01' }, '2025-04-01'),
  event('NOTICE_HEARING', { hearingOn: '2025-04-18', place: 'VILLAGE', bothPartiesAskedLocal: true }, '2025-04-11'),
  event('POSTPONE_HEARING', { reason: '当事人申请' }, '2025-04-14'),
  event('HOLD_HEARING', {}, '2025-04-18'),
  event('INTERIM_RULING', { applicantPartyIds: ['f1'], measure: 'STOP_SOIL_REMOVAL', rightsAndDutiesClear: true }, '2025-04-18'),
  event('MEDIATION_FAILED', {}, '2025-04-18'),
  event('SIGN_MEDIATION_DOC', { docNo: '青农仲调字〔2025〕第1号', signedPartyIds: PARTIES }, '2025-04-18'),
  event('EXTEND', EXTEND, '2025-05-12'),
  event('AWARD', { awardNo: '青农仲裁字〔2025〕第3号', awardedOn: '2025-05-15' }, '2025-05-15'),
  event('WITHDRAW', { withdrawnOn: '2025-04-02' }, '2025-04-02'),
  event('SERVE_AWARD', { receivedOn: '2025-05-16' }, '2025-05-16'),
  event('SUIT_WINDOW_ENDED', {}, '2025-06-17'),
  event('FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: ['k1'] }, '2025-05-06'),
  event('SUIT_REGISTERED', { outcome: 'SIGNED_FOR', ...REPORT }, '2025-06-11'),
  event('SUIT_RETURNED', { outcome: 'RETURNED', ...REPORT }, '2025-06-11'),
  event('APPLY_ENFORCEMENT', { applicantPartyIds: ['f1'], courtOrgId: 'org-court', appliedOn: '2025-07-02' }, '2025-07-02'),
  event('RECORD_PERFORMED', { performedOn: '2025-06-30' }, '2025-06-30'),
];
const FORBIDDEN: WorkflowEvent[] = [
  event('ACCEPT', { acceptedOn: '2025-03-20', otherProceedings: 'COURT_ACCEPTED' }, '2025-03-20', 'court has it'),
  event('FORM_TRIBUNAL', { formedOn: '2025-03-31', composition: 'SOLE', consentedPartyIds: ['f1'] }, '2025-03-31', 'sole without consent'),
  event('NOTICE_HEARING', { hearingOn: '2025-04-18', place: 'COMMISSION', bothPartiesAskedLocal: true }, '2025-04-11', 'not where asked'),
  // Noticed 2025-04-14: the five working days end on 2025-04-21, after the hearing day.
  event('HOLD_HEARING', {}, '2025-04-18', 'four working days', { deadlines: { ...DEADLINES, 'D-RL6': '2025-04-21' } }),
  event('INTERIM_RULING', { applicantPartyIds: ['f1'], measure: 'KEEP_STATUS_QUO', rightsAndDutiesClear: false }, '2025-04-18', 'rights unclear'),
  event('SIGN_MEDIATION_DOC', { docNo: '青农仲调字〔2025〕第1号', signedPartyIds: ['f1'] }, '2025-04-18', 'one party'),
  event('EXTEND', { ...EXTEND, days: 31 }, '2025-05-12', '31 days'),
  event('APPLY_RIGHTS_DETERMINATION', { between: 'UNITS', governmentLevel: 'TOWNSHIP', governmentName: '枫桥镇人民政府', appliedOn: '2025-03-05' }, '2025-03-05', 'units at the township'),
];
/** A suit after both 30-day windows (award and government decision) closed; lawful only where no window runs. */
const LATE_SUIT = event('FILE_SUIT', { courtOrgId: 'org-court', plaintiffPartyIds: ['k1'] }, '2025-06-17', 'late');
const SAMPLES = [...VALID, ...FORBIDDEN, LATE_SUIT];

const stateOf = (s: AnyMachineSnapshot) => stateValueToString(s.value, land.machine);
const BY_FACTS = (s: AnyMachineSnapshot) => {
  const c = s.context as LandContext;
  return JSON.stringify([stateOf(s), c.suedFrom ?? null, !!c.mediationAttemptedOn, !!c.mediationStartedOn, c.extensionDays ?? null]);
};
const traversal = (input: LandContext) => ({ input, events: SAMPLES, filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => state.can(e), serializeState: BY_FACTS });

const entries = (p: Path) => pathEntries(p, stateOf);
const chain = (p: Path) => p.steps.slice(1).map((s) => label(s.event));
const show = (xs: PathEntry[]) => showEntries(xs, label);

const description = describeWorkflow(land);
let paths: Record<string, Path[]>;
let all: Path[];

beforeAll(() => {
  paths = Object.fromEntries(Object.entries(OPENINGS).map(([name, input]) => [name, getSimplePaths(land.machine, traversal(input))]));
  all = Object.values(paths).flat();
});

describe('rural land-contract disputes (land): generated legal paths', () => {
  it('samples a valid envelope for every event type', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(land.events)));
  });

  it('reaches every state from the five openings, and never takes a forbidden sample', () => {
    const reached = new Set(all.map((p) => stateOf(p.state)));
    const leaves = description.states.filter((s) => s.type === 'atomic' || s.type === 'final').map((s) => s.id);
    expect(leaves.filter((s) => !reached.has(s))).toEqual([]);
    const forbidden = new Set(FORBIDDEN);
    expect(show(all.flatMap((p) => entries(p).filter((e) => forbidden.has(e.event))))).toEqual([]);
  });

  it('lets every configuration reach a final state', () => {
    for (const input of Object.values(OPENINGS)) expect(verticesThatCannotFinish(getAdjacencyMap(land.machine, traversal(input)), BY_FACTS)).toEqual([]);
  });

  it('lets the party sue without arbitrating, or arbitrate without mediating (第四条: no arbitration first)', () => {
    const direct = paths.village.filter((p) => chain(p)[0] === 'FILE_SUIT' && stateOf(p.state) === 'litigation');
    expect(direct.length).toBeGreaterThan(0);
    expect(paths.village.some((p) => chain(p)[0] === 'APPLY_ARBITRATION')).toBe(true);
    expect(paths.commission.some((p) => chain(p)[0] === 'FILE_SUIT')).toBe(true);
  });

  it('takes arbitration only at the commission where the land lies (第二十一条)', () => {
    const into = (name: string) => paths[name].flatMap(entries).filter((e) => e.to === 'arb.applied');
    expect(into('commission').length).toBeGreaterThan(0);
    expect(show(into('elsewhere'))).toEqual([]);
    expect(show(into('village'))).toEqual([]);
  });

  it('keeps an expropriation dispute off this track: it can only be closed with the pointer to reconsideration or suit (第二条)', () => {
    const moves = paths.expropriation.flatMap(entries).filter((e) => e.from !== e.to);
    expect(new Set(moves.map((e) => `${e.from} --${label(e.event)}--> ${e.to}`))).toEqual(new Set(['intake --CLOSE_AS_EXPROPRIATION--> excludedExpropriation']));
  });

  it('sends an ownership or use-rights dispute to the government first, sues only within 30 days of its decision, and records no land change meanwhile (土地管理法 第十四条)', () => {
    const wrong: string[] = [];
    for (const p of paths.rights) {
      let decided: string | undefined;
      let pending = false;
      for (const e of entries(p)) {
        if (e.to.startsWith('arb.') || e.to === 'arbitrationApplied') wrong.push(`arbitrated: ${chain(p).join(' → ')}`);
        if (e.event.type === 'APPLY_RIGHTS_DETERMINATION') pending = true;
        if (e.event.type === 'RECORD_RIGHTS_DECISION') decided = e.event.data.receivedOn;
        if (e.event.type === 'RIGHTS_SUIT_WINDOW_ENDED') pending = false;
        if (e.event.type === 'RECORD_LAND_CHANGE' && pending) wrong.push(`changed: ${chain(p).join(' → ')}`);
        if (e.event.type === 'FILE_SUIT' && !(decided && e.event.today <= e.event.deadlines['D-RL11'])) wrong.push(`sued: ${chain(p).join(' → ')}`);
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(paths.rights.some((p) => chain(p).includes('FILE_SUIT') && stateOf(p.state) === 'litigation')).toBe(true);
  });

  it('mediates before every award, takes a 调解书 only with every signature, and holds hearings only after five working days’ notice (第十一条、第三十一条)', () => {
    const wrong: string[] = [];
    let awards = 0;
    for (const p of all) {
      let tried = false;
      for (const e of entries(p)) {
        if (e.event.type === 'MEDIATION_FAILED') tried = true;
        if (e.event.type === 'AWARD' && (awards++, !tried)) wrong.push(chain(p).join(' → '));
        if (e.to === 'mediationDoc' && !PARTIES.every((id) => e.event.data.signedPartyIds?.includes(id))) wrong.push(chain(p).join(' → '));
        if (e.event.type === 'HOLD_HEARING' && e.event.deadlines['D-RL6'] && e.event.today < e.event.deadlines['D-RL6']) wrong.push(chain(p).join(' → '));
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(awards).toBeGreaterThan(0);
  });

  it('extends once at most, by at most 30 days (第四十七条)', () => {
    const bad = all.filter((p) => {
      const ext = entries(p).filter((e) => e.event.type === 'EXTEND');
      return ext.length > 1 || ext.some((e) => e.event.data.days > 30);
    });
    expect(bad.map(chain)).toEqual([]);
    expect(all.some((p) => chain(p).includes('EXTEND'))).toBe(true);
  });

  it('lets the award take effect only when the 30 days passed with no suit, and a suit in time keeps it from effect (第四十八条)', () => {
    const wrong: string[] = [];
    for (const p of all) {
      const es = entries(p);
      for (const [i, e] of es.entries()) {
        if (e.to === 'awardEffective' && e.event.type !== 'SUIT_WINDOW_ENDED') wrong.push(chain(p).join(' → '));
        if (e.from === 'post.suitWindow' && e.event.type === 'FILE_SUIT') {
          if (e.event.today > e.event.deadlines['D-RL10']) wrong.push(`late: ${chain(p).join(' → ')}`);
          if (es.slice(i + 1).some((x) => x.to === 'awardEffective')) wrong.push(`effective after suit: ${chain(p).join(' → ')}`);
        }
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('takes every transition of the machine from some opening, the refused land changes aside', () => {
    const taken = new Set<string>();
    for (const input of Object.values(OPENINGS)) {
      for (const { state, transitions } of Object.values(getAdjacencyMap(land.machine, traversal(input)))) {
        for (const t of Object.values(transitions) as { state: AnyMachineSnapshot; event: WorkflowEvent }[]) taken.add(`${stateOf(state)} --${t.event.type}--> ${stateOf(t.state)}`);
      }
    }
    const declared = description.transitions.map((t) => `${t.from} --${t.event}--> ${t.to ?? t.from}`);
    expect(declared.filter((t) => !taken.has(t))).toEqual(['rights.pending --RECORD_LAND_CHANGE--> rights.pending', 'rights.suitWindow --RECORD_LAND_CHANGE--> rights.suitWindow']);
  });
});
