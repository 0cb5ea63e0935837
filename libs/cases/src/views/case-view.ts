import { daysBetween, type IsoDate } from '@app/calendar';
import { DEADLINE_STATUS_LABELS, openPause, pausedWarning, provisionalWarning, type DeadlinePause, type DeadlineRecord } from '@app/deadlines';
import { maskIdNumber, maskPhone, type Directory, type Jurisdiction, type Viewer } from '@app/organisations';
import { caseRoleEvents, eventsHandledIn, RELATION_LABELS, ROUTES, type WorkflowDefinition } from '@app/workflow';
import type { CaseRecord, Party } from '../domain/case-record';
import { PARTY_ROLES, SOURCES } from '../domain/case-vocabulary';
import { AGENT_KINDS, HIDDEN, SEXES } from '../domain/party-details';
import { TRANSFER_STATUS_LABELS, type Dossier, type TransferRecord, type TransferStatus } from '../domain/transfer';
import { caseHeading, type CaseHeading } from './case-heading';
import { assigneeRole } from '../domain/assignment';

export interface DeadlineView {
  id: string;
  specId: string;
  label: string;
  dueOn: IsoDate;
  dayType: 'calendar' | 'working';
  period: { amount: number; unit: string };
  legalBasis: string;
  status: DeadlineRecord['status'];
  statusLabel: string;
  /** Calendar days from today (China time) to the due date; negative once overdue. */
  daysLeft: number;
  state: string;
  soft: boolean;
  provisional: boolean;
  /** The clock is stopped: a pause is running. */
  paused: boolean;
  /** Why the due date shown may still change (provisional calendar, running pause), in Chinese; null otherwise. */
  warning: string | null;
  /** `n` numbers the pauses from 1, as in `POST …/pauses/:n/end`. */
  pauses: (DeadlinePause & { n: number })[];
  extensions: DeadlineRecord['extensions'];
}

/** The transfer that brought a case to its organisation, and the dossier that came with it. */
export interface TransferView {
  id: string;
  route: string;
  routeLabel: string;
  legalBasis: string;
  status: TransferStatus;
  statusLabel: string;
  from: { caseId: string; orgId: string; orgName: string };
  sentAt: string;
  decidedAt: string | null;
  reason: string | null;
  /** The reason's Chinese label, from the receiving workflow's return form. */
  reasonLabel: string | null;
  explanation: string | null;
  dossier: Dossier;
}

export interface PartyView {
  id: string;
  role: string;
  roleLabel: string;
  name: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  sex?: string;
  sexLabel?: string;
  ethnicity?: string;
  dateOfBirth?: string;
  occupation?: string;
  agent?: { name: string; kind: string; kindLabel: string; relation?: string; phone?: string; idNumber?: string };
}

/** A party as the viewer may see them: identity numbers and phones (the agent's too) masked, address and birth date hidden. */
export function presentParty(p: Party, reveal: boolean): PartyView {
  const a = p.agent;
  return {
    id: p.id,
    role: p.role,
    roleLabel: PARTY_ROLES[p.role] ?? p.role,
    name: p.name,
    ...(p.idNumber ? { idNumber: reveal ? p.idNumber : maskIdNumber(p.idNumber) } : {}),
    ...(p.phone ? { phone: reveal ? p.phone : maskPhone(p.phone) } : {}),
    ...(p.address ? { address: reveal ? p.address : HIDDEN } : {}),
    ...(p.sex ? { sex: p.sex, sexLabel: SEXES[p.sex] ?? p.sex } : {}),
    ...(p.ethnicity ? { ethnicity: p.ethnicity } : {}),
    ...(p.dateOfBirth ? { dateOfBirth: reveal ? p.dateOfBirth : HIDDEN } : {}),
    ...(p.occupation ? { occupation: p.occupation } : {}),
    ...(a
      ? {
          agent: {
            name: a.name,
            kind: a.kind,
            kindLabel: AGENT_KINDS[a.kind] ?? a.kind,
            ...(a.relation ? { relation: a.relation } : {}),
            ...(a.phone ? { phone: reveal ? a.phone : maskPhone(a.phone) } : {}),
            ...(a.idNumber ? { idNumber: reveal ? a.idNumber : maskIdNumber(a.idNumber) } : {}),
          },
        }
      : {}),
  };
}

