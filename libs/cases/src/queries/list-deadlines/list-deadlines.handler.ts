import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { addDays, chinaDate } from '@app/calendar';
import { DeadlineStore } from '@app/deadlines';
import { DirectoryService, Jurisdiction } from '@app/organisations';
import { Clock, ValidationError } from '@app/shared';
import { stateLabel, WorkflowRegistry } from '@app/workflow';
import { presentDeadline } from '../../views/case-view';
import { DEADLINE_LIST_COUNT_LIMIT, ListDeadlinesQuery, type DeadlineListView } from './list-deadlines.query';

@QueryHandler(ListDeadlinesQuery)
export class ListDeadlinesHandler implements IQueryHandler<ListDeadlinesQuery> {
  constructor(
    private readonly store: DeadlineStore,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
    private readonly clock: Clock,
  ) {}

  async execute({ viewer, filters }: ListDeadlinesQuery): Promise<DeadlineListView> {
    const directory = await this.directoryService.current();
    if (filters.orgId !== undefined && !directory.org(filters.orgId)) {
      throw new ValidationError([{ field: 'orgId', message: 'is not a known organisation', messageZh: '不是已登记的单位' }]);
    }
    const now = this.clock.now();
    const today = chinaDate(now);
    const page = await this.store.list(
      {
        visibility: new Jurisdiction(directory).filter(viewer),
        orgIds: filters.orgId ? directory.supervisedOrgIds(filters.orgId) : undefined,
        caseId: filters.caseId,
        status: filters.status,
        overdue: filters.overdue,
        dueBy: filters.dueWithinDays !== undefined ? addDays(today, filters.dueWithinDays) : undefined,
        perCase: filters.perCase,
        page: filters.page,
        pageSize: filters.pageSize,
        countLimit: DEADLINE_LIST_COUNT_LIMIT,
      },
      now,
    );
    return {
      items: page.items.map((d) => {
        const def = this.registry.get(d.case.workflowId, d.case.workflowVersion);
        return {
          ...presentDeadline(d, today),
          case: { id: d.case.id, caseNo: d.case.caseNo, workflowId: d.case.workflowId, state: d.case.state, stateLabel: stateLabel(def, d.case.state), closed: d.case.closed },
          org: { id: d.orgId, name: directory.org(d.orgId)?.name ?? d.orgId },
          remindedAt: d.remindedAt,
          escalatedAt: d.escalatedAt,
          firedAt: d.firedAt,
          closedAt: d.closedAt,
          workerOutcome: d.fireOutcome,
        };
      }),
      total: page.total,
      totalCapped: page.totalCapped,
      page: filters.page,
      pageSize: filters.pageSize,
    };
  }
}
