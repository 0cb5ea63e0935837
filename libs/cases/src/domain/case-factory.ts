import { createHash, randomUUID } from 'node:crypto';
import { chainEntry, GENESIS_HASH, type AuditEntry } from '@app/audit';
import type { IsoDate } from '@app/calendar';
import type { DeadlinePlanner, DeadlineRecord } from '@app/deadlines';
import type { Organisation } from '@app/organisations';
import { canonicalJson, type Role } from '@app/shared';
import { open, type WorkflowDefinition } from '@app/workflow';
import type { CaseRecord, CaseLink, Party } from './case-record';
import type { Category, Source } from './case-vocabulary';

export interface NewCase {
  def: WorkflowDefinition;
  org: Organisation;
  caseNumber: number;
  regionCode: string;
  category: Category;
  summary: string;
  source: Source;
  parties: Party[];
  actor: { id: string; role: Role };
  now: Date;
  today: IsoDate;
  origin?: { caseId: string; orgId: string; link: CaseLink };
  input?: Record<string, unknown>;
}

export interface OpenedCase {
  record: CaseRecord;
  audit: AuditEntry;
  deadlines: DeadlineRecord[];
}

/** Human case number in the register style: （2026）枫源调字第3号. */
export function formatCaseNo(def: WorkflowDefinition, org: Organisation, year: number, n: number): string {
  const kind = def.id === 'jc' ? '民特确' : '调';
  return `（${year}）${org.shortName}${kind}字第${n}号`;
}

/**
 * A new case in the workflow's initial state, with its opening audit entry (seq 1) and the initial state's deadlines.
 * The audit entry names parties without their identity numbers or phones, but binds them through a digest.
 */
export function openCase(spec: NewCase, planner: DeadlinePlanner): OpenedCase {
  const id = randomUUID();
  const opened = open(spec.def, { partyIds: spec.parties.map((p) => p.id), openedOn: spec.today, input: spec.input });
  const at = spec.now.toISOString();
  const audit = chainEntry(GENESIS_HASH, {
    caseId: id,
    seq: 1,
    at,
    actorId: spec.actor.id,
    actorRole: spec.actor.role,
    type: 'OPEN',
    from: null,
    to: opened.state.value,
    data: {
      workflow: `${spec.def.id}@${spec.def.version}`,
      orgId: spec.org.id,
      regionCode: spec.regionCode,
      category: spec.category,
      summary: spec.summary,
      source: spec.source,
      parties: spec.parties.map((p) => ({ id: p.id, role: p.role, name: p.name })),
      partiesDigest: createHash('sha256').update(canonicalJson(spec.parties)).digest('hex'),
      ...(spec.origin ? { originCaseId: spec.origin.caseId } : {}),
      ...(spec.input ? { input: spec.input } : {}),
    },
  });
  const record: CaseRecord = {
    id,
    caseNo: formatCaseNo(spec.def, spec.org, Number(spec.today.slice(0, 4)), spec.caseNumber),
    workflowId: spec.def.id,
    workflowVersion: spec.def.version,
    state: opened.state.value,
    context: opened.state.context,
    version: 1,
    headHash: audit.hash,
    orgId: spec.org.id,
    originOrgId: spec.origin?.orgId ?? null,
    originCaseId: spec.origin?.caseId ?? null,
    regionCode: spec.regionCode,
    category: spec.category,
    summary: spec.summary,
    source: spec.source,
    parties: spec.parties,
    links: spec.origin ? [spec.origin.link] : [],
    assigneeId: null,
    closed: opened.final,
    openedAt: at,
    openedBy: spec.actor.id,
    updatedAt: at,
  };
  const deadlines = planner.plan({
    def: spec.def,
    state: record.state,
    context: record.context,
    caseId: id,
    orgId: record.orgId,
    enteredOn: spec.today,
    now: spec.now,
  });
  return { record, audit, deadlines };
}
