import type { CaseOpening, WorkflowDefinition } from '../definition';
import { dateField, objectSchema } from '../building-blocks';
import type { CmContext } from './cm.context';
import { cmEvents } from './cm.events';
import { cmMachine } from './cm.machine';
import { cmPreconditions } from './cm.preconditions';

const date = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

export const commercialMediation: WorkflowDefinition<CmContext> = {
  id: 'cm',
  version: 1,
  title: '商事调解',
  titleEn: 'Commercial mediation',
  legalBasis: '商事调解条例（2026年5月1日起施行） 第二条、第二十三条、第三十三条；中华人民共和国民事诉讼法 第二百零五条、第二百零六条',
  machine: cmMachine,
  events: cmEvents,
  preconditions: cmPreconditions,
  openRoles: ['MEDIATOR', 'INTAKE_CLERK'],
  openingSchema: objectSchema({ appliedOn: dateField('调解组织收到申请日期') }),
  initialContext: ({ partyIds, openedOn, input }: CaseOpening): CmContext => ({
    partyIds,
    openedOn,
    appliedOn: date(input?.appliedOn) ?? openedOn,
    confirmed: false,
  }),
  manifest: {
    caseNumberKind: '商调',
    assigneeField: 'mediatorId',
    // 调解员 and 受理登记员 are the people's-mediation channel's roles.
    roles: {},
    caseHandlingRoles: [],
    staff: { MEDIATOR: ['COMMERCIAL_MEDIATION_ORG'], INTAKE_CLERK: ['COMMERCIAL_MEDIATION_ORG'], COMMITTEE_DIRECTOR: ['COMMERCIAL_MEDIATION_ORG'] },
    deadlineOfficers: ['COMMITTEE_DIRECTOR'],
    orgTypes: { COMMERCIAL_MEDIATION_ORG: '商事调解组织' },
    handlingOrgTypes: ['COMMERCIAL_MEDIATION_ORG'],
    outcomes: {
      SIGNED_FOR: '商事调解组织已受理',
      RETURNED: '商事调解组织已退回',
      DECLINED: '不予受理',
      AGREED: '达成调解协议',
      FAILED: '调解不成',
      CONFIRMED: '调解协议经司法确认',
    },
    relationLabel: '商事调解',
    queues: [
      { id: 'cm-inbox', label: '待受理的商事调解申请', roles: ['MEDIATOR', 'INTAKE_CLERK'], tag: 'inbox' },
      { id: 'cm-mine', label: '我承办的商事调解', roles: ['MEDIATOR'], assignedToMe: true },
    ],
    statistics: { succeeded: ['agreed'], performed: ['performed'] },
  },
};
