import { Injectable } from '@nestjs/common';
import { chinaDate } from '@app/calendar';
import { DirectoryService, Jurisdiction, maskIdNumber, maskPhone, type Directory, type Viewer } from '@app/organisations';
import { Clock } from '@app/shared';
import { stateLabel, WorkflowRegistry } from '@app/workflow';
import type { CaseRecord } from '../domain/case-record';
import { CATEGORIES, PARTY_ROLES, SOURCES } from '../domain/case-vocabulary';
import { CaseReadModel } from '../ports/case-read-model.port';
import { caseListFilter } from '../queries/list-cases/case-list-filter';
import type { ListCasesFilters } from '../queries/list-cases/list-cases.query';

/** One line of the case ledger (台账). */
export interface LedgerRow {
  caseNo: string;
  workflowTitle: string;
  categoryLabel: string;
  sourceLabel: string;
  summary: string;
  /** 申请人：张三；被申请人：李四 */
  parties: string;
  /** Each party's identity number after their name, masked unless the caller handles the case. */
  idNumbers: string;
  phones: string;
  orgName: string;
  mediatorName: string;
  regionName: string;
  /** The China day the case was registered. */
  registeredOn: string;
  stateLabel: string;
  /** The final state's label once the case is closed (调解成功、终止调解 …); empty while it is open. */
  closingLabel: string;
  /** Yuan, two decimals, as stored; null when not given. */
  amountInDispute: string | null;
  /** 协议金额: yuan, two decimals, from the event that recorded the agreement; null when none gave it. */
  agreementAmount: string | null;
  personalDataMasked: boolean;
}

export interface Ledger {
  total: number;
  /** The rows actually written: at most `LEDGER_MAX_ROWS`. */
  count: number;
  rows: AsyncIterable<LedgerRow>;
}

/** A ledger is streamed, but a bound keeps one request from reading a province's history. */
export const LEDGER_MAX_ROWS = 100_000;
const PAGE = 500;

/** The case list as a ledger: the same filters and jurisdiction, every matching case, oldest registration first. */
@Injectable()
export class CaseLedger {
  constructor(
    private readonly readModel: CaseReadModel,
    private readonly registry: WorkflowRegistry,
    private readonly directoryService: DirectoryService,
    private readonly clock: Clock,
  ) {}

  /** Checks the filters and counts (a bad filter is refused before anything is sent); the rows are read page by page as they are consumed. */
  async open(viewer: Viewer, filters: Omit<ListCasesFilters, 'page' | 'pageSize'>): Promise<Ledger> {
    const directory = await this.directoryService.current();
    const now = this.clock.now();
    const filter = { ...caseListFilter(viewer, { ...filters, page: 1, pageSize: PAGE }, directory, this.registry), orderBy: 'opened' as const };
    const first = await this.readModel.list({ ...filter, page: 1, pageSize: PAGE }, now);
    const count = Math.min(first.total, LEDGER_MAX_ROWS);
    const jurisdiction = new Jurisdiction(directory);
    const present = (r: CaseRecord) => this.row(r, viewer, directory, jurisdiction);
    const readModel = this.readModel;
    async function* rows(): AsyncGenerator<LedgerRow> {
      let written = 0;
      let items = first.items;
      for (let page = 1; items.length && written < count; items = (await readModel.list({ ...filter, page: ++page, pageSize: PAGE }, now)).items) {
        for (const r of items.slice(0, count - written)) yield present(r);
        written += Math.min(items.length, count - written);
      }
    }
    return { total: first.total, count, rows: rows() };
  }

  private row(r: CaseRecord, viewer: Viewer, directory: Directory, jurisdiction: Jurisdiction): LedgerRow {
    const def = this.registry.get(r.workflowId, r.workflowVersion);
    const reveal = jurisdiction.seesPersonalData(viewer, r);
    const withName = (values: [string, string | undefined][]) => values.filter(([, v]) => v).map(([name, v]) => `${name} ${v}`).join('；');
    const label = stateLabel(def, r.state);
    return {
      caseNo: r.caseNo,
      workflowTitle: def.title,
      categoryLabel: CATEGORIES[r.category] ?? r.category,
      sourceLabel: SOURCES[r.source] ?? r.source,
      summary: r.summary,
      parties: r.parties.map((p) => `${PARTY_ROLES[p.role] ?? p.role}：${p.name}`).join('；'),
      idNumbers: withName(r.parties.map((p) => [p.name, p.idNumber && (reveal ? p.idNumber : maskIdNumber(p.idNumber))])),
      phones: withName(r.parties.map((p) => [p.name, p.phone && (reveal ? p.phone : maskPhone(p.phone))])),
      orgName: directory.org(r.orgId)?.name ?? r.orgId,
      mediatorName: r.assigneeId ? (directory.user(r.assigneeId)?.displayName ?? '') : '',
      regionName: directory.region(r.regionCode)?.name ?? r.regionCode,
      registeredOn: chinaDate(new Date(r.openedAt)),
      stateLabel: label,
      closingLabel: r.closed ? label : '',
      amountInDispute: r.amountInDispute ?? null,
      agreementAmount: r.agreementAmount ?? null,
      personalDataMasked: !reveal,
    };
  }
}
