import type { CaseOpening, WorkflowDefinition } from '../definition';
import { dateField, enumField, objectSchema, textField } from '../building-blocks';
import type { ActType, RxContext } from './rx.context';
import { rxEvents } from './rx.events';
import { rxMachine } from './rx.machine';
import { isIsoDate } from './rx.periods';
import { rxPreconditions } from './rx.preconditions';

export const ACT_TYPES: Record<ActType, string> = {
  PENALTY: '行政处罚',
  COMPULSORY_MEASURE: '行政强制措施或者强制执行',
  LICENCE: '行政许可',
  NATURAL_RESOURCE_RIGHTS: '自然资源所有权或者使用权的确认',
  EXPROPRIATION_COMPENSATION: '征收征用决定及补偿决定',
  NON_PERFORMANCE: '不履行法定职责',
  INFORMATION_DISCLOSURE: '政府信息公开',
  ADMINISTRATIVE_AGREEMENT: '行政协议',
  CIVIL_DISPUTE_MEDIATION: '行政机关对民事纠纷作出的调解',
  OTHER: '其他行政行为',
};

/** 行政复议法 第二十三条第一款: the cases where reconsideration must come before a suit. */
export const RECONSIDERATION_FIRST_GROUNDS = {
  ON_THE_SPOT_PENALTY: '对当场作出的行政处罚决定不服（第一项）',
  NATURAL_RESOURCE_RIGHTS: '对侵犯已经依法取得的自然资源所有权或者使用权的决定不服（第二项）',
  NON_PERFORMANCE: '认为行政机关存在第十一条规定的未履行法定职责情形（第三项）',
  INFORMATION_WITHHELD: '申请政府信息公开，行政机关不予公开（第四项）',
  OTHER_STATUTORY: '法律、行政法规规定应当先向行政复议机关申请行政复议的其他情形（第五项）',
};

const date = (value: unknown) => (isIsoDate(value) ? value : undefined);
const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
const actType = (value: unknown): ActType => (typeof value === 'string' && value in ACT_TYPES ? (value as ActType) : 'OTHER');
const ground = (value: unknown) => (typeof value === 'string' && value in RECONSIDERATION_FIRST_GROUNDS ? value : undefined);

/**
 * The windows that govern the case get their anchors; the others stay empty and are never created. Not told of the
 * right, the 60 days run from learning of it, within a year of knowing the act (第二十条第二款).
 */
function initialContext({ partyIds, openedOn, input = {} }: CaseOpening): RxContext {
  const type = actType(input.actType);
  const knewOn = date(input.knewOn);
  const actOn = date(input.actOn);
  const informed = input.informedOfRight !== false;
  const realProperty = input.realProperty === true;
  const onTheSpot = input.onTheSpot === true;
  const firstGround = ground(input.reconsiderationFirstGround) ?? (onTheSpot && type === 'PENALTY' ? 'ON_THE_SPOT_PENALTY' : undefined);
  const reconsiderationFirst = input.reconsiderationFirst === true || firstGround !== undefined;
  return {
    partyIds,
    openedOn,
    actType: type,
    actRef: text(input.actRef),
    respondentAgency: text(input.respondentAgency),
    actOn,
    knewOn,
    informedOfRight: informed,
    learnedOfRightOn: date(input.learnedOfRightOn),
    realProperty,
    onTheSpot,
    penaltyKind: ['WARNING', 'CRITICISM', 'FINE', 'OTHER'].includes(input.penaltyKind as string) ? (input.penaltyKind as RxContext['penaltyKind']) : undefined,
    amount: typeof input.amount === 'number' && input.amount >= 0 ? input.amount : undefined,
    reconsiderationFirst,
    reconsiderationFirstGround: firstGround,
    windowFrom: informed ? knewOn : date(input.learnedOfRightOn),
    capFrom: informed ? undefined : knewOn,
    barFrom: realProperty ? undefined : actOn,
    barFromRealProperty: realProperty ? actOn : undefined,
    directSuitFrom: reconsiderationFirst ? undefined : knewOn,
    deemedAccepted: false,
    answerMissing: false,
    major: false,
  };
}

