import { Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { ChangeFeed } from '@app/shared';
import { BUNDLED_HOLIDAYS, LegalCalendar, type HolidayYear } from '@app/calendar';

/** Where imported holiday notices are kept. Implemented by the persistence layer. */
export abstract class HolidayStore {
  abstract years(): Promise<HolidayYear[]>;
  abstract save(years: HolidayYear[], importedBy: string, at: Date): Promise<void>;
  /** A token that changes whenever any engine process imports a notice. */
  abstract version(): Promise<string>;
  /** Who imported each stored year, and when. */
  abstract imports(): Promise<{ year: number; importedAt: string; importedBy: string }[]>;
}

/** One year of the calendar in force, and where it came from. */
export interface CalendarYearInfo {
  year: number;
  source: string;
  /** `bundled`: shipped with the engine; `imported`: imported by an administrator (replacing any bundled data). */
  origin: 'bundled' | 'imported';
  importedAt: string | null;
  importedBy: string | null;
  holidays: number;
  makeupWorkdays: number;
}

/**
 * The legal calendar in force: the bundled notices plus every notice an administrator imported. Other engine
 * processes reload on the change feed's notice, and in any case when they next `refresh()` (each worker run).
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  private calendar = new LegalCalendar(BUNDLED_HOLIDAYS);
  private loadedVersion: string | null = null;

  constructor(
    private readonly store: HolidayStore,
    @Optional() private readonly feed?: ChangeFeed,
  ) {}

  async onModuleInit(): Promise<void> {
    this.feed?.subscribe('calendar', () => this.refresh());
    await this.refresh();
  }

  /** After this process imported notices (and reloaded): tell the other processes. */
  async changed(): Promise<void> {
    // The import is stored: a notice that cannot be sent leaves the others to their next worker run.
    await this.feed?.publish('calendar').catch(() => undefined);
  }

  current(): LegalCalendar {
    return this.calendar;
  }

  /** Reloads when the stored notices changed (or always, with `force`); returns true if it did. */
  async refresh(force = false): Promise<boolean> {
    const version = await this.store.version();
    if (!force && version === this.loadedVersion) return false;
    const stored = await this.store.years();
    this.calendar = new LegalCalendar(BUNDLED_HOLIDAYS).withYears(stored);
    this.loadedVersion = version;
    return true;
  }

  /** The years loaded, ascending, with their origin. */
  async yearsInfo(): Promise<CalendarYearInfo[]> {
    const imports = new Map((await this.store.imports()).map((i) => [i.year, i]));
    return this.calendar.years().map((y) => {
      const imported = imports.get(y.year);
      return {
        year: y.year,
        source: y.source,
        origin: imported ? 'imported' : 'bundled',
        importedAt: imported?.importedAt ?? null,
        importedBy: imported?.importedBy ?? null,
        holidays: y.holidays.length,
        makeupWorkdays: y.makeupWorkdays.length,
      };
    });
  }
}
