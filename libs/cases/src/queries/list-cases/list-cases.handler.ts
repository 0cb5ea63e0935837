import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { chinaDate } from '@app/calendar';
import { DirectoryService, Jurisdiction } from '@app/organisations';
import { Clock } from '@app/shared';
import { ValidationError } from '@app/shared';
import { configurationsTagged, QUEUES, WorkflowRegistry } from '@app/workflow';
import { CaseReadModel } from '../../ports/case-read-model.port';
import { presentSummary } from '../../views/case-summary-view';
import { ListCasesQuery, type CaseListView } from './list-cases.query';

@QueryHandler(ListCasesQuery)
export class ListCasesHandler implements IQueryHandler<ListCasesQuery> {
  constructor(
    private readonly readModel: CaseReadModel,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
    private readonly clock: Clock,
  ) {}

  async execute({ viewer, filters }: ListCasesQuery): Promise<CaseListView> {
    const directory = await this.directoryService.current();
    const now = this.clock.now();
    const queue = filters.queue === undefined ? undefined : QUEUES.find((q) => q.id === filters.queue);
    if (filters.queue !== undefined && !queue) {
      throw new ValidationError([{ field: 'queue', message: `must be one of ${QUEUES.map((q) => q.id).join(', ')}`, messageZh: '不是已定义的工作队列' }]);
    }
    // A queue is a workflow's open cases in its tagged states (every version's), or those assigned to the caller.
    const queueStates = queue?.tag ? [...new Set(this.registry.versions(queue.workflow).flatMap((d) => configurationsTagged(d, queue.tag!)))] : undefined;
    const page = await this.readModel.list(
      {
        visibility: new Jurisdiction(directory).filter(viewer),
        state: filters.state,
        states: queueStates,
        workflowId: queue?.workflow ?? filters.workflow,
        orgId: filters.orgId,
        regionCode: filters.regionCode,
        overdue: filters.overdue,
        assigneeId: filters.assignee === 'me' || queue?.assignedToMe ? viewer.userId : undefined,
        teamMemberId: filters.team === 'mine' ? viewer.userId : undefined,
        closed: queue ? false : filters.closed,
        q: filters.q,
        idNumber: filters.idNumber,
        page: filters.page,
        pageSize: filters.pageSize,
      },
      now,
    );
    const deadlines = await this.readModel.deadlinesOf(page.items.map((c) => c.id));
    const today = chinaDate(now);
    return {
      items: page.items.map((c) => presentSummary(c, deadlines.filter((d) => d.caseId === c.id), this.registry, directory, today)),
      total: page.total,
      page: filters.page,
      pageSize: filters.pageSize,
    };
  }
}