export const administrativeReconsideration: WorkflowDefinition<RxContext> = {
  id: 'rx',
  version: 1,
  title: '行政复议',
  titleEn: 'Administrative reconsideration',
  legalBasis: '中华人民共和国行政复议法（2023年修订） 第十一条至第七十八条；行政诉讼法 第四十四条至第四十六条',
  machine: rxMachine,
  events: rxEvents,
  preconditions: rxPreconditions,
  openRoles: ['RECONSIDERATION_OFFICER', 'INTAKE_CLERK'],
  openingSchema: objectSchema(
    {
      actType: enumField('被申请复议的行政行为类型', ACT_TYPES),
      actRef: textField('行政行为文书编号', 60),
      respondentAgency: textField('作出行政行为的行政机关（被申请人）', 100),
      actOn: dateField('行政行为作出日期'),
      knewOn: dateField('知道或者应当知道该行政行为之日'),
      informedOfRight: { type: 'boolean', title: '行政机关已告知申请行政复议的权利、复议机关和申请期限' },
      learnedOfRightOn: dateField('未告知的，知道申请复议权利、复议机关和期限之日'),
      realProperty: { type: 'boolean', title: '涉及不动产' },
      onTheSpot: { type: 'boolean', title: '当场作出的行政处罚决定' },
      penaltyKind: enumField('处罚种类', { WARNING: '警告', CRITICISM: '通报批评', FINE: '罚款', OTHER: '其他' }),
      amount: { type: 'number', title: '罚款或者涉及金额（元）', minimum: 0 },
      reconsiderationFirst: { type: 'boolean', title: '复议前置（应当先申请行政复议）' },
      reconsiderationFirstGround: enumField('复议前置情形', RECONSIDERATION_FIRST_GROUNDS),
    },
    ['actType', 'knewOn'],
  ),
  initialContext,
  manifest: {
    caseNumberKind: '行复',
    assigneeField: 'officerId',
    roles: { RECONSIDERATION_OFFICER: '复议工作人员' },
    caseHandlingRoles: ['RECONSIDERATION_OFFICER'],
    staff: { RECONSIDERATION_OFFICER: ['RECONSIDERATION_ORGAN'] },
    deadlineOfficers: ['RECONSIDERATION_OFFICER'],
    orgTypes: { RECONSIDERATION_ORGAN: '行政复议机构' },
    handlingOrgTypes: ['RECONSIDERATION_ORGAN'],
    outcomes: {
      SIGNED_FOR: '行政复议机关已签收',
      RETURNED: '行政复议机关已退回',
      ACCEPTED: '行政复议申请已受理',
      NOT_ACCEPTED: '行政复议申请不予受理',
      ABANDONED: '视为放弃行政复议申请',
      WITHDRAWN: '撤回行政复议申请',
      MEDIATION_DOC_EFFECTIVE: '行政复议调解书生效',
      TERMINATED: '行政复议终止',
      DECIDED: '作出行政复议决定',
      DECISION_FINAL: '行政复议决定发生法律效力',
      SUED: '申请人已提起行政诉讼',
    },
    relationLabel: '行政复议',
    facts: (c: { hearings?: unknown[] }) => ({ hearings: c.hearings ?? [] }),
    queues: [
      { id: 'rx-mine', label: '我承办的复议案件', roles: ['RECONSIDERATION_OFFICER'], assignedToMe: true },
      { id: 'rx-review', label: '待受理审查的复议申请', roles: ['RECONSIDERATION_OFFICER'], tag: 'inbox' },
      { id: 'rx-suit-windows', label: '复议决定起诉期内', roles: ['RECONSIDERATION_OFFICER'], tag: 'suitWindow' },
    ],
  },
};
