import type { Precondition, WorkflowEvent } from '../definition';
import { everyParty, notInFuture } from '../building-blocks';
import type { HrContext, HrMember } from './hr.context';
import { HEARING_LEVELS, NEXT_LEVEL } from './hr.rules';

/** The hearing rules are local (spec §8), made under 第三十一条第六项's power to hold hearings. */
const RULES = '本地区听证规则（信访工作条例 第三十一条第六项）';

/** The panel the event appoints, presiding officer first. */
const panelOf = (event: WorkflowEvent): HrMember[] => [event.data.presiding, ...(Array.isArray(event.data.members) ? event.data.members : [])].filter(Boolean);
const panelSize = (context: HrContext) => (context.presiding ? 1 : 0) + context.members.length;
const related = (event: WorkflowEvent) => panelOf(event).filter((m) => Array.isArray(m.relations) && m.relations.length > 0);

export const hrPreconditions: Record<string, Precondition<HrContext>> = {
  convenerFitsLevel: {
    check: (context) => context.level !== undefined,
    message: '本组织不是本地区听证规则规定的听证召集单位，不能召集听证',
    messageEn: 'Under its region’s hearing rules this organisation convenes no hearing level',
    legalBasis: RULES,
  },
  proposedNotInFuture: notInFuture('proposedOn', '告知日期'),
  appliedNotInFuture: notInFuture('appliedOn', '申请日期'),
  applicantsAreParties: {
    check: (context, event) => Array.isArray(event.data.applicantPartyIds) && event.data.applicantPartyIds.every((id: string) => context.partyIds.includes(id)),
    message: '听证申请人须为本案当事人',
    messageEn: 'Applicants must be parties to the case',
    legalBasis: RULES,
  },
  everyPartyConsents: everyParty('consentedPartyIds', '机关（组织）提出的听证须经各方当事人同意', 'A hearing the organ proposes needs every party’s consent', RULES),
  consentedNotInFuture: notInFuture('consentedOn', '同意日期'),
  decidedNotInFuture: notInFuture('decidedOn', '决定日期'),
  writtenReasons: {
    check: (_context, event) => typeof event.data.reasons === 'string' && event.data.reasons.trim().length >= 10,
    message: '决定不予听证的，应当书面说明理由（不少于十个字）',
    messageEn: 'A refusal to hold the hearing must give written reasons (at least ten characters)',
    legalBasis: RULES,
  },
  panelOdd: {
    check: (_context, event) => panelOf(event).length % 2 === 1,
    message: '听证团（含主持人）应当为单数',
    messageEn: 'The panel, presiding officer included, must have an odd number of members',
    legalBasis: RULES,
  },
  panelWithinRules: {
    check: (context, event) => panelOf(event).length >= context.panelMin && panelOf(event).length <= context.panelMax,
    message: '听证团人数不符合本地区听证规则',
    messageEn: 'The panel size is outside this region’s rules',
    legalBasis: RULES,
    explain: (context, event) => ({
      message: `本地区${context.level ? HEARING_LEVELS[context.level] : '听证'}的听证团（含主持人）应为${context.panelMin}至${context.panelMax}人，现为${panelOf(event).length}人`,
      messageEn: `This region's ${context.level ?? ''} hearings sit ${context.panelMin} to ${context.panelMax} (presiding officer included); ${panelOf(event).length} were named`,
    }),
  },
  noMemberRelated: {
    check: (_context, event) => related(event).length === 0,
    message: '听证员与当事人或者本案有利害关系的，应当回避',
    messageEn: 'A member related to a party or to the case must withdraw (回避)',
    legalBasis: RULES,
    explain: (_context, event) => {
      const names = related(event).map((m) => m.name);
      return names.length ? { message: `${names.join('、')}与当事人或者本案有利害关系，应当回避，不能担任听证员`, messageEn: `${names.join(', ')} must withdraw (回避): related to a party or to the case` } : undefined;
    },
  },
  namesDistinct: {
    check: (_context, event) => new Set(panelOf(event).map((m) => m.name)).size === panelOf(event).length,
    message: '同一人不能在听证团中担任两个席位',
    messageEn: 'One person cannot hold two seats on the panel',
    legalBasis: RULES,
  },
  memberOnPanel: {
    check: (context, event) => context.presiding?.name === event.data.name || context.members.some((m) => m.name === event.data.name),
    message: '该人员不是本听证团成员',
    messageEn: 'That person is not on the panel',
    legalBasis: RULES,
  },
  recusalNotInFuture: notInFuture('decidedOn', '决定日期'),
  panelComplete: {
    check: (context) => context.presiding !== undefined && panelSize(context) % 2 === 1 && panelSize(context) >= context.panelMin && panelSize(context) <= context.panelMax,
    message: '听证团尚未依规组成（单数、人数符合本地区规则），不能发出听证通知',
    messageEn: 'The panel is not complete (odd, within this region’s size) yet',
    legalBasis: RULES,
  },
  everyPartyNotified: everyParty('notifiedPartyIds', '听证通知应当送达各方当事人', 'Every party must be notified', RULES),
  noticedNotInFuture: notInFuture('noticedOn', '通知日期'),
  hearingAfterNotice: {
    check: (_context, event) => typeof event.data.hearingOn === 'string' && event.data.hearingOn > String(event.data.noticedOn),
    message: '听证日期应当在通知日期之后',
    messageEn: 'The hearing must be after the notice',
    legalBasis: RULES,
  },
  hearingWithinHoldPeriod: {
    check: (_context, event) => typeof event.deadlines['D-HR3'] !== 'string' || String(event.data.hearingOn) <= event.deadlines['D-HR3'],
    message: '听证应当在决定举行听证后的期限内举行（见 D-HR3）',
    messageEn: 'The hearing must be held within the period after the decision (D-HR3)',
    legalBasis: RULES,
    explain: (_context, event) => ({ message: `听证应当在${event.deadlines['D-HR3']}前举行`, messageEn: `The hearing must be held by ${event.deadlines['D-HR3']}` }),
  },
  noticePeriodServed: {
    check: (_context, event) => typeof event.deadlines['D-HR4'] === 'string' && event.today >= event.deadlines['D-HR4'],
    message: '听证通知期限未满，不能举行听证',
    messageEn: 'The notice period has not run yet',
    legalBasis: `${RULES}；行政复议法 第五十一条`,
    explain: (context, event) =>
      typeof event.deadlines['D-HR4'] === 'string'
        ? {
            message: `本地区听证应当提前${context.noticePeriod.amount}${context.noticePeriod.dayType === 'working' ? '个工作日' : '日'}通知，最早可于${event.deadlines['D-HR4']}举行`,
            messageEn: `Notice must be ${context.noticePeriod.amount} ${context.noticePeriod.dayType} days ahead: the hearing can be held from ${event.deadlines['D-HR4']}`,
          }
        : undefined,
  },
  heldNotInFuture: notInFuture('heldOn', '听证日期'),
  heldOnNoticedDay: {
    check: (context, event) => !context.hearingOn || String(event.data.heldOn) >= context.hearingOn,
    message: '听证不能早于通知的听证日期举行',
    messageEn: 'The hearing cannot be held before the day noticed',
    legalBasis: RULES,
  },
  absenceOnHearingDay: {
    check: (context, event) => !context.hearingOn || event.today >= context.hearingOn,
    message: '听证日期未到，不能认定缺席',
    messageEn: 'The hearing day has not come yet',
    legalBasis: RULES,
  },
  votesMatchPanel: {
    check: (context, event) => Number(event.data.votesFor) + Number(event.data.votesAgainst) === panelSize(context),
    message: '评议人数应当与听证团人数一致',
    messageEn: 'The votes must add up to the panel',
    legalBasis: RULES,
  },
  majorityReached: {
    check: (_context, event) => Number(event.data.votesFor) > Number(event.data.votesAgainst),
    message: '听证意见按听证团多数人的意见形成',
    messageEn: 'The opinion is the majority’s: more members must hold it than not',
    legalBasis: RULES,
  },
  minorityRecorded: {
    check: (_context, event) => Number(event.data.votesAgainst) === 0 || (Array.isArray(event.data.minorityOpinions) && event.data.minorityOpinions.length > 0),
    message: '有不同意见的，少数意见应当如实记入评议笔录',
    messageEn: 'Dissenting members’ views must be recorded',
    legalBasis: RULES,
  },
  deliberatedNotInFuture: notInFuture('deliberatedOn', '评议日期'),
  publishedNotInFuture: notInFuture('publishedOn', '公示日期'),
  closedNotInFuture: notInFuture('closedOn', '送达日期'),
  belowTopLevel: {
    check: (context) => context.level !== undefined && NEXT_LEVEL[context.level] !== undefined,
    message: '区（县）级听证是三级听证的最高一级，不能再提请上一级听证',
    messageEn: 'A county hearing is the top level: there is no level above',
    legalBasis: RULES,
  },
  withdrawnNotInFuture: notInFuture('withdrawnOn', '撤回日期'),
};
