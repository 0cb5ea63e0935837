import type { CaseOpening, WorkflowDefinition } from '../definition';
import { dateField, enumField, objectSchema } from '../building-blocks';
import { isIsoDate } from '../labour-arbitration/lab.periods';
import type { LandContext, LandDisputeKind } from './land.context';
import { DISPUTE_KINDS, landEvents } from './land.events';
import { landMachine } from './land.machine';
import { landPreconditions } from './land.preconditions';

/** The organisation type of the commissions this channel introduces (农村土地承包经营纠纷调解仲裁法 第十二条). */
export const LAND_COMMISSION = 'LAND_CONTRACT_ARBITRATION_COMMISSION';
/** Village and township mediation of land-contract disputes happens at their people's mediation committees (第三条). */
const MEDIATION_BODIES = ['VILLAGE_MEDIATION_COMMITTEE', 'TOWNSHIP_MEDIATION_COMMITTEE'];

const date = (value: unknown) => (isIsoDate(value) ? value : undefined);

function handledBy(type: string | undefined): LandContext['handledBy'] {
  if (type === LAND_COMMISSION) return 'COMMISSION';
  return type && MEDIATION_BODIES.includes(type) ? 'MEDIATION' : 'OTHER';
}

export const ruralLand: WorkflowDefinition<LandContext> = {
  id: 'land',
  version: 1,
  title: '农村土地承包经营纠纷调解仲裁',
  titleEn: 'Rural land-contract dispute mediation and arbitration',
  legalBasis: '中华人民共和国农村土地承包经营纠纷调解仲裁法；中华人民共和国土地管理法 第十四条',
  machine: landMachine,
  events: landEvents,
  preconditions: landPreconditions,
  openRoles: ['MEDIATOR', 'INTAKE_CLERK', 'LAND_ARBITRATOR'],
  openingSchema: objectSchema(
    {
      disputeKind: enumField('纠纷类型', DISPUTE_KINDS),
      landLocationCode: { type: 'string', title: '土地坐落（行政区划代码）', pattern: '^[0-9]{6,12}$' },
      knewOn: dateField('知道或者应当知道权利被侵害之日'),
      interruptedOn: dateField('仲裁时效中断之日（如请求调解）'),
    },
    ['disputeKind'],
  ),
  initialContext: ({ partyIds, openedOn, input, regionCode, org }: CaseOpening): LandContext => {
    const by = handledBy(org?.type);
    return {
      partyIds,
      openedOn,
      disputeKind: input?.disputeKind as LandDisputeKind,
      landRegionCode: typeof input?.landLocationCode === 'string' ? input.landLocationCode : (regionCode ?? ''),
      handledBy: by,
      ...(by === 'COMMISSION' ? { commissionRegionCode: org?.regionCode } : {}),
      knewOn: date(input?.knewOn),
      interruptedOn: date(input?.interruptedOn),
      interimRulings: [],
      rightsPending: false,
      landChanges: [],
      awardIneffective: false,
    };
  },
  manifest: {
    caseNumberKind: '农地',
    assigneeField: 'arbitratorId',
    // 农村土地承包仲裁员 are appointed by the land commission on their own qualifications (第十五条), not the labour ones.
    roles: { LAND_ARBITRATOR: '农村土地承包仲裁员' },
    caseHandlingRoles: ['LAND_ARBITRATOR'],
    staff: { LAND_ARBITRATOR: [LAND_COMMISSION], INTAKE_CLERK: [LAND_COMMISSION] },
    deadlineOfficers: ['LAND_ARBITRATOR'],
    orgTypes: { [LAND_COMMISSION]: '农村土地承包仲裁委员会' },
    handlingOrgTypes: [LAND_COMMISSION, ...MEDIATION_BODIES],
    outcomes: {
      SIGNED_FOR: '仲裁委员会已受理（签收）',
      RETURNED: '仲裁委员会不予受理（退回）',
      ACCEPTED: '仲裁委员会已受理',
      NOT_ACCEPTED: '仲裁委员会不予受理',
      MEDIATION_DOC_EFFECTIVE: '仲裁调解书生效',
      AWARDED: '作出仲裁裁决',
      AWARD_EFFECTIVE: '裁决发生法律效力',
      SUED: '当事人已向人民法院起诉',
      WITHDRAWN: '撤回仲裁申请',
    },
    relationLabel: '农村土地承包仲裁',
    queues: [
      { id: 'land-mine', label: '我承办的土地承包仲裁案件', roles: ['LAND_ARBITRATOR'], assignedToMe: true },
      { id: 'land-intake', label: '待受理的土地承包纠纷', roles: ['LAND_ARBITRATOR', 'MEDIATOR', 'INTAKE_CLERK'], tag: 'inbox' },
      { id: 'land-award-windows', label: '裁决起诉期间内', roles: ['LAND_ARBITRATOR'], tag: 'awardWindow' },
    ],
  },
};
