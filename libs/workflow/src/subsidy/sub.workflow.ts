import type { CaseOpening, WorkflowDefinition } from '../definition';
import { objectSchema, textField } from '../building-blocks';
import type { SubContext } from './sub.context';
import { subEvents } from './sub.events';
import { subMachine } from './sub.machine';
import { subPreconditions } from './sub.preconditions';

/** The township justice office (司法所) that re-checks claims between the committee and the bureau. */
export const JUSTICE_STATION = 'JUSTICE_STATION';
const COMMITTEES = ['VILLAGE_MEDIATION_COMMITTEE', 'TOWNSHIP_MEDIATION_COMMITTEE', 'DISTRICT_MEDIATION_CENTRE'];

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * 以案定补 (spec §9, A13, R29). A claim is opened by the engine once it has checked the claimed case's eligibility,
 * never by a person directly (`openRoles` is the engine's), so the opening state `eligible` means what it says.
 */
export const subsidyClaim: WorkflowDefinition<SubContext> = {
  id: 'sub',
  version: 1,
  title: '以案定补',
  titleEn: 'Per-case mediation subsidy claim',
  legalBasis: '中华人民共和国人民调解法 第六条、第十六条；财政部 司法部《关于进一步加强人民调解工作经费保障的意见》（财行〔2007〕179号）',
  machine: subMachine,
  events: subEvents,
  preconditions: subPreconditions,
  openRoles: ['SYSTEM'],
  openingSchema: objectSchema(
    { claimedCaseId: textField('被申报案件', 64), claimedCaseNo: textField('被申报案号', 100), mediatorId: textField('调解员', 64) },
    ['claimedCaseId', 'claimedCaseNo', 'mediatorId'],
  ),
  initialContext: ({ partyIds, openedOn, input }: CaseOpening): SubContext => ({
    partyIds,
    openedOn,
    claimedCaseId: text(input?.claimedCaseId),
    claimedCaseNo: text(input?.claimedCaseNo),
    mediatorId: text(input?.mediatorId),
    spotCheckPending: false,
    spotChecked: false,
  }),
  manifest: {
    caseNumberKind: '补',
    assigneeField: 'mediatorId',
    roles: { JUSTICE_STATION_OFFICER: '司法所工作人员' },
    caseHandlingRoles: [],
    staff: { JUSTICE_STATION_OFFICER: [JUSTICE_STATION] },
    deadlineOfficers: ['COMMITTEE_DIRECTOR'],
    orgTypes: { [JUSTICE_STATION]: '司法所' },
    handlingOrgTypes: COMMITTEES,
    outcomes: {},
    relationLabel: '以案定补',
    queues: [
      { id: 'sub-mine', label: '我的以案定补申报', roles: ['MEDIATOR'], assignedToMe: true },
      { id: 'sub-returned', label: '退回补正的补贴申请', roles: ['MEDIATOR'], tag: 'subReturned' },
      { id: 'sub-review', label: '待初审的补贴申请', roles: ['COMMITTEE_DIRECTOR'], tag: 'subOrgReview' },
    ],
  },
};
