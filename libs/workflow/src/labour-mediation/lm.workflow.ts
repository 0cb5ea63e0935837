import type { CaseOpening, WorkflowDefinition } from '../definition';
import { dateField, objectSchema, partyIdsField } from '../building-blocks';
import type { LmContext } from './lm.context';
import { lmEvents } from './lm.events';
import { lmMachine } from './lm.machine';
import { lmPreconditions } from './lm.preconditions';

const date = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);
const ids = (value: unknown) => (Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);

export const labourMediation: WorkflowDefinition<LmContext> = {
  id: 'lm',
  version: 1,
  title: '劳动争议调解',
  titleEn: 'Labour dispute mediation',
  legalBasis: '中华人民共和国劳动争议调解仲裁法 第十条至第十六条',
  machine: lmMachine,
  events: lmEvents,
  preconditions: lmPreconditions,
  openRoles: ['INTAKE_CLERK', 'MEDIATOR', 'COMMITTEE_DIRECTOR'],
  openingSchema: objectSchema(
    {
      receivedOn: dateField('调解组织收到申请日期'),
      workerPartyIds: partyIdsField('劳动者一方当事人'),
      knewOn: dateField('知道或者应当知道权利被侵害之日'),
      wageArrears: { type: 'boolean', title: '劳动关系存续期间因拖欠劳动报酬发生的争议' },
      employmentEndedOn: dateField('劳动关系终止之日'),
    },
    [],
  ),
  initialContext: ({ partyIds, openedOn, input }: CaseOpening): LmContext => ({
    partyIds,
    openedOn,
    receivedOn: date(input?.receivedOn) ?? openedOn,
    workerPartyIds: ids(input?.workerPartyIds).filter((id) => partyIds.includes(id)),
    knewOn: date(input?.knewOn),
    wageArrears: input?.wageArrears === true,
    employmentEndedOn: date(input?.employmentEndedOn),
    periodElapsed: false,
    failed: false,
    notPerformed: false,
  }),
  manifest: {
    caseNumberKind: '劳调',
    assigneeField: 'mediatorId',
    roles: {},
    caseHandlingRoles: [],
    staff: {},
    deadlineOfficers: ['COMMITTEE_DIRECTOR'],
    orgTypes: {},
    handlingOrgTypes: ['VILLAGE_MEDIATION_COMMITTEE', 'TOWNSHIP_MEDIATION_COMMITTEE', 'DISTRICT_MEDIATION_CENTRE'],
    outcomes: {
      SIGNED_FOR: '调解组织已签收',
      RETURNED: '调解组织已退回',
      AGREED: '达成调解协议',
      FAILED: '调解不成',
      WITHDRAWN: '撤回调解申请',
      PERFORMED: '调解协议已履行',
      NOT_PERFORMED: '调解协议未按期履行',
      REVIEW_CONFIRMED: '经仲裁审查出具调解书',
      TO_ARBITRATION: '已转入劳动仲裁',
    },
    relationLabel: '劳动争议调解',
    queues: [
      { id: 'lm-mine', label: '我调解的劳动争议', roles: ['MEDIATOR'], assignedToMe: true },
      { id: 'lm-intake', label: '待受理的劳动争议调解申请', roles: ['MEDIATOR', 'COMMITTEE_DIRECTOR', 'INTAKE_CLERK'], tag: 'inbox' },
      { id: 'lm-arbitration-open', label: '可申请劳动仲裁', roles: ['MEDIATOR', 'COMMITTEE_DIRECTOR'], tag: 'arbitrationOpen' },
    ],
    statistics: { succeeded: ['agreed'], performed: ['performed'] },
  },
};
