import { decide } from '../decide';
import type { WorkflowEvent } from '../definition';
import { describeWorkflow } from '../describe';
import { legalRows, machineRows, type LegalRow } from '../testing/legal-table';
import { describeNegativeMatrix } from '../testing/negative-matrix';
import { ROUTES } from '../routes/routes';
import type { HrContext } from './hr.context';
import { DEFAULT_HEARING_RULES, hearingRulesFor, hearingRulesProblems } from './hr.rules';
import { tieredHearing as hr } from './hr.workflow';

/*
 * 三级听证 (spec §8, A9): the legal table written by hand from the local hearing rules the spec cites (安徽, 江苏,
 * 宿州 and the unnamed provincial rule) and 行政复议法 第五十条、第五十一条, checked against the machine; the refusals
 * a panel's secretary meets; and the rules' configuration per region.
 */

const PARTIES = ['p1', 'p2'];
const TODAY = '2025-03-14';
const DEADLINES = { 'D-HR1': '2025-03-17', 'D-HR2': '2025-03-17', 'D-HR3': '2025-04-09', 'D-HR4': '2025-03-13' };
const open = (org: { type: string; regionCode: string }, input: Record<string, unknown> = {}) => hr.initialContext({ partyIds: PARTIES, openedOn: '2025-03-10', org, input, origin: { route: 'R21a', workflow: 'pm' } });
const VILLAGE = open({ type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: '330199101201' });
const member = (name: string, relations: { kind: string; partyId?: string }[] = []) => ({ name, capacity: 'VILLAGER_REPRESENTATIVE', relations });
const PANEL = { presiding: member('李主任'), members: [member('周村民'), member('钱乡贤')] };
const WITH_PANEL: HrContext = { ...VILLAGE, proposedOn: '2025-03-10', requestedOn: '2025-03-10', decidedOn: '2025-03-10', presiding: PANEL.presiding, members: PANEL.members };
const NOTICED: HrContext = { ...WITH_PANEL, noticedOn: '2025-03-10', hearingOn: '2025-03-14', venue: '村礼堂' };
const HELD: HrContext = { ...NOTICED, record: { heldOn: TODAY, participants: [{ name: '张三', role: 'PARTY' }], statements: [{ speaker: '张三', summary: '围墙堵沟' }], attachments: [] } };
const CONCLUDED: HrContext = { ...HELD, deliberation: { on: TODAY, votesFor: 3, votesAgainst: 0, majorityOpinion: '开沟', minorityOpinions: [] }, conclusion: { opinion: '开沟', concludedOn: TODAY } };

const REPORT = { sourceCaseId: 'hr-2', reportedOn: TODAY };
const VALID: Record<string, Record<string, unknown>> = {
  RECEIVE_REQUEST: { requestedBy: '枫源村人民调解委员会', matter: '围墙堵塞排水沟', initiative: 'APPLICATION' },
  PROPOSE: { proposedOn: '2025-03-10', matter: '围墙堵塞排水沟', initiative: 'ORGAN' },
  SIGN_FOR: {},
  RETURN: { reason: 'NOT_CONVENER', explanation: '应由乡镇召集' },
  APPLY: { applicantPartyIds: ['p1'], appliedOn: '2025-03-10' },
  CONSENT: { consentedPartyIds: PARTIES, consentedOn: '2025-03-10' },
  RECORD_REFUSAL: { partyIds: ['p2'], recordedOn: '2025-03-11' },
  CONSENT_WINDOW_ENDED: { specId: 'D-HR1', dueOn: '2025-03-17' },
  DECIDE_TO_HOLD: { decidedOn: '2025-03-10' },
  DECLINE: { decidedOn: '2025-03-10', ground: 'FACTS_CLEAR', reasons: '事实清楚，双方对事实无争议，无需听证' },
  APPOINT_PANEL: PANEL,
  RECUSE_MEMBER: { name: '钱乡贤', ground: 'PARTY_RELATIVE', decidedOn: '2025-03-11' },
  SERVE_NOTICE: { noticedOn: '2025-03-10', hearingOn: '2025-03-14', venue: '村礼堂', notifiedPartyIds: PARTIES },
  RECORD_HEARING: { heldOn: TODAY, participants: [{ name: '张三', role: 'PARTY' }], statements: [{ speaker: '张三', summary: '围墙堵沟' }], attachments: [{ name: '照片' }] },
  RECORD_ABSENCE: { absentPartyIds: ['p1'], recordedOn: TODAY },
  CONCLUDE: { deliberatedOn: TODAY, votesFor: 2, votesAgainst: 1, majorityOpinion: '开沟', minorityOpinions: ['另开沟'], opinion: '开沟' },
  PUBLISH: { publishedOn: TODAY, channel: '村务公开栏' },
  CLOSE_UNPUBLISHED: { closedOn: TODAY },
  ESCALATE: { upperOrgId: 'org-fengqiao-station', reason: '一方不接受' },
  UPPER_CONCLUDED: { outcome: 'CONCLUDED', ...REPORT, hearingLevel: 'TOWNSHIP', opinion: '维持' },
  UPPER_ENDED: { outcome: 'DECLINED', ...REPORT },
  WITHDRAW: { withdrawnOn: '2025-03-11', partyIds: ['p1'] },
  PARENT_ENDED: { outcome: 'WITHDRAWN', ...REPORT, signal: 'WITHDRAW' },
};
function event(type: string, data: Record<string, unknown> = VALID[type] ?? {}, over: Partial<WorkflowEvent> = {}): WorkflowEvent {
  return { type, data, at: `${TODAY}T02:00:00.000Z`, today: TODAY, deadlines: DEADLINES, actor: { id: 'u-1', role: hr.events[type].roles[0] }, ...over };
}

