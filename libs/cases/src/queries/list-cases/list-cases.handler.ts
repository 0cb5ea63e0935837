import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { chinaDate } from '@app/calendar';
import { DirectoryService } from '@app/organisations';
import { Clock } from '@app/shared';
import { WorkflowRegistry } from '@app/workflow';
import { CaseReadModel } from '../../ports/case-read-model.port';
import { presentSummary } from '../../views/case-summary-view';
import { caseListFilter } from './case-list-filter';
import { CASE_LIST_COUNT_LIMIT, ListCasesQuery, type CaseListView } from './list-cases.query';

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
    const page = await this.readModel.list(
      { ...caseListFilter(viewer, filters, directory, this.registry), page: filters.page, pageSize: filters.pageSize, countLimit: CASE_LIST_COUNT_LIMIT },
      now,
    );
    const deadlines = await this.readModel.deadlinesOf(page.items.map((c) => c.id));
    const today = chinaDate(now);
    return {
      items: page.items.map((c) => presentSummary(c, deadlines.filter((d) => d.caseId === c.id), this.registry, directory, today)),
      total: page.total,
      totalCapped: page.totalCapped,
      page: filters.page,
      pageSize: filters.pageSize,
    };
  }
}
