import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OrganisationsModule } from '@app/organisations';
import { ApplyTransition } from './domain/apply-transition';
import { OpenCaseHandler } from './commands/open-case/open-case.handler';
import { ApplyCaseEventHandler } from './commands/apply-case-event/apply-case-event.handler';
import { GetCaseHandler } from './queries/get-case/get-case.handler';
import { ListCasesHandler } from './queries/list-cases/list-cases.handler';
import { GetCaseHistoryHandler } from './queries/get-case-history/get-case-history.handler';
import { DeliverOutboxAfterCommit, OutboxDispatcher } from './outbox/outbox-dispatcher';

const commandHandlers = [OpenCaseHandler, ApplyCaseEventHandler];
const queryHandlers = [GetCaseHandler, ListCasesHandler, GetCaseHistoryHandler];
const eventHandlers = [DeliverOutboxAfterCommit];

/**
 * Case commands and queries. Its ports (CaseStore, CaseReadModel, OutboxStore, AuditStore) and the engine services
 * (WorkflowRegistry, Clock, DeadlinePlanner) come from the composition root.
 */
@Module({
  imports: [CqrsModule, OrganisationsModule],
  providers: [ApplyTransition, OutboxDispatcher, ...commandHandlers, ...queryHandlers, ...eventHandlers],
  exports: [ApplyTransition, OutboxDispatcher],
})
export class CasesModule {}
