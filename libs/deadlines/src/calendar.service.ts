import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BUNDLED_HOLIDAYS, LegalCalendar, type HolidayYear } from '@app/calendar';

/** Where imported holiday notices are kept. Implemented by the persistence layer. */
export abstract class HolidayStore {
  abstract years(): Promise<HolidayYear[]>;
  abstract save(years: HolidayYear[], importedBy: string, at: Date): Promise<void>;
  /** A token that changes whenever any engine process imports a notice. */
  abstract version(): Promise<string>;
}

/**
 * The legal calendar in force: the bundled notices plus every notice an administrator imported. Other engine
 * processes pick up an import when they next `refresh()`.
 */
@Injectable()
export class CalendarService implements OnModuleInit {
  private calendar = new LegalCalendar(BUNDLED_HOLIDAYS);
  private loadedVersion: string | null = null;

  constructor(private readonly store: HolidayStore) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
  }

  current(): LegalCalendar {
    return this.calendar;
  }

  /** Reloads when the stored notices changed; returns true if it did. */
  async refresh(): Promise<boolean> {
    const version = await this.store.version();
    if (version === this.loadedVersion) return false;
    const stored = await this.store.years();
    this.calendar = new LegalCalendar(BUNDLED_HOLIDAYS).withYears(stored);
    this.loadedVersion = version;
    return true;
  }
}
