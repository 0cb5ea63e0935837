import type { WorkflowDefinition } from '../definition';
import type { PmContext } from './pm.context';
import { pmEvents } from './pm.events';
import { pmMachine } from './pm.machine';
import { pmPreconditions } from './pm.preconditions';

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
};
