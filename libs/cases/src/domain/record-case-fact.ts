import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { chinaDate, type IsoDate } from '@app/calendar';
import type { DeadlineRecord, DeadlineUpdate, Notification } from '@app/deadlines';
import { DirectoryService, Jurisdiction, type Directory, type Viewer } from '@app/organisations';
import { Clock, type Role } from '@app/shared';
import { WorkflowRegistry, type WorkflowDefinition } from '@app/workflow';
import { CaseStore, type LoadedCase } from '../ports/case-store.port';
import type { CaseRecord } from './case-record';
import type { TeamChange } from './case-team';
import type { AttachmentRecord } from '../attachments/attachment';
import { CaseNotFoundError, NotHandlingOrgError, VersionConflictError } from './case.errors';
import { publishChanges } from './apply-transition';
import { RecentCases } from './recent-cases';
import { emptyPlan, WritePlanner } from './write-planner';

/** Audit entry types for facts recorded on a case outside its workflow machine, with their Chinese labels. */
export const CASE_FACT_TYPES = {
  DEADLINE_PAUSED: '期限中止计算',
  DEADLINE_RESUMED: '期限恢复计算',
  DEADLINE_EXTENDED: '期限延长',
  MIGRATE: '流程版本迁移',
  TEAM_MEMBER_ADDED: '邀请团队成员',
  TEAM_MEMBER_REMOVED: '移出团队成员',
  ATTACHMENT_ADDED: '上传附件',
  CASE_CLAIMED: '认领案件',
  CASE_ASSIGNED: '分配承办人',
  CASE_REASSIGNED: '改派承办人',
} as const;
export type CaseFactType = keyof typeof CASE_FACT_TYPES;

export interface CaseFactRequest {
  caseId: string;
  viewer: Viewer;
  type: CaseFactType;
  /** Roles that may record the fact, in the organisation handling the case; or the case's workflow says which. */
  roles: Role[] | ((def: WorkflowDefinition) => Role[]);
  /** From If-Match: record only at one of these versions (412 otherwise) instead of retrying on fresh data. */
  ifMatch?: readonly number[];
  /**
   * Builds the audit entry's data and the deadline changes from the freshly loaded case, on every attempt; throws a
   * DomainError to refuse.
   */
  build: (
    loaded: LoadedCase,
    at: { now: Date; today: IsoDate; directory: Directory; actorRole: Role; def: WorkflowDefinition },
  ) => { data: Record<string, unknown>; deadlinesUpdated: DeadlineUpdate[]; teamChanges?: TeamChange[]; attachments?: AttachmentRecord[]; assigneeId?: string; notifications?: Notification[] };
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
 * Records a fact about a case that is not a workflow event — a deadline paused, resumed or extended, a team member
 * invited or removed — planned by the
 * one write pipeline (`WritePlanner.recordFact`: the next link of the audit chain, from = to = the current state, and
 * the deadline changes) and committed with the case's conditional version update in one transaction. The machine is
 * not consulted: the state does not change.
 */
@Injectable()
export class RecordCaseFact {
  constructor(
    private readonly store: CaseStore,
    private readonly registry: WorkflowRegistry,
    private readonly clock: Clock,
    private readonly directoryService: DirectoryService,
    private readonly eventBus: EventBus,
    private readonly planner: WritePlanner,
    private readonly recent: RecentCases,
  ) {}

  async execute(request: CaseFactRequest): Promise<CaseFactOutcome> {
    const { viewer } = request;
    for (let attempt = 1; ; attempt++) {
      const [directory, loaded] = await Promise.all([this.directoryService.current(), this.store.load(request.caseId)]);
      const jurisdiction = new Jurisdiction(directory);
      if (!loaded || !jurisdiction.canRead(viewer, loaded.record)) throw new CaseNotFoundError(request.caseId);
      const { record } = loaded;
      if (!jurisdiction.canAct(viewer, record)) throw new NotHandlingOrgError();
      if (request.ifMatch && !request.ifMatch.includes(record.version)) {
        throw new VersionConflictError(record.id, request.ifMatch[0], record.version, true);
      }
      const now = this.clock.now();
      const today = chinaDate(now);
      const plan = emptyPlan();
      const def = this.registry.get(record.workflowId, record.workflowVersion);
      const roles = typeof request.roles === 'function' ? request.roles(def) : request.roles;
      const next = this.planner.recordFact(
        plan,
        loaded,
        { type: request.type, label: CASE_FACT_TYPES[request.type], roles, actor: { id: viewer.userId, roles: viewer.roles } },
        (actorRole) => request.build(loaded, { now, today, directory, actorRole, def }),
        { directory, now, today },
        def.manifest.assigneeField,
      );
      this.recent.forget(request.caseId);
      if ((await this.store.commit(plan)) === 'committed') {
        publishChanges(this.eventBus, plan);
        return { record: next.record, deadlines: next.deadlines, def, today, directory, jurisdiction };
      }
      if (request.ifMatch || attempt >= RETRIES) {
        const current = await this.store.load(request.caseId);
        throw new VersionConflictError(record.id, record.version, current?.record.version, request.ifMatch !== undefined);
      }
    }
  }
}
