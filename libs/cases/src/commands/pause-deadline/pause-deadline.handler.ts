import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DeadlinePlanner, openPause, type DeadlinePause } from '@app/deadlines';
import { ValidationError } from '@app/shared';
import { DEADLINE_OFFICERS, deadlineFacts, pendingDeadline } from '../../domain/deadline-adjustments';
import { DeadlineStateConflictError } from '../../domain/deadline.errors';
import { RecordCaseFact } from '../../domain/record-case-fact';
import { presentCase, type CaseView } from '../../views/case-view';
import { PauseDeadlineCommand } from './pause-deadline.command';

@CommandHandler(PauseDeadlineCommand)
export class PauseDeadlineHandler implements ICommandHandler<PauseDeadlineCommand> {
  constructor(
    private readonly facts: RecordCaseFact,
    private readonly planner: DeadlinePlanner,
  ) {}

  async execute(c: PauseDeadlineCommand): Promise<CaseView> {
    const { from, to, reason } = c.input;
    const outcome = await this.facts.execute({
      caseId: c.caseId,
      viewer: c.viewer,
      type: 'DEADLINE_PAUSED',
      roles: DEADLINE_OFFICERS,
      ifMatch: c.ifMatch,
      build: (loaded, { now, today }) => {
        const deadline = pendingDeadline(loaded, c.deadlineId);
        const running = openPause(deadline);
        if (running) throw new DeadlineStateConflictError('A pause of this deadline is still running', `该期限自${running.from}起的中止尚未结束，请先恢复计算`);
        if (from < deadline.anchorOn) throw new ValidationError([{ field: 'from', message: `must not be before the period starts (${deadline.anchorOn})`, messageZh: `不得早于期限起算日（${deadline.anchorOn}）` }]);
        if (from > deadline.dueOn) throw new ValidationError([{ field: 'from', message: `must not be after the deadline (${deadline.dueOn})`, messageZh: `期限已于${deadline.dueOn}届满，不能在届满后中止` }]);
        if (to !== undefined && to < from) throw new ValidationError([{ field: 'to', message: 'must not be before from', messageZh: '不得早于中止开始日期' }]);
        const pause: DeadlinePause = { from, to: to ?? null, reason, recordedBy: c.viewer.userId, recordedAt: now.toISOString() };
        const pauses = [...deadline.pauses, pause];
        const next = this.planner.recompute({ ...deadline, pauses }, today);
        return {
          data: { ...deadlineFacts(deadline, next), pause: { n: pauses.length, from, to: to ?? null, reason } },
          deadlinesUpdated: [{ id: deadline.id, ...next, pauses }],
        };
      },
    });
    return presentCase(outcome.record, outcome.deadlines, outcome.def, c.viewer, outcome.directory, outcome.jurisdiction, outcome.today);
  }
}
