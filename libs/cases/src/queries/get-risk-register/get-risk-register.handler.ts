import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DirectoryService } from '@app/organisations';
import { HIGH_RISK_LEVELS, RISK_LEVELS, RISK_REVIEW_SPAN, type RiskLevel } from '@app/workflow';
import { riskRegion } from '../../domain/risk-access';
import { CaseStore } from '../../ports/case-store.port';
import { RiskRegisterStore, type RiskReportRow } from '../../ports/risk-register.port';
import { GetRiskRegisterQuery, type RiskRegisterView } from './get-risk-register.query';

const ORDER = Object.keys(RISK_LEVELS);

@QueryHandler(GetRiskRegisterQuery)
export class GetRiskRegisterHandler implements IQueryHandler<GetRiskRegisterQuery> {
  constructor(
    private readonly store: RiskRegisterStore,
    private readonly cases: CaseStore,
    private readonly directoryService: DirectoryService,
  ) {}

  async execute({ viewer, regionCode }: GetRiskRegisterQuery): Promise<RiskRegisterView> {
    const directory = await this.directoryService.current();
    const region = riskRegion(viewer, directory, regionCode);
    const { reports, openCases } = await this.store.reports(region);
    // A dispute's colour is the one graded last, on whichever of its cases.
    const latest = new Map<string, RiskReportRow>();
    for (const r of reports) latest.set(r.disputeCode, r);
    const byLevel: Record<string, number> = Object.fromEntries(ORDER.map((l) => [l, 0]));
    for (const r of latest.values()) byLevel[r.level] = (byLevel[r.level] ?? 0) + 1;
    const open = [...latest.values()].filter((r) => HIGH_RISK_LEVELS.includes(r.level as RiskLevel) && (openCases[r.disputeCode] ?? 0) > 0);
    const loaded = await this.cases.loadMany(open.map((r) => r.caseId));
    const reviewOf = new Map(loaded.map((l) => [l.record.id, l.deadlines.find((d) => d.state === RISK_REVIEW_SPAN && d.status === 'pending')?.dueOn ?? null]));
    open.sort((a, b) => ORDER.indexOf(a.level) - ORDER.indexOf(b.level) || a.reportedAt.localeCompare(b.reportedAt));
    return {
      regionCode: region,
      regionName: directory.region(region)?.name ?? region,
      byLevel,
      items: open.map((r) => ({
        disputeCode: r.disputeCode,
        level: r.level,
        levelLabel: RISK_LEVELS[r.level as RiskLevel] ?? r.level,
        reportedAt: r.reportedAt,
        summary: r.summary,
        caseId: r.caseId,
        caseNo: r.caseNo,
        orgId: r.orgId,
        orgName: directory.org(r.orgId)?.name ?? r.orgId,
        regionCode: r.regionCode,
        regionName: directory.region(r.regionCode)?.name ?? r.regionCode,
        openCases: openCases[r.disputeCode] ?? 0,
        notified: r.notifiedOrgIds.map((id) => ({ orgId: id, orgName: directory.org(id)?.name ?? id })),
        reviewDueOn: reviewOf.get(r.caseId) ?? null,
      })),
    };
  }
}
