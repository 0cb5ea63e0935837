import type { CaseOpening, WorkflowDefinition } from '../definition';
import { dateField, objectSchema } from '../building-blocks';
import type { ArbContext } from './arb.context';
import { arbEvents } from './arb.events';
import { arbMachine } from './arb.machine';
import { arbPreconditions } from './arb.preconditions';

const date = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

export const commercialArbitration: WorkflowDefinition<ArbContext> = {
  id: 'arb',
  version: 1,
  title: '商事仲裁',
  titleEn: 'Commercial arbitration',
  legalBasis: '中华人民共和国仲裁法（2017年修正） 第二条至第九条、第十六条至第六十四条；中华人民共和国仲裁法（2025年修订） 第七十二条',
  machine: arbMachine,
  events: arbEvents,
  preconditions: arbPreconditions,
  openRoles: ['ARBITRATOR', 'INTAKE_CLERK'],
  openingSchema: objectSchema({ receivedOn: dateField('仲裁委员会收到仲裁申请书日期') }),
  initialContext: ({ partyIds, openedOn, input }: CaseOpening): ArbContext => ({
    partyIds,
    openedOn,
    receivedOn: date(input?.receivedOn) ?? openedOn,
  }),
  manifest: {
    caseNumberKind: '仲',
    assigneeField: 'arbitratorId',
    // 仲裁员 and 受理登记员 are the labour-arbitration and mediation channels' roles.
    roles: {},
    caseHandlingRoles: ['ARBITRATOR'],
    staff: { ARBITRATOR: ['COMMERCIAL_ARBITRATION_COMMISSION'], INTAKE_CLERK: ['COMMERCIAL_ARBITRATION_COMMISSION'] },
    deadlineOfficers: ['ARBITRATOR'],
    orgTypes: { COMMERCIAL_ARBITRATION_COMMISSION: '仲裁委员会' },
    handlingOrgTypes: ['COMMERCIAL_ARBITRATION_COMMISSION'],
    outcomes: {
      SIGNED_FOR: '仲裁委员会已签收',
      RETURNED: '仲裁委员会已退回',
      ACCEPTED: '仲裁委员会已受理',
      NOT_ACCEPTED: '仲裁委员会不予受理',
      MEDIATION_DOC_EFFECTIVE: '仲裁调解书生效',
      AWARD_MADE: '作出裁决（终局）',
      SET_ASIDE_APPLIED: '当事人申请撤销裁决',
      AWARD_SET_ASIDE: '裁决被撤销',
      AWARD_UNCHALLENGEABLE: '裁决不再能申请撤销',
      WITHDRAWN: '撤回仲裁申请',
    },
    relationLabel: '商事仲裁',
    queues: [
      { id: 'arb-mine', label: '我承办的商事仲裁案件', roles: ['ARBITRATOR'], assignedToMe: true },
      { id: 'arb-acceptance', label: '待审查的仲裁申请', roles: ['ARBITRATOR', 'INTAKE_CLERK'], tag: 'inbox' },
      { id: 'arb-set-aside', label: '裁决申请撤销期间内', roles: ['ARBITRATOR'], tag: 'awardWindow' },
    ],
  },
};
