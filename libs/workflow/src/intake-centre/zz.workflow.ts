import type { CaseOpening, WorkflowDefinition } from '../definition';
import { enumField, objectSchema } from '../building-blocks';
import type { ZzContext } from './zz.context';
import { zzEvents } from './zz.events';
import { zzMachine } from './zz.machine';
import { zzPreconditions } from './zz.preconditions';

export const INTAKE_CHANNELS = { COUNTER: '窗口登记', GRID: '网格员上报', HOTLINE: '12345 热线', PETITION: '信访转入', COMMITTEE: '调委会报送' };
const CENTRE = ['GOVERNANCE_CENTRE'];

function initialContext({ partyIds, openedOn, input = {} }: CaseOpening): ZzContext {
  const channel = typeof input.intakeChannel === 'string' && input.intakeChannel in INTAKE_CHANNELS ? input.intakeChannel : 'COUNTER';
  return { partyIds, openedOn, intakeChannel: channel, dispatched: 0, openChildren: 0 };
}

export const intakeCentre: WorkflowDefinition<ZzContext> = {
  id: 'zz',
  version: 1,
  title: '综治中心受理分流',
  titleEn: 'Governance centre intake',
  legalBasis: '信访工作条例 第三十一条；关于加强社会治安综合治理中心规范化建设的意见（2024）',
  machine: zzMachine,
  events: zzEvents,
  preconditions: zzPreconditions,
  openRoles: ['CENTRE_DISPATCHER', 'INTAKE_CLERK', 'GRID_WORKER'],
  openingSchema: objectSchema({ intakeChannel: enumField('受理渠道', INTAKE_CHANNELS) }),
  initialContext,
  manifest: {
    caseNumberKind: '综受',
    roles: { CENTRE_DISPATCHER: '综治中心受理分流员', GRID_WORKER: '网格员' },
    caseHandlingRoles: ['CENTRE_DISPATCHER', 'GRID_WORKER'],
    staff: { CENTRE_DISPATCHER: CENTRE, GRID_WORKER: CENTRE, INTAKE_CLERK: CENTRE },
    deadlineOfficers: ['CENTRE_DISPATCHER'],
    orgTypes: { GOVERNANCE_CENTRE: '社会治安综合治理中心' },
    handlingOrgTypes: CENTRE,
    // Nothing sends work to the centre through a route: it is where disputes come in.
    outcomes: {},
    relationLabel: '综治中心分流',
    queues: [
      { id: 'zz-triage', label: '待甄别研判', roles: ['CENTRE_DISPATCHER'], tag: 'awaitingTriage' },
      { id: 'zz-dispatch', label: '待分流派单', roles: ['CENTRE_DISPATCHER'], tag: 'awaitingDispatch' },
      { id: 'zz-supervising', label: '跟踪督办中', roles: ['CENTRE_DISPATCHER'], tag: 'supervising' },
      { id: 'zz-follow-up', label: '待回访结案', roles: ['CENTRE_DISPATCHER', 'GRID_WORKER'], tag: 'followUpDue' },
    ],
    seesWholeDispute: true,
  },
};
