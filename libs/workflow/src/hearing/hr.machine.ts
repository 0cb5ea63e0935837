import { and, assign, setup } from 'xstate';
import type { DeadlineSpec, StateMeta, WorkflowEvent } from '../definition';
import { acceptTransfer, engineEffects, guardsFrom, report, returnTransfer } from '../building-blocks';
import type { HrCarriedRecord, HrContext, HrMember } from './hr.context';
import { HR_LAW } from './hr.events';
import { hrPreconditions } from './hr.preconditions';
import { NEXT_LEVEL } from './hr.rules';

const meta = (m: StateMeta) => m;
const to = (state: string) => `#hr.${state}`;
const RULES = '本地区听证规则（信访工作条例 第三十一条第六项）';

// ---------- deadlines: periods are the region's rules, copied onto the case (contextPeriod) ----------

const local = (id: string, label: string, anchor: keyof HrContext, contextPeriod: keyof HrContext, more: Partial<DeadlineSpec> = {}): DeadlineSpec => ({
  id,
  label,
  period: { amount: 5, unit: 'day' },
  dayType: 'working',
  legalBasis: RULES,
  confidence: 'S',
  anchor: { contextDate: anchor },
  contextPeriod,
  ...more,
});
const D_HR1 = local('D-HR1', '申请或者同意听证期限（告知之日起，依本地区规则）', 'proposedOn', 'applicationPeriod', { onExpiry: 'CONSENT_WINDOW_ENDED', metBy: ['APPLY', 'CONSENT'] });
const D_HR2 = local('D-HR2', '决定是否听证期限（收到申请之日起，依本地区规则）', 'requestedOn', 'decisionPeriod', { soft: true, metBy: ['DECIDE_TO_HOLD', 'DECLINE'] });
const D_HR3 = local('D-HR3', '举行听证期限（决定之日起，依本地区规则）', 'decidedOn', 'holdPeriod', { soft: true, runsThrough: ['noticed'], metBy: ['RECORD_HEARING'] });
// The earliest day the hearing may be held: not a time limit for anyone, so nothing fires and nothing is missed.
const D_HR4 = local('D-HR4', '听证通知期限（通知之日起，期满方可举行听证）', 'noticedOn', 'noticePeriod', { soft: true, rollForward: false, metBy: ['RECORD_HEARING', 'RECORD_ABSENCE', 'WITHDRAW', 'RECUSE_MEMBER'] });

// ---------- transitions shared by several states ----------

const withdraw = { WITHDRAW: { target: to('withdrawn'), guard: 'withdrawnNotInFuture' as const, actions: ['recordEnd' as const, report('WITHDRAWN')] } };
const parentEnded = { PARENT_ENDED: { target: to('withdrawn'), actions: ['recordEnd' as const] } };
const recuse = { RECUSE_MEMBER: { target: to('panelForming'), guard: and(['memberOnPanel', 'recusalNotInFuture']), actions: 'recordRecusal' as const } };

const date = (value: unknown): string | undefined => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const member = (m: any): HrMember => ({ name: String(m.name), capacity: String(m.capacity), relations: Array.isArray(m.relations) ? m.relations : [] });

/** This level's hearing as the next one reads it, after the levels below it. */
export function carriedRecords(context: HrContext, caseNo?: string): HrCarriedRecord[] {
  if (!context.level) return context.priorRecords;
  return [
    ...context.priorRecords,
    {
      level: context.level,
      ...(caseNo ? { caseNo } : {}),
      heldOn: context.record?.heldOn,
      statements: context.record?.statements ?? [],
      attachments: context.record?.attachments ?? [],
      majorityOpinion: context.deliberation?.majorityOpinion,
      minorityOpinions: context.deliberation?.minorityOpinions ?? [],
      conclusion: context.conclusion?.opinion,
      concludedOn: context.conclusion?.concludedOn,
    },
  ];
}

/** The conclusion, told to the case that asked for the hearing: its own level's, or the level above's when escalated. */
const reportConclusion = (published: boolean) => ({
  type: 'report' as const,
  params: Object.assign(
    ({ context }: { context: HrContext }) => ({
      outcome: 'CONCLUDED',
      data: context.upperConclusion
        ? { hearingLevel: context.upperConclusion.level, opinion: context.upperConclusion.opinion, concludedOn: context.upperConclusion.concludedOn, published }
        : {
            hearingLevel: context.level,
            opinion: context.conclusion?.opinion,
            majorityOpinion: context.deliberation?.majorityOpinion,
            minorityOpinions: context.deliberation?.minorityOpinions ?? [],
            heldOn: context.record?.heldOn,
            concludedOn: context.conclusion?.concludedOn,
            published,
          },
    }),
    { outcome: 'CONCLUDED' },
  ),
});

