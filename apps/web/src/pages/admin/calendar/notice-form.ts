import dayjs, { type Dayjs } from 'dayjs';
import type { Schemas } from '../../../api/types';

export type NoticeText = Schemas['NoticeText'];

/** One year's notice as the form of dates holds it: each holiday a name and a span, each make-up working day a row. */
export interface NoticeFormValues {
  year?: number | null;
  source?: string;
  holidays?: { name?: string; days?: [Dayjs | null, Dayjs | null] | null }[];
  makeupWorkdays?: { day?: Dayjs | null }[];
}

const DAY = 'YYYY-MM-DD';

/** The form filled from a notice the engine read: a holiday's days in runs of consecutive days, one row a run. */
export function formFromNotice(notice: NoticeText): NoticeFormValues {
  const holidays: NonNullable<NoticeFormValues['holidays']> = [];
  for (const [name, dates] of Object.entries(notice.holidays)) {
    const sorted = [...dates].sort();
    let start = 0;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && dayjs(sorted[i]).diff(dayjs(sorted[i - 1]), 'day') === 1) continue;
      holidays.push({ name, days: [dayjs(sorted[start]), dayjs(sorted[i - 1])] });
      start = i;
    }
  }
  return { year: notice.year, source: notice.source, holidays, makeupWorkdays: notice.makeupWorkdays.map((d) => ({ day: dayjs(d) })) };
}

/** The import body, in the engine's shape, for the form's one year. */
export type ImportBody = { years: Record<string, { source: string; holidays: Record<string, string[]>; makeupWorkdays: string[] }> };

/**
 * Checks the form as the engine will, in the words of the form (放假安排第2项（春节）), so each problem can be fixed
 * where it is; returns the import body only when there is none.
 */
export function checkNoticeForm(values: NoticeFormValues): { problems: string[]; body?: ImportBody; holidayDays: number } {
  const problems: string[] = [];
  const year = values.year;
  if (!year || !Number.isInteger(year) || year < 2000 || year > 2100) problems.push('年度：请填写四位数字的年度，例如 2027');
  const source = values.source?.trim() ?? '';
  if (!source) problems.push(`通知名称：请填写，例如“国务院办公厅关于${year || 'XXXX'}年部分节假日安排的通知”`);
  const rows = values.holidays ?? [];
  if (!rows.length) problems.push('放假安排：至少填写一项');
  const listed = new Map<string, string>();
  const holidays: Record<string, string[]> = {};
  const inYear = (d: Dayjs) => !year || d.year() === year;
  rows.forEach((row, i) => {
    const name = row.name?.trim() ?? '';
    const where = `放假安排第${i + 1}项${name ? `（${name}）` : ''}`;
    if (!name) problems.push(`${where}：请填写节日名称`);
    const [from, to] = row.days ?? [];
    if (!from || !to) return void problems.push(`${where}：请选择放假的起止日期`);
    for (let d = from.startOf('day'); !d.isAfter(to, 'day'); d = d.add(1, 'day')) {
      const date = d.format(DAY);
      if (!inYear(d)) {
        problems.push(`${where}：${date}不在${year}年内`);
        break;
      }
      const earlier = listed.get(date);
      if (earlier) {
        problems.push(`${where}：${date}已列入${earlier}`);
        continue;
      }
      listed.set(date, where);
      if (name) (holidays[name] ??= []).push(date);
    }
  });
  const makeupWorkdays: string[] = [];
  (values.makeupWorkdays ?? []).forEach((row, i) => {
    const where = `调休上班日第${i + 1}项`;
    if (!row.day) return void problems.push(`${where}：请选择日期，或删除这一项`);
    const date = row.day.format(DAY);
    if (!inYear(row.day)) return void problems.push(`${where}：${date}不在${year}年内`);
    const earlier = listed.get(date);
    if (earlier) return void problems.push(`${where}：${date}已列入${earlier}，不能又是上班日`);
    listed.set(date, where);
    makeupWorkdays.push(date);
  });
  const holidayDays = Object.values(holidays).reduce((n, days) => n + days.length, 0);
  if (problems.length || !year) return { problems, holidayDays };
  return { problems, holidayDays, body: { years: { [year]: { source, holidays, makeupWorkdays: makeupWorkdays.sort() } } } };
}
