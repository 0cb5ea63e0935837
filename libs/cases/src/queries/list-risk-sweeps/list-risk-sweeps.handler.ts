import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DirectoryService } from '@app/organisations';
import { riskRegion } from '../../domain/risk-access';
import { RiskRegisterStore, type RiskSweep } from '../../ports/risk-register.port';
import { ListRiskSweepsQuery } from './list-risk-sweeps.query';

@QueryHandler(ListRiskSweepsQuery)
export class ListRiskSweepsHandler implements IQueryHandler<ListRiskSweepsQuery> {
  constructor(
    private readonly store: RiskRegisterStore,
    private readonly directoryService: DirectoryService,
  ) {}

  async execute({ viewer, regionCode }: ListRiskSweepsQuery): Promise<RiskSweep[]> {
    const region = riskRegion(viewer, await this.directoryService.current(), regionCode);
    return this.store.sweeps(region, 200);
  }
}
