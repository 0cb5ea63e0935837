import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths, type StatePath } from 'xstate/graph';
import { decide, type PersistedState } from '../decide';
import type { Effect, WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { stateValueToString } from '../state-value';
import type { CtContext } from './ct.context';
import { ALLOW_LEGACY_PRE_FILING } from './ct.preconditions';
import { courtCase as ct } from './ct.workflow';
import { verticesThatCannotFinish } from '../testing/paths';

/*
 * Every legal path of the court channel, generated from the machine with a finite set of sample events, forbidden
 * ones included (a mediation consent or an extension agreed by one party only, a 调解书 one party signed, a late
 * appeal, a pre-filing delegation of a 2025 complaint...). The traversal follows only events the machine accepts, so
 * the statements of the law below, written from the statutes and not from the machine, are checked on every path.
 *
 * A vertex is a state, the procedure (SIMPLE / ORDINARY: where a paid fee leads) and whether the case was remanded
 * once already (no second remand): the context facts guards read. The other guards read the event data, the opening
 * facts (fixed per traversal) or the pending deadlines.
 * Several openings are traversed: a 2025 civil filing (S5), the same filing in 2024 (S5-L), and labour disputes
 * with and without a way past labour arbitration.
 */

type Path = StatePath<AnyMachineSnapshot, WorkflowEvent>;

const PARTIES = ['p1', 'p2'];
const TODAY = '2025-05-20';
const TOMORROW = '2025-05-21';
const open = (openedOn: string, input: Record<string, unknown>, category = 'PROPERTY_MANAGEMENT', origin?: { route: string; workflow: string }): CtContext =>
  ct.initialContext({ partyIds: PARTIES, openedOn, input: { receivedOn: openedOn, ...input }, category, origin });

const OPENINGS = {
  civil2025: open('2025-04-14', { claimAmount: 6000 }),
  civil2024: open('2024-10-08', { claimAmount: 6000 }),
  labourDirect: open('2025-05-20', { claimAmount: 18000 }, 'LABOUR'),
  labourWageIou: open('2025-05-20', { claimAmount: 18000, labourBypass: 'WAGE_IOU' }, 'LABOUR'),
  labourEmployerFinalAward: open('2025-05-20', { priorArbitration: 'FINAL_AWARD', plaintiffSide: 'EMPLOYER' }, 'LABOUR'),
  labourFromArbitration: open('2025-05-20', { priorArbitration: 'NON_FINAL_AWARD', plaintiffSide: 'EMPLOYER' }, 'LABOUR', { route: 'R10a', workflow: 'lab' }),
};

/** The deadlines pending when the samples are applied: the mediation and appeal windows are open today. */
const OPEN_WINDOWS = { 'D-CT2-SIMPLE': '2025-05-25', 'D-CT2-ORDINARY': '2025-05-25', 'D-CT7': '2025-06-04', 'D-CT7-RULING': '2025-05-26' };
const PASSED_WINDOWS = { 'D-CT2-SIMPLE': '2025-05-19', 'D-CT2-ORDINARY': '2025-05-19', 'D-CT7': '2025-05-19', 'D-CT7-RULING': '2025-05-19' };

function event(type: string, data: Record<string, unknown> = {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const role = ct.events[type].roles[0];
  return { type, data, at: `${TODAY}T03:00:00.000Z`, today: TODAY, deadlines: OPEN_WINDOWS, actor: { id: `u-${role.toLowerCase()}`, role }, ...over };
}
const reported = (outcome: string) => ({ outcome, sourceCaseId: 'case-pm-1', reportedOn: TODAY });
const DOCKET = '（2025）浙0102民初1234号';

const VALID: WorkflowEvent[] = [
  event('REGISTER', { docketNo: DOCKET, registeredOn: TODAY, procedure: 'SIMPLE' }),
  event('REGISTER', { docketNo: DOCKET, registeredOn: TODAY, procedure: 'ORDINARY' }),
  event('NOT_ACCEPT', { reason: 'NO_DEFINITE_DEFENDANT', explanation: '起诉状未列明被告', rulingNo: '（2025）浙0102民初1235号', servedOn: TODAY }),
  event('REDIRECT', { reason: 'LABOUR_ARBITRATION_FIRST', explanation: '劳动争议须先申请劳动仲裁' }),
  event('DELEGATE_PRE_FILING', { mediationOrgId: 'org-tjw', consentedPartyIds: ['p1', 'p2'] }),
  event('PRE_FILING_PERIOD_EXPIRED', {}),
  event('WITHDRAW_COMPLAINT', { withdrawnOn: TODAY }),
  event('APPEAL_RULING', { appellantPartyIds: ['p1'], appealedOn: TODAY }),
  event('RULING_APPEAL_PERIOD_ENDED', {}),
  event('UPHOLD_NON_ACCEPTANCE', { rulingNo: '（2025）浙01民终88号' }),
  event('ORDER_ACCEPTANCE', { rulingNo: '（2025）浙01民终88号', orderReceivedOn: TODAY }),
  event('ASSIGN_JUDGE', { judgeId: 'u-judge-1' }),
  event('SEEK_MEDIATION_CONSENT', {}),
  event('RECORD_MEDIATION_CONSENT', { consentedPartyIds: ['p1', 'p2'], consentedOn: TODAY }),
  event('RECORD_MEDIATION_REFUSAL', { refusingPartyIds: ['p2'] }),
  event('ENTRUST_MEDIATION', { mediationOrgId: 'org-tjw' }),
  event('MEDIATOR_SIGNED', reported('SIGNED_FOR')),
  event('ENTRUSTMENT_RETURNED', reported('RETURNED')),
  event('MEDIATION_AGREED', reported('AGREED')),
  event('MEDIATION_FAILED', reported('FAILED')),
  event('EXTEND_MEDIATION', { consentedPartyIds: ['p1', 'p2'], agreedOn: TODAY }),
  event('MEDIATION_PERIOD_EXPIRED', {}),
  event('EXTENSION_EXPIRED', {}),
  event('WITHDRAW_SUIT', { ruledOn: TODAY }),
  event('RECORD_IMMEDIATE_PERFORMANCE', { performedOn: TODAY, summary: '当场付清' }),
  event('MEDIATION_DOC_SIGNED', { docNo: DOCKET, signedPartyIds: ['p1', 'p2'], signedOn: TODAY, performanceDueOn: '2025-06-15' }),
  event('AGREEMENT_REPUDIATED', { partyIds: ['p2'] }),
  event('NOTIFY_FEE', { noticeReceivedOn: TODAY }),
  event('PAY_FEE', { paidOn: TODAY }),
  event('FEE_OVERDUE', {}),
  event('CONVERT_TO_ORDINARY', { ruledOn: TODAY, reason: '案情复杂' }),
  event('JUDGE', { judgmentNo: DOCKET, judgedOn: TODAY, result: 'SUPPORTED', performanceDays: 10 }),
  event('SERVE_JUDGMENT', { servedOn: TODAY }),
  event('APPEAL', { appellantPartyIds: ['p2'], appealedOn: TODAY }),
  event('APPEAL_PERIOD_ENDED', {}),
  event('APPEAL_REGISTERED', { registeredOn: TODAY }),
  event('SECOND_INSTANCE_CONCLUDED', { result: 'UPHELD', servedOn: TODAY }),
  event('REMAND', { reRegisteredOn: TODAY }),
  event('APPLY_ENFORCEMENT', { applicantPartyIds: ['p1'], appliedOn: TODAY }),
  event('RECORD_PERFORMED', { performedOn: TODAY }),
  event('DISMISS_FOR_ARBITRATION_AGREEMENT', { objectedOn: TODAY, agreementForm: 'CONTRACT_CLAUSE', agreementValid: true, ruledOn: TODAY }),
];
const valid = (type: string) => VALID.find((e) => e.type === type)!;

/** Envelopes the law forbids. None of them may appear on any generated path. */
const FORBIDDEN: WorkflowEvent[] = [
  event('REGISTER', { docketNo: DOCKET, registeredOn: TOMORROW, procedure: 'SIMPLE' }),
  event('NOT_ACCEPT', { ...valid('NOT_ACCEPT').data, servedOn: TOMORROW }),
  event('DELEGATE_PRE_FILING', { mediationOrgId: 'org-tjw', consentedPartyIds: ['p1'] }),
  event('RECORD_MEDIATION_CONSENT', { consentedPartyIds: ['p1'], consentedOn: TODAY }),
  event('EXTEND_MEDIATION', { consentedPartyIds: ['p2'], agreedOn: TODAY }),
  event('EXTEND_MEDIATION', valid('EXTEND_MEDIATION').data, { deadlines: PASSED_WINDOWS }),
  event('MEDIATION_DOC_SIGNED', { ...valid('MEDIATION_DOC_SIGNED').data, signedPartyIds: ['p1'] }),
  event('MEDIATION_DOC_SIGNED', { ...valid('MEDIATION_DOC_SIGNED').data, signedOn: TOMORROW }),
  event('NOTIFY_FEE', { noticeReceivedOn: TOMORROW }),
  event('SERVE_JUDGMENT', { servedOn: TOMORROW }),
  event('APPEAL', valid('APPEAL').data, { deadlines: PASSED_WINDOWS }),
  event('APPEAL', { appellantPartyIds: ['p2'], appealedOn: TOMORROW }),
  event('APPEAL_RULING', valid('APPEAL_RULING').data, { deadlines: PASSED_WINDOWS }),
  event('APPEAL_REGISTERED', { registeredOn: TOMORROW }),
  event('SECOND_INSTANCE_CONCLUDED', { result: 'UPHELD', servedOn: TOMORROW }),
  // R7(b): raised at or after the first hearing, or on an oral or void agreement, the objection does not bar the court.
  event('DISMISS_FOR_ARBITRATION_AGREEMENT', { ...valid('DISMISS_FOR_ARBITRATION_AGREEMENT').data, firstHearingOn: TODAY }),
  event('DISMISS_FOR_ARBITRATION_AGREEMENT', { ...valid('DISMISS_FOR_ARBITRATION_AGREEMENT').data, agreementForm: 'ORAL' }),
  event('DISMISS_FOR_ARBITRATION_AGREEMENT', { ...valid('DISMISS_FOR_ARBITRATION_AGREEMENT').data, agreementValid: false }),
  event('DISMISS_FOR_ARBITRATION_AGREEMENT', { ...valid('DISMISS_FOR_ARBITRATION_AGREEMENT').data, ruledOn: TOMORROW }),
];
/** The legacy path opened for a 2025 filing by configuration (`ct.allowLegacyPreFiling`). */
const BY_POLICY = event('DELEGATE_PRE_FILING', valid('DELEGATE_PRE_FILING').data, { policy: { [ALLOW_LEGACY_PRE_FILING]: true } });
const SAMPLES = [...VALID, ...FORBIDDEN];
const SAMPLE_INDEX = new Map([...SAMPLES, BY_POLICY].map((e, i) => [e, i]));

// ---------- independent statements of the law ----------

const includesAllParties = (ids: unknown) => Array.isArray(ids) && PARTIES.every((p) => ids.includes(p));
const notAfterToday = (on: unknown, e: WorkflowEvent) => typeof on === 'string' && on <= e.today;

// ---------- traversal ----------

const key = (s: AnyMachineSnapshot) => JSON.stringify([statePath(s.value), (s.context as CtContext).procedure ?? null, (s.context as CtContext).remandedOn !== undefined]);
const traversal = (input: CtContext, events: WorkflowEvent[] = SAMPLES) => ({
  input,
  events,
  filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => state.can(e),
  serializeState: key,
});

const statePath = (value: AnyMachineSnapshot['value']) => stateValueToString(value, ct.machine);
const description = describeWorkflow(ct);
const LEAVES = description.states.filter((s) => s.type !== 'compound');
const STATES = LEAVES.map((s) => s.id);
const FINAL = new Set(LEAVES.filter((s) => s.final).map((s) => s.id));
const TAGGED = (tag: string) => new Set(LEAVES.filter((s) => s.tags.includes(tag)).map((s) => s.id));

interface Entry {
  from: string;
  to: string;
  event: WorkflowEvent;
}
const entries = (p: Path): Entry[] => p.steps.slice(1).map((step, i) => ({ from: statePath(p.steps[i].state.value), to: statePath(step.state.value), event: step.event }));
const chain = (p: Path) => p.steps.slice(1).map((s) => s.event.type);
/** The chain as the snapshots show it: a registration names its procedure. */
const told = (p: Path) => p.steps.slice(1).map((s) => (s.event.type === 'REGISTER' ? `REGISTER(${s.event.data.procedure})` : s.event.type));
const show = (xs: Entry[]) => [...new Set(xs.map((e) => `${e.from} --${e.event.type}--> ${e.to} ${JSON.stringify(e.event.data)} today=${e.event.today}`))];
const endsIn = (p: Path) => statePath(p.state.value);
const visits = (p: Path) => p.steps.map((s) => statePath(s.state.value));
const eventsBefore = (p: Path, index: number) => entries(p).slice(0, index).map((e) => e.event);

/**
 * Replays a path through `decide()` from its opening, as the engine would, collecting the effects of each step.
 * Paths share their beginnings, so each prefix is decided once.
 */
const decided = new Map<string, { state: PersistedState; effects: Effect[] }>();
function replay(p: Path, input: CtContext): Effect[][] {
  let state: PersistedState = { value: 'complaintSubmitted', context: input };
  let prefix = JSON.stringify(input);
  return entries(p).map(({ event: e }) => {
    prefix += `|${SAMPLE_INDEX.get(e) ?? JSON.stringify(e)}`;
    let step = decided.get(prefix);
    if (!step) {
      const d = decide(ct, state, e);
      if (!d.allowed) throw new Error(`${chain(p).join(' → ')}: decide() refused ${e.type} in ${state.value}`);
      step = { state: { value: d.to, context: d.context }, effects: d.effects };
      decided.set(prefix, step);
    }
    state = step.state;
    return step.effects;
  });
}

/** Openings whose every simple path is generated; the others only need to show what they can reach. */
const TRAVERSED = ['civil2025', 'civil2024', 'labourDirect', 'labourEmployerFinalAward'] as const;
type Traversed = (typeof TRAVERSED)[number];
let paths: Record<Traversed, Path[]>;
let reach: Record<'labourWageIou' | 'labourFromArbitration' | 'byPolicy', Path[]>;
let shortest: Path[];

beforeAll(() => {
  paths = Object.fromEntries(TRAVERSED.map((name) => [name, getSimplePaths(ct.machine, traversal(OPENINGS[name]))])) as typeof paths;
  reach = {
    labourWageIou: getShortestPaths(ct.machine, traversal(OPENINGS.labourWageIou)),
    labourFromArbitration: getShortestPaths(ct.machine, traversal(OPENINGS.labourFromArbitration)),
    byPolicy: getShortestPaths(ct.machine, traversal(OPENINGS.civil2025, [...SAMPLES, BY_POLICY])),
  };
  shortest = getShortestPaths(ct.machine, traversal(OPENINGS.civil2024, [...SAMPLES, BY_POLICY]));
});

const civil = () => [...paths.civil2025, ...paths.civil2024];
const all = () => Object.values(paths).flat();

describe('court case (ct): generated legal paths', () => {
  it('samples one valid envelope for every event type', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(ct.events)));
  });

  it('reaches every state, every final state included', () => {
    const reached = new Set(civil().map(endsIn));
    expect(STATES.filter((s) => !reached.has(s))).toEqual([]);
  });

  it('never takes a forbidden sample event', () => {
    const forbidden = new Set(FORBIDDEN);
    expect(show([...all(), ...Object.values(reach).flat()].flatMap((p) => entries(p).filter((e) => forbidden.has(e.event))))).toEqual([]);
  });

  describe('registration (民事诉讼法 第一百二十六条; 2025 意见)', () => {
    it('mediates a 2025 filing only after registration: no pre-filing delegation, no mediation before REGISTER', () => {
      const mediation = TAGGED('underMediation');
      const wrong: string[] = [];
      for (const p of [...paths.civil2025, ...reach.labourWageIou, ...reach.labourFromArbitration]) {
        const c = chain(p);
        if (c.includes('DELEGATE_PRE_FILING')) wrong.push(`${c.join(' → ')}: delegated before registration`);
        const firstMediation = visits(p).findIndex((s) => mediation.has(s));
        if (firstMediation >= 0 && !c.slice(0, firstMediation).includes('REGISTER')) wrong.push(`${c.join(' → ')}: mediation before registration`);
      }
      expect(wrong).toEqual([]);
      expect(paths.civil2025.some((p) => visits(p).includes('entrusted.mediating'))).toBe(true);
    });

    it('keeps pre-filing delegation for 2024 filings and, by configuration only, for later ones', () => {
      expect(paths.civil2024.some((p) => visits(p).includes('legacy.preFilingDelegated'))).toBe(true);
      expect(reach.byPolicy.some((p) => visits(p).includes('legacy.preFilingDelegated'))).toBe(true);
      const wrong: string[] = [];
      for (const p of [...paths.civil2024, ...reach.byPolicy].filter((x) => chain(x).includes('DELEGATE_PRE_FILING'))) {
        const e = entries(p).find((x) => x.event.type === 'DELEGATE_PRE_FILING')!;
        // 特邀调解规定 第十一条: delegated only with every party's consent, and only before registration.
        if (!includesAllParties(e.event.data.consentedPartyIds) || e.from !== 'complaintSubmitted') wrong.push(...show([e]));
        // 特邀调解规定 第二十一条: when it fails, the court registers the case (if the plaintiff insists).
        const reg = chain(p).indexOf('REGISTER');
        if (reg >= 0 && !visits(p).slice(0, reg + 1).includes('legacy.preFilingFailed')) wrong.push(`${chain(p).join(' → ')}: registered while delegated`);
      }
      expect(wrong).toEqual([]);
    });

    it('refuses to register a labour dispute sued without arbitration or a bypass, and an employer’s suit against a final award', () => {
      const before = new Set(['complaintSubmitted', 'notAccepted', 'notAcceptedAppeal', 'notAcceptedFinal', 'redirected']);
      for (const p of [...paths.labourDirect, ...paths.labourEmployerFinalAward]) {
        expect({ path: chain(p).join(' → '), registered: chain(p).includes('REGISTER'), states: visits(p).filter((s) => !before.has(s)) }).toEqual({
          path: chain(p).join(' → '),
          registered: false,
          states: [],
        });
      }
      expect(paths.labourDirect.some((p) => endsIn(p) === 'redirected')).toBe(true);
      expect(reach.labourWageIou.some((p) => endsIn(p) === 'final')).toBe(true);
      expect(reach.labourFromArbitration.some((p) => endsIn(p) === 'final')).toBe(true);
    });

    it('returns a transfer only with a reason, and signs for it only by registering', () => {
      const wrong: string[] = [];
      let returned = 0;
      for (const [name, p] of TRAVERSED.flatMap((n) => paths[n].map((x) => [n, x] as const))) {
        const effects = replay(p, OPENINGS[name]);
        entries(p).forEach((e, i) => {
          const types = effects[i].map((x) => x.type);
          if (types.includes('returnTransfer')) {
            returned++;
            if (typeof e.event.data.reason !== 'string') wrong.push(`${e.event.type} returns without a reason`);
          }
          if (types.includes('acceptTransfer') !== (e.event.type === 'REGISTER')) wrong.push(`${e.from} --${e.event.type}--> signs for: ${types.includes('acceptTransfer')}`);
        });
      }
      expect([...new Set(wrong)]).toEqual([]);
      expect(returned).toBeGreaterThan(0);
    });
  });

  describe('entrusted mediation (特邀调解规定 第十一条、第二十七条; 2025 意见 二、三)', () => {
    it('entrusts a case to mediation only after every party consented, and never after one refused', () => {
      const wrong: string[] = [];
      let entrusted = 0;
      for (const p of civil()) {
        entries(p).forEach((e, i) => {
          if (e.event.type !== 'ENTRUST_MEDIATION') return;
          entrusted++;
          const said = eventsBefore(p, i).filter((x) => x.type === 'RECORD_MEDIATION_CONSENT' || x.type === 'RECORD_MEDIATION_REFUSAL');
          const last = said[said.length - 1];
          if (!(last?.type === 'RECORD_MEDIATION_CONSENT' && includesAllParties(last.data.consentedPartyIds))) wrong.push(chain(p).slice(0, i + 1).join(' → '));
        });
      }
      expect(wrong).toEqual([]);
      expect(entrusted).toBeGreaterThan(0);
    });

    it('extends the mediation once at most, with both parties’ consent, before the first period ran out', () => {
      const wrong: string[] = [];
      let extended = 0;
      for (const p of civil()) {
        const all = entries(p);
        const extensions = all.filter((e) => e.to === 'entrusted.extended' && e.from !== 'entrusted.extended');
        if (extensions.length > 1) wrong.push(`${chain(p).join(' → ')}: extended ${extensions.length} times`);
        for (const e of extensions) {
          extended++;
          const procedure = p.steps[all.indexOf(e)].state.context.procedure;
          const due = e.event.deadlines[procedure === 'SIMPLE' ? 'D-CT2-SIMPLE' : 'D-CT2-ORDINARY'];
          if (!(e.event.type === 'EXTEND_MEDIATION' && includesAllParties(e.event.data.consentedPartyIds) && typeof due === 'string' && e.event.today <= due)) wrong.push(...show([e]));
        }
      }
      expect([...new Set(wrong)]).toEqual([]);
      expect(extended).toBeGreaterThan(0);
    });

    it('stops the trial-period clock exactly while the extension runs (特邀调解规定 第二十七条)', () => {
      const wrong: string[] = [];
      const through = paths.civil2025.filter((x) => visits(x).includes('entrusted.extended'));
      for (const p of through) {
        let paused = false;
        replay(p, OPENINGS.civil2025).forEach((effects, i) => {
          for (const e of effects) {
            if (e.type === 'pauseDeadlines' || e.type === 'resumeDeadlines') {
              if (JSON.stringify(e.params.specIds) !== JSON.stringify(['D-CT5', 'D-CT6'])) wrong.push(`${e.type} of ${e.params.specIds}`);
              paused = e.type === 'pauseDeadlines';
            }
          }
          const at = visits(p)[i + 1];
          if (paused !== (at === 'entrusted.extended')) wrong.push(`${chain(p).slice(0, i + 1).join(' → ')}: clock ${paused ? 'stopped' : 'running'} in ${at}`);
        });
      }
      expect([...new Set(wrong)]).toEqual([]);
      expect(through.length).toBeGreaterThan(0);
    });
  });

  describe('fee, trial and judgment', () => {
    it('tries no case before the fee was paid (or relief granted) after a fee notice (诉讼费用交纳办法 第二十二条; 2025 意见 六)', () => {
      const wrong: string[] = [];
      let tried = 0;
      for (const p of civil()) {
        entries(p).forEach((e, i) => {
          if (!e.to.startsWith('trial.') || e.from.startsWith('trial.')) return;
          tried++;
          const before = eventsBefore(p, i).map((x) => x.type);
          const paid = before.includes('NOTIFY_FEE') && (e.event.type === 'PAY_FEE' || (e.event.type === 'REMAND' && before.includes('PAY_FEE')));
          if (!paid) wrong.push(`${chain(p).slice(0, i + 1).join(' → ')}`);
        });
      }
      expect(wrong).toEqual([]);
      expect(tried).toBeGreaterThan(0);
    });

    it('treats the suit as withdrawn for an unpaid fee only after the notice period ran out', () => {
      const into = civil().flatMap(entries).filter((e) => e.to === 'deemedWithdrawn');
      expect(into.length).toBeGreaterThan(0);
      expect(show(into.filter((e) => !(e.from === 'feePending.noticed' && e.event.type === 'FEE_OVERDUE')))).toEqual([]);
    });

    it('tries a simple case under the simple procedure, and never converts an ordinary one back (民诉解释 第二百五十七条)', () => {
      const wrong: string[] = [];
      let simple = 0;
      for (const p of civil()) {
        p.steps.slice(1).forEach((step, i) => {
          const from = statePath(p.steps[i].state.value);
          const to = statePath(step.state.value);
          if (to === 'trial.simple' && from !== to) {
            simple++;
            if (step.state.context.procedure !== 'SIMPLE') wrong.push(`${chain(p).join(' → ')}: simple trial of a ${step.state.context.procedure} case`);
          }
          if (from === 'trial.ordinary' && to === 'trial.simple') wrong.push(`${chain(p).join(' → ')}: back to simple`);
        });
      }
      expect(wrong).toEqual([]);
      expect(simple).toBeGreaterThan(0);
    });

    it('makes a 调解书 effective only once every party signed for it (民事诉讼法 第一百条)', () => {
      const into = civil().flatMap(entries).filter((e) => e.to === 'settledByMediationDoc');
      expect(into.length).toBeGreaterThan(0);
      expect(show(into.filter((e) => !(e.event.type === 'MEDIATION_DOC_SIGNED' && includesAllParties(e.event.data.signedPartyIds) && notAfterToday(e.event.data.signedOn, e.event))))).toEqual([]);
      expect(new Set(into.map((e) => e.from))).toEqual(new Set(['agreed', 'trial.simple', 'trial.ordinary']));
    });

    it('closes a case as settled only after an agreement reached in mediation', () => {
      const wrong: string[] = [];
      for (const p of civil()) {
        for (const state of ['settledWithdrawn', 'settledOtherWay', 'legacyAgreed']) {
          const at = visits(p).indexOf(state);
          if (at > 0 && !chain(p).slice(0, at).includes('MEDIATION_AGREED')) wrong.push(`${chain(p).join(' → ')}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('lets a judgment take effect only when the appeal period ran out or the appeal court decided (民事诉讼法 第一百五十八条、第一百八十二条)', () => {
      const into = civil().flatMap(entries).filter((e) => e.to === 'final');
      expect(into.length).toBeGreaterThan(0);
      expect(show(into.filter((e) => !((e.from === 'appealWindow' && e.event.type === 'APPEAL_PERIOD_ENDED') || (e.from === 'appeal.registered' && e.event.type === 'SECOND_INSTANCE_CONCLUDED'))))).toEqual([]);
    });

    it('takes an appeal only if lodged within 15 days of service (民事诉讼法 第一百七十一条)', () => {
      const appeals = civil().flatMap(entries).filter((e) => e.event.type === 'APPEAL' || e.event.type === 'APPEAL_RULING');
      expect(appeals.length).toBeGreaterThan(0);
      const window = (e: Entry) => e.event.deadlines[e.event.type === 'APPEAL' ? 'D-CT7' : 'D-CT7-RULING'];
      expect(show(appeals.filter((e) => !(typeof window(e) === 'string' && e.event.data.appealedOn <= window(e) && notAfterToday(e.event.data.appealedOn, e.event))))).toEqual([]);
    });

    it('remands a case once at most (民事诉讼法 第一百七十七条)', () => {
      const remanded = civil().filter((p) => chain(p).includes('REMAND'));
      expect(remanded.length).toBeGreaterThan(0);
      expect(remanded.filter((p) => chain(p).filter((t) => t === 'REMAND').length > 1).map((p) => chain(p).join(' → '))).toEqual([]);
      // ... and the retrial after it is never under the simple procedure (民诉解释 第二百五十七条).
      expect(remanded.flatMap(entries).filter((e) => e.event.type === 'REMAND' && e.to !== 'trial.ordinary')).toEqual([]);
    });

    it('allows enforcement only of an effective judgment or 调解书 (民事诉讼法 第二百四十七条)', () => {
      const into = civil().flatMap(entries).filter((e) => e.to === 'enforcement');
      expect(into.length).toBeGreaterThan(0);
      expect(new Set(into.map((e) => e.from))).toEqual(new Set(['final', 'settledByMediationDoc']));
    });
  });

  describe('an arbitration agreement (R7(b): 仲裁法 第五条、第二十六条; 民事诉讼法 第一百二十七条第二项)', () => {
    it('dismisses a suit only on a valid written agreement the defendant raised before the first hearing', () => {
      const into = civil().flatMap(entries).filter((e) => e.to === 'dismissedForArbitration');
      expect(into.length).toBeGreaterThan(0);
      const d = (e: Entry) => e.event.data;
      const wrong = into.filter(
        (e) =>
          !(
            e.event.type === 'DISMISS_FOR_ARBITRATION_AGREEMENT' &&
            d(e).agreementForm !== 'ORAL' &&
            d(e).agreementValid === true &&
            notAfterToday(d(e).objectedOn, e.event) &&
            (d(e).firstHearingOn === undefined || d(e).objectedOn < d(e).firstHearingOn) &&
            notAfterToday(d(e).ruledOn, e.event)
          ),
      );
      expect(show(wrong)).toEqual([]);
    });

    it('dismisses only after registration and before any judgment (a remanded case had its first hearing), never while a mediation organisation holds the case', () => {
      const from = new Set(civil().flatMap(entries).filter((e) => e.to === 'dismissedForArbitration').map((e) => e.from));
      expect([...from].sort()).toEqual(['feePending.noticed', 'feePending.toNotify', 'mediationConsent', 'registered', 'trial.ordinary', 'trial.simple']);
      const wrong = civil().filter((p) => endsIn(p) === 'dismissedForArbitration' && (!chain(p).includes('REGISTER') || chain(p).includes('JUDGE')));
      expect(wrong.map((p) => chain(p).join(' → '))).toEqual([]);
    });
  });

  describe('what the sending case is told', () => {
    /** The outcomes a sender hears, in order, on a path ending in each final state (SIGNED_FOR / RETURNED from the transfer itself). */
    const EXPECTED: Record<string, RegExp> = {
      redirected: /^RETURNED$/,
      notAcceptedFinal: /^RETURNED NOT_ACCEPTED$/,
      legacyAgreed: /^SETTLED$/,
      complaintWithdrawn: /^WITHDRAWN$/,
      settledWithdrawn: /^SIGNED_FOR REGISTERED SETTLED$/,
      settledOtherWay: /^SIGNED_FOR REGISTERED SETTLED$/,
      deemedWithdrawn: /^SIGNED_FOR REGISTERED DEEMED_WITHDRAWN$/,
      withdrawn: /^SIGNED_FOR REGISTERED WITHDRAWN$/,
      dismissedForArbitration: /^SIGNED_FOR REGISTERED DISMISSED$/,
      enforcement: /^SIGNED_FOR REGISTERED (SETTLED|JUDGMENT_FINAL)$/,
      performed: /^SIGNED_FOR REGISTERED (SETTLED|JUDGMENT_FINAL)$/,
    };
    const heardIn = (effects: Effect[][]) =>
      effects
        .flat()
        .flatMap((e) => (e.type === 'report' ? [e.params.outcome] : e.type === 'acceptTransfer' ? ['SIGNED_FOR'] : e.type === 'returnTransfer' ? ['RETURNED'] : []))
        .join(' ');

    it('names an expectation for every final state', () => {
      expect(Object.keys(EXPECTED).sort()).toEqual([...FINAL].sort());
    });

    it('tells the sender how the case ended on every path to a final state, once, and nothing else', () => {
      const wrong: string[] = [];
      for (const name of TRAVERSED) {
        for (const p of paths[name].filter((x) => FINAL.has(endsIn(x)))) {
          const heard = heardIn(replay(p, OPENINGS[name]));
          if (!EXPECTED[endsIn(p)].test(heard)) wrong.push(`${name}: ${chain(p).join(' → ')} ⇒ ${endsIn(p)}: ${heard}`);
        }
      }
      expect(wrong).toEqual([]);
    });

    it('reports a final judgment with the law’s words on the 调解书 and settlement paths too', () => {
      const doc = paths.civil2025.filter((p) => endsIn(p) === 'performed' && visits(p).includes('settledByMediationDoc'));
      expect(doc.length).toBeGreaterThan(0);
      for (const p of doc) expect(heardIn(replay(p, OPENINGS.civil2025))).toBe('SIGNED_FOR REGISTERED SETTLED');
    });
  });

  it('lets every reachable non-final state reach a final state', () => {
    for (const input of [OPENINGS.civil2025, OPENINGS.civil2024, OPENINGS.labourDirect]) {
      const adjacency = getAdjacencyMap(ct.machine, traversal(input));
      expect(verticesThatCannotFinish(adjacency, key)).toEqual([]);
    }
  });

  it('closes the case (the machine is done) exactly in the final states', () => {
    expect(civil().filter((p) => (p.state.status === 'done') !== FINAL.has(endsIn(p))).map(endsIn)).toEqual([]);
  });

  it('generates a bounded number of paths', () => {
    const counts = Object.fromEntries(Object.entries(paths).map(([k, ps]) => [k, { simple: ps.length, complete: ps.filter((p) => FINAL.has(endsIn(p))).length }]));
    expect({ ...counts, shortest: shortest.length }).toMatchSnapshot();
  });

  /*
   * The complete paths of a 2025 filing are every way to reach the trial times every way through it (hundreds), so
   * they are snapshotted in two halves that compose: up to the first entry into the trial (or an ending without
   * one), and from that entry to the end.
   */
  const complete2025 = () => paths.civil2025.filter((p) => FINAL.has(endsIn(p)));
  const firstTrial = (p: Path) => visits(p).findIndex((s) => s.startsWith('trial.'));

  it('keeps the legal ways of a 2025 filing to the trial or to an end without one (snapshot)', () => {
    const lines = new Set<string>();
    for (const p of complete2025()) {
      const at = firstTrial(p);
      const events = told(p).slice(0, at < 0 ? undefined : at);
      lines.add(`${events.join(' → ')} ⇒ ${at < 0 ? endsIn(p) : visits(p)[at]}`);
    }
    expect([...lines].sort()).toMatchSnapshot();
  });

  it('keeps the legal ways from the trial to an end (snapshot)', () => {
    const lines = new Set<string>();
    for (const p of complete2025()) {
      const at = firstTrial(p);
      if (at >= 0) lines.add(`${visits(p)[at]}: ${told(p).slice(at).join(' → ')} ⇒ ${endsIn(p)}`);
    }
    expect([...lines].sort()).toMatchSnapshot();
  });

  it('keeps the legal paths of a 2024 filing through the legacy pre-filing delegation (snapshot)', () => {
    const legacy = paths.civil2024.filter((p) => FINAL.has(endsIn(p)) && chain(p).includes('DELEGATE_PRE_FILING') && !chain(p).includes('REGISTER'));
    expect(legacy.map((p) => `${told(p).join(' → ')} ⇒ ${endsIn(p)}`).sort()).toMatchSnapshot();
  });

  it('keeps every transition some legal path takes, loops included (snapshot)', () => {
    const edges = new Set<string>();
    for (const input of [OPENINGS.civil2024, OPENINGS.civil2025]) {
      for (const { state, transitions } of Object.values(getAdjacencyMap(ct.machine, traversal(input)))) {
        const next: { state: AnyMachineSnapshot; event: WorkflowEvent }[] = Object.values(transitions);
        for (const t of next) edges.add(`${statePath(state.value)} --${t.event.type}--> ${statePath(t.state.value)}`);
      }
    }
    const table = new Set(description.transitions.map((t) => `${t.from} --${t.event}--> ${t.to ?? t.from}`));
    expect([...edges].sort()).toEqual([...table].sort());
    expect([...edges].sort()).toMatchSnapshot();
  });

  it('keeps the shortest path to each state (snapshot)', () => {
    const byState = new Map<string, string>();
    for (const p of shortest) {
      const line = told(p).join(' → ') || '(initial)';
      const prev = byState.get(endsIn(p));
      if (!prev || line.length < prev.length || (line.length === prev.length && line < prev)) byState.set(endsIn(p), line);
    }
    expect([...byState.keys()].sort()).toEqual([...STATES].sort());
    expect([...byState].map(([s, line]) => `${s}: ${line}`).sort()).toMatchSnapshot();
  });
});
