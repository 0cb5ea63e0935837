import type { CaseOpening, WorkflowDefinition } from '../definition';
import { dateField, objectSchema, partyIdsField } from '../building-blocks';
import type { LabContext } from './lab.context';
import { labEvents } from './lab.events';
import { labMachine } from './lab.machine';
import { isIsoDate } from './lab.periods';
import { labPreconditions } from './lab.preconditions';

/** Legal-policy key (FENGQIAO_LEGAL_POLICY): `"working"` counts the five-day acceptance review in working days. */
export const ACCEPTANCE_DAY_TYPE = 'lab.acceptanceDayType';

const date = (value: unknown) => (isIsoDate(value) ? value : undefined);
const ids = (value: unknown) => (Array.isArray(value) ? value.filter((x): x is string => typeof x === 'string') : []);

export const labourArbitration: WorkflowDefinition<LabContext> = {
  id: 'lab',
  version: 1,
  title: '劳动人事争议仲裁',
  titleEn: 'Labour and personnel dispute arbitration',
  legalBasis: '中华人民共和国劳动争议调解仲裁法 第二十七条至第五十三条',
  machine: labMachine,
  events: labEvents,
  preconditions: labPreconditions,
  openRoles: ['ARBITRATOR', 'INTAKE_CLERK'],
  openingSchema: objectSchema(
    {
      receivedOn: dateField('仲裁委员会收到申请日期'),
      workerPartyIds: partyIdsField('劳动者一方当事人'),
      knewOn: dateField('知道或者应当知道权利被侵害之日'),
      wageArrears: { type: 'boolean', title: '劳动关系存续期间因拖欠劳动报酬发生的争议' },
      employmentEndedOn: dateField('劳动关系终止之日'),
      interruptedOn: dateField('仲裁时效中断之日（如向调解组织申请调解）'),
    },
    [],
  ),
  initialContext: ({ partyIds, openedOn, input, policy }: CaseOpening): LabContext => {
    const receivedOn = date(input?.receivedOn) ?? openedOn;
    const working = policy?.[ACCEPTANCE_DAY_TYPE] === 'working';
    return {
      partyIds,
      openedOn,
      receivedOn,
      ...(working ? { acceptanceReviewFromWorking: receivedOn } : { acceptanceReviewFrom: receivedOn }),
      workerPartyIds: ids(input?.workerPartyIds).filter((id) => partyIds.includes(id)),
      knewOn: date(input?.knewOn),
      wageArrears: input?.wageArrears === true,
      employmentEndedOn: date(input?.employmentEndedOn),
      interruptedOn: date(input?.interruptedOn),
      setAsideGranted: false,
      awardIneffective: false,
    };
  },
  manifest: {
    caseNumberKind: '劳人仲案',
    assigneeField: 'arbitratorId',
    roles: { ARBITRATOR: '仲裁员' },
    caseHandlingRoles: ['ARBITRATOR'],
    staff: { ARBITRATOR: ['LABOUR_ARBITRATION_COMMISSION'], INTAKE_CLERK: ['LABOUR_ARBITRATION_COMMISSION'] },
    deadlineOfficers: ['ARBITRATOR'],
    orgTypes: { LABOUR_ARBITRATION_COMMISSION: '劳动人事争议仲裁委员会' },
    handlingOrgTypes: ['LABOUR_ARBITRATION_COMMISSION'],
    outcomes: {
      SIGNED_FOR: '仲裁委员会已签收',
      RETURNED: '仲裁委员会已退回',
      ACCEPTED: '仲裁委员会已受理',
      NOT_ACCEPTED: '仲裁委员会不予受理',
      MEDIATION_DOC_EFFECTIVE: '仲裁调解书生效',
      AWARD_FINAL: '作出终局裁决',
      AWARD_NON_FINAL: '作出非终局裁决',
      AWARD_SET_ASIDE: '终局裁决被撤销',
      AWARD_EFFECTIVE: '裁决发生法律效力',
      SUED: '当事人已向人民法院起诉',
      WITHDRAWN: '撤回仲裁申请',
    },
    relationLabel: '劳动仲裁',
    queues: [
      { id: 'lab-mine', label: '我承办的仲裁案件', roles: ['ARBITRATOR'], assignedToMe: true },
      { id: 'lab-acceptance', label: '待受理审查的仲裁申请', roles: ['ARBITRATOR', 'INTAKE_CLERK'], tag: 'inbox' },
      { id: 'lab-award-windows', label: '裁决起诉、撤销期间内', roles: ['ARBITRATOR'], tag: 'awardWindow' },
    ],
  },
};