export interface CaseView extends CaseHeading {
  disputeCode: string;
  transfer: TransferView | null;
  source: string;
  sourceLabel: string;
  region: { code: string; name: string };
  regionCode: string;
  parties: PartyView[];
  /** 争议金额 in yuan ("12000.50"), null when none was given. */
  amountInDispute: string | null;
  /** 协议金额 in yuan ("8000.00"), from the event that recorded the agreement; null until one gave it. */
  agreementAmount: string | null;
  personalDataMasked: boolean;
  /** `assigneeRole`: the role a person needs to be assigned the case (e.g. MEDIATOR); null for a channel with no assignee. */
  assignment: { orgId: string; orgName: string; assigneeId: string | null; assigneeName: string | null; assigneeRole: string | null };
  origin: { orgId: string; orgName: string; caseId: string | null } | null;
  links: { relation: string; relationLabel: string; direction: 'FROM' | 'TO'; caseId: string; caseNo: string; workflowId: string; orgId: string; orgName: string; at: string }[];
  deadlines: DeadlineView[];
  availableEvents: { type: string; label: string; labelEn: string }[];
  /** What the channel's manifest shows of the case's facts (e.g. a hearing's level, panel and record); absent when it shows none. */
  facts?: Record<string, unknown>;
  openedAt: string;
  openedBy: string;
  updatedAt: string;
  /** The engine's date (China time) that event dates are judged against: forms offer it and refuse later days. */
  today: IsoDate;
}

/** The case as one viewer may see it: labels in Chinese, personal data masked unless the viewer handles the case. */
export function presentCase(
  record: CaseRecord,
  deadlines: DeadlineRecord[],
  def: WorkflowDefinition,
  viewer: Viewer,
  directory: Directory,
  jurisdiction: Jurisdiction,
  today: IsoDate,
  transfer: TransferRecord | null = null,
): CaseView {
  const reveal = jurisdiction.seesPersonalData(viewer, record);
  const org = directory.org(record.orgId);
  const originOrg = record.originOrgId ? directory.org(record.originOrgId) : undefined;
  const assignee = record.assigneeId ? directory.user(record.assigneeId) : undefined;
  const heading = caseHeading(record, def);
  // Listed, not spread: on Node 20 an object spread followed by keys the source lacks builds a new hidden class for
  // every view (tens of microseconds each, and a slower JSON.stringify), and every transition answers with one.
  return {
    id: heading.id,
    caseNo: heading.caseNo,
    workflow: heading.workflow,
    state: heading.state,
    stateLabel: heading.stateLabel,
    closed: heading.closed,
    version: heading.version,
    category: heading.category,
    categoryLabel: heading.categoryLabel,
    summary: heading.summary,
    disputeCode: record.disputeCode,
    transfer: transfer ? presentTransfer(transfer, directory, def) : null,
    source: record.source,
    sourceLabel: SOURCES[record.source] ?? record.source,
    region: { code: record.regionCode, name: directory.region(record.regionCode)?.name ?? record.regionCode },
    regionCode: record.regionCode,
    parties: record.parties.map((p) => presentParty(p, reveal)),
    amountInDispute: record.amountInDispute ?? null,
    agreementAmount: record.agreementAmount ?? null,
    personalDataMasked: !reveal,
    assignment: { orgId: record.orgId, orgName: org?.name ?? record.orgId, assigneeId: record.assigneeId, assigneeName: assignee?.displayName ?? null, assigneeRole: assigneeRole(def) },
    origin: record.originOrgId ? { orgId: record.originOrgId, orgName: originOrg?.name ?? record.originOrgId, caseId: record.originCaseId } : null,
    links: record.links.map((l) => ({
      ...l,
      relationLabel: RELATION_LABELS[l.relation] ?? l.relation,
      orgName: directory.org(l.orgId)?.name ?? l.orgId,
    })),
    deadlines: [...deadlines].sort(byCreation).map((d) => presentDeadline(d, today)),
    availableEvents: availableEvents(record, def, viewer, jurisdiction),
    ...(def.manifest.facts ? { facts: def.manifest.facts(record.context) } : {}),
    openedAt: record.openedAt,
    openedBy: record.openedBy,
    updatedAt: record.updatedAt,
    today,
  };
}

