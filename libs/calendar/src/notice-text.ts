/**
 * Reading the State Council's holiday notice as it is published (国务院办公厅关于XXXX年部分节假日安排的通知), so an
 * administrator can paste or upload the text itself instead of retyping its dates. The notice's own redundancy — the
 * weekday after each date and the "共N天" total — is checked, because a wrong day here moves legal deadlines.
 */
import { addDays, dateParts, daysBetween, dayOfWeek, isIsoDate, type IsoDate } from './iso-date';

/** One year's notice in the holidays-cn.json entry shape, ready for `POST /api/admin/calendar`. */
export interface NoticeText {
  year: number;
  source: string;
  holidays: Record<string, IsoDate[]>;
  makeupWorkdays: IsoDate[];
  /** Dates the notice names in another year (a 元旦 break starting in December): left to that year's calendar. */
  notes: string[];
}

/** What is wrong with the text, by line (1-based; null for the text as a whole). */
export interface NoticeTextProblem {
  line: number | null;
  message: string;
  messageZh: string;
}

export class NoticeTextError extends Error {
  override readonly name = 'NoticeTextError';

  constructor(readonly problems: NoticeTextProblem[]) {
    super(`Holiday notice text: ${problems.map((p) => (p.line ? `line ${p.line}: ${p.message}` : p.message)).join('; ')}`);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

const NUMERALS = '一二三四五六七八九十';
const SECTION = new RegExp(`^[${NUMERALS}]+[、．.]([^：]*)：(.*)$`);
const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const WEEKDAY_ZH = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
/** A date as the notice writes it, with the note in brackets after it; or a bracketed note alone (skipped). */
const DATE_OR_NOTE = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（([^）]*)）)?|（[^）]*）/g;

/** Full-width digits, brackets and colons as ASCII or as one form, and no spaces: pasted text varies in these. */
function normalise(line: string): string {
  return line
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/:/g, '：')
    .replace(/[\s\u3000]+/g, '');
}

interface WrittenDate {
  /** As written, for messages: 2月15日. */
  text: string;
  year?: number;
  month?: number;
  day: number;
  weekday?: number;
}

/** The dates written in `sentence` outside brackets (a date inside brackets, e.g. 除夕（2月9日）, is only a remark). */
function writtenDates(sentence: string): WrittenDate[] {
  const out: WrittenDate[] = [];
  for (const m of sentence.matchAll(DATE_OR_NOTE)) {
    if (m[3] === undefined) continue;
    const weekday = /(?:周|星期)([日天一二三四五六])/.exec(m[4] ?? '');
    out.push({
      text: m[0].replace(/（.*$/, ''),
      ...(m[1] ? { year: Number(m[1]) } : {}),
      ...(m[2] ? { month: Number(m[2]) } : {}),
      day: Number(m[3]),
      ...(weekday ? { weekday: WEEKDAYS[weekday[1]] } : {}),
    });
  }
  return out;
}

interface Section {
  line: number;
  name: string;
  sentences: { line: number; text: string }[];
}

