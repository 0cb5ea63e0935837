import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApplyTransition, type TransitionResult } from '../../domain/apply-transition';
import { presentCase, type CaseView } from '../../views/case-view';
import { StoredCaseViews, viewForStorage } from '../../views/stored-case-view';
import { ApplyCaseEventCommand } from './apply-case-event.command';

@CommandHandler(ApplyCaseEventCommand)
export class ApplyCaseEventHandler implements ICommandHandler<ApplyCaseEventCommand> {
  constructor(
    private readonly applyTransition: ApplyTransition,
    private readonly stored: StoredCaseViews,
  ) {}

  async execute(c: ApplyCaseEventCommand): Promise<TransitionResult> {
    const result = await this.applyTransition.execute({
      caseId: c.caseId,
      type: c.type,
      data: c.data,
      viewer: c.viewer,
      ifMatch: c.ifMatch,
      idempotencyKey: c.idempotencyKey,
      present: ({ record, deadlines, def, today, transfer }, directory, jurisdiction) => presentCase(record, deadlines, def, c.viewer, directory, jurisdiction, today, transfer),
      storable: (view) => viewForStorage(view as CaseView),
    });
    return result.replayed ? { ...result, response: await this.stored.replay(result.response as CaseView, c.viewer) } : result;
  }
}
