import type { WorkflowDefinition } from '../definition';
import type { PmContext } from './pm.context';
import { pmEvents } from './pm.events';
import { pmMachine } from './pm.machine';
import { pmPreconditions } from './pm.preconditions';

const PM_ORG_TYPES = ['VILLAGE_MEDIATION_COMMITTEE', 'TOWNSHIP_MEDIATION_COMMITTEE', 'DISTRICT_MEDIATION_CENTRE'];

export const peopleMediation: WorkflowDefinition<PmContext> = {
  id: 'pm',
  version: 1,
  title: '人民调解',
  titleEn: 'People’s mediation',
  legalBasis: '中华人民共和国人民调解法',
  machine: pmMachine,
  events: pmEvents,
  preconditions: pmPreconditions,
  openRoles: ['INTAKE_CLERK', 'MEDIATOR', 'COMMITTEE_DIRECTOR'],
  initialContext: ({ partyIds, openedOn }) => ({ partyIds, openedOn, confirmed: false, followUpDone: false }),
  manifest: {
    caseNumberKind: '调',
    assigneeField: 'mediatorId',
    roles: { INTAKE_CLERK: '受理登记员', MEDIATOR: '调解员', COMMITTEE_DIRECTOR: '调委会主任' },
    caseHandlingRoles: ['INTAKE_CLERK', 'MEDIATOR', 'COMMITTEE_DIRECTOR'],
    staff: { INTAKE_CLERK: PM_ORG_TYPES, MEDIATOR: PM_ORG_TYPES, COMMITTEE_DIRECTOR: PM_ORG_TYPES },
    deadlineOfficers: ['COMMITTEE_DIRECTOR'],
    orgTypes: {
      VILLAGE_MEDIATION_COMMITTEE: '村（居）人民调解委员会',
      TOWNSHIP_MEDIATION_COMMITTEE: '乡镇（街道）人民调解委员会',
      DISTRICT_MEDIATION_CENTRE: '区矛盾纠纷大调解中心',
    },
    handlingOrgTypes: PM_ORG_TYPES,
    outcomes: {
      SIGNED_FOR: '调解组织已签收',
      RETURNED: '调解组织已退回',
      AGREED: '达成调解协议',
      FAILED: '调解不成',
      REFUSED: '当事人拒绝调解',
      WITHDRAWN: '当事人要求终止调解',
      NOT_ACCEPTED: '调解组织不予受理',
      TRANSFERRED: '移送其他机关',
    },
    relationLabel: '委托调解',
    facts: (c: { hearings?: unknown[] }) => ({ hearings: c.hearings ?? [] }),
    queues: [
      { id: 'pm-entrusted', label: '法院委托待签收', roles: ['MEDIATOR', 'COMMITTEE_DIRECTOR'], tag: 'inbox' },
      { id: 'pm-unassigned', label: '待指定调解员', roles: ['COMMITTEE_DIRECTOR'], tag: 'awaitingAssignment' },
      { id: 'pm-mine', label: '我承办的调解', roles: ['MEDIATOR'], assignedToMe: true },
    ],
    // An agreement, oral or written, is the mediation's success (人民调解法 第二十八条); archiving follows performance or default.
    statistics: {
      succeeded: ['agreedOral', 'agreedWritten'],
      performed: ['performed'],
      survey: true,
    },
  },
};
