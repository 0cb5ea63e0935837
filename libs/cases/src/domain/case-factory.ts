import { createHash, randomUUID } from 'node:crypto';
import { chainEntry, GENESIS_HASH, type AuditEntry, type ChainHashAlgorithm } from '@app/audit';
import type { IsoDate } from '@app/calendar';
import type { DeadlinePlanner, DeadlineRecord } from '@app/deadlines';
import type { Organisation } from '@app/organisations';
import { canonicalJson, type Role } from '@app/shared';
import { open, type Effect, type WorkflowDefinition } from '@app/workflow';
import type { CaseRecord, CaseLink, Party } from './case-record';
import type { Category, Source } from './case-vocabulary';

export interface NewCase {
  def: WorkflowDefinition;
  org: Organisation;
  regionCode: string;
  category: Category;
  summary: string;
  source: Source;
  parties: Party[];
  /** Yuan, two decimals. */
  amountInDispute?: string | null;
  actor: { id: string; role: Role };
  now: Date;
  today: IsoDate;
  /** The case that sent this one, and the route it came by. */
  origin?: { caseId: string; orgId: string; route: string; workflow: string; link: CaseLink };
  input?: Record<string, unknown>;
  policy: Record<string, unknown>;
  disputeCode: string;
}

export interface OpenedCase {
  record: CaseRecord;
  audit: AuditEntry;
  deadlines: DeadlineRecord[];
  effects: Effect[];
}

/** Human case number in the register style, with the channel's word: （2026）枫源调字第3号, （2025）青溪法院民初字第8号. */
export function formatCaseNo(def: WorkflowDefinition, org: Pick<Organisation, 'shortName'>, year: number, n: number): string {
  const { prefix, suffix } = caseNoParts(def, org, year);
  return `${prefix}${n}${suffix}`;
}

/** The text around the number in the organisation's yearly register for the workflow. */
export function caseNoParts(def: WorkflowDefinition, org: Pick<Organisation, 'shortName'>, year: number): { prefix: string; suffix: string } {
  return { prefix: `（${year}）${org.shortName}${def.manifest.caseNumberKind}字第`, suffix: '号' };
}

/** The case number a new case holds until its commit allocates the real one. */
export const pendingCaseNo = (caseId: string) => `待编号:${caseId}`;

/**
 * A new case in the workflow's initial state, with its opening audit entry (seq 1) and the initial state's deadlines.
 * The audit entry names parties without their identity numbers or phones, but binds them through a digest.
 */
export function openCase(spec: NewCase, planner: DeadlinePlanner, chainHash: ChainHashAlgorithm): OpenedCase {
  const id = randomUUID();
  const opened = open(spec.def, {
    partyIds: spec.parties.map((p) => p.id),
    openedOn: spec.today,
    input: spec.input,
    category: spec.category,
    origin: spec.origin ? { route: spec.origin.route, workflow: spec.origin.workflow } : undefined,
    policy: spec.policy,
    regionCode: spec.regionCode,
    org: { type: spec.org.type, regionCode: spec.org.regionCode },
  });
  const at = spec.now.toISOString();
  const audit = chainEntry(chainHash, GENESIS_HASH, {
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
      ...(spec.amountInDispute ? { amountInDispute: spec.amountInDispute } : {}),
      disputeCode: spec.disputeCode,
      ...(spec.origin ? { originCaseId: spec.origin.caseId, route: spec.origin.route } : {}),
      ...(spec.input ? { input: spec.input } : {}),
    },
  });
  const record: CaseRecord = {
    id,
    caseNo: pendingCaseNo(id),
    workflowId: spec.def.id,
    workflowVersion: spec.def.version,
    state: opened.state.value,
    context: opened.state.context,
    version: 1,
    deadlinesRev: 0,
    headHash: audit.hash,
    orgId: spec.org.id,
    originOrgId: spec.origin?.orgId ?? null,
    originCaseId: spec.origin?.caseId ?? null,
    originRoute: spec.origin?.route ?? null,
    disputeCode: spec.disputeCode,
    regionCode: spec.regionCode,
    category: spec.category,
    summary: spec.summary,
    source: spec.source,
    parties: spec.parties,
    amountInDispute: spec.amountInDispute ?? null,
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
  return { record, audit, deadlines, effects: opened.effects };
}
