import { Injectable } from '@nestjs/common';
import { CalendarDataError, NoticeTextError, chinaDate, parseNotice, parseNoticeText, type HolidayYear, type IsoDate, type NoticeText } from '@app/calendar';
import { Clock, ValidationError } from '@app/shared';
import { CalendarService, HolidayStore, type CalendarYearInfo } from './calendar.service';
import { DeadlinePlanner } from './deadline-planner';
import { DeadlineStore } from './deadline-store.port';

/** A deadline whose due date an import moved or confirmed. */
export interface RecomputedDeadline {
  deadlineId: string;
  caseId: string;
  specId: string;
  label: string;
  before: { dueOn: IsoDate; provisional: boolean };
  after: { dueOn: IsoDate; provisional: boolean };
}

export interface CalendarImportResult {
  imported: CalendarYearInfo[];
  /** Pending deadlines whose due date or provisional mark changed. */
  recomputed: RecomputedDeadline[];
  /** Pending deadlines still provisional after the import (a later year is still missing). */
  stillProvisional: number;
}

/**
 * Imports State Council holiday notices (the holidays-cn.json shape) as data: checks them, stores them, reloads the
 * calendar, then recomputes every pending deadline the new years can affect. Used by `POST /api/admin/calendar` and
 * by `npm run calendar:import`.
 */
@Injectable()
export class CalendarImporter {
  constructor(
    private readonly holidays: HolidayStore,
    private readonly calendar: CalendarService,
    private readonly deadlines: DeadlineStore,
    private readonly planner: DeadlinePlanner,
    private readonly clock: Clock,
  ) {}

  /**
   * @throws ValidationError naming the year and field at fault (e.g. `years["2027"].holidays["春节"][2]`), before
   *   anything is stored.
   */
  async import(json: unknown, importedBy: string): Promise<CalendarImportResult> {
    const years = parseChecked(json);
    // Wall time, not the engine clock: the stored time is the version other processes watch to reload, so it must
    // change on every import even when a test has stopped the engine clock.
    await this.holidays.save(years, importedBy, new Date());
    await this.calendar.refresh(true);
    await this.calendar.changed();
    const recomputed = await this.recompute(years.map((y) => y.year));
    const wanted = new Set(years.map((y) => y.year));
    const info = (await this.calendar.yearsInfo()).filter((y) => wanted.has(y.year));
    const stillProvisional = (await this.deadlines.recomputable([])).length;
    return { imported: info, recomputed, stillProvisional };
  }

  private async recompute(years: number[]): Promise<RecomputedDeadline[]> {
    const today = chinaDate(this.clock.now());
    const changed: RecomputedDeadline[] = [];
    const updates = [];
    for (const d of await this.deadlines.recomputable(years)) {
      const next = this.planner.recompute(d, today);
      if (next.dueOn === d.dueOn && next.dueAt === d.dueAt && next.provisional === d.provisional) continue;
      updates.push({ id: d.id, ...next, previous: { dueOn: d.dueOn, dueAt: d.dueAt } });
      changed.push({ deadlineId: d.id, caseId: d.caseId, specId: d.specId, label: d.label, before: { dueOn: d.dueOn, provisional: d.provisional }, after: { dueOn: next.dueOn, provisional: next.provisional } });
    }
    const written = new Set(updates.length ? await this.deadlines.applyRecomputed(updates) : []);
    return changed.filter((c) => written.has(c.deadlineId));
  }
}

/**
 * Reads a notice's published text into the holidays-cn.json entry of its year, for an administrator to check before
 * importing it.
 * @throws ValidationError on field `text`, one error per problem, each naming its line in Chinese.
 */
export function readNoticeText(text: string): NoticeText {
  try {
    return parseNoticeText(text);
  } catch (error) {
    if (!(error instanceof NoticeTextError)) throw error;
    throw new ValidationError(error.problems.map((p) => ({ field: 'text', message: p.line ? `line ${p.line}: ${p.message}` : p.message, messageZh: p.messageZh })));
  }
}

function parseChecked(json: unknown): HolidayYear[] {
  let years: HolidayYear[];
  try {
    years = parseNotice(json);
  } catch (error) {
    if (!(error instanceof CalendarDataError)) throw error;
    const field = error.year !== undefined && error.field !== undefined && !error.field.startsWith('years[') ? `years["${error.year}"].${error.field}` : (error.field ?? 'years');
    const where = error.year !== undefined ? `${error.year}年节假日安排` : '节假日安排';
    const place = error.field !== undefined && !error.field.startsWith('years') ? placeZh(error.field) : '';
    throw new ValidationError([{ field, message: error.message, messageZh: `${where}有误：${place}${zhReason(error.message)}` }]);
  }
  if (years.length === 0) throw new ValidationError([{ field: 'years', message: 'must hold at least one year', messageZh: '至少须包含一个年度的节假日安排' }]);
  return years;
}

/** Where in a year's notice, in words: 春节的第2个放假日期, 第1个调休上班日. The field path stays in `field`. */
function placeZh(field: string): string {
  let m = /^holidays\["(.+)"\]\[(\d+)\]$/.exec(field);
  if (m) return `${m[1]}的第${Number(m[2]) + 1}个放假日期`;
  if ((m = /^holidays\[(\d+)\]$/.exec(field))) return `第${Number(m[1]) + 1}个放假日期`;
  if ((m = /^makeupWorkdays\[(\d+)\]$/.exec(field))) return `第${Number(m[1]) + 1}个调休上班日`;
  if ((m = /^names\["(.+)"\]$/.exec(field))) return `${m[1]}的节日名称`;
  return { holidays: '放假日期', makeupWorkdays: '调休上班日', source: '', names: '节日名称' }[field] ?? '';
}

/** A short Chinese gloss of the calendar library's English message, with the date at fault; the English text stays in `message`. */
function zhReason(message: string): string {
  const date = /: "?([^"\s]+)"? (?:is not a real date|lies outside|is listed twice|is both)/.exec(message)?.[1];
  const quoted = date ? `“${date}”` : '';
  if (/lies outside/.test(message)) return `${quoted}不在该年度内`;
  if (/listed twice/.test(message)) return `${quoted}重复列出`;
  if (/both a holiday and a make-up workday/.test(message)) return `${quoted}既是放假日又是调休上班日`;
  if (/not a real date/.test(message)) return `${quoted}不是有效日期（应写作 2027-01-01 这样的日期）`;
  if (/citation/.test(message)) return '缺少通知名称（source）';
  if (/four-digit year/.test(message)) return '年份须为四位数字';
  if (/is named but is not one of the holidays/.test(message)) return '命名的日期不在放假日中';
  if (/expected an array of dates/.test(message)) return '应为日期列表';
  return '格式不正确';
}
