import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { chinaDate } from '@app/calendar';
import { DirectoryService } from '@app/organisations';
import { Clock, ValidationError } from '@app/shared';
import { riskRegion } from '../../domain/risk-access';
import { RiskRegisterStore, type RiskSweep } from '../../ports/risk-register.port';
import { RecordRiskSweepCommand } from './record-risk-sweep.command';

/** Sweeps are done by the centre and its grid workers, not by those who only read the register. */
const SWEEP_ROLES = ['CENTRE_DISPATCHER', 'GRID_WORKER'];

@CommandHandler(RecordRiskSweepCommand)
export class RecordRiskSweepHandler implements ICommandHandler<RecordRiskSweepCommand> {
  constructor(
    private readonly store: RiskRegisterStore,
    private readonly directoryService: DirectoryService,
    private readonly clock: Clock,
  ) {}

  async execute({ viewer, body }: RecordRiskSweepCommand): Promise<RiskSweep> {
    const directory = await this.directoryService.current();
    const regionCode = riskRegion(viewer, directory, body.regionCode, SWEEP_ROLES);
    const now = this.clock.now();
    if (body.conductedOn > chinaDate(now)) throw new ValidationError([{ field: 'conductedOn', message: 'cannot be in the future', messageZh: '排查日期不得晚于今天' }]);
    const sweep: RiskSweep = {
      id: randomUUID(),
      regionCode,
      orgId: viewer.orgId,
      conductedBy: viewer.userId,
      conductedOn: body.conductedOn,
      findings: body.findings,
      disputeCodes: [...new Set(body.disputeCodes ?? [])],
      recordedAt: now.toISOString(),
    };
    await this.store.recordSweep(sweep);
    return sweep;
  }
}
