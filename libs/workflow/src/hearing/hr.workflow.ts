import type { CaseOpening, WorkflowDefinition } from '../definition';
import { enumField, objectSchema, textField } from '../building-blocks';
import type { HrCarriedRecord, HrContext, HrPeriod } from './hr.context';
import { CONVENERS, HR_LAW, hrEvents } from './hr.events';
import { hrMachine } from './hr.machine';
import { hrPreconditions } from './hr.preconditions';
import {
  DEFAULT_HEARING_RULES,
  HEARING_LEVELS,
  HEARING_STAGES,
  hearingRulesFor,
  levelConvenedBy,
  type HearingLevel,
  type HearingStage,
  type PeriodRule,
  type RegionHearingRules,
} from './hr.rules';

/** The legal-policy key the engine puts the configured rules under (FENGQIAO_HEARING_RULES). */
export const HEARING_RULES_POLICY = 'hr.rules';

/** Where a hearing asked for by another channel sits, when the request does not say. */
const STAGE_OF_SENDER: Record<string, HearingStage> = { pm: 'PM', rx: 'RX', xf: 'XF_HANDLING' };

const period = (p: PeriodRule): HrPeriod => ({ amount: p.amount, unit: 'day', dayType: p.dayType });
const isLevel = (v: unknown): v is HearingLevel => typeof v === 'string' && v in HEARING_LEVELS;
const isStage = (v: unknown): v is HearingStage => typeof v === 'string' && v in HEARING_STAGES;

function initialContext({ partyIds, openedOn, input = {}, org, origin, policy }: CaseOpening): HrContext {
  const configured = policy?.[HEARING_RULES_POLICY];
  const table = Array.isArray(configured) ? (configured as RegionHearingRules[]) : DEFAULT_HEARING_RULES;
  const rules = hearingRulesFor(table, org?.regionCode) ?? hearingRulesFor(DEFAULT_HEARING_RULES, '330199')!;
  const own = levelConvenedBy(rules, org?.type);
  // An escalated hearing names its level; the organisation must convene that level, or the hearing cannot start.
  const level = isLevel(input.level) ? (rules.levels[input.level].convenerOrgTypes.includes(org?.type ?? '') ? input.level : undefined) : own;
  const levelRule = rules.levels[level ?? own ?? 'VILLAGE'];
  return {
    partyIds,
    openedOn,
    level,
    stage: isStage(input.stage) ? input.stage : (origin && STAGE_OF_SENDER[origin.workflow]) || 'PM',
    orgType: org?.type,
    rulesRegion: rules.regionCode,
    panelMin: levelRule.panel.min,
    panelMax: levelRule.panel.max,
    applicationPeriod: period(rules.application),
    decisionPeriod: period(rules.decision),
    holdPeriod: period(rules.holdWithin),
    noticePeriod: period(levelRule.notice),
    ...(typeof input.matter === 'string' ? { matter: input.matter } : {}),
    initiative: input.initiative === 'ORGAN' ? 'ORGAN' : 'APPLICATION',
    members: [],
    recusals: [],
    priorRecords: Array.isArray(input.priorRecords) ? (input.priorRecords as HrCarriedRecord[]) : [],
  };
}

export const tieredHearing: WorkflowDefinition<HrContext> = {
  id: 'hr',
  version: 1,
  title: '三级听证',
  titleEn: 'Three-level hearing',
  legalBasis: HR_LAW,
  machine: hrMachine,
  events: hrEvents,
  preconditions: hrPreconditions,
  openRoles: [...CONVENERS],
  openingSchema: objectSchema(
    {
      level: enumField('听证级别', HEARING_LEVELS),
      stage: enumField('听证所处程序', HEARING_STAGES),
      matter: textField('听证事项', 1000),
      initiative: enumField('听证启动方式', { APPLICATION: '当事人申请', ORGAN: '机关（组织）提出' }),
      priorRecords: { type: 'array', title: '下级听证记录', items: { type: 'object' } },
    },
    [],
  ),
  initialContext,
  manifest: {
    caseNumberKind: '听',
    roles: { HEARING_OFFICER: '听证工作人员' },
    caseHandlingRoles: [...CONVENERS],
    deadlineOfficers: ['HEARING_OFFICER', 'COMMITTEE_DIRECTOR', 'JUSTICE_STATION_OFFICER', 'PETITION_OFFICER', 'RECONSIDERATION_OFFICER'],
    orgTypes: { PETITION_JOINT_OFFICE: '信访工作联席会议办公室' },
    handlingOrgTypes: ['VILLAGE_MEDIATION_COMMITTEE', 'TOWNSHIP_MEDIATION_COMMITTEE', 'GOVERNANCE_CENTRE', 'JUSTICE_STATION', 'PETITION_JOINT_OFFICE', 'RECONSIDERATION_ORGAN'],
    staff: {
      HEARING_OFFICER: ['VILLAGE_MEDIATION_COMMITTEE', 'TOWNSHIP_MEDIATION_COMMITTEE', 'GOVERNANCE_CENTRE', 'JUSTICE_STATION', 'PETITION_JOINT_OFFICE', 'RECONSIDERATION_ORGAN'],
      PETITION_OFFICER: ['PETITION_JOINT_OFFICE'],
    },
    outcomes: {
      SIGNED_FOR: '听证召集单位已签收',
      RETURNED: '听证召集单位退回',
      DECLINED: '不予听证（书面理由）',
      LAPSED: '未申请或者不同意听证',
      WITHDRAWN: '撤回听证',
      WAIVED: '无故缺席视为放弃听证',
      CONCLUDED: '形成听证意见',
    },
    relationLabel: '听证',
    facts: (c: HrContext) => ({
      level: c.level ?? null,
      levelLabel: c.level ? HEARING_LEVELS[c.level] : null,
      stage: c.stage,
      stageLabel: HEARING_STAGES[c.stage],
      rulesRegion: c.rulesRegion,
      panelMin: c.panelMin,
      panelMax: c.panelMax,
      noticePeriod: c.noticePeriod,
      matter: c.matter ?? null,
      presiding: c.presiding ?? null,
      members: c.members,
      clerk: c.clerk ?? null,
      recusals: c.recusals,
      hearingOn: c.hearingOn ?? null,
      venue: c.venue ?? null,
      record: c.record ?? null,
      deliberation: c.deliberation ?? null,
      conclusion: c.conclusion ?? null,
      declined: c.declined ?? null,
      priorRecords: c.priorRecords,
      upperConclusion: c.upperConclusion ?? null,
    }),
    queues: [
      { id: 'hr-inbox', label: '听证提请待签收', roles: [...CONVENERS], tag: 'inbox' },
      { id: 'hr-preparation', label: '听证筹备（征询、决定、组成听证团、通知）', roles: [...CONVENERS], tag: 'hearingPreparation' },
      { id: 'hr-deliberation', label: '待评议合议', roles: [...CONVENERS], tag: 'deliberation' },
      { id: 'hr-concluded', label: '听证意见待公示或提请上一级', roles: [...CONVENERS], tag: 'concluded' },
    ],
  },
};
