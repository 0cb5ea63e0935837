import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DeadlinePlanner } from '@app/deadlines';
import { NotFoundError, ValidationError } from '@app/shared';
import { DEADLINE_OFFICERS, deadlineFacts, pendingDeadline } from '../../domain/deadline-adjustments';
import { DeadlineStateConflictError } from '../../domain/deadline.errors';
import { RecordCaseFact } from '../../domain/record-case-fact';
import { presentCase, type CaseView } from '../../views/case-view';
import { ResumeDeadlineCommand } from './resume-deadline.command';

@CommandHandler(ResumeDeadlineCommand)
export class ResumeDeadlineHandler implements ICommandHandler<ResumeDeadlineCommand> {
  constructor(
    private readonly facts: RecordCaseFact,
    private readonly planner: DeadlinePlanner,
  ) {}

  async execute(c: ResumeDeadlineCommand): Promise<CaseView> {
    const outcome = await this.facts.execute({
      caseId: c.caseId,
      viewer: c.viewer,
      type: 'DEADLINE_RESUMED',
      roles: DEADLINE_OFFICERS,
      ifMatch: c.ifMatch,
      build: (loaded, { now, today }) => {
        const deadline = pendingDeadline(loaded, c.deadlineId);
        const pause = deadline.pauses[c.n - 1];
        if (!pause) throw new NotFoundError('Pause', '中止记录', `${c.deadlineId}/${c.n}`);
        if (pause.to !== null) throw new DeadlineStateConflictError(`Pause ${c.n} already ended on ${pause.to}`, `第${c.n}次中止已于${pause.to}结束`);
        const to = c.to ?? today;
        if (to < pause.from) throw new ValidationError([{ field: 'to', message: `must not be before the pause began (${pause.from})`, messageZh: `不得早于中止开始日期（${pause.from}）` }]);
        const pauses = deadline.pauses.map((p, i) => (i === c.n - 1 ? { ...p, to, endedBy: c.viewer.userId, endedAt: now.toISOString() } : p));
        const next = this.planner.recompute({ ...deadline, pauses }, today);
        return {
          data: { ...deadlineFacts(deadline, next), pause: { n: c.n, from: pause.from, to, reason: pause.reason } },
          deadlinesUpdated: [{ id: deadline.id, ...next, pauses }],
        };
      },
    });
    return presentCase(outcome.record, outcome.deadlines, outcome.def, c.viewer, outcome.directory, outcome.jurisdiction, outcome.today);
  }
}
