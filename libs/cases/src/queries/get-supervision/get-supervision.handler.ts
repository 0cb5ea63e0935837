import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DirectoryService } from '@app/organisations';
import { chinaDate } from '@app/calendar';
import { Clock, NotFoundError } from '@app/shared';
import { stateLabel, WorkflowRegistry } from '@app/workflow';
import { overseesDispute } from '../../domain/dispute-oversight';
import { CaseStore } from '../../ports/case-store.port';
import { TransferReadModel } from '../../ports/transfer-read-model.port';
import { GetSupervisionQuery, type SupervisionView } from './get-supervision.query';

@QueryHandler(GetSupervisionQuery)
export class GetSupervisionHandler implements IQueryHandler<GetSupervisionQuery> {
  constructor(
    private readonly transfers: TransferReadModel,
    private readonly cases: CaseStore,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
    private readonly clock: Clock,
  ) {}

  async execute({ viewer, code }: GetSupervisionQuery): Promise<SupervisionView> {
    const [directory, found] = await Promise.all([this.directoryService.current(), this.transfers.dispute(code)]);
    // Only an overseeing centre has a supervision view; anyone else is told nothing, not even that the dispute exists.
    if (!found.cases.length || !overseesDispute(viewer, directory, this.registry, found.cases)) throw new NotFoundError('Dispute', '纠纷', code);
    const loaded = await this.cases.loadMany(found.cases.map((c) => c.id));
    const today = chinaDate(this.clock.now());
    const byId = new Map(loaded.map((l) => [l.record.id, l]));
    const isCentre = (workflowId: string, version: number) => this.registry.get(workflowId, version).manifest.seesWholeDispute === true;
    const sorted = [...found.cases].sort((a, b) => a.openedAt.localeCompare(b.openedAt));
    return {
      code,
      centreCases: sorted
        .filter((c) => isCentre(c.workflowId, c.workflowVersion))
        .map((c) => ({ id: c.id, caseNo: c.caseNo, state: c.state, stateLabel: stateLabel(this.registry.get(c.workflowId, c.workflowVersion), c.state) })),
      cases: sorted
        .filter((c) => !isCentre(c.workflowId, c.workflowVersion))
        .map((c) => {
          const def = this.registry.get(c.workflowId, c.workflowVersion);
          const own = byId.get(c.id);
          const deadlines = (own?.deadlines ?? [])
            .filter((d) => d.status === 'pending' || d.status === 'missed')
            .map((d) => ({ id: d.id, specId: d.specId, label: d.label, dueOn: d.dueOn, status: d.status, legalBasis: d.legalBasis, soft: d.soft }));
          return {
            id: c.id,
            caseNo: c.caseNo,
            workflow: { id: def.id, title: def.title },
            orgId: c.orgId,
            orgName: directory.org(c.orgId)?.name ?? c.orgId,
            state: c.state,
            stateLabel: stateLabel(def, c.state),
            closed: own?.record.closed ?? false,
            openedAt: c.openedAt,
            deadlines,
            // Past its day even before the worker has marked it: what 督办 is for.
            overdue: deadlines.some((d) => d.status === 'missed' || d.dueOn < today),
          };
        }),
    };
  }
}
