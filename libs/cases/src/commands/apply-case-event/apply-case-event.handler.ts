import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApplyTransition, type TransitionResult } from '../../domain/apply-transition';
import { presentCase } from '../../views/case-view';
import { ApplyCaseEventCommand } from './apply-case-event.command';

@CommandHandler(ApplyCaseEventCommand)
export class ApplyCaseEventHandler implements ICommandHandler<ApplyCaseEventCommand> {
  constructor(private readonly applyTransition: ApplyTransition) {}

  execute(c: ApplyCaseEventCommand): Promise<TransitionResult> {
    return this.applyTransition.execute({
      caseId: c.caseId,
      type: c.type,
      data: c.data,
      viewer: c.viewer,
      expectedVersion: c.expectedVersion,
      idempotencyKey: c.idempotencyKey,
      present: ({ record, deadlines, def, today, transfer }, directory, jurisdiction) => presentCase(record, deadlines, def, c.viewer, directory, jurisdiction, today, transfer),
    });
  }
}
