import { PassThrough, type Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { onFirstUse } from '@app/shared';
import type { Ledger, LedgerRow } from '@app/cases';

// Loaded by the first workbook, not at start (libs/shared/src/on-first-use.ts).
const excel = onFirstUse<typeof ExcelJS>(() => require('exceljs'));

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const COLUMNS: [keyof LedgerRow, string, number][] = [
  ['caseNo', '案号', 30],
  ['workflowTitle', '渠道', 14],
  ['categoryLabel', '纠纷类型', 16],
  ['sourceLabel', '来源', 14],
  ['summary', '案情摘要', 40],
  ['parties', '当事人', 36],
  ['idNumbers', '身份证号码', 40],
  ['phones', '联系电话', 30],
  ['orgName', '承办单位', 26],
  ['mediatorName', '调解员', 12],
  ['regionName', '区划', 14],
  ['registeredOn', '登记日期', 12],
  ['stateLabel', '状态', 18],
  ['closingLabel', '结案方式', 18],
  ['amountInDispute', '争议金额（元）', 16],
  ['agreementAmount', '协议金额（元）', 16],
];

/** Amounts are written as numbers, so a spreadsheet sums them. */
const AMOUNTS = new Set<keyof LedgerRow>(['amountInDispute', 'agreementAmount']);

export const LEDGER_HEADERS = COLUMNS.map(([, header]) => header);

/** A cell a spreadsheet would run as a formula (= + - @ first) is written as text with a leading quote. */
const safe = (v: string) => (/^[=+\-@]/.test(v) ? `'${v}` : v);

/**
 * The ledger as a workbook written row by row with exceljs's streaming writer, the rows read page by page as the
 * client takes them: a district's ledger over years is too big to hold as a model.
 */
export function ledgerWorkbook(ledger: Ledger, filters: string): Readable {
  const stream = new PassThrough();
  void write(ledger, filters, stream).catch((error: unknown) => stream.destroy(error as Error));
  return stream;
}

async function write(ledger: Ledger, filters: string, stream: PassThrough): Promise<void> {
  const book = new (excel().stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: false });
  book.creator = 'Fengqiao';
  const sheet = book.addWorksheet('案件台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  // A streamed sheet's styles are set before its rows are written: committed rows are not revisited.
  sheet.columns = COLUMNS.map(([key, header, width]) => ({ key, header, width, ...(AMOUNTS.has(key) ? { style: { numFmt: '#,##0.00' } } : {}) }));
  sheet.getRow(1).font = { bold: true };
  let masked = false;
  for await (const row of ledger.rows) {
    masked ||= row.personalDataMasked;
    const cells: Record<string, string | number | null> = {};
    for (const [key] of COLUMNS) {
      const value = row[key];
      cells[key] = AMOUNTS.has(key) ? (value === null ? null : Number(value)) : typeof value === 'string' ? safe(value) : null;
    }
    sheet.addRow(cells).commit();
  }
  sheet.commit();
  const about = book.addWorksheet('说明');
  about.addRow(['筛选条件', filters || '（无）']).commit();
  about.addRow(['案件数', ledger.total]).commit();
  if (ledger.count < ledger.total) about.addRow(['说明', `超过导出上限，仅导出登记最早的 ${ledger.count} 件，请缩小筛选范围`]).commit();
  if (masked) about.addRow(['个人信息', '非承办单位的案件，身份证号码和联系电话已隐去部分数字']).commit();
  about.commit();
  await book.commit();
}
