import { Injectable } from '@nestjs/common';
import { DirectoryService, type Directory, type Viewer } from '@app/organisations';
import { ForbiddenError, ValidationError } from '@app/shared';
import { WorkflowRegistry } from '@app/workflow';
import { CATEGORIES, SOURCES } from '../domain/case-vocabulary';
import { CaseStatisticsReadModel, type CaseFigureRow, type StatisticsScope } from './case-statistics.port';
import { addTo, emptyTally, figures, rate, type Tally } from './figures';
import { monthPeriod, periodOf, type Period } from './statistics-period';
import type { MonthlyReportRow, MonthlyReportView, StatisticsView } from './statistics-view';

/** Roles that read statistics, and how far: administrators everywhere, auditors and committee directors in their own region. */
const STATISTICS_ROLES = ['ADMIN', 'AUDITOR', 'COMMITTEE_DIRECTOR'];

/** The channel the monthly 人民调解 report covers. */
const PEOPLE_MEDIATION = 'pm';
const SCREENING_SOURCES = ['PROACTIVE', 'GRID_REPORT'];

/**
 * The bureau's statistics over a region and period (cases opened in it): counts by region, channel, category and
 * source, success, performance, duration, missed deadlines, transfers and satisfaction, all from grouped queries.
 */
@Injectable()
export class CaseStatistics {
  constructor(
    private readonly readModel: CaseStatisticsReadModel,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
  ) {}

