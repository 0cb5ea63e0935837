import type ExcelJS from 'exceljs';
import { onFirstUse } from '@app/shared';
import { PassThrough } from 'node:stream';
import type { Directory } from '@app/organisations';
import { toYuan } from '../money';
import type { ClaimRow } from '../subsidy-store.port';

// Loaded by the first workbook, not at start (libs/shared/src/on-first-use.ts).
const excel = onFirstUse<typeof ExcelJS>(() => require('exceljs'));

/** One paid-for case of a statement (api.md "Subsidy statements"), with the audit entry proving success and performance. */
export interface StatementLine {
  caseId: string;
  caseNo: string;
  tier: string;
  amount: string;
  tariffVersion: string;
  auditSeq: number;
  auditHash: string;
  claimId: string;
  claimNo: string;
  state: string;
  performedOn: string;
  fundingSource: string;
  mediatorId: string;
  mediatorName: string;
  orgId: string;
  orgName: string;
  /** The claimed case's parties, masked as in a 公示 list. */
  parties: string;
}

export interface Statement {
  orgId: string;
  from: string;
  to: string;
  lines: StatementLine[];
  total: string;
}

export function buildStatement(rows: ClaimRow[], directory: Directory, scope: { orgId: string; from: string; to: string }): Statement {
  let totalFen = 0;
  const lines = rows.map((r): StatementLine => {
    totalFen += r.amountFen ?? 0;
    return {
      caseId: r.claimedCaseId,
      caseNo: r.claimedCaseNo,
      tier: r.tier,
      amount: toYuan(r.amountFen ?? 0),
      tariffVersion: r.tariffVersion,
      auditSeq: r.auditSeq,
      auditHash: r.auditHash,
      claimId: r.claimCaseId,
      claimNo: r.caseNo,
      state: r.state,
      performedOn: r.performedOn,
      fundingSource: r.fundingSource ?? '',
      mediatorId: r.mediatorId,
      mediatorName: directory.user(r.mediatorId)?.displayName ?? r.mediatorId,
      orgId: r.orgId,
      orgName: directory.org(r.orgId)?.name ?? r.orgId,
      parties: r.partyNames,
    };
  });
  return { ...scope, lines, total: toYuan(totalFen) };
}

/** Columns of the CSV and the workbook, with their Chinese headers. */
const COLUMNS: [keyof StatementLine, string][] = [
  ['caseNo', '案号'],
  ['caseId', '案件编号'],
  ['tier', '补贴档次'],
  ['amount', '补贴金额（元）'],
  ['fundingSource', '资金来源'],
  ['tariffVersion', '补贴标准版本'],
  ['auditSeq', '审计记录序号'],
  ['auditHash', '审计记录哈希'],
  ['performedOn', '履行日期'],
  ['mediatorName', '调解员'],
  ['orgName', '调解组织'],
  ['parties', '当事人'],
  ['claimNo', '申报编号'],
  ['state', '申报状态'],
];

const csvCell = (v: unknown) => {
  const s = String(v ?? '');
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** CSV with a BOM, so spreadsheet programs read the Chinese headers as UTF-8; the last row is the total. */
export function statementCsv(s: Statement): string {
  const rows = [COLUMNS.map(([, h]) => h), ...s.lines.map((l) => COLUMNS.map(([k]) => l[k])), ['合计', '', '', s.total]];
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Written row by row with exceljs's streaming writer: a district's year is 100,000 lines, too many to hold as a model. */
export async function statementXlsx(s: Statement): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const book = new (excel().stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: false });
  book.creator = 'Fengqiao';
  const sheet = book.addWorksheet('以案定补结算单');
  sheet.columns = COLUMNS.map(([key, header]) => ({ key, header, width: key === 'auditHash' ? 66 : 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const line of s.lines) sheet.addRow(line).commit();
  sheet.addRow({ caseNo: '合计', amount: s.total }).commit();
  sheet.commit();
  await book.commit();
  await done;
  return Buffer.concat(chunks);
}
