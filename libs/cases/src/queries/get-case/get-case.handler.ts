import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { chinaDate } from '@app/calendar';
import { DirectoryService, Jurisdiction } from '@app/organisations';
import { Clock } from '@app/shared';
import { WorkflowRegistry } from '@app/workflow';
import { CaseNotFoundError } from '../../domain/case.errors';
import { CaseStore } from '../../ports/case-store.port';
import { TransferReadModel } from '../../ports/transfer-read-model.port';
import { RecentCases } from '../../domain/recent-cases';
import { presentCase, type CaseView } from '../../views/case-view';
import { GetCaseQuery } from './get-case.query';

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(
    private readonly store: CaseStore,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
    private readonly clock: Clock,
    private readonly transfers: TransferReadModel,
    private readonly recent: RecentCases,
  ) {}

  async execute({ viewer, caseId }: GetCaseQuery): Promise<CaseView> {
    const [loaded, directory] = await Promise.all([this.store.load(caseId), this.directoryService.current()]);
    const jurisdiction = new Jurisdiction(directory);
    // Out of jurisdiction reads as "no such case", so case ids leak nothing.
    if (!loaded || !jurisdiction.canRead(viewer, loaded.record)) throw new CaseNotFoundError(caseId);
    // Reading a case usually precedes acting on it: keep the fresh copy for that write.
    if (jurisdiction.canAct(viewer, loaded.record)) this.recent.remember(loaded);
    const def = this.registry.get(loaded.record.workflowId, loaded.record.workflowVersion);
    const transfer = loaded.record.originRoute ? await this.transfers.into(loaded.record.id) : null;
    return presentCase(loaded.record, loaded.deadlines, def, viewer, directory, jurisdiction, chinaDate(this.clock.now()), transfer);
  }
}
