import type { CaseOpening, WorkflowDefinition } from '../definition';
import { dateField, enumField, objectSchema, textField } from '../building-blocks';
import type { TaContext, TaHarm } from './ta.context';
import { DJAF, DJCX, HARMS, taEvents } from './ta.events';
import { taMachine } from './ta.machine';
import { taPreconditions } from './ta.preconditions';

const isDate = (value: unknown): value is string => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

function initialContext({ partyIds, openedOn, input = {} }: CaseOpening): TaContext {
  const insurers = Array.isArray(input.insurerPartyIds) ? input.insurerPartyIds.filter((p): p is string => typeof p === 'string' && partyIds.includes(p)) : [];
  return {
    partyIds,
    openedOn,
    accidentOn: isDate(input.accidentOn) && input.accidentOn <= openedOn ? input.accidentOn : openedOn,
    harm: typeof input.harm === 'string' && input.harm in HARMS ? (input.harm as TaHarm) : 'INJURY',
    insurerPartyIds: insurers,
    reviewUsed: false,
    lossesFixed: [],
    partyPayments: [],
  };
}

export const trafficAccident: WorkflowDefinition<TaContext> = {
  id: 'ta',
  version: 1,
  title: '道路交通事故损害赔偿（道交一体化）',
  titleEn: 'Road-traffic accident compensation (online integrated handling)',
  legalBasis: `中华人民共和国${DJAF} 第七十条至第七十六条；${DJCX}（公安部令第146号）；中华人民共和国保险法 第二十三条、第二十五条、第六十五条；法〔2020〕142号`,
  machine: taMachine,
  events: taEvents,
  preconditions: taPreconditions,
  openRoles: ['TRAFFIC_OFFICER'],
  openingSchema: objectSchema(
    {
      accidentOn: dateField('事故日期'),
      harm: enumField('事故后果', HARMS),
      location: textField('事故地点', 200),
      // The insurers are parties of the case (the parties' list names them, e.g. P3): they attend and pay (第八十九条).
      insurerPartyIds: { type: 'array', title: '保险公司（当事人编号）', items: { type: 'string', pattern: '^P\\d+$' }, uniqueItems: true },
    },
    ['accidentOn', 'harm'],
  ),
  initialContext,
  manifest: {
    caseNumberKind: '交调',
    assigneeField: 'officerId',
    roles: { TRAFFIC_OFFICER: '交通警察（事故处理）' },
    caseHandlingRoles: ['TRAFFIC_OFFICER'],
    // A brigade's accident mediators (人民调解员 seconded to the brigade) are staff there too.
    staff: { TRAFFIC_OFFICER: ['TRAFFIC_POLICE_BRIGADE'], MEDIATOR: ['TRAFFIC_POLICE_BRIGADE'] },
    deadlineOfficers: ['TRAFFIC_OFFICER'],
    orgTypes: { TRAFFIC_POLICE_BRIGADE: '公安交通警察大队' },
    handlingOrgTypes: ['TRAFFIC_POLICE_BRIGADE'],
    outcomes: { QUICK_SETTLED: '快处快赔结案', CLOSED: '赔偿履行完毕结案', UNRESOLVED: '当事人未再选择途径结案' },
    relationLabel: '道路交通事故',
    queues: [
      { id: 'ta-mine', label: '我承办的交通事故', roles: ['TRAFFIC_OFFICER'], assignedToMe: true },
      { id: 'ta-route', label: '待选择赔偿途径（交警调解申请期十日）', roles: ['TRAFFIC_OFFICER'], tag: 'routeChoice' },
      { id: 'ta-police-mediation', label: '交警调解', roles: ['TRAFFIC_OFFICER'], tag: 'policeMediation' },
      { id: 'ta-claims', label: '一键理赔待赔付', roles: ['TRAFFIC_OFFICER'], tag: 'claimPending' },
      { id: 'ta-claim-overdue', label: '理赔逾期（司法建议、强制执行）', roles: ['TRAFFIC_OFFICER'], tag: 'claimOverdue' },
    ],
  },
};
