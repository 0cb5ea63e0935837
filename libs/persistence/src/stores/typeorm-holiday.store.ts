import type { DataSource, Repository } from 'typeorm';
import type { HolidayYear } from '@app/calendar';
import { HolidayStore } from '@app/deadlines';
import { HolidayYearOrmEntity } from '../entities/directory.orm-entities';
import type { Db } from '../db/db';

export class TypeOrmHolidayStore extends HolidayStore {
  private readonly repo: Repository<HolidayYearOrmEntity>;

  constructor(
    dataSource: DataSource,
    private readonly db: Db,
  ) {
    super();
    this.repo = dataSource.getRepository(HolidayYearOrmEntity);
  }

  async years(): Promise<HolidayYear[]> {
    return (await this.db.serialize(() => this.repo.find({ order: { year: 'ASC' } }))).map((r) => ({
      year: r.year,
      source: r.source,
      holidays: r.holidays,
      makeupWorkdays: r.makeupWorkdays,
      ...(r.names ? { names: r.names } : {}),
    }));
  }

  async save(years: HolidayYear[], importedBy: string, at: Date): Promise<void> {
    await this.db.serialize(() => this.repo.manager.transaction(async (em) => {
      for (const y of years) {
        await em.save(HolidayYearOrmEntity, {
          year: y.year,
          source: y.source,
          holidays: y.holidays,
          makeupWorkdays: y.makeupWorkdays,
          names: y.names ?? null,
          importedAt: at,
          importedBy,
        });
      }
    }));
  }

  async version(): Promise<string> {
    const rows = await this.db.serialize(() => this.repo.find({ select: { year: true, importedAt: true }, order: { year: 'ASC' } }));
    return rows.map((r) => `${r.year}@${r.importedAt.toISOString()}`).join(',');
  }

  async imports(): Promise<{ year: number; importedAt: string; importedBy: string }[]> {
    const rows = await this.db.serialize(() => this.repo.find({ select: { year: true, importedAt: true, importedBy: true }, order: { year: 'ASC' } }));
    return rows.map((r) => ({ year: r.year, importedAt: r.importedAt.toISOString(), importedBy: r.importedBy }));
  }
}