export const hrMachine = setup({
  types: {} as { context: HrContext; events: WorkflowEvent; input: HrContext },
  guards: guardsFrom(hrPreconditions),
  actions: {
    ...engineEffects,
    recordRequest: assign(({ context, event }) => ({
      matter: String(event.data.matter),
      initiative: event.data.initiative === 'ORGAN' ? ('ORGAN' as const) : context.initiative,
      proposedOn: event.today,
    })),
    recordProposal: assign(({ event }) => ({ matter: String(event.data.matter), initiative: event.data.initiative, proposedOn: String(event.data.proposedOn) })),
    recordApplication: assign(({ event }) => ({ applicantPartyIds: event.data.applicantPartyIds as string[], requestedOn: String(event.data.appliedOn) })),
    recordConsent: assign(({ event }) => ({ requestedOn: String(event.data.consentedOn) })),
    recordDecision: assign({ decidedOn: ({ event }) => String(event.data.decidedOn) }),
    recordDeclined: assign(({ event }) => ({
      declined: { decidedOn: String(event.data.decidedOn), ground: String(event.data.ground), reasons: String(event.data.reasons) },
      endedOn: String(event.data.decidedOn),
    })),
    recordPanel: assign(({ event }) => ({
      presiding: member(event.data.presiding),
      members: (event.data.members as unknown[]).map(member),
      clerk: typeof event.data.clerk === 'string' ? event.data.clerk : undefined,
    })),
    recordRecusal: assign(({ context, event }) => {
      const name = String(event.data.name);
      return {
        presiding: context.presiding?.name === name ? undefined : context.presiding,
        members: context.members.filter((m) => m.name !== name),
        recusals: [
          ...context.recusals,
          { name, ground: String(event.data.ground), decidedOn: String(event.data.decidedOn), ...(typeof event.data.applicantPartyId === 'string' ? { applicantPartyId: event.data.applicantPartyId } : {}) },
        ],
        // A changed panel is noticed afresh.
        noticedOn: undefined,
        hearingOn: undefined,
      };
    }),
    recordNotice: assign(({ event }) => ({ noticedOn: String(event.data.noticedOn), hearingOn: String(event.data.hearingOn), venue: String(event.data.venue) })),
    recordHearing: assign({
      record: ({ event }) => ({
        heldOn: String(event.data.heldOn),
        participants: event.data.participants as { name: string; role: string }[],
        statements: event.data.statements as { speaker: string; summary: string }[],
        attachments: event.data.attachments as { name: string; ref?: string }[],
      }),
    }),
    recordAbsence: assign(({ event }) => ({ absence: { partyIds: event.data.absentPartyIds as string[], recordedOn: String(event.data.recordedOn) }, endedOn: String(event.data.recordedOn) })),
    recordConclusion: assign(({ event }) => ({
      deliberation: {
        on: String(event.data.deliberatedOn),
        votesFor: Number(event.data.votesFor),
        votesAgainst: Number(event.data.votesAgainst),
        majorityOpinion: String(event.data.majorityOpinion),
        minorityOpinions: (event.data.minorityOpinions as string[]) ?? [],
      },
      conclusion: { opinion: String(event.data.opinion), concludedOn: String(event.data.deliberatedOn) },
    })),
    recordPublication: assign({ publishedOn: ({ event }) => String(event.data.publishedOn), endedOn: ({ event }) => String(event.data.publishedOn) }),
    recordClosed: assign({ endedOn: ({ event }) => String(event.data.closedOn) }),
    recordEscalation: assign(({ context, event }) => ({
      escalation: { on: event.today, reason: String(event.data.reason) },
      // What the route (R21f) opens the next level's hearing with: its level and this level's record on top of those below.
      nextLevel: context.level ? NEXT_LEVEL[context.level] : undefined,
      recordsForUpper: carriedRecords(context),
    })),
    recordUpperConclusion: assign(({ context, event }) => ({
      upperConclusion: {
        level: String(event.data.hearingLevel ?? (context.level ? NEXT_LEVEL[context.level] : '')),
        opinion: String(event.data.opinion ?? ''),
        ...(date(event.data.concludedOn) ? { concludedOn: date(event.data.concludedOn) } : {}),
        ...(typeof event.data.sourceCaseNo === 'string' ? { sourceCaseNo: event.data.sourceCaseNo } : {}),
      },
      endedOn: event.today,
    })),
    recordEnd: assign(({ event }) => ({ endedOn: date(event.data.withdrawnOn) ?? date(event.data.recordedOn) ?? event.today })),
  },
}).createMachine({
  id: 'hr',
  initial: 'proposed',
  context: ({ input }) => input,
  states: {
    proposed: {
      description: '拟听证：人民调解、信访事项办理（复查、复核）或者行政复议中，对重大、复杂、疑难的事项拟组织听证（评理）；由本地区听证规则规定的召集单位召集。',
      meta: meta({ label: '拟听证', labelEn: 'Hearing proposed', legalBasis: HR_LAW }),
      on: {
        RECEIVE_REQUEST: { target: to('referred'), guard: 'convenerFitsLevel', actions: 'recordRequest' },
        PROPOSE: { target: to('consentPending'), guard: and(['convenerFitsLevel', 'proposedNotInFuture']), actions: 'recordProposal' },
      },
    },
    referred: {
      description: '提请听证的案件已移送本召集单位：签收后征询当事人意见或者受理申请；不属于本单位召集的，说明理由退回。',
      tags: ['inbox'],
      meta: meta({ label: '听证提请待签收', labelEn: 'Hearing request awaiting receipt', legalBasis: RULES }),
      on: {
        SIGN_FOR: { target: to('consentPending'), actions: [acceptTransfer] },
        RETURN: { target: to('returned'), actions: [returnTransfer('reason')] },
        ...parentEnded,
      },
    },
    consentPending: {
      description: '征询或者申请：告知当事人有权申请听证；机关提出的听证须经当事人同意，逾期未答复的视为不同意（依本地区规则的期限）。',
      tags: ['hearingPreparation'],
      meta: meta({ label: '征询/申请', labelEn: 'Consent or application', legalBasis: `${RULES}（安徽省信访事项听证办法：告知后五个工作日内申请）`, deadlines: [D_HR1] }),
      on: {
        APPLY: { target: to('decisionPending'), guard: and(['appliedNotInFuture', 'applicantsAreParties']), actions: 'recordApplication' },
        CONSENT: { target: to('decisionPending'), guard: and(['everyPartyConsents', 'consentedNotInFuture']), actions: 'recordConsent' },
        RECORD_REFUSAL: { target: to('lapsed'), actions: ['recordEnd', report('LAPSED')] },
        CONSENT_WINDOW_ENDED: { target: to('lapsed'), actions: ['recordEnd', report('LAPSED')] },
        ...withdraw,
        ...parentEnded,
      },
    },
    decisionPending: {
      description: '决定是否听证：召集单位在本地区规则规定的期限内决定；不予听证的，书面说明理由（不予听证不影响案件继续办理）。',
      tags: ['hearingPreparation'],
      meta: meta({ label: '待决定是否听证', labelEn: 'Decision whether to hold', legalBasis: `${RULES}（安徽、江苏：五个工作日内决定）`, deadlines: [D_HR2] }),
      on: {
        DECIDE_TO_HOLD: { target: to('panelForming'), guard: 'decidedNotInFuture', actions: 'recordDecision' },
        DECLINE: { target: to('declined'), guard: and(['decidedNotInFuture', 'writtenReasons']), actions: ['recordDeclined', report('DECLINED')] },
        ...withdraw,
        ...parentEnded,
      },
    },
    panelForming: {
      description: '组成听证团：主持人由非本案调查处理人员担任，听证员（含主持人）为单数，人数依本地区规则；与当事人或者本案有利害关系的应当回避。',
      tags: ['hearingPreparation'],
      meta: meta({ label: '组成听证团', labelEn: 'Forming the panel', legalBasis: `${RULES}；行政复议法 第五十一条`, deadlines: [D_HR3] }),
      on: {
        APPOINT_PANEL: { guard: and(['panelOdd', 'panelWithinRules', 'noMemberRelated', 'namesDistinct']), actions: 'recordPanel' },
        ...recuse,
        SERVE_NOTICE: { target: to('noticed'), guard: and(['panelComplete', 'everyPartyNotified', 'noticedNotInFuture', 'hearingAfterNotice', 'hearingWithinHoldPeriod']), actions: 'recordNotice' },
        ...withdraw,
        ...parentEnded,
      },
    },
    noticed: {
      description: '已通知：听证通知送达各方当事人，通知期限（本地区规则规定的日数，工作日或者自然日）届满后举行；当事人无正当理由不参加的，视为放弃听证。',
      tags: ['hearingPreparation'],
      meta: meta({ label: '已通知', labelEn: 'Noticed', legalBasis: `${RULES}；行政复议法 第五十一条`, deadlines: [D_HR4] }),
      on: {
        RECORD_HEARING: { target: to('deliberation'), guard: and(['noticePeriodServed', 'heldNotInFuture', 'heldOnNoticedDay']), actions: 'recordHearing' },
        RECORD_ABSENCE: { target: to('waived'), guard: and(['noticePeriodServed', 'absenceOnHearingDay']), actions: ['recordAbsence', report('WAIVED')] },
        ...recuse,
        ...withdraw,
        ...parentEnded,
      },
    },
    deliberation: {
      description: '已举行听证（听证笔录经参加人签名，录音录像留存）：听证团评议合议，少数服从多数，少数意见如实记录。',
      tags: ['deliberation'],
      meta: meta({ label: '评议合议', labelEn: 'Deliberation', legalBasis: RULES }),
      on: {
        CONCLUDE: { target: to('concluded'), guard: and(['votesMatchPanel', 'majorityReached', 'minorityRecorded', 'deliberatedNotInFuture']), actions: 'recordConclusion' },
        ...parentEnded,
      },
    },
    concluded: {
      description: '形成听证意见：听证意见是提请案件作出调解协议、信访处理（复查、复核）意见或者复议决定的重要依据，本身不具有强制力；可以公示，或者提请上一级听证。',
      tags: ['concluded'],
      meta: meta({ label: '听证意见', labelEn: 'Opinion reached', legalBasis: `${RULES}；信访工作条例 第三十六条` }),
      on: {
        PUBLISH: { target: to('published'), guard: 'publishedNotInFuture', actions: ['recordPublication', reportConclusion(true)] },
        CLOSE_UNPUBLISHED: { target: to('delivered'), guard: 'closedNotInFuture', actions: ['recordClosed', reportConclusion(false)] },
        ESCALATE: { target: to('escalated'), guard: 'belowTopLevel', actions: 'recordEscalation' },
        ...parentEnded,
      },
    },
    escalated: {
      description: '提请上一级听证：本级听证笔录、评议意见随案移送上一级召集单位，待其形成听证意见后一并答复提请案件。',
      meta: meta({ label: '已提请上一级听证', labelEn: 'Escalated to the next level', legalBasis: `${RULES}（区、乡镇、村居三级听证）` }),
      on: {
        UPPER_CONCLUDED: { target: to('upperConcluded'), actions: ['recordUpperConclusion', reportConclusion(false)] },
        UPPER_ENDED: { target: to('concluded') },
        ...parentEnded,
      },
    },
    published: {
      type: 'final',
      description: '听证意见已公示（经听证的复核意见可以依法向社会公示）。',
      meta: meta({ label: '已公示', labelEn: 'Published', legalBasis: '信访工作条例 第三十六条' }),
    },
    delivered: { type: 'final', description: '听证意见已送达提请案件和当事人，不公示。', meta: meta({ label: '听证意见已送达', labelEn: 'Opinion delivered', legalBasis: RULES }) },
    upperConcluded: { type: 'final', description: '上一级听证已形成意见，已答复提请案件。', meta: meta({ label: '上一级听证已结论', labelEn: 'The next level concluded', legalBasis: RULES }) },
    declined: { type: 'final', description: '决定不予听证并书面说明理由。', meta: meta({ label: '不予听证', labelEn: 'Declined with written reasons', legalBasis: RULES }) },
    lapsed: { type: 'final', description: '当事人不同意听证或者逾期未申请、未答复，不举行听证。', meta: meta({ label: '未申请/不同意听证', labelEn: 'No application or consent', legalBasis: RULES }) },
    withdrawn: { type: 'final', description: '听证举行前撤回；撤回后不得以同一事实和理由再次申请。', meta: meta({ label: '已撤回', labelEn: 'Withdrawn', legalBasis: RULES }) },
    waived: { type: 'final', description: '当事人无正当理由不参加听证，视为放弃听证。', meta: meta({ label: '视为放弃听证', labelEn: 'Waived by absence', legalBasis: `${RULES}；行政复议法 第五十一条` }) },
    returned: { type: 'final', meta: meta({ label: '已退回提请', labelEn: 'Request returned', legalBasis: RULES }) },
  },
});
