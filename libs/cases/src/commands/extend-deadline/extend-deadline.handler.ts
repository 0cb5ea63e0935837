import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DeadlinePlanner, type DeadlineExtension } from '@app/deadlines';
import { DEADLINE_OFFICERS, deadlineFacts, pendingDeadline } from '../../domain/deadline-adjustments';
import { RecordCaseFact } from '../../domain/record-case-fact';
import { presentCase, type CaseView } from '../../views/case-view';
import { ExtendDeadlineCommand } from './extend-deadline.command';

@CommandHandler(ExtendDeadlineCommand)
export class ExtendDeadlineHandler implements ICommandHandler<ExtendDeadlineCommand> {
  constructor(
    private readonly facts: RecordCaseFact,
    private readonly planner: DeadlinePlanner,
  ) {}

  async execute(c: ExtendDeadlineCommand): Promise<CaseView> {
    const { amount, unit, reason, approvedBy } = c.input;
    const outcome = await this.facts.execute({
      caseId: c.caseId,
      viewer: c.viewer,
      type: 'DEADLINE_EXTENDED',
      roles: DEADLINE_OFFICERS,
      ifMatch: c.ifMatch,
      build: (loaded, { now, today, directory }) => {
        const deadline = pendingDeadline(loaded, c.deadlineId);
        const approver = directory.user(approvedBy);
        const extension: DeadlineExtension = {
          amount,
          unit,
          reason,
          approvedBy: approver?.displayName ?? approvedBy,
          approvedById: approver?.id ?? null,
          recordedBy: c.viewer.userId,
          recordedAt: now.toISOString(),
        };
        const extensions = [...deadline.extensions, extension];
        const next = this.planner.recompute({ ...deadline, extensions }, today);
        return {
          data: { ...deadlineFacts(deadline, next), extension: { n: extensions.length, amount, unit, reason, approvedBy: extension.approvedBy, approvedById: extension.approvedById } },
          deadlinesUpdated: [{ id: deadline.id, ...next, extensions }],
        };
      },
    });
    return presentCase(outcome.record, outcome.deadlines, outcome.def, c.viewer, outcome.directory, outcome.jurisdiction, outcome.today);
  }
}
