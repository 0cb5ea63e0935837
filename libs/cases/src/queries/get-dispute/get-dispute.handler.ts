import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DirectoryService, Jurisdiction } from '@app/organisations';
import { NotFoundError } from '@app/shared';
import { RouteTable, WorkflowRegistry, stateLabel } from '@app/workflow';
import { overseesDispute } from '../../domain/dispute-oversight';
import { TRANSFER_STATUS_LABELS } from '../../domain/transfer';
import { TransferReadModel } from '../../ports/transfer-read-model.port';
import { CaseTeamReadModel } from '../../ports/case-team.port';
import { GetDisputeQuery, type DisputeView } from './get-dispute.query';

@QueryHandler(GetDisputeQuery)
export class GetDisputeHandler implements IQueryHandler<GetDisputeQuery> {
  constructor(
    private readonly transfers: TransferReadModel,
    private readonly registry: WorkflowRegistry,
    private readonly routes: RouteTable,
    private readonly directoryService: DirectoryService,
    private readonly teams: CaseTeamReadModel,
  ) {}

  async execute({ viewer, code }: GetDisputeQuery): Promise<DisputeView> {
    const [directory, found] = await Promise.all([this.directoryService.current(), this.transfers.dispute(code)]);
    const jurisdiction = new Jurisdiction(directory);
    // A case is visible as its own page would be: handled, supervised or sent by the caller, or linked to its case.
    const linkedOrgs = new Map<string, { orgId: string }[]>();
    const orgOf = new Map(found.cases.map((c) => [c.id, c.orgId]));
    for (const t of found.transfers) {
      linkedOrgs.set(t.fromCaseId, [...(linkedOrgs.get(t.fromCaseId) ?? []), { orgId: orgOf.get(t.toCaseId) ?? t.toOrgId }]);
      linkedOrgs.set(t.toCaseId, [...(linkedOrgs.get(t.toCaseId) ?? []), { orgId: orgOf.get(t.fromCaseId) ?? t.fromOrgId }]);
    }
    const whole = overseesDispute(viewer, directory, this.registry, found.cases);
    // A team member sees the cases of the dispute whose team they are on, and no others.
    const memberOf = whole ? new Set<string>() : await this.teams.casesOf(viewer.userId, found.cases.map((c) => c.id));
    const team = (id: string) => (memberOf.has(id) ? [{ userId: viewer.userId, caseRole: '' }] : []);
    const visible = whole ? [...found.cases] : found.cases.filter((c) => jurisdiction.canRead(viewer, { ...c, links: linkedOrgs.get(c.id) ?? [], team: team(c.id) }));
    if (!visible.length) throw new NotFoundError('Dispute', '纠纷', code);
    // Oldest first; a case sent on in the same instant as its origin still comes after it.
    const depth = (id: string | null, seen = 0): number => {
      const c = id ? found.cases.find((x) => x.id === id) : undefined;
      return c && seen < found.cases.length ? 1 + depth(c.originCaseId, seen + 1) : 0;
    };
    visible.sort((a, b) => a.openedAt.localeCompare(b.openedAt) || depth(a.id) - depth(b.id));
    const ids = new Set(visible.map((c) => c.id));
    return {
      code,
      cases: visible.map((c) => {
        const def = this.registry.get(c.workflowId, c.workflowVersion);
        return {
          id: c.id,
          caseNo: c.caseNo,
          workflow: { id: def.id, version: def.version, title: def.title },
          orgId: c.orgId,
          orgName: directory.org(c.orgId)?.name ?? c.orgId,
          state: c.state,
          stateLabel: stateLabel(def, c.state),
          openedAt: c.openedAt,
        };
      }),
      transfers: found.transfers
        .filter((t) => ids.has(t.fromCaseId) || ids.has(t.toCaseId))
        .map((t) => ({
          fromCaseId: t.fromCaseId,
          toCaseId: t.toCaseId,
          route: t.routeId,
          routeLabel: this.routes.get(t.routeId)?.label ?? t.routeId,
          status: t.status,
          statusLabel: TRANSFER_STATUS_LABELS[t.status],
          sentAt: t.sentAt,
          decidedAt: t.decidedAt,
          reason: t.reason,
        })),
    };
  }
}
