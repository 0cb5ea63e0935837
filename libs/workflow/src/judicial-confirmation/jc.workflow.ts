import type { WorkflowDefinition } from '../definition';
import { dateField, objectSchema, textField } from '../building-blocks';
import type { JcContext } from './jc.context';
import { jcEvents } from './jc.events';
import { jcMachine } from './jc.machine';
import { jcPreconditions } from './jc.preconditions';

export const judicialConfirmation: WorkflowDefinition<JcContext> = {
  id: 'jc',
  version: 1,
  title: '司法确认',
  titleEn: 'Judicial confirmation of a mediation agreement',
  legalBasis: '中华人民共和国民事诉讼法 第二百零五条、第二百零六条',
  machine: jcMachine,
  events: jcEvents,
  preconditions: jcPreconditions,
  openRoles: ['COURT_CLERK'],
  openingSchema: objectSchema(
    {
      agreementEffectiveOn: dateField('调解协议生效日期'),
      performanceDueOn: dateField('协议约定履行期限'),
      mediationOrgName: textField('调解组织名称', 100),
    },
    ['agreementEffectiveOn', 'mediationOrgName'],
  ),
  initialContext: ({ partyIds, openedOn, input }) => ({
    partyIds,
    openedOn,
    agreementEffectiveOn: input?.agreementEffectiveOn as string | undefined,
    performanceDueOn: input?.performanceDueOn as string | undefined,
  }),
  manifest: {
    caseNumberKind: '民特确',
    roles: {},
    caseHandlingRoles: [],
    staff: { JUDGE: ['BASIC_COURT'] },
    deadlineOfficers: ['JUDGE'],
    orgTypes: {},
    handlingOrgTypes: ['BASIC_COURT'],
    outcomes: {
      SIGNED_FOR: '法院已签收',
      RETURNED: '法院已退回',
      CONFIRMED: '裁定调解协议有效',
      NOT_ACCEPTED: '裁定不予受理',
      DISMISSED: '裁定驳回申请',
      WITHDRAWN: '撤回申请',
      DEEMED_WITHDRAWN: '按撤回申请处理',
      REVOKED: '确认裁定被撤销',
    },
    relationLabel: '司法确认',
    queues: [{ id: 'jc-inbox', label: '司法确认待签收', roles: ['COURT_CLERK', 'JUDGE'], tag: 'inbox' }],
  },
};
