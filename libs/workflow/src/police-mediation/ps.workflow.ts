import type { CaseOpening, WorkflowDefinition } from '../definition';
import { dateField, enumField, objectSchema, textField } from '../building-blocks';
import type { PsContext, PsRegime, PsViolation } from './ps.context';
import { GAXZ, VIOLATIONS, ZAF, psEvents } from './ps.events';
import { psMachine } from './ps.machine';
import { psPreconditions } from './ps.preconditions';

/**
 * The revised 治安管理处罚法 (2025-06-27) takes effect on 2026-01-01: a case accepted from then on is handled under it
 * (its 第九条第四款 makes the settlement route of 程序规定 第一百八十六条 statutory, 第一百零八条 governs one-officer
 * mediation). Whether the Ministry has renumbered the 程序规定 since is unconfirmed, so the day is policy
 * (`ps.revisedLawFrom`), not a constant, and the articles cited are those of the 2019 程序规定.
 */
export const REVISED_LAW_FROM = '2026-01-01';

const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

function regimeOn(day: string, policy: Record<string, unknown> | undefined): PsRegime {
  const from = isDate(policy?.['ps.revisedLawFrom']) ? (policy!['ps.revisedLawFrom'] as string) : REVISED_LAW_FROM;
  return day >= from ? 'ZAF2025' : 'ZAF2012';
}

function initialContext({ partyIds, openedOn, input = {}, policy }: CaseOpening): PsContext {
  const acceptedOn = isDate(input.acceptedOn) && input.acceptedOn <= openedOn ? input.acceptedOn : openedOn;
  const violation = typeof input.violation === 'string' && input.violation in VIOLATIONS ? (input.violation as PsViolation) : 'OTHER';
  return { partyIds, openedOn, acceptedOn, regime: regimeOn(acceptedOn, policy), violation };
}

export const policeMediation: WorkflowDefinition<PsContext> = {
  id: 'ps',
  version: 1,
  title: '治安调解',
  titleEn: 'Police mediation of public-order cases',
  legalBasis: `中华人民共和国${ZAF} 第九条；${GAXZ}（2019年修订） 第一百七十八条至第一百八十六条`,
  machine: psMachine,
  events: psEvents,
  preconditions: psPreconditions,
  openRoles: ['POLICE_OFFICER'],
  openingSchema: objectSchema(
    {
      violation: enumField('违反治安管理行为', VIOLATIONS),
      acceptedOn: dateField('受案日期'),
      incident: textField('简要案情', 1000),
    },
    // A case transferred by another body may not name the violation yet: the eligibility review names it.
    [],
  ),
  initialContext,
  manifest: {
    caseNumberKind: '治调',
    assigneeField: 'officerId',
    roles: { POLICE_OFFICER: '民警' },
    caseHandlingRoles: ['POLICE_OFFICER'],
    staff: { POLICE_OFFICER: ['POLICE_STATION'] },
    deadlineOfficers: ['POLICE_OFFICER'],
    orgTypes: { POLICE_STATION: '派出所' },
    handlingOrgTypes: ['POLICE_STATION'],
    outcomes: { SIGNED_FOR: '派出所已签收受案', RETURNED: '派出所已退回', NO_PENALTY: '不予处罚', PENALISED: '依法处罚' },
    relationLabel: '治安调解',
    queues: [
      { id: 'ps-mine', label: '我承办的治安调解案件', roles: ['POLICE_OFFICER'], assignedToMe: true },
      { id: 'ps-inbox', label: '移送待受案', roles: ['POLICE_OFFICER'], tag: 'inbox' },
      { id: 'ps-second-session', label: '待再次调解（七个工作日内）', roles: ['POLICE_OFFICER'], tag: 'secondSession' },
      { id: 'ps-performance', label: '调解协议履行中', roles: ['POLICE_OFFICER'], tag: 'performance' },
      { id: 'ps-decision', label: '待作出处理决定', roles: ['POLICE_OFFICER'], tag: 'decisionPending' },
      { id: 'ps-referral', label: '转人民调解或自行和解中', roles: ['POLICE_OFFICER'], tag: 'referral' },
    ],
  },
};
