import type { AuditEntry } from '@app/audit';
import type { CaseRecord, RiskReport, TransferRecord } from '@app/cases';
import type { DeadlineRecord, Notification } from '@app/deadlines';
import { readBool, readInstant, readJson, readOptionalInstant } from '../db/db';

type Row = Record<string, any>;

export function toCase(r: Row): CaseRecord {
  return {
    id: r.id,
    caseNo: r.case_no,
    workflowId: r.workflow_id,
    workflowVersion: Number(r.workflow_version),
    state: r.state,
    context: readJson(r.context),
    version: Number(r.version),
    deadlinesRev: Number(r.deadlines_rev ?? 0),
    headHash: r.head_hash,
    orgId: r.org_id,
    originOrgId: r.origin_org_id ?? null,
    originCaseId: r.origin_case_id ?? null,
    originRoute: r.origin_route ?? null,
    disputeCode: r.dispute_code,
    regionCode: r.region_code,
    category: r.category,
    summary: r.summary,
    source: r.source,
    parties: readJson(r.parties),
    amountInDispute: r.amount_in_dispute == null ? null : String(r.amount_in_dispute),
    agreementAmount: r.agreement_amount == null ? null : String(r.agreement_amount),
    links: readJson(r.links),
    assigneeId: r.assignee_id ?? null,
    closed: readBool(r.closed),
    openedAt: readInstant(r.opened_at),
    openedBy: r.opened_by,
    updatedAt: readInstant(r.updated_at),
  };
}

export function toDeadline(r: Row): DeadlineRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    orgId: r.org_id,
    specId: r.spec_id,
    state: r.state,
    span: r.span_states ? String(r.span_states).split(',').filter(Boolean) : [r.state],
    label: r.label,
    period: readJson(r.period),
    dayType: r.day_type,
    legalBasis: r.legal_basis,
    confidence: r.confidence,
    anchorOn: r.anchor_on,
    dueOn: r.due_on,
    dueAt: readInstant(r.due_at),
    status: r.status,
    onExpiry: r.on_expiry ?? null,
    soft: readBool(r.soft),
    provisional: readBool(r.provisional),
    metBy: r.met_by === null || r.met_by === undefined ? null : readJson(r.met_by),
    rollForward: readBool(r.roll_forward),
    pauses: readJson(r.pauses),
    extensions: readJson(r.extensions),
    createdAt: readInstant(r.created_at),
    closedAt: readOptionalInstant(r.closed_at),
    firedAt: readOptionalInstant(r.fired_at),
    remindedAt: readOptionalInstant(r.reminded_at),
    escalatedAt: readOptionalInstant(r.escalated_at),
  };
}