/** A notice date: `今年`'s unless it names its year; the month of the date before it when it names none (至3日). */
function resolve(d: WrittenDate, year: number, previous: { year: number; month: number } | undefined): { date: IsoDate; year: number; month: number } | { problem: string; problemEn: string } {
  const month = d.month ?? previous?.month;
  const y = d.year ?? (d.month === undefined ? previous?.year : undefined) ?? year;
  if (month === undefined) return { problem: `“${d.text}”缺少月份`, problemEn: `"${d.text}" has no month` };
  const date = `${y}-${String(month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
  if (!isIsoDate(date)) return { problem: `“${d.text}”不是有效日期`, problemEn: `"${d.text}" is not a real date` };
  if (d.weekday !== undefined && dayOfWeek(date) !== d.weekday) {
    return {
      problem: `${d.text}是${WEEKDAY_ZH[dayOfWeek(date)]}，通知写的是${WEEKDAY_ZH[d.weekday]}`,
      problemEn: `${date} is weekday ${dayOfWeek(date)}, the notice says ${d.weekday}`,
    };
  }
  return { date, year: y, month };
}

function zhDate(date: IsoDate): string {
  const { month, day } = dateParts(date);
  return `${month}月${day}日`;
}

/**
 * Reads a holiday notice's text: the title (for the year), the numbered items (一、元旦：1月1日（周四）至3日（周六）放假
 * 调休，共3天。1月4日（周日）上班。), an item's sentences continued on the next line, and the date it was issued.
 * @throws NoticeTextError listing every problem found, each with its line, in Chinese and English.
 */
export function parseNoticeText(text: string): NoticeText {
  const problems: NoticeTextProblem[] = [];
  const lines = text.split(/\r\n|\r|\n/).map(normalise);
  let year: number | undefined;
  let title: string | undefined;
  let documentNo: string | undefined;
  let issuedOn: IsoDate | undefined;
  const sections: Section[] = [];
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!line) return;
    const titled = /国务院办公厅关于(\d{4})年部分节假日安排的通知/.exec(line);
    if (titled && year === undefined) {
      year = Number(titled[1]);
      title = titled[0];
      return;
    }
    const docNo = /^国办发明电〔\d{4}〕\d+号$/.exec(line);
    if (docNo) {
      documentNo = docNo[0];
      return;
    }
    const issued = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(line);
    if (issued && sections.length) {
      issuedOn = `${issued[1]}-${issued[2].padStart(2, '0')}-${issued[3].padStart(2, '0')}`;
      return;
    }
    const section = SECTION.exec(line);
    if (section) {
      sections.push({ line: n, name: section[1], sentences: [] });
      if (!section[1]) problems.push({ line: n, message: 'the item names no holiday', messageZh: `第${n}行：条目缺少节日名称（应写作“一、元旦：……”）` });
      line = section[2];
    } else {
      const mentioned = /现将(\d{4})年/.exec(line);
      if (mentioned && year === undefined) year = Number(mentioned[1]);
      // Before the first item is the preamble; after the items, only a line with a date continues the last one.
      if (!sections.length || !writtenDates(line).length) return;
    }
    const current = sections[sections.length - 1];
    for (const sentence of line.split(/[。；;]/)) if (sentence) current.sentences.push({ line: n, text: sentence });
  });

  if (year === undefined) {
    problems.push({ line: null, message: 'no year: keep the title line of the notice', messageZh: '未找到年度：请保留通知标题“国务院办公厅关于XXXX年部分节假日安排的通知”' });
  }
  if (!sections.length) {
    problems.push({ line: null, message: 'no numbered holiday items found', messageZh: '未找到放假安排：通知正文应有“一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。”这样的条目' });
  }
  if (year === undefined || !sections.length) throw new NoticeTextError(problems);
  const thisYear = year;

  const holidays: Record<string, IsoDate[]> = {};
  const makeupWorkdays: IsoDate[] = [];
  const notes: string[] = [];
  /** Every date listed so far: where, and as what. */
  const seen = new Map<IsoDate, { line: number; name: string; kind: '放假日' | '上班日' }>();
  const list = (date: IsoDate, line: number, name: string, kind: '放假日' | '上班日'): boolean => {
    if (dateParts(date).year !== thisYear) {
      notes.push(`${dateParts(date).year}年${zhDate(date)}（${name}${kind}）不属于${thisYear}年，未导入`);
      return false;
    }
    const earlier = seen.get(date);
    if (earlier) {
      const where = earlier.line === line ? '' : `第${earlier.line}行（${earlier.name}）的`;
      const messageZh = earlier.kind === kind ? `第${line}行（${name}）：${zhDate(date)}已列为${where}${kind}` : `第${line}行（${name}）：${zhDate(date)}既列为${where}${earlier.kind}，又列为${kind}`;
      problems.push({ line, message: `${date} is listed twice (also on line ${earlier.line})`, messageZh });
      return false;
    }
    seen.set(date, { line, name, kind });
    return true;
  };

  for (const section of sections) {
    const name = section.name || `第${section.line}行`;
    const days: IsoDate[] = [];
    const problemsBefore = problems.length;
    let hasHoliday = false;
    for (const { line, text: sentence } of section.sentences) {
      const dates = writtenDates(sentence);
      const problem = (messageZh: string, message: string) => problems.push({ line, message: `${name}: ${message}`, messageZh: `第${line}行（${name}）：${messageZh}` });
      if (sentence.includes('放假')) {
        const before = sentence.slice(0, sentence.indexOf('放假'));
        const span = writtenDates(before);
        if (!span.length) {
          problem('没有找到放假日期（应写作“6月19日至21日放假”）', 'no holiday date before 放假');
          continue;
        }
        if (span.length > 2 || (span.length === 2 && !before.includes('至'))) {
          problem(`无法识别“${before}”：放假日期应写作“M月D日至D日放假”`, `cannot read "${before}"`);
          continue;
        }
        hasHoliday = true;
        const first = resolve(span[0], thisYear, undefined);
        if ('problem' in first) {
          problem(first.problem, first.problemEn);
          continue;
        }
        const last = span.length === 2 ? resolve(span[1], thisYear, first) : first;
        if ('problem' in last) {
          problem(last.problem, last.problemEn);
          continue;
        }
        const length = daysBetween(first.date, last.date) + 1;
        if (length < 1) {
          problem(`放假结束日“${span[1].text}”早于开始日“${span[0].text}”`, `the holiday ends (${last.date}) before it starts (${first.date})`);
          continue;
        }
        const total = /(?:共|放假)(\d+)天/.exec(sentence);
        if (total && Number(total[1]) !== length) {
          problem(`${span.map((s) => s.text).join('至')}共${length}天，与通知所写“${total[0]}”不符`, `the span has ${length} days, the notice says ${total[1]}`);
          continue;
        }
        for (let k = 0; k < length; k++) {
          const date = addDays(first.date, k);
          if (list(date, line, name, '放假日')) days.push(date);
        }
      } else if (sentence.includes('上班')) {
        let previous: { year: number; month: number } | undefined;
        for (const written of writtenDates(sentence.slice(0, sentence.lastIndexOf('上班')))) {
          const day = resolve(written, thisYear, previous);
          if ('problem' in day) {
            problem(day.problem, day.problemEn);
            continue;
          }
          previous = day;
          if (list(day.date, line, name, '上班日')) makeupWorkdays.push(day.date);
        }
      } else if (dates.length) {
        problem(`无法识别“${sentence}”：放假日期应写作“M月D日至D日放假”，调休上班日写作“M月D日上班”`, `cannot read "${sentence}"`);
      }
    }
    if (!hasHoliday && problems.length === problemsBefore) {
      problems.push({ line: section.line, message: `${name}: no holiday dates`, messageZh: `第${section.line}行（${name}）：没有找到放假日期（应写作“6月19日至21日放假”）` });
    }
    if (days.length) holidays[name] = [...(holidays[name] ?? []), ...days];
  }
  if (problems.length) throw new NoticeTextError(problems);

  const cited = [documentNo, issuedOn].filter(Boolean).join(', ');
  const source = `${title ?? `国务院办公厅关于${thisYear}年部分节假日安排的通知`}${cited ? ` (${cited})` : ''}`;
  return { year: thisYear, source, holidays, makeupWorkdays: [...makeupWorkdays].sort(), notes };
}