export function presentTransfer(t: TransferRecord, directory: Directory, def: WorkflowDefinition): TransferView {
  const route = ROUTES.find((r) => r.id === t.routeId);
  return {
    id: t.id,
    route: t.routeId,
    routeLabel: route?.label ?? t.routeId,
    legalBasis: route?.legalBasis ?? '',
    status: t.status,
    statusLabel: TRANSFER_STATUS_LABELS[t.status],
    from: { caseId: t.fromCaseId, orgId: t.fromOrgId, orgName: directory.org(t.fromOrgId)?.name ?? t.fromOrgId },
    sentAt: t.sentAt,
    decidedAt: t.decidedAt,
    reason: t.reason,
    reasonLabel: t.reason ? reasonLabel(def, t.reason) : null,
    explanation: t.explanation,
    dossier: t.dossier,
  };
}

/** The label a return form gives a reason code (退回理由). */
function reasonLabel(def: WorkflowDefinition, code: string): string | null {
  for (const spec of Object.values(def.events)) {
    const field = spec.schema?.properties?.reason;
    const i = field?.enum?.indexOf(code) ?? -1;
    if (field && i >= 0) return (field['x-enumLabels'] as string[] | undefined)?.[i] ?? null;
  }
  return null;
}

/** Oldest first, as the store reads them: a case shows its deadlines in the same order whichever path built it. */
function byCreation(a: DeadlineRecord, b: DeadlineRecord): number {
  return a.createdAt.localeCompare(b.createdAt) || (a.specId < b.specId ? -1 : a.specId > b.specId ? 1 : 0);
}

export function presentDeadline(d: DeadlineRecord, today: IsoDate): DeadlineView {
  const running = openPause(d);
  return {
    id: d.id,
    specId: d.specId,
    label: d.label,
    dueOn: d.dueOn,
    dayType: d.dayType,
    period: d.period,
    legalBasis: d.legalBasis,
    status: d.status,
    statusLabel: DEADLINE_STATUS_LABELS[d.status],
    daysLeft: daysBetween(today, d.dueOn),
    state: d.state,
    soft: d.soft,
    provisional: d.provisional,
    paused: !!running,
    warning: deadlineWarning(d, running),
    pauses: d.pauses.map((p, i) => ({ n: i + 1, ...p })),
    extensions: d.extensions,
  };
}

function deadlineWarning(d: DeadlineRecord, running: DeadlinePause | undefined): string | null {
  if (d.status !== 'pending') return null;
  const warnings = [...(running ? [pausedWarning(running.from)] : []), ...(d.provisional ? [provisionalWarning(d.dueOn)] : [])];
  return warnings.length ? warnings.join(' ') : null;
}

/** The events this viewer may send now: handled by the current state, allowed to one of the viewer's roles. */
function availableEvents(record: CaseRecord, def: WorkflowDefinition, viewer: Viewer, jurisdiction: Jurisdiction) {
  if (record.closed) return [];
  if (!jurisdiction.canAct(viewer, record)) {
    const teamRole = jurisdiction.teamRole(viewer, record);
    if (!teamRole) return [];
    const mine = caseRoleEvents(def, teamRole);
    return eventsHandledIn(def, { value: record.state, context: record.context })
      .filter((type) => mine.includes(type))
      .map((type) => ({ type, label: def.events[type].label, labelEn: def.events[type].labelEn }));
  }
  return eventsHandledIn(def, { value: record.state, context: record.context })
    .map((type) => ({ type, spec: def.events[type] }))
    // An event both the engine and staff may send (a route's start event, recorded by hand when a case is opened
    // directly) is offered to the staff; one only the engine sends never is, since no person has the SYSTEM role.
    .filter(({ spec }) => spec && spec.roles.some((r) => r !== 'SYSTEM' && viewer.roles.includes(r)))
    .map(({ type, spec }) => ({ type, label: spec.label, labelEn: spec.labelEn }));
}

