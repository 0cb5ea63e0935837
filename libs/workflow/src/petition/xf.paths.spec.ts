import type { AnyMachineSnapshot } from 'xstate';
import { getAdjacencyMap, getSimplePaths } from 'xstate/graph';
import type { CaseOpening, WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { type Path, type PathEntry, pathEntries, replayEffects, showEntries, transitionCoverage, verticesThatCannotFinish } from '../testing/paths';
import type { XfContext } from './xf.context';
import { parentRegion, regionBelow, reviewRegionFor } from './xf.ladder';
import { petition as xf } from './xf.workflow';

/*
 * Every legal path of a 信访 petition, generated from the machine with a finite set of sample events, some of which the
 * law forbids (a 31-day extension, mediation with one party's consent, an administrative dispute sent to people's
 * mediation, an objection after five working days, 复查 asked for after 30 days, a hearing before its day). The
 * traversal follows only events the machine accepts, from four openings: the district 信访局, the township 信访办,
 * a 区住建局 receiving a transfer, and the city 信访局. The statements of the law below are written from the 信访工作条例,
 * not from the machine, and hold on every path.
 */

const PARTIES = ['p1', 'p2'];
const DISTRICT = '330199';
const CITY = '330100';
const PROVINCE = '330000';
const FENGQIAO = '330199101';
const opening = (type: string, regionCode: string): CaseOpening => ({ partyIds: PARTIES, openedOn: '2025-02-10', regionCode, org: { type, regionCode }, input: { channel: 'ONLINE' } });
const OPENINGS: Record<string, XfContext> = {
  bureau: xf.initialContext(opening('PETITION_BUREAU', DISTRICT)),
  township: xf.initialContext(opening('PETITION_OFFICE', FENGQIAO)),
  department: xf.initialContext(opening('GOVERNMENT_DEPARTMENT', DISTRICT)),
  city: xf.initialContext(opening('PETITION_BUREAU', CITY)),
};
const DEADLINES = { 'D-XF3': '2025-02-20', 'D-XF4': '2025-04-18', 'D-XF6': '2025-06-09', 'D-XF8': '2025-08-01' };

const labels = new Map<WorkflowEvent, string>();
function event(type: string, data: Record<string, unknown>, today: string, label?: string, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  const role = xf.events[type].roles[0];
  const e: WorkflowEvent = { type, data, at: `${today}T03:00:00.000Z`, today, deadlines: DEADLINES, actor: { id: `u-${role.toLowerCase()}`, role }, ...over };
  labels.set(e, label ? `${type}[${label}]` : type);
  return e;
}
const label = (e: WorkflowEvent) => labels.get(e) ?? e.type;
const REPORT = { sourceCaseId: 'other-1', reportedOn: '2025-02-17' };
/** What the engine finds (xf.earlier.ts): the same matter in the township's 60 days, or closed after 复核 at the city. */
const found = (status: 'HANDLING' | 'FINAL') => ({
  facts: { earlierPetitions: [{ caseNo: '（2025）枫桥信访信字第1号', orgName: '枫桥镇信访办公室', orgType: 'PETITION_OFFICE', regionCode: status === 'HANDLING' ? FENGQIAO : CITY, status, dueOn: '2025-04-18', matchedBy: 'SUMMARY' }] },
});
const BELOW = found('HANDLING');
const REEXAMINED = found('FINAL');
const ACCEPT = { acceptedOn: '2025-02-17', notifiedOn: '2025-02-17' };
const TRANSFER = { mode: 'TRANSFER', receivingOrgId: 'org-housing', deliveredOn: '2025-02-13' };

const VALID: WorkflowEvent[] = [
  event('CLASSIFY', { classification: 'REQUEST' }, '2025-02-10', 'request'),
  event('CLASSIFY', { classification: 'REQUEST', newFactsAndReasons: '改造方案调整后的新范围' }, '2025-02-10', 'new facts', REEXAMINED),
  event('CLASSIFY', { classification: 'COMPLAINT' }, '2025-02-10', 'complaint'),
  event('CLASSIFY', { classification: 'SUGGESTION' }, '2025-02-10', 'suggestion'),
  event('RECEIVE_TRANSFER', { mode: 'TRANSFER', receivedOn: '2025-02-13', classification: 'REQUEST' }, '2025-02-12'),
  event('ACCEPT', ACCEPT, '2025-02-17'),
  event('ACCEPT', ACCEPT, '2025-02-17', 'handled below', BELOW),
  event('ACCEPT', ACCEPT, '2025-02-17', 're-examined', REEXAMINED),
  event('TRANSFER', TRANSFER, '2025-02-12'),
  event('TRANSFER', TRANSFER, '2025-02-12', 'handled below', BELOW),
  event('TRANSFER', TRANSFER, '2025-02-12', 're-examined', REEXAMINED),
  event('OBJECT', { reason: 'NOT_COMPETENT', explanation: '不属本机关职权' }, '2025-02-18'),
  event('TRANSFER_SIGNED_FOR', { outcome: 'SIGNED_FOR', ...REPORT }, '2025-02-17'),
  event('TRANSFER_RETURNED', { outcome: 'RETURNED', ...REPORT }, '2025-02-18'),
  event('DECLINE_DUPLICATE', { decidedOn: '2025-03-01', explanation: '下级正在办理' }, '2025-03-01', 'handled below', BELOW),
  event('DECLINE_FINAL', { decidedOn: '2025-10-20', explanation: '已复核终结' }, '2025-10-20', 're-examined', REEXAMINED),
  event('DIVERT', { legalChannel: 'LABOUR_ARBITRATION', receivingOrgId: 'org-labour-arbitration', notifiedOn: '2025-02-10', explanation: '申请仲裁' }, '2025-02-10'),
  event('REFER_DISCIPLINE', { organName: '青溪区纪委监委', referredOn: '2025-02-11' }, '2025-02-11'),
  event('ANSWER_SUGGESTION', { repliedOn: '2025-02-20', reply: '已研究' }, '2025-02-20'),
  event('EXTEND', { days: 30, reason: '情况复杂', approvedBy: '负责人 葛某', notifiedOn: '2025-04-10' }, '2025-04-10'),
  event('START_MEDIATION', { consentedPartyIds: PARTIES, startedOn: '2025-03-10' }, '2025-03-10'),
  event('MEDIATION_FAILED', {}, '2025-03-20'),
  event('SETTLE', { kind: 'MEDIATION', signedPartyIds: PARTIES, signedOn: '2025-03-20' }, '2025-03-20'),
  event('REFER_MEDIATION', { mediationOrgId: 'org-fengqiao', consentedPartyIds: PARTIES, civilContent: true }, '2025-03-10'),
  event('PM_AGREED', { outcome: 'AGREED', ...REPORT }, '2025-03-25'),
  event('PM_ENDED', { outcome: 'FAILED', ...REPORT }, '2025-03-25'),
  event('ISSUE_OPINION', { outcomes: ['EXPLAIN'], issuedOn: '2025-05-09', receivedOn: '2025-05-09' }, '2025-05-09'),
  event('OPINION_PERIOD_ENDED', {}, '2025-06-10'),
  ...[DISTRICT, CITY, PROVINCE].map((r) => event('REQUEST_REVIEW', { requestedOn: '2025-06-03', receivedOn: '2025-06-03', reviewBody: '上一级机关', reviewRegionCode: r }, '2025-06-03', `at ${r}`)),
  event('ISSUE_REVIEW_OPINION', { decision: 'UPHOLD', issuedOn: '2025-07-01', receivedOn: '2025-07-02' }, '2025-07-02'),
  event('REVIEW_PERIOD_ENDED', {}, '2025-08-02'),
  ...[DISTRICT, CITY, PROVINCE].map((r) => event('REQUEST_REEXAM', { requestedOn: '2025-07-25', receivedOn: '2025-07-25', reexamBody: '复查机关的上一级机关', reexamRegionCode: r }, '2025-07-25', `at ${r}`)),
  event('DECIDE_HEARING', { decidedOn: '2025-08-01', hearingOn: '2025-08-12' }, '2025-08-01'),
  event('REQUEST_HEARING', { hearingOrgId: 'org-petition-joint-office', matter: '排水沟改道', initiative: 'APPLICATION' }, '2025-08-01'),
  event('HEARING_CONCLUDED', { outcome: 'CONCLUDED', ...REPORT, hearingLevel: 'COUNTY', opinion: '维持' }, '2025-08-12'),
  event('HEARING_ENDED', { outcome: 'DECLINED', ...REPORT }, '2025-08-05'),
  event('HOLD_HEARING', { heldOn: '2025-08-12' }, '2025-08-12'),
  event('ISSUE_REEXAM_OPINION', { decision: 'UPHOLD', issuedOn: '2025-08-29' }, '2025-08-29'),
  event('RECORD_AFTERCARE', { on: '2025-10-20', measure: 'EDUCATION' }, '2025-10-20'),
  event('END_AFTERCARE', { endedOn: '2025-12-31' }, '2025-12-31'),
];
const FORBIDDEN: WorkflowEvent[] = [
  event('DECLINE_DUPLICATE', { decidedOn: '2025-03-01', explanation: '下级正在办理' }, '2025-03-01', 'nothing found'),
  event('DECLINE_FINAL', { decidedOn: '2025-10-20', explanation: '已复核终结' }, '2025-10-20', 'nothing found'),
  event('EXTEND', { days: 31, reason: '情况复杂', approvedBy: '负责人 葛某', notifiedOn: '2025-04-10' }, '2025-04-10', '31 days'),
  event('START_MEDIATION', { consentedPartyIds: ['p1'], startedOn: '2025-03-10' }, '2025-03-10', 'one party'),
  event('REFER_MEDIATION', { mediationOrgId: 'org-fengqiao', consentedPartyIds: PARTIES, civilContent: true, administrativeDispute: true }, '2025-03-10', 'administrative'),
  event('OBJECT', { reason: 'NOT_COMPETENT', explanation: '不属本机关职权' }, '2025-02-21', 'late'),
  event('REQUEST_REVIEW', { requestedOn: '2025-06-10', receivedOn: '2025-06-10', reviewBody: '上一级机关', reviewRegionCode: DISTRICT }, '2025-06-10', 'late'),
  event('HOLD_HEARING', { heldOn: '2025-08-11' }, '2025-08-11', 'early'),
];
const SAMPLES = [...VALID, ...FORBIDDEN];

const stateOf = (s: AnyMachineSnapshot) => String(s.value);
const BY_FACTS = (s: AnyMachineSnapshot) => {
  const c = s.context as XfContext;
  return JSON.stringify([stateOf(s), c.classification ?? null, !!c.newFactsAndReasons, !!c.extendedDueOn, c.reviewBody?.regionCode ?? null, !!c.hearing, c.aftercare.length > 0]);
};
/** Re-classifying in triage is sampled once, back to a plain request, so the orders of five classifications are not all walked. */
const RECLASSIFY = VALID[0];
const sampled = (state: AnyMachineSnapshot, e: WorkflowEvent) =>
  e.type !== 'CLASSIFY' || state.value === 'received' || (e === RECLASSIFY && (state.context as XfContext).classification !== 'REQUEST');
const traversal = (input: XfContext) => ({ input, events: SAMPLES, filterEvents: (state: AnyMachineSnapshot, e: WorkflowEvent) => sampled(state, e) && state.can(e), serializeState: BY_FACTS });

const entries = (p: Path) => pathEntries(p, stateOf);
const chain = (p: Path) => p.steps.slice(1).map((s) => label(s.event));
const show = (xs: PathEntry[]) => showEntries(xs, label);

const description = describeWorkflow(xf);
let paths: Record<string, Path[]>;
let all: Path[];

beforeAll(() => {
  paths = Object.fromEntries(Object.entries(OPENINGS).map(([name, input]) => [name, getSimplePaths(xf.machine, traversal(input))]));
  all = Object.values(paths).flat();
});

describe('信访 petitions (xf): generated legal paths', () => {
  it('samples a valid envelope for every event type', () => {
    expect(new Set(VALID.map((e) => e.type))).toEqual(new Set(Object.keys(xf.events)));
  });

  it('reaches every state from the four openings, and never takes a forbidden sample', () => {
    const reached = new Set(all.map((p) => stateOf(p.state)));
    expect(description.states.map((s) => s.id).filter((s) => !reached.has(s))).toEqual([]);
    const forbidden = new Set(FORBIDDEN);
    expect(show(all.flatMap((p) => entries(p).filter((e) => forbidden.has(e.event))))).toEqual([]);
  });

  it('lets every configuration reach a final state, and takes every transition the machine declares', () => {
    const taken = new Set<string>();
    for (const input of Object.values(OPENINGS)) {
      const adjacency = getAdjacencyMap(xf.machine, traversal(input));
      expect(verticesThatCannotFinish(adjacency, BY_FACTS)).toEqual([]);
      const { undeclared, untaken } = transitionCoverage(adjacency, description.transitions, stateOf);
      expect(undeclared).toEqual([]);
      for (const t of description.transitions) if (!untaken.includes(`${t.from} --${t.event}--> ${t.to ?? t.from}`)) taken.add(`${t.from}|${t.event}|${t.to}`);
    }
    expect(description.transitions.filter((t) => !taken.has(`${t.from}|${t.event}|${t.to}`))).toEqual([]);
  });

  it('does not accept or pass upward a matter the engine finds handled below within its period (第十九条)', () => {
    const wrong: string[] = [];
    for (const [name, paths_] of Object.entries(paths)) {
      for (const p of paths_) {
        for (const e of entries(p)) {
          const below = ((e.event.facts?.earlierPetitions ?? []) as { status: string; regionCode: string }[]).some((x) => x.status === 'HANDLING' && regionBelow(x.regionCode, OPENINGS[name].handlingRegionCode));
          if (below && (e.to === 'handling' || e.to === 'forwarded')) wrong.push(chain(p).join(' → '));
          if (e.to === 'notAcceptedDuplicate' && e.from !== e.to && !below) wrong.push(`declined with nothing below: ${chain(p).join(' → ')}`);
        }
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(paths.bureau.some((p) => stateOf(p.state) === 'notAcceptedDuplicate')).toBe(true);
    // A transferred petition is checked again where it arrives.
    expect(paths.department.some((p) => chain(p).includes('DECLINE_DUPLICATE[handled below]'))).toBe(true);
    // The township is where it is handled: nothing is below it, so it may not decline on that ground.
    expect(paths.township.some((p) => stateOf(p.state) === 'notAcceptedDuplicate')).toBe(false);
  });

  it('starts no handling period after 复核 on the same facts and reasons, only on new ones, and gives aftercare instead (第三十六条、第三十七条)', () => {
    const wrong: string[] = [];
    for (const p of all) {
      p.steps.slice(1).forEach((step, i) => {
        const before = p.steps[i].state.context as XfContext;
        const to = stateOf(step.state);
        const final = ((step.event.facts?.earlierPetitions ?? []) as { status: string }[]).some((x) => x.status === 'FINAL') && !before.newFactsAndReasons;
        if (final && ['handling', 'forwarded'].includes(to)) wrong.push(chain(p).join(' → '));
        if (to === 'notAcceptedFinal' && stateOf(p.steps[i].state) !== to && !final) wrong.push(`declined without the earlier 复核: ${chain(p).join(' → ')}`);
      });
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(all.some((p) => chain(p).includes('DECLINE_FINAL[re-examined]') && chain(p).includes('RECORD_AFTERCARE'))).toBe(true);
    expect(all.some((p) => chain(p).join(' → ').includes('CLASSIFY[new facts] → ACCEPT[re-examined]'))).toBe(true);
  });

  it('handles only requests; answers only suggestions; sends only complaints to the discipline organs (第二十九条至第三十一条)', () => {
    const wrong: string[] = [];
    for (const p of all) {
      let kind: string | undefined;
      for (const e of entries(p)) {
        if (e.event.type === 'CLASSIFY') kind = e.event.data.classification;
        if (e.from === 'triage' && ['ACCEPT', 'TRANSFER', 'DIVERT'].includes(e.event.type) && kind !== 'REQUEST') wrong.push(chain(p).join(' → '));
        if (e.to === 'suggestionAnswered' && kind !== 'SUGGESTION') wrong.push(chain(p).join(' → '));
        if (e.to === 'routedDiscipline' && kind !== 'COMPLAINT') wrong.push(chain(p).join(' → '));
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('extends the 60 days once at most, by at most 30 days (第三十四条)', () => {
    const bad = all.filter((p) => {
      const ext = entries(p).filter((e) => e.event.type === 'EXTEND');
      return ext.length > 1 || ext.some((e) => e.event.data.days > 30);
    });
    expect(bad.map(chain)).toEqual([]);
    expect(all.some((p) => chain(p).includes('EXTEND'))).toBe(true);
  });

  it('mediates and refers to people’s mediation only with every party’s consent, and refers only civil matters (第三十三条；访调对接意见)', () => {
    const wrong = all.flatMap(entries).filter(
      (e) => ['START_MEDIATION', 'REFER_MEDIATION'].includes(e.event.type) && (!PARTIES.every((id) => e.event.data.consentedPartyIds?.includes(id)) || (e.event.type === 'REFER_MEDIATION' && e.event.data.administrativeDispute === true)),
    );
    expect(show(wrong)).toEqual([]);
  });

  it('climbs one level per step, each requested within 30 days: 复查 at the superior, 复核 at the superior’s superior (第三十五条、第三十六条)', () => {
    const wrong: string[] = [];
    for (const [name, paths_] of Object.entries(paths)) {
      const ctx = OPENINGS[name];
      for (const p of paths_) {
        let reviewAt: string | undefined;
        for (const e of entries(p)) {
          if (e.event.type === 'REQUEST_REVIEW') {
            reviewAt = e.event.data.reviewRegionCode;
            if (reviewAt !== reviewRegionFor(ctx.handlingOrgType, ctx.handlingRegionCode) || e.event.data.requestedOn > e.event.deadlines['D-XF6']) wrong.push(chain(p).join(' → '));
          }
          if (e.event.type === 'REQUEST_REEXAM' && (e.event.data.reexamRegionCode !== parentRegion(reviewAt) || e.event.data.requestedOn > e.event.deadlines['D-XF8'])) wrong.push(chain(p).join(' → '));
          if (e.to === 'reexam' && e.from === 'reviewOpinion' && !regionBelow(reviewAt, e.event.data.reexamRegionCode)) wrong.push(chain(p).join(' → '));
        }
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
    expect(paths.department.some((p) => stateOf(p.state) === 'finalClosed')).toBe(true);
    expect(paths.township.some((p) => stateOf(p.state) === 'finalClosed')).toBe(true);
  });

  it('stops the 复核 clock for each hearing, its own or a hearing case, and restarts it before the 复核意见 (第三十六条)', () => {
    const wrong: string[] = [];
    let heard = 0;
    for (const [name, paths_] of Object.entries(paths)) {
      for (const p of paths_.filter((x) => chain(x).some((step) => step.startsWith('REQUEST_REEXAM')))) {
        const effects = replayEffects(xf, { value: 'received', context: OPENINGS[name] }, p, label).filter((e) => e.type !== 'report' && e.params.specIds?.includes('D-XF9'));
        const types = effects.map((e) => e.type);
        heard += types.length ? 1 : 0;
        // Every stop is followed by a restart before the next stop, and an opinion comes only with the clock running.
        const alternates = types.every((t, i) => t === (i % 2 === 0 ? 'pauseDeadlines' : 'resumeDeadlines'));
        const runningAtOpinion = !chain(p).includes('ISSUE_REEXAM_OPINION') || types.length % 2 === 0;
        if (!alternates || !runningAtOpinion) wrong.push(chain(p).join(' → '));
      }
    }
    expect(heard).toBeGreaterThan(0);
    expect(wrong).toEqual([]);
  });
});

