import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { chinaDate } from '@app/calendar';
import { DirectoryService } from '@app/organisations';
import { Clock } from '@app/shared';
import { activeStateIds, RouteTable, WorkflowRegistry, stateLabel } from '@app/workflow';
import { CATEGORIES } from '../../domain/case-vocabulary';
import { TransferReadModel } from '../../ports/transfer-read-model.port';
import { GetInboxQuery, type InboxView } from './get-inbox.query';

@QueryHandler(GetInboxQuery)
export class GetInboxHandler implements IQueryHandler<GetInboxQuery> {
  constructor(
    private readonly transfers: TransferReadModel,
    private readonly registry: WorkflowRegistry,
    private readonly routes: RouteTable,
    private readonly directoryService: DirectoryService,
    private readonly clock: Clock,
  ) {}

  async execute({ viewer, page, pageSize }: GetInboxQuery): Promise<InboxView> {
    const [directory, found] = await Promise.all([this.directoryService.current(), this.transfers.inbox(viewer.orgId, { limit: pageSize, offset: (page - 1) * pageSize })]);
    const today = chinaDate(this.clock.now());
    return {
      page,
      pageSize,
      total: found.total,
      items: found.items.map(({ transfer: t, caseNo, workflowId, workflowVersion, state, version, summary, category, deadlines }) => {
        const def = this.registry.get(workflowId, workflowVersion);
        const route = this.routes.get(t.routeId);
        // The acceptance deadline is the one declared on the inbox state (or an ancestor) the case waits in.
        const active = activeStateIds(def, state);
        const acceptance = deadlines.find((d) => active.includes(d.state)) ?? null;
        return {
          transferId: t.id,
          id: t.toCaseId,
          caseNo,
          workflow: { id: def.id, version: def.version, title: def.title },
          state,
          stateLabel: stateLabel(def, state),
          version,
          summary,
          category,
          categoryLabel: CATEGORIES[category as keyof typeof CATEGORIES] ?? category,
          route: { id: t.routeId, label: route?.label ?? t.routeId, legalBasis: route?.legalBasis ?? '' },
          disputeCode: t.disputeCode,
          from: { orgId: t.fromOrgId, orgName: directory.org(t.fromOrgId)?.name ?? t.fromOrgId, caseId: t.fromCaseId },
          sentAt: t.sentAt,
          acceptanceDeadline: acceptance ? { specId: acceptance.specId, label: acceptance.label, dueOn: acceptance.dueOn, legalBasis: acceptance.legalBasis, overdue: acceptance.status === 'missed' || today > acceptance.dueOn } : null,
        };
      }),
    };
  }
}
