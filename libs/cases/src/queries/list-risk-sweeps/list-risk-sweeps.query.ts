import { Query } from '@nestjs/cqrs';
import type { Viewer } from '@app/organisations';
import type { RiskSweep } from '../../ports/risk-register.port';

/** The screening sweeps (排查) of a region, newest first. */
export class ListRiskSweepsQuery extends Query<RiskSweep[]> {
  constructor(
    readonly viewer: Viewer,
    readonly regionCode?: string,
  ) {
    super();
  }
}
