import type { CaseOpening, WorkflowDefinition } from '../definition';
import { dateField, enumField, objectSchema, textField } from '../building-blocks';
import type { CtContext, LabourBypass, PriorArbitration, Procedure } from './ct.context';
import { ctEvents, LABOUR_BYPASSES, LAND_RIGHTS, PLAINTIFF_SIDES, PRIOR_ARBITRATION, PROCEDURES } from './ct.events';
import { ctMachine } from './ct.machine';
import { ALLOW_LEGACY_PRE_FILING, ctPreconditions } from './ct.preconditions';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
const oneOf = <T extends string>(v: unknown, values: Record<T, string>) => (typeof v === 'string' && v in values ? (v as T) : undefined);

/** The opening context without empty fields, so a persisted case carries only what is known. */
function initialContext({ partyIds, openedOn, input, category, origin, policy }: CaseOpening): CtContext {
  const receivedOn = str(input?.receivedOn) ?? openedOn;
  const context: CtContext = {
    partyIds,
    openedOn,
    receivedOn,
    registrationDueFrom: receivedOn,
    category,
    originWorkflow: origin?.workflow,
    claimAmount: typeof input?.claimAmount === 'number' ? input.claimAmount : undefined,
    causeOfAction: str(input?.causeOfAction),
    procedureHint: oneOf<Procedure>(input?.procedure, PROCEDURES),
    labourBypass: oneOf<LabourBypass>(input?.labourBypass, LABOUR_BYPASSES),
    priorArbitration: oneOf<PriorArbitration>(input?.priorArbitration, PRIOR_ARBITRATION),
    plaintiffSide: oneOf<'WORKER' | 'EMPLOYER'>(input?.plaintiffSide, PLAINTIFF_SIDES),
    landRights: oneOf<'LAND_RIGHTS'>(input?.landRights, LAND_RIGHTS),
    landRightsDecisionReceivedOn: str(input?.landRightsDecisionReceivedOn),
    legacyPreFilingByPolicy: policy?.[ALLOW_LEGACY_PRE_FILING] === true ? true : undefined,
  };
  return Object.fromEntries(Object.entries(context).filter(([, v]) => v !== undefined)) as unknown as CtContext;
}

export const courtCase: WorkflowDefinition<CtContext> = {
  id: 'ct',
  version: 1,
  title: '法院诉讼（立案、委托调解、审理）',
  titleEn: 'Court case: registration, entrusted mediation, trial',
  legalBasis: '中华人民共和国民事诉讼法 第一百二十二条至第一百二十七条、第一百五十二条、第一百六十四条、第一百七十一条；最高人民法院关于人民法院特邀调解的规定 第十一条、第二十七条',
  machine: ctMachine,
  events: ctEvents,
  preconditions: ctPreconditions,
  openRoles: ['COURT_CLERK'],
  // What a clerk enters at filing; a complaint sent by another channel gets these from its route.
  openingSchema: objectSchema({
    receivedOn: dateField('收到起诉状日期'),
    causeOfAction: textField('案由', 100),
    claimAmount: { type: 'number', title: '诉讼请求金额（元）', minimum: 0 },
    procedure: enumField('拟适用程序', PROCEDURES),
    labourBypass: enumField('劳动争议直接起诉的依据', LABOUR_BYPASSES),
    priorArbitration: enumField('劳动仲裁情况', PRIOR_ARBITRATION),
    plaintiffSide: enumField('原告身份（劳动争议）', PLAINTIFF_SIDES),
    landRights: enumField('土地权属争议', LAND_RIGHTS),
    landRightsDecisionReceivedOn: dateField('接到人民政府处理决定日期'),
  }),
  initialContext,
  manifest: {
    caseNumberKind: '民初',
    assigneeField: 'judgeId',
    roles: { COURT_CLERK: '法院立案/书记员', JUDGE: '法官' },
    caseHandlingRoles: ['COURT_CLERK', 'JUDGE'],
    staff: { COURT_CLERK: ['BASIC_COURT', 'INTERMEDIATE_COURT'], JUDGE: ['BASIC_COURT', 'INTERMEDIATE_COURT'] },
    deadlineOfficers: ['JUDGE'],
    orgTypes: { BASIC_COURT: '基层人民法院', INTERMEDIATE_COURT: '中级人民法院' },
    handlingOrgTypes: ['BASIC_COURT'],
    outcomes: {
      SIGNED_FOR: '法院已签收（登记立案）',
      RETURNED: '法院已退回（不予受理或告知另循途径）',
      REGISTERED: '已登记立案',
      NOT_ACCEPTED: '不予受理裁定生效',
      SETTLED: '调解结案',
      WITHDRAWN: '撤诉结案',
      DEEMED_WITHDRAWN: '按撤诉处理',
      DISMISSED: '裁定驳回起诉（有仲裁协议）',
      JUDGMENT_FINAL: '裁判已生效',
    },
    relationLabel: '诉讼',
    queues: [
      { id: 'ct-mine', label: '我承办的案件', roles: ['JUDGE'], assignedToMe: true },
      { id: 'ct-awaiting-registration', label: '待立案', roles: ['COURT_CLERK', 'JUDGE'], tag: 'awaitingRegistration' },
      { id: 'ct-under-mediation', label: '委托调解中', roles: ['COURT_CLERK', 'JUDGE'], tag: 'underMediation' },
    ],
  },
};