const END = ['WITHDRAW', 'withdrawn', ['withdrawnNotInFuture']] as const;
const PARENT = ['PARENT_ENDED', 'withdrawn', []] as const;
const prep = (s: string): LegalRow[] => [
  [s, ...END] as unknown as LegalRow,
  [s, ...PARENT] as unknown as LegalRow,
];
const NOTICE_GUARDS = ['panelComplete', 'everyPartyNotified', 'noticedNotInFuture', 'hearingAfterNotice', 'hearingWithinHoldPeriod'];
const LEGAL: LegalRow[] = [
  ['proposed', 'RECEIVE_REQUEST', 'referred', ['convenerFitsLevel']],
  ['proposed', 'PROPOSE', 'consentPending', ['convenerFitsLevel', 'proposedNotInFuture']],
  ['referred', 'SIGN_FOR', 'consentPending', []],
  ['referred', 'RETURN', 'returned', []],
  ['referred', ...PARENT] as unknown as LegalRow,
  // D-HR1: the party applies, or every party consents to the organ's proposal; silence is refusal.
  ['consentPending', 'APPLY', 'decisionPending', ['appliedNotInFuture', 'applicantsAreParties']],
  ['consentPending', 'CONSENT', 'decisionPending', ['everyPartyConsents', 'consentedNotInFuture']],
  ['consentPending', 'RECORD_REFUSAL', 'lapsed', []],
  ['consentPending', 'CONSENT_WINDOW_ENDED', 'lapsed', []],
  ...prep('consentPending'),
  // D-HR2: decide; a refusal gives written reasons.
  ['decisionPending', 'DECIDE_TO_HOLD', 'panelForming', ['decidedNotInFuture']],
  ['decisionPending', 'DECLINE', 'declined', ['decidedNotInFuture', 'writtenReasons']],
  ...prep('decisionPending'),
  // An odd panel within the region's size, nobody related to a party or the case (回避).
  ['panelForming', 'APPOINT_PANEL', null, ['panelOdd', 'panelWithinRules', 'noMemberRelated', 'namesDistinct']],
  ['panelForming', 'RECUSE_MEMBER', 'panelForming', ['memberOnPanel', 'recusalNotInFuture']],
  ['panelForming', 'SERVE_NOTICE', 'noticed', NOTICE_GUARDS],
  ...prep('panelForming'),
  // D-HR4: held once the notice has run; absence without cause is waiver.
  ['noticed', 'RECORD_HEARING', 'deliberation', ['noticePeriodServed', 'heldNotInFuture', 'heldOnNoticedDay']],
  ['noticed', 'RECORD_ABSENCE', 'waived', ['noticePeriodServed', 'absenceOnHearingDay']],
  ['noticed', 'RECUSE_MEMBER', 'panelForming', ['memberOnPanel', 'recusalNotInFuture']],
  ...prep('noticed'),
  ['deliberation', 'CONCLUDE', 'concluded', ['votesMatchPanel', 'majorityReached', 'minorityRecorded', 'deliberatedNotInFuture']],
  ['deliberation', ...PARENT] as unknown as LegalRow,
  ['concluded', 'PUBLISH', 'published', ['publishedNotInFuture']],
  ['concluded', 'CLOSE_UNPUBLISHED', 'delivered', ['closedNotInFuture']],
  ['concluded', 'ESCALATE', 'escalated', ['belowTopLevel']],
  ['concluded', ...PARENT] as unknown as LegalRow,
  ['escalated', 'UPPER_CONCLUDED', 'upperConcluded', []],
  ['escalated', 'UPPER_ENDED', 'concluded', []],
  ['escalated', ...PARENT] as unknown as LegalRow,
];
const FINAL = ['published', 'delivered', 'upperConcluded', 'declined', 'lapsed', 'withdrawn', 'waived', 'returned'];
const description = describeWorkflow(hr);

