import { EngineSettingsStore } from '@app/audit';
import type { Db } from '../db/db';

export class SqlEngineSettingsStore extends EngineSettingsStore {
  constructor(private readonly db: Db) {
    super();
  }

  async recordOnce(name: string, value: string): Promise<string> {
    // Two engines starting together on an empty database: the first insert wins and both read it back.
    await this.db.execute('INSERT INTO engine_settings (name, value) VALUES (:name, :value) ON CONFLICT (name) DO NOTHING', { name, value });
    const [row] = await this.db.query<{ value: string }>('SELECT value FROM engine_settings WHERE name = :name', { name });
    return row.value;
  }
}
