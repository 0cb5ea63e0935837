import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditStore } from '@app/audit';
import { DirectoryService, Jurisdiction } from '@app/organisations';
import { ROLE_LABELS, WorkflowRegistry, stateLabel, teamActorRoleLabel } from '@app/workflow';
import { CaseNotFoundError } from '../../domain/case.errors';
import { CASE_FACT_TYPES, type CaseFactType } from '../../domain/record-case-fact';
import { CaseStore } from '../../ports/case-store.port';
import { GetCaseHistoryQuery, type HistoryEntryView } from './get-case-history.query';

@QueryHandler(GetCaseHistoryQuery)
export class GetCaseHistoryHandler implements IQueryHandler<GetCaseHistoryQuery> {
  constructor(
    private readonly store: CaseStore,
    private readonly audit: AuditStore,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
  ) {}

  async execute({ viewer, caseId }: GetCaseHistoryQuery): Promise<HistoryEntryView[]> {
    const [loaded, directory] = await Promise.all([this.store.load(caseId), this.directoryService.current()]);
    if (!loaded || !new Jurisdiction(directory).canRead(viewer, loaded.record)) throw new CaseNotFoundError(caseId);
    const def = this.registry.get(loaded.record.workflowId, loaded.record.workflowVersion);
    const label = (state: string | null) => (state === null ? null : stateLabel(def, state));
    const entries = await this.audit.history(caseId);
    return entries.map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: {
        id: e.actorId,
        name: e.actorId === 'system' ? '系统' : (directory.user(e.actorId)?.displayName ?? e.actorId),
        role: e.actorRole,
        roleLabel: ROLE_LABELS[e.actorRole] ?? teamActorRoleLabel(e.actorRole) ?? e.actorRole,
      },
      type: e.type,
      typeLabel: e.type === 'OPEN' ? '登记立案' : (def.events[e.type]?.label ?? CASE_FACT_TYPES[e.type as CaseFactType] ?? e.type),
      from: e.from,
      fromLabel: label(e.from),
      to: e.to,
      toLabel: label(e.to) ?? e.to,
      data: e.data,
      ...(e.documents ? { documents: e.documents } : {}),
      hash: e.hash,
      prevHash: e.prevHash,
    }));
  }
}
