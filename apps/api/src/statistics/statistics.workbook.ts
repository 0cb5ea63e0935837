import type ExcelJS from 'exceljs';
import { onFirstUse } from '@app/shared';
import type { Figures, MonthlyReportView, StatisticsView } from '@app/cases';

// Loaded by the first workbook, not at start (libs/shared/src/on-first-use.ts).
const excel = onFirstUse<typeof ExcelJS>(() => require('exceljs'));

/** Column headers of the figures, in the order every table of the workbook shows them. */
const FIGURE_COLUMNS: [keyof Figures, string][] = [
  ['cases', '受理数'],
  ['closed', '结案数'],
  ['succeeded', '调解成功数'],
  ['successRate', '调解成功率'],
  ['performed', '协议履行数'],
  ['performanceRate', '协议履行率'],
  ['averageDays', '平均办理天数'],
  ['overdueDeadlines', '超期次数'],
  ['answered', '满意度测评人数'],
  ['satisfied', '满意及基本满意人数'],
  ['satisfactionRate', '群众满意率'],
];

const RATE_FORMAT = '0.00%';
const isRate = (key: string) => key.endsWith('Rate');

function sheet(book: ExcelJS.Workbook, name: string, headers: string[], rows: (string | number | null)[][], rateColumns: number[] = []) {
  const ws = book.addWorksheet(name);
  ws.addRow(headers).font = { bold: true };
  for (const row of rows) ws.addRow(row);
  ws.columns.forEach((column, i) => {
    column.width = Math.max(10, (headers[i]?.length ?? 4) * 2 + 2);
    if (rateColumns.includes(i)) column.numFmt = RATE_FORMAT;
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
}

const figureCells = (f: Figures) => FIGURE_COLUMNS.map(([key]) => f[key]);
const rateIndexes = (offset: number) => FIGURE_COLUMNS.flatMap(([key], i) => (isRate(key) ? [i + offset] : []));

/** The statistics page as a workbook: one sheet per table, the same figures as the JSON (rates as fractions shown in %). */
export async function statisticsWorkbook(view: StatisticsView): Promise<Buffer> {
  const book = new (excel().Workbook)();
  book.creator = 'Fengqiao';
  const heads = FIGURE_COLUMNS.map(([, label]) => label);
  sheet(book, '按区划', ['区划代码', '区划', ...heads], [...view.regions.map((r) => [r.code, r.name, ...figureCells(r)]), ['', '合计', ...figureCells(view.totals)]], rateIndexes(2));
  sheet(book, '按渠道', ['渠道', ...heads], view.workflows.map((w) => [w.title, ...figureCells(w)]), rateIndexes(1));
  sheet(book, '按纠纷类型', ['纠纷类型', '受理数', '调解成功数'], view.categories.map((c) => [c.label, c.cases, c.succeeded]));
  sheet(book, '按来源', ['案件来源', '受理数'], view.sources.map((s) => [s.label, s.cases]));
  sheet(book, '渠道流转', ['移出渠道', '移入渠道', '移送数', '已签收', '已退回', '待签收'], view.transfers.map((t) => [t.from.title, t.to.title, t.sent, t.byStatus.ACCEPTED ?? 0, t.byStatus.RETURNED ?? 0, t.byStatus.SENT ?? 0]));
  sheet(book, '调解员满意度', ['调解员', '所在单位', '测评人数', '满意及基本满意人数', '群众满意率'], view.mediators.map((m) => [m.name, m.orgName, m.answered, m.satisfied, m.satisfactionRate]), [4]);
  const about = book.addWorksheet('说明');
  about.addRows([['统计区划', `${view.region.name}（${view.region.code}）`], ['统计期间', `${view.from} 至 ${view.to}（按受理时间）`]]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The monthly 人民调解 report a county sends upward: one row per organisation level, dispute types as columns. */
export async function monthlyReportWorkbook(view: MonthlyReportView): Promise<Buffer> {
  const book = new (excel().Workbook)();
  book.creator = 'Fengqiao';
  const ws = book.addWorksheet('人民调解工作统计月报');
  const fixed = ['调解组织层级', '调解组织数', '排查纠纷', '受理调解', '调解成功', '调解成功率', '协议履行', '协议履行率'];
  const width = fixed.length + view.categories.length;
  ws.addRow([`${view.region.name}人民调解工作统计月报（${view.month}）`]);
  ws.mergeCells(1, 1, 1, width);
  ws.getRow(1).font = { bold: true, size: 14 };
  ws.addRow([...fixed.map(() => ''), '受理调解纠纷类型']);
  ws.mergeCells(2, fixed.length + 1, 2, width);
  ws.addRow([...fixed, ...view.categories.map((c) => c.label)]).font = { bold: true };
  for (let c = 1; c <= fixed.length; c++) ws.mergeCells(2, c, 3, c);
  for (let c = 1; c <= fixed.length; c++) ws.getCell(2, c).value = fixed[c - 1];
  ws.getRow(2).font = { bold: true };
  for (const r of view.rows) {
    ws.addRow([r.label, r.organisations, r.screened, r.accepted, r.succeeded, r.successRate, r.performed, r.performanceRate, ...view.categories.map((c) => r.byCategory[c.code] ?? 0)]);
  }
  ws.getColumn(6).numFmt = RATE_FORMAT;
  ws.getColumn(8).numFmt = RATE_FORMAT;
  ws.getColumn(1).width = 28;
  return Buffer.from(await book.xlsx.writeBuffer());
}
