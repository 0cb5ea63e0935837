import { daysBetween, type IsoDate } from '@app/calendar';
import type { DeadlineRecord } from '@app/deadlines';
import type { Directory } from '@app/organisations';
import type { WorkflowRegistry } from '@app/workflow';
import type { CaseRecord } from '../domain/case-record';
import { caseHeading, type CaseHeading } from './case-heading';

/** A row of a case list: enough to triage, no personal data. */
export interface CaseSummaryView extends CaseHeading {
  disputeCode: string;
  regionCode: string;
  regionName: string;
  orgId: string;
  orgName: string;
  /** The organisation that transferred the case here (e.g. the mediation committee behind a 司法确认 application). */
  originOrgName: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  partyNames: string[];
  /** 协议金额 in yuan ("8000.00"), once an agreement recorded one. */
  agreementAmount: string | null;
  /** The pending deadline due first. */
  nextDeadline: { label: string; dueOn: IsoDate; daysLeft: number; legalBasis: string } | null;
  overdue: boolean;
  openedAt: string;
  updatedAt: string;
}

export function presentSummary(record: CaseRecord, deadlines: DeadlineRecord[], registry: WorkflowRegistry, directory: Directory, today: IsoDate): CaseSummaryView {
  const def = registry.get(record.workflowId, record.workflowVersion);
  const pending = deadlines.filter((d) => d.status === 'pending').sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const next = pending[0];
  return {
    ...caseHeading(record, def),
    disputeCode: record.disputeCode,
    regionCode: record.regionCode,
    regionName: directory.region(record.regionCode)?.name ?? record.regionCode,
    orgId: record.orgId,
    orgName: directory.org(record.orgId)?.name ?? record.orgId,
    originOrgName: record.originOrgId ? (directory.org(record.originOrgId)?.name ?? record.originOrgId) : null,
    assigneeId: record.assigneeId,
    assigneeName: record.assigneeId ? (directory.user(record.assigneeId)?.displayName ?? null) : null,
    partyNames: record.parties.map((p) => p.name),
    agreementAmount: record.agreementAmount ?? null,
    nextDeadline: next ? { label: next.label, dueOn: next.dueOn, daysLeft: daysBetween(today, next.dueOn), legalBasis: next.legalBasis } : null,
    overdue: isOverdue(record, deadlines, today),
    openedAt: record.openedAt,
    updatedAt: record.updatedAt,
  };
}

/**
 * Open, with a pending deadline past its last day, or with one the worker marked missed (a service target) while the
 * case is still in the states it covers: the same test as the case list's overdue filter.
 */
export function isOverdue(record: Pick<CaseRecord, 'closed' | 'state'>, deadlines: DeadlineRecord[], today: IsoDate): boolean {
  if (record.closed) return false;
  return deadlines.some((d) => (d.status === 'pending' && d.dueOn < today) || (d.status === 'missed' && d.span.includes(record.state)));
}
