import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { chainEntry } from '@app/audit';
import { chinaDate, type IsoDate } from '@app/calendar';
import type { DeadlineRecord, DeadlineUpdate } from '@app/deadlines';
import { DirectoryService, Jurisdiction, type Directory, type Viewer } from '@app/organisations';
import { Clock, ForbiddenError, type Role } from '@app/shared';
import { WorkflowRegistry, type WorkflowDefinition } from '@app/workflow';
import { CaseChangedEvent } from '../events/case-changed.event';
import { CaseStore, type CommitPlan, type LoadedCase } from '../ports/case-store.port';
import type { CaseRecord } from './case-record';
import { CaseNotFoundError, NotHandlingOrgError, VersionConflictError } from './case.errors';
import { emptyPlan } from './write-planner';

/** Audit entry types for facts recorded on a case outside its workflow machine, with their Chinese labels. */
export const CASE_FACT_TYPES = {
  DEADLINE_PAUSED: '期限中止计算',
  DEADLINE_RESUMED: '期限恢复计算',
  DEADLINE_EXTENDED: '期限延长',
  MIGRATE: '流程版本迁移',
} as const;
export type CaseFactType = keyof typeof CASE_FACT_TYPES;

export interface CaseFactRequest {
  caseId: string;
  viewer: Viewer;
  type: CaseFactType;
  /** Roles that may record the fact, in the organisation handling the case. */
  roles: Role[];
  /** From If-Match: record only at this version (412 otherwise) instead of retrying on fresh data. */
  expectedVersion?: number;
  /**
   * Builds the audit entry's data and the deadline changes from the freshly loaded case, on every attempt; throws a
   * DomainError to refuse.
   */
  build: (loaded: LoadedCase, at: { now: Date; today: IsoDate; directory: Directory; actorRole: Role }) => { data: Record<string, unknown>; deadlinesUpdated: DeadlineUpdate[] };
}

export interface CaseFactOutcome {
  record: CaseRecord;
  deadlines: DeadlineRecord[];
  def: WorkflowDefinition;
  today: IsoDate;
  directory: Directory;
  jurisdiction: Jurisdiction;
}

const RETRIES = 3;

/**
 * Records a fact about a case that is not a workflow event — a deadline paused, resumed or extended — as the next
 * link of its audit hash chain (from = to = the current state), with the case's conditional version update and the
 * deadline changes, in one transaction. The machine is not consulted: the state does not change.
 */
@Injectable()
export class RecordCaseFact {
  constructor(
    private readonly store: CaseStore,
    private readonly registry: WorkflowRegistry,
    private readonly clock: Clock,
    private readonly directoryService: DirectoryService,
    private readonly eventBus: EventBus,
  ) {}

  async execute(request: CaseFactRequest): Promise<CaseFactOutcome> {
    const { viewer } = request;
    for (let attempt = 1; ; attempt++) {
      const [directory, loaded] = await Promise.all([this.directoryService.current(), this.store.load(request.caseId)]);
      const jurisdiction = new Jurisdiction(directory);
      if (!loaded || !jurisdiction.canRead(viewer, loaded.record)) throw new CaseNotFoundError(request.caseId);
      const { record } = loaded;
      if (!jurisdiction.canAct(viewer, record)) throw new NotHandlingOrgError();
      const actorRole = request.roles.find((r) => viewer.roles.includes(r));
      if (!actorRole) {
        throw new ForbiddenError(`Only ${request.roles.join(', ')} of the handling organisation may do this`, `只有承办单位的负责人（调委会主任、法官、仲裁员、复议或信访工作人员）可以${CASE_FACT_TYPES[request.type]}`);
      }
      if (request.expectedVersion !== undefined && request.expectedVersion !== record.version) {
        throw new VersionConflictError(record.id, request.expectedVersion, record.version, true);
      }

      const now = this.clock.now();
      const today = chinaDate(now);
      const built = request.build(loaded, { now, today, directory, actorRole });
      const at = now.toISOString();
      const audit = chainEntry(record.headHash, {
        caseId: record.id,
        seq: record.version + 1,
        at,
        actorId: viewer.userId,
        actorRole,
        type: request.type,
        from: record.state,
        to: record.state,
        data: built.data,
      });
      const next: CaseRecord = { ...record, version: record.version + 1, headHash: audit.hash, updatedAt: at };
      const plan: CommitPlan = { ...emptyPlan(), update: { expectedVersion: record.version, record: next }, audit: [audit], deadlinesUpdated: built.deadlinesUpdated };
      if ((await this.store.commit(plan)) === 'committed') {
        this.eventBus.publish(new CaseChangedEvent(record.id, next.version, request.type, record.state, record.state, false));
        const updates = new Map(built.deadlinesUpdated.map((u) => [u.id, u]));
        const deadlines = loaded.deadlines.map((d) => (updates.has(d.id) ? { ...d, ...updates.get(d.id)! } : d));
        return { record: next, deadlines, def: this.registry.get(record.workflowId, record.workflowVersion), today, directory, jurisdiction };
      }
      if (request.expectedVersion !== undefined || attempt >= RETRIES) {
        const current = await this.store.load(request.caseId);
        throw new VersionConflictError(record.id, request.expectedVersion ?? record.version, current?.record.version, request.expectedVersion !== undefined);
      }
    }
  }
}
