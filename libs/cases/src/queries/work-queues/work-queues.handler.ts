import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { chinaDate, daysBetween } from '@app/calendar';
import { DeadlineStore } from '@app/deadlines';
import { DirectoryService, Jurisdiction, type Viewer } from '@app/organisations';
import { Clock, ForbiddenError } from '@app/shared';
import { stateLabel, WorkflowRegistry } from '@app/workflow';
import { assigneeRole, assigners } from '../../domain/assignment';
import { CaseReadModel } from '../../ports/case-read-model.port';
import { presentSummary } from '../../views/case-summary-view';
import { CASE_LIST_COUNT_LIMIT } from '../list-cases/list-cases.query';
import { DEADLINE_LIST_COUNT_LIMIT } from '../list-deadlines/list-deadlines.query';
import { ListEscalatedDeadlinesQuery, ListUnassignedCasesQuery, type EscalatedDeadlineList, type UnassignedCaseList } from './work-queues.query';

const isAdmin = (viewer: Viewer) => viewer.roles.includes('ADMIN');

@QueryHandler(ListUnassignedCasesQuery)
export class ListUnassignedCasesHandler implements IQueryHandler<ListUnassignedCasesQuery> {
  constructor(
    private readonly readModel: CaseReadModel,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
    private readonly clock: Clock,
  ) {}

  async execute({ viewer, page, pageSize }: ListUnassignedCasesQuery): Promise<UnassignedCaseList> {
    // The channels whose cases this viewer may hand out (a director) or take (a person of the assignee role).
    const workflows = this.registry.list().filter((def) => {
      const role = assigneeRole(def);
      return role !== null && (isAdmin(viewer) || viewer.roles.includes(role) || assigners(def).some((r) => viewer.roles.includes(r)));
    });
    if (!isAdmin(viewer) && !workflows.length) {
      throw new ForbiddenError('Only the officials and case handlers of an organisation see its unassigned cases', '只有承办单位的负责人和承办人员可以查看待分配案件');
    }
    const directory = await this.directoryService.current();
    const now = this.clock.now();
    const result = await this.readModel.list(
      {
        visibility: new Jurisdiction(directory).filter(viewer),
        orgId: isAdmin(viewer) ? undefined : viewer.orgId,
        workflowIds: workflows.map((d) => d.id),
        unassigned: true,
        closed: false,
        page,
        pageSize,
        countLimit: CASE_LIST_COUNT_LIMIT,
      },
      now,
    );
    const deadlines = await this.readModel.deadlinesOf(result.items.map((c) => c.id));
    const today = chinaDate(now);
    return {
      items: result.items.map((c) => {
        const def = this.registry.get(c.workflowId, c.workflowVersion);
        const role = assigneeRole(def)!;
        const own = c.orgId === viewer.orgId;
        return {
          ...presentSummary(c, deadlines.filter((d) => d.caseId === c.id), this.registry, directory, today),
          assigneeRole: role,
          canClaim: own && viewer.roles.includes(role),
          canAssign: own && assigners(def).some((r) => viewer.roles.includes(r)),
        };
      }),
      total: result.total,
      totalCapped: result.totalCapped,
      page,
      pageSize,
    };
  }
}

@QueryHandler(ListEscalatedDeadlinesQuery)
export class ListEscalatedDeadlinesHandler implements IQueryHandler<ListEscalatedDeadlinesQuery> {
  constructor(
    private readonly store: DeadlineStore,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
    private readonly clock: Clock,
  ) {}

  async execute({ viewer, page, pageSize }: ListEscalatedDeadlinesQuery): Promise<EscalatedDeadlineList> {
    const officials = new Set(this.registry.list().flatMap((d) => assigners(d)));
    if (!isAdmin(viewer) && !viewer.roles.some((r) => officials.has(r))) {
      throw new ForbiddenError('Only the officials of a supervising organisation see the 督办 list', '只有上级单位的负责人可以查看督办清单');
    }
    const directory = await this.directoryService.current();
    // The organisations below the viewer's, which is not its own supervisor.
    const below = isAdmin(viewer) ? undefined : directory.supervisedOrgIds(viewer.orgId).filter((id) => id !== viewer.orgId);
    const now = this.clock.now();
    const today = chinaDate(now);
    const result = await this.store.list(
      { visibility: new Jurisdiction(directory).filter(viewer), orgIds: below, status: 'missed', overdue: true, page, pageSize, countLimit: DEADLINE_LIST_COUNT_LIMIT },
      now,
    );
    return {
      items: result.items.map((d) => {
        const def = this.registry.get(d.case.workflowId, d.case.workflowVersion);
        return {
          deadlineId: d.id,
          label: d.label,
          legalBasis: d.legalBasis,
          dueOn: d.dueOn,
          daysOverdue: daysBetween(d.dueOn, today),
          escalatedAt: d.escalatedAt,
          case: { id: d.case.id, caseNo: d.case.caseNo, workflowId: d.case.workflowId, state: d.case.state, stateLabel: stateLabel(def, d.case.state) },
          org: { id: d.orgId, name: directory.org(d.orgId)?.name ?? d.orgId },
        };
      }),
      total: result.total,
      totalCapped: result.totalCapped,
      page,
      pageSize,
    };
  }
}
