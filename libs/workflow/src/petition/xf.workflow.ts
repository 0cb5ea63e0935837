import type { CaseOpening, WorkflowDefinition } from '../definition';
import { dateField, enumField, objectSchema } from '../building-blocks';
import { isIsoDate } from '../reconsideration/rx.periods';
import type { PetitionChannel, XfContext } from './xf.context';
import { PETITION_CHANNELS, xfEvents } from './xf.events';
import { xfLookups } from './xf.earlier';
import { xfMachine } from './xf.machine';
import { xfPreconditions } from './xf.preconditions';

/** The organisation types this channel introduces: the petition offices at every level and the government departments petitions are handled by. */
export const PETITION_ORG_TYPES = {
  PETITION_BUREAU: '信访局',
  PETITION_OFFICE: '乡镇（街道）信访办',
  GOVERNMENT_DEPARTMENT: '人民政府工作部门',
};

/** 第二十条: a group visit chooses representatives, at most five. */
export const MAX_REPRESENTATIVES = 5;

const channel = (value: unknown): PetitionChannel => (typeof value === 'string' && value in PETITION_CHANNELS ? (value as PetitionChannel) : 'ONLINE');
const names = (value: unknown): string[] => (Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim()) : []);

function initialContext({ partyIds, openedOn, input = {}, org, regionCode }: CaseOpening): XfContext {
  return {
    partyIds,
    openedOn,
    channel: channel(input.channel),
    groupVisit: input.groupVisit === true,
    representatives: names(input.representatives),
    registeredOn: isIsoDate(input.registeredOn) ? input.registeredOn : openedOn,
    handlingOrgType: org?.type,
    handlingRegionCode: org?.regionCode ?? regionCode ?? '',
    ...(typeof input.matterKey === 'string' && input.matterKey.trim() ? { matterKey: input.matterKey.trim() } : {}),
    aftercare: [],
  };
}

export const petition: WorkflowDefinition<XfContext> = {
  id: 'xf',
  version: 1,
  title: '信访',
  titleEn: 'Petition (letters and visits)',
  legalBasis: '信访工作条例（2022） 第十七条至第三十七条；司法部、国家信访局关于进一步深化人民调解参与信访工作对接 推进信访工作法治化的意见（2025）',
  machine: xfMachine,
  events: xfEvents,
  preconditions: xfPreconditions,
  openRoles: ['PETITION_OFFICER', 'INTAKE_CLERK'],
  openingSchema: objectSchema(
    {
      channel: enumField('信访形式', PETITION_CHANNELS),
      groupVisit: { type: 'boolean', title: '多人走访' },
      representatives: { type: 'array', title: '推选的代表（不超过五名）', items: { type: 'string', minLength: 1, maxLength: 40 }, maxItems: MAX_REPRESENTATIVES, uniqueItems: true },
      registeredOn: dateField('登记日期'),
      matterKey: { type: 'string', title: '信访事项编号（同一编号即同一事项）', minLength: 1, maxLength: 60 },
    },
    ['channel'],
  ),
  initialContext,
  lookups: xfLookups,
  manifest: {
    caseNumberKind: '信',
    roles: { PETITION_OFFICER: '信访工作人员' },
    caseHandlingRoles: ['PETITION_OFFICER'],
    staff: { PETITION_OFFICER: Object.keys(PETITION_ORG_TYPES), INTAKE_CLERK: ['PETITION_BUREAU', 'PETITION_OFFICE'] },
    deadlineOfficers: ['PETITION_OFFICER'],
    orgTypes: PETITION_ORG_TYPES,
    handlingOrgTypes: Object.keys(PETITION_ORG_TYPES),
    outcomes: {
      SIGNED_FOR: '有权处理机关已签收',
      RETURNED: '有权处理机关异议退回',
      OPINION_ISSUED: '出具信访处理意见书',
      SETTLED: '达成协议息诉',
      FINAL: '复核终结',
    },
    relationLabel: '信访转送',
    facts: (c: XfContext) => ({ hearings: c.hearings ?? [] }),
    queues: [
      { id: 'xf-registered', label: '待分类研判的信访事项', roles: ['PETITION_OFFICER', 'INTAKE_CLERK'], tag: 'registered' },
      { id: 'xf-inbox', label: '转送交办待受理', roles: ['PETITION_OFFICER'], tag: 'inbox' },
      { id: 'xf-handling', label: '办理中的信访事项', roles: ['PETITION_OFFICER'], tag: 'handling' },
      { id: 'xf-aftercare', label: '终结后的疏导帮扶', roles: ['PETITION_OFFICER'], tag: 'aftercare' },
    ],
  },
};
