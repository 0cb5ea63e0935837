import { Command } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { RiskSweep } from '../../ports/risk-register.port';

/** 矛盾纠纷排查: a screening sweep of a region, recorded with who did it, when, what was found and which disputes. */
export class RecordRiskSweepCommand extends Command<RiskSweep> {
  constructor(
    readonly viewer: Viewer,
    readonly body: { regionCode: string; conductedOn: string; findings: string; disputeCodes?: string[] },
  ) {
    super();
  }
}

