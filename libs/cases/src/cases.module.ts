import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { OrganisationsModule } from '@app/organisations';
import { ALL_MIGRATIONS, WorkflowMigrations, WorkflowRegistry } from '@app/workflow';
import { ApplyTransition } from './domain/apply-transition';
import { OpenCaseHandler } from './commands/open-case/open-case.handler';
import { ApplyCaseEventHandler } from './commands/apply-case-event/apply-case-event.handler';
import { GetCaseHandler } from './queries/get-case/get-case.handler';
import { ListCasesHandler } from './queries/list-cases/list-cases.handler';
import { CaseLedger } from './ledger/case-ledger';
import { GetCaseHistoryHandler } from './queries/get-case-history/get-case-history.handler';
import { DeliverOutboxAfterCommit, OutboxDispatcher } from './outbox/outbox-dispatcher';
import { RecordCaseFact } from './domain/record-case-fact';
import { FireDeadlinesHandler } from './commands/fire-deadlines/fire-deadlines.handler';
import { PauseDeadlineHandler } from './commands/pause-deadline/pause-deadline.handler';
import { ResumeDeadlineHandler } from './commands/resume-deadline/resume-deadline.handler';
import { ExtendDeadlineHandler } from './commands/extend-deadline/extend-deadline.handler';
import { MarkNotificationReadHandler } from './commands/mark-notification-read/mark-notification-read.handler';
import { ListDeadlinesHandler } from './queries/list-deadlines/list-deadlines.handler';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';
import { DeadlineWorker } from './deadline-worker/deadline-worker';
import { GetInboxHandler } from './queries/get-inbox/get-inbox.handler';
import { GetDisputeHandler } from './queries/get-dispute/get-dispute.handler';
import { MigrateCasesHandler } from './commands/migrate-cases/migrate-cases.handler';
import { RecordRiskSweepHandler } from './commands/record-risk-sweep/record-risk-sweep.handler';
import { GetSupervisionHandler } from './queries/get-supervision/get-supervision.handler';
import { GetRiskRegisterHandler } from './queries/get-risk-register/get-risk-register.handler';
import { ListRiskSweepsHandler } from './queries/list-risk-sweeps/list-risk-sweeps.handler';
import { StoredCaseViews } from './views/stored-case-view';
import { IdempotencySweep } from './domain/idempotency';
import { AddTeamMemberHandler, RemoveTeamMemberHandler } from './commands/manage-team/manage-team.handler';
import { GetCaseTeamHandler, ListTeamCandidatesHandler } from './queries/get-case-team/get-case-team.handler';
import { GetAttachmentContentHandler, ListAttachmentsHandler, UploadAttachmentHandler } from './attachments';
import { AssignCaseHandler, ClaimCaseHandler, ReassignCaseHandler } from './commands/assign-case/assign-case.handler';
import { ListEscalatedDeadlinesHandler, ListUnassignedCasesHandler } from './queries/work-queues/work-queues.handler';
import { MarkAllNotificationsReadHandler } from './commands/mark-notification-read/mark-notification-read.handler';
import { CountUnreadNotificationsHandler } from './queries/list-notifications/list-notifications.handler';

const commandHandlers = [OpenCaseHandler, ApplyCaseEventHandler, FireDeadlinesHandler, PauseDeadlineHandler, ResumeDeadlineHandler, ExtendDeadlineHandler, MarkNotificationReadHandler, MigrateCasesHandler, RecordRiskSweepHandler];
const teamHandlers = [AddTeamMemberHandler, RemoveTeamMemberHandler, GetCaseTeamHandler, ListTeamCandidatesHandler];
const queryHandlers = [GetCaseHandler, ListCasesHandler, GetCaseHistoryHandler, ListDeadlinesHandler, ListNotificationsHandler, GetInboxHandler, GetDisputeHandler, GetSupervisionHandler, GetRiskRegisterHandler, ListRiskSweepsHandler];
const queueHandlers = [ClaimCaseHandler, AssignCaseHandler, ReassignCaseHandler, ListUnassignedCasesHandler, ListEscalatedDeadlinesHandler, MarkAllNotificationsReadHandler, CountUnreadNotificationsHandler];
const eventHandlers = [DeliverOutboxAfterCommit];
// Their AttachmentStore and AttachmentSettings come from the composition root, like the other ports.
const attachmentHandlers = [UploadAttachmentHandler, ListAttachmentsHandler, GetAttachmentContentHandler];

/**
 * Case commands and queries. Its ports (CaseStore, CaseReadModel, TransferReadModel, OutboxStore, AuditStore) and the
 * engine services (WorkflowRegistry, RouteTable, Clock, DeadlinePlanner, WritePlanner) come from the composition root.
 */
@Module({
  imports: [CqrsModule, OrganisationsModule],
  providers: [
    ApplyTransition,
    RecordCaseFact,
    OutboxDispatcher,
    DeadlineWorker,
    StoredCaseViews,
    CaseLedger,
    IdempotencySweep,
    // Checked against the registered versions at startup, like the route table.
    { provide: WorkflowMigrations, inject: [WorkflowRegistry], useFactory: (registry: WorkflowRegistry) => new WorkflowMigrations(ALL_MIGRATIONS, registry) },
    ...commandHandlers,
    ...queryHandlers,
    ...eventHandlers,
    ...teamHandlers,
    ...attachmentHandlers,
    ...queueHandlers,
  ],
  exports: [ApplyTransition, OutboxDispatcher, DeadlineWorker, IdempotencySweep, CaseLedger],
})
export class CasesModule {}