function contextFor(state: string): HrContext {
  const byState: Record<string, HrContext> = { panelForming: WITH_PANEL, noticed: NOTICED, deliberation: HELD, concluded: CONCLUDED, escalated: CONCLUDED };
  return byState[state] ?? VILLAGE;
}

describe('three-level hearing (hr) machine', () => {
  it('matches the hand-written legal table, targets and guards included', () => {
    expect(machineRows(description)).toEqual(legalRows(LEGAL));
    expect(description.states.filter((s) => s.final).map((s) => s.id).sort()).toEqual([...FINAL].sort());
  });

  it('is opened from pm, xf (handling, 复查, 复核) and rx, and escalates to itself (R21a–R21f)', () => {
    expect(ROUTES.filter((r) => r.to.workflow === 'hr').map((r) => `${r.id}:${r.from.workflow}`)).toEqual(['R21a:pm', 'R21b:xf', 'R21c:xf', 'R21d:xf', 'R21e:rx', 'R21f:hr']);
  });

  describe('opening: the region’s rules and the convening organisation fix the level', () => {
    it('a village committee in 枫桥 convenes a village hearing, panel 3–7, three calendar days’ notice', () => {
      expect(VILLAGE).toMatchObject({ level: 'VILLAGE', stage: 'PM', rulesRegion: '330199', panelMin: 3, panelMax: 7, noticePeriod: { amount: 3, dayType: 'calendar' } });
    });
    it('南山镇’s committee convenes a township hearing of five to seven with five working days’ notice', () => {
      expect(open({ type: 'TOWNSHIP_MEDIATION_COMMITTEE', regionCode: '330199102' })).toMatchObject({ level: 'TOWNSHIP', rulesRegion: '330199102', panelMin: 5, noticePeriod: { amount: 5, dayType: 'working' } });
    });
    it('an escalation names its level, which the receiving organisation must convene', () => {
      expect(open({ type: 'JUSTICE_STATION', regionCode: '330199101' }, { level: 'TOWNSHIP', stage: 'XF_REVIEW' })).toMatchObject({ level: 'TOWNSHIP', stage: 'XF_REVIEW' });
      expect(open({ type: 'JUSTICE_STATION', regionCode: '330199101' }, { level: 'COUNTY' }).level).toBeUndefined();
      const d = decide(hr, { value: 'proposed', context: open({ type: 'JUSTICE_STATION', regionCode: '330199101' }, { level: 'COUNTY' }) }, event('RECEIVE_REQUEST'));
      expect(d).toMatchObject({ allowed: false, violations: [{ precondition: 'convenerFitsLevel' }] });
    });
    it('takes the rules from the legal policy when the deployment configures them', () => {
      const rules = [{ ...DEFAULT_HEARING_RULES[0], levels: { ...DEFAULT_HEARING_RULES[0].levels, VILLAGE: { ...DEFAULT_HEARING_RULES[0].levels.VILLAGE, panel: { min: 5, max: 5 } } } }];
      const ctx = hr.initialContext({ partyIds: PARTIES, openedOn: '2025-03-10', org: { type: 'VILLAGE_MEDIATION_COMMITTEE', regionCode: '330199101201' }, policy: { 'hr.rules': rules } });
      expect([ctx.panelMin, ctx.panelMax]).toEqual([5, 5]);
    });
  });

  describe('refusals a panel’s secretary meets', () => {
    const refused = (state: string, context: HrContext, e: WorkflowEvent) => {
      const d = decide(hr, { value: state, context }, e);
      if (d.allowed) throw new Error(`${e.type} was allowed`);
      return d.violations;
    };
    it('names the related member who must withdraw (回避)', () => {
      const v = refused('panelForming', WITH_PANEL, event('APPOINT_PANEL', { ...PANEL, members: [member('周村民'), member('李小四', [{ kind: 'PARTY_RELATIVE', partyId: 'p2' }])] }));
      expect(v).toEqual([expect.objectContaining({ precondition: 'noMemberRelated', message: '李小四与当事人或者本案有利害关系，应当回避，不能担任听证员' })]);
    });
    it('refuses an even panel and one beyond the region’s size, saying the size', () => {
      expect(refused('panelForming', WITH_PANEL, event('APPOINT_PANEL', { ...PANEL, members: [...PANEL.members, member('孙')] })).map((x) => x.precondition)).toEqual(['panelOdd']);
      const big = { ...PANEL, members: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((n) => member(n)) };
      expect(refused('panelForming', WITH_PANEL, event('APPOINT_PANEL', big))).toEqual([expect.objectContaining({ precondition: 'panelWithinRules', message: expect.stringContaining('应为3至7人，现为9人') })]);
    });
    it('refuses a refusal to hold without written reasons, a hearing before its notice has run, and a majority of none', () => {
      expect(refused('decisionPending', VILLAGE, event('DECLINE', { ...VALID.DECLINE, reasons: '不需要' })).map((x) => x.precondition)).toEqual(['writtenReasons']);
      expect(refused('noticed', NOTICED, event('RECORD_HEARING', { ...VALID.RECORD_HEARING, heldOn: '2025-03-14' }, { deadlines: { ...DEADLINES, 'D-HR4': '2025-03-15' } })).map((x) => x.precondition)).toEqual(['noticePeriodServed']);
      expect(refused('deliberation', HELD, event('CONCLUDE', { ...VALID.CONCLUDE, votesFor: 1, votesAgainst: 2 })).map((x) => x.precondition)).toEqual(['majorityReached']);
      expect(refused('concluded', { ...CONCLUDED, level: 'COUNTY' }, event('ESCALATE')).map((x) => x.precondition)).toEqual(['belowTopLevel']);
    });
  });

  describe('what it reports and carries up', () => {
    it('publication reports the conclusion with the majority and minority views', () => {
      const d = decide(hr, { value: 'concluded', context: { ...CONCLUDED, deliberation: { ...CONCLUDED.deliberation!, votesFor: 2, votesAgainst: 1, minorityOpinions: ['另开沟'] } } }, event('PUBLISH'));
      expect(d).toMatchObject({ allowed: true, to: 'published', effects: [{ type: 'report', params: { outcome: 'CONCLUDED', data: { hearingLevel: 'VILLAGE', opinion: '开沟', minorityOpinions: ['另开沟'], heldOn: TODAY, published: true } } }] });
    });
    it('escalation puts this level’s record on top of those below for the next level', () => {
      const d = decide(hr, { value: 'concluded', context: CONCLUDED }, event('ESCALATE'));
      expect(d).toMatchObject({ allowed: true, to: 'escalated', context: { nextLevel: 'TOWNSHIP', recordsForUpper: [{ level: 'VILLAGE', conclusion: '开沟', statements: [{ speaker: '张三', summary: '围墙堵沟' }] }] } });
    });
    it('the level above’s conclusion is reported down as this hearing’s', () => {
      const d = decide(hr, { value: 'escalated', context: CONCLUDED }, event('UPPER_CONCLUDED'));
      expect(d).toMatchObject({ allowed: true, to: 'upperConcluded', effects: [{ type: 'report', params: { outcome: 'CONCLUDED', data: { hearingLevel: 'TOWNSHIP', opinion: '维持' } } }] });
    });
  });

  describe('the rules as configuration', () => {
    it('ships two regions, and a village below 南山镇 takes 南山镇’s', () => {
      expect(hearingRulesProblems(DEFAULT_HEARING_RULES)).toEqual([]);
      expect(hearingRulesFor(DEFAULT_HEARING_RULES, '330199102201')?.name).toBe('南山镇');
      expect(hearingRulesFor(DEFAULT_HEARING_RULES, '330199101201')?.name).toBe('青溪区');
      expect(hearingRulesFor(DEFAULT_HEARING_RULES, '330100')).toBeUndefined();
    });
    it('refuses unusable rules, naming the field', () => {
      const bad = [{ ...DEFAULT_HEARING_RULES[0], levels: { ...DEFAULT_HEARING_RULES[0].levels, TOWNSHIP: { ...DEFAULT_HEARING_RULES[0].levels.TOWNSHIP, panel: { min: 4, max: 6 }, notice: { amount: 0, dayType: 'weeks' } } } }];
      expect(hearingRulesProblems(bad)).toEqual([
        '[0].levels.TOWNSHIP.panel min and max must be odd (a panel has an odd number of members)',
        '[0].levels.TOWNSHIP.notice.amount must be a whole number of days from 1 to 90',
        '[0].levels.TOWNSHIP.notice.dayType must be calendar or working',
      ]);
      expect(hearingRulesProblems([DEFAULT_HEARING_RULES[0], DEFAULT_HEARING_RULES[0]])).toEqual(['[1].regionCode 330199 is listed twice']);
    });
  });

  describeNegativeMatrix({ def: hr, legal: LEGAL, finalStates: FINAL, stateCount: 17, eventTypeCount: Object.keys(hr.events).length, contextFor, event: (type) => event(type) });
});