  async report(viewer: Viewer, query: { regionCode?: string; from?: string; to?: string }): Promise<StatisticsView> {
    const directory = await this.directoryService.current();
    const region = this.regionFor(viewer, directory, query.regionCode);
    const period = periodOf(query.from, query.to);
    const scope = this.scope(directory, region.code, period);
    const [rows, answers, transfers] = await Promise.all([this.readModel.caseFigures(scope), this.readModel.satisfaction(scope), this.readModel.transfers(scope)]);

    const totals = emptyTally();
    const byRegion = new Map<string, Tally>();
    const byWorkflow = new Map<string, Tally>();
    const categories = new Map<string, { cases: number; succeeded: number }>();
    const sources = new Map<string, number>();
    const children = directory.regions.filter((r) => r.parentCode === region.code);
    const regionKey = (code: string) => children.find((r) => code.startsWith(r.code))?.code ?? region.code;
    const into = (map: Map<string, Tally>, key: string, row: Partial<Tally>) => {
      if (!map.has(key)) map.set(key, emptyTally());
      addTo(map.get(key)!, row);
    };
    for (const row of rows) {
      addTo(totals, row);
      into(byRegion, regionKey(row.regionCode), row);
      into(byWorkflow, row.workflowId, row);
      const c = categories.get(row.category) ?? { cases: 0, succeeded: 0 };
      categories.set(row.category, { cases: c.cases + row.cases, succeeded: c.succeeded + row.succeeded });
      sources.set(row.source, (sources.get(row.source) ?? 0) + row.cases);
    }
    const mediators = new Map<string, { answered: number; satisfied: number }>();
    for (const a of answers) {
      const counts = { answered: a.answered, satisfied: a.satisfied };
      addTo(totals, counts);
      into(byRegion, regionKey(a.regionCode), counts);
      into(byWorkflow, a.workflowId, counts);
      if (a.assigneeId) {
        const m = mediators.get(a.assigneeId) ?? { answered: 0, satisfied: 0 };
        mediators.set(a.assigneeId, { answered: m.answered + a.answered, satisfied: m.satisfied + a.satisfied });
      }
    }
    const transferGroups = new Map<string, StatisticsView['transfers'][number]>();
    for (const t of transfers) {
      const key = `${t.fromWorkflowId}→${t.toWorkflowId}`;
      const group = transferGroups.get(key) ?? { from: this.workflowRef(t.fromWorkflowId), to: this.workflowRef(t.toWorkflowId), sent: 0, byStatus: {} };
      group.sent += t.transfers;
      group.byStatus[t.status] = (group.byStatus[t.status] ?? 0) + t.transfers;
      transferGroups.set(key, group);
    }

    return {
      region: { code: region.code, name: region.name, level: region.level },
      from: period.from,
      to: period.to,
      totals: figures(totals),
      regions: [...byRegion.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, t]) => {
          const r = directory.region(code);
          const name = code === region.code ? `${region.name}（本级）` : (r?.name ?? code);
          return { code, name, level: r?.level ?? '', ...figures(t) };
        }),
      workflows: [...byWorkflow.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, t]) => ({ ...this.workflowRef(id), ...figures(t) })),
      categories: Object.entries(CATEGORIES)
        .filter(([code]) => categories.has(code))
        .map(([code, label]) => ({ code, label, ...categories.get(code)! })),
      sources: Object.entries(SOURCES)
        .filter(([code]) => sources.has(code))
        .map(([code, label]) => ({ code, label, cases: sources.get(code)! })),
      transfers: [...transferGroups.values()],
      mediators: [...mediators.entries()]
        .map(([userId, m]) => {
          const user = directory.user(userId);
          return { userId, name: user?.displayName ?? userId, orgName: (user && directory.org(user.orgId)?.name) ?? '', ...m, satisfactionRate: rate(m.satisfied, m.answered) };
        })
        .sort((a, b) => a.name.localeCompare(b.name, 'zh')),
    };
  }

  /** The monthly 人民调解 statistics: rows per organisation level (village, township, district) and their total. */
  async monthlyReport(viewer: Viewer, query: { regionCode?: string; month?: string }): Promise<MonthlyReportView> {
    const directory = await this.directoryService.current();
    const region = this.regionFor(viewer, directory, query.regionCode);
    const period = monthPeriod(query.month);
    const rows = (await this.readModel.caseFigures(this.scope(directory, region.code, period))).filter((r) => r.workflowId === PEOPLE_MEDIATION);
    const orgTypes = this.registry.latest(PEOPLE_MEDIATION).manifest.orgTypes;
    const categoryList = Object.entries(CATEGORIES).map(([code, label]) => ({ code, label }));
    const levels = Object.keys(orgTypes).reverse();
    const orgsInRegion = directory.organisations.filter((o) => o.regionCode.startsWith(region.code));
    const line = (level: string, label: string, picked: CaseFigureRow[], organisations: number): MonthlyReportRow => {
      const sum = (f: (r: CaseFigureRow) => number) => picked.reduce((n, r) => n + f(r), 0);
      const succeeded = sum((r) => r.succeeded);
      const unsuccessful = sum((r) => r.closedUnsuccessful);
      const performed = sum((r) => r.performed);
      const byCategory = Object.fromEntries(categoryList.map((c) => [c.code, sum((r) => (r.category === c.code ? r.cases : 0))]));
      return {
        level,
        label,
        organisations,
        screened: sum((r) => (SCREENING_SOURCES.includes(r.source) ? r.cases : 0)),
        accepted: sum((r) => r.cases),
        succeeded,
        successRate: rate(succeeded, succeeded + unsuccessful),
        performed,
        performanceRate: rate(performed, succeeded),
        byCategory,
      };
    };
    const typeOf = (orgId: string) => directory.org(orgId)?.type ?? '';
    return {
      region: { code: region.code, name: region.name },
      month: query.month!,
      categories: categoryList,
      rows: [
        ...levels.map((type) => line(type, orgTypes[type], rows.filter((r) => typeOf(r.orgId) === type), orgsInRegion.filter((o) => o.type === type).length)),
        line('TOTAL', '合计', rows, orgsInRegion.filter((o) => levels.includes(o.type)).length),
      ],
    };
  }

  /**
   * Recomputes in the background what the reads would otherwise recompute first (the deadline worker calls it after
   * each round): after a migration or a bulk load that is every day of the rollup, tens of seconds at a million cases.
   */
  refreshAhead(): Promise<number> {
    return this.readModel.refresh(this.outcomes());
  }

  private scope(directory: Directory, regionCode: string, period: Period): StatisticsScope {
    return { regionCodes: directory.regionSubtree(regionCode).map((r) => r.code), fromInstant: period.fromInstant, toInstant: period.toInstant, outcomes: this.outcomes() };
  }

  private outcomes(): StatisticsScope['outcomes'] {
    // Every version of a workflow counts the states any of its versions declares: cases keep the version they began in.
    const byWorkflow = new Map<string, { succeeded: Set<string>; performed: Set<string> }>();
    for (const def of this.registry.list()) {
      if (!def.manifest.statistics) continue;
      const entry = byWorkflow.get(def.id) ?? { succeeded: new Set<string>(), performed: new Set<string>() };
      def.manifest.statistics.succeeded.forEach((s) => entry.succeeded.add(s));
      def.manifest.statistics.performed.forEach((s) => entry.performed.add(s));
      byWorkflow.set(def.id, entry);
    }
    return [...byWorkflow.entries()].map(([workflowId, e]) => ({ workflowId, succeeded: [...e.succeeded], performed: [...e.performed] }));
  }

  private regionFor(viewer: Viewer, directory: Directory, requested: string | undefined) {
    if (!viewer.roles.some((r) => STATISTICS_ROLES.includes(r))) {
      throw new ForbiddenError('Statistics are for administrators, auditors and committee directors', '统计数据仅向系统管理员、以案定补审核员和调委会主任开放');
    }
    const code = requested ?? viewer.regionCode;
    const region = directory.region(code);
    if (!region) throw new ValidationError([{ field: 'regionCode', message: `${code} is not a region`, messageZh: `${code} 不是有效的行政区划代码` }]);
    if (!viewer.roles.includes('ADMIN') && !directory.regionWithin(code, viewer.regionCode)) {
      throw new ForbiddenError(`Region ${code} is outside your jurisdiction`, `行政区划 ${code} 不在您的管辖范围内`);
    }
    return region;
  }

  private workflowRef(id: string) {
    return { id, title: this.registry.has(id) ? this.registry.latest(id).title : id };
  }
}

