import { Injectable } from '@nestjs/common';
import { CalendarDataError, chinaDate, parseNotice, type HolidayYear, type IsoDate } from '@app/calendar';
import { Clock, ValidationError } from '@app/shared';
import { CalendarService, HolidayStore, type CalendarYearInfo } from './calendar.service';
import { DeadlinePlanner } from './deadline-planner';
import { DeadlineStore } from './deadline-store.port';

/** A deadline whose due date an import moved or confirmed. */
export interface RecomputedDeadline {
  deadlineId: string;
  caseId: string;
  specId: string;
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
      changed.push({ deadlineId: d.id, caseId: d.caseId, specId: d.specId, before: { dueOn: d.dueOn, provisional: d.provisional }, after: { dueOn: next.dueOn, provisional: next.provisional } });
    }
    const written = new Set(updates.length ? await this.deadlines.applyRecomputed(updates) : []);
    return changed.filter((c) => written.has(c.deadlineId));
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
    throw new ValidationError([{ field, message: error.message, messageZh: `${where}有误（${field}）：${zhReason(error.message)}` }]);
  }
  if (years.length === 0) throw new ValidationError([{ field: 'years', message: 'must hold at least one year', messageZh: '至少须包含一个年度的节假日安排' }]);
  return years;
}

/** A short Chinese gloss of the calendar library's English message; the English text stays in `message`. */
function zhReason(message: string): string {
  if (/lies outside/.test(message)) return '日期不在该年度内';
  if (/listed twice/.test(message)) return '日期重复';
  if (/both a holiday and a make-up workday/.test(message)) return '同一日期既是放假日又是调休上班日';
  if (/not a real date/.test(message)) return '不是有效日期（应为 YYYY-MM-DD）';
  if (/citation/.test(message)) return '缺少通知出处（source）';
  if (/four-digit year/.test(message)) return '年份须为四位数字';
  if (/is named but is not one of the holidays/.test(message)) return '命名的日期不在放假日中';
  return '格式不正确';
}