export function toAuditEntry(r: Row): AuditEntry {
  return {
    caseId: r.case_id,
    seq: Number(r.seq),
    at: readInstant(r.at),
    actorId: r.actor_id,
    actorRole: r.actor_role,
    type: r.type,
    from: r.from_state ?? null,
    to: r.to_state,
    data: readJson(r.data),
    ...(r.documents ? { documents: readJson(r.documents) } : {}),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Named parameters of each table's INSERT, in column order. */
export function caseParams(c: CaseRecord, json: (v: unknown) => string) {
  return {
    id: c.id,
    case_no: c.caseNo,
    workflow_id: c.workflowId,
    workflow_version: c.workflowVersion,
    state: c.state,
    context: json(c.context),
    version: c.version,
    deadlines_rev: c.deadlinesRev,
    head_hash: c.headHash,
    org_id: c.orgId,
    origin_org_id: c.originOrgId,
    origin_case_id: c.originCaseId,
    origin_route: c.originRoute,
    dispute_code: c.disputeCode,
    region_code: c.regionCode,
    category: c.category,
    summary: c.summary,
    source: c.source,
    parties: json(c.parties),
    amount_in_dispute: c.amountInDispute ?? null,
    agreement_amount: c.agreementAmount ?? null,
    links: json(c.links),
    assignee_id: c.assigneeId,
    closed: c.closed,
    opened_at: c.openedAt,
    opened_by: c.openedBy,
    updated_at: c.updatedAt,
  };
}

export function auditParams(e: AuditEntry, json: (v: unknown) => string) {
  return {
    case_id: e.caseId,
    seq: e.seq,
    at: e.at,
    actor_id: e.actorId,
    actor_role: e.actorRole,
    type: e.type,
    from_state: e.from,
    to_state: e.to,
    data: json(e.data),
    prev_hash: e.prevHash,
    hash: e.hash,
    ...(e.documents?.length ? { documents: json(e.documents) } : {}),
  };
}

export function deadlineParams(d: DeadlineRecord, json: (v: unknown) => string) {
  return {
    id: d.id,
    case_id: d.caseId,
    org_id: d.orgId,
    spec_id: d.specId,
    state: d.state,
    span_states: `,${d.span.join(',')},`,
    label: d.label,
    period: json(d.period),
    day_type: d.dayType,
    legal_basis: d.legalBasis,
    confidence: d.confidence,
    anchor_on: d.anchorOn,
    due_on: d.dueOn,
    due_at: d.dueAt,
    status: d.status,
    on_expiry: d.onExpiry,
    soft: d.soft,
    provisional: d.provisional,
    met_by: d.metBy === null ? null : json(d.metBy),
    roll_forward: d.rollForward,
    pauses: json(d.pauses),
    extensions: json(d.extensions),
    created_at: d.createdAt,
    closed_at: d.closedAt,
    fired_at: d.firedAt,
    reminded_at: d.remindedAt,
    escalated_at: d.escalatedAt,
  };
}

export function transferParams(t: TransferRecord, json: (v: unknown) => string) {
  return {
    id: t.id,
    dispute_code: t.disputeCode,
    route_id: t.routeId,
    from_case_id: t.fromCaseId,
    to_case_id: t.toCaseId,
    from_org_id: t.fromOrgId,
    to_org_id: t.toOrgId,
    status: t.status,
    dossier: json(t.dossier),
    sent_at: t.sentAt,
    decided_at: t.decidedAt,
    decided_by: t.decidedBy,
    reason: t.reason,
    explanation: t.explanation,
  };
}

export function toTransfer(r: Row): TransferRecord {
  return {
    id: r.id,
    disputeCode: r.dispute_code,
    routeId: r.route_id,
    fromCaseId: r.from_case_id,
    toCaseId: r.to_case_id,
    fromOrgId: r.from_org_id,
    toOrgId: r.to_org_id,
    status: r.status,
    dossier: readJson(r.dossier),
    sentAt: readInstant(r.sent_at),
    decidedAt: readOptionalInstant(r.decided_at),
    decidedBy: r.decided_by ?? null,
    reason: r.reason ?? null,
    explanation: r.explanation ?? null,
  };
}

/** A notification's roles as stored, ",A,B,", so one LIKE per role a reader holds finds it; null for none. */
export function storedRoles(roles: readonly string[] | null | undefined): string | null {
  return roles?.length ? `,${roles.join(',')},` : null;
}

export function notificationParams(n: Notification) {
  return { id: n.id, org_id: n.orgId, user_id: n.userId ?? null, roles: storedRoles(n.roles), case_id: n.caseId, deadline_id: n.deadlineId, kind: n.kind, message: n.message, created_at: n.createdAt, read_at: n.readAt, read_by: n.readBy };
}

export function riskReportParams(r: RiskReport, json: (v: unknown) => string) {
  return {
    id: r.id,
    case_id: r.caseId,
    dispute_code: r.disputeCode,
    region_code: r.regionCode,
    org_id: r.orgId,
    level: r.level,
    summary: r.summary,
    reported_by: r.reportedBy,
    reported_at: r.reportedAt,
    notified_org_ids: json(r.notifiedOrgIds),
  };
}
