import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { compileSql, Db, type DbTx, type Params } from './db';

/** PostgreSQL through the pool TypeORM opened. */
export class PostgresDb extends Db {
  readonly dialect = 'postgres' as const;

  constructor(private readonly pool: Pool) {
    super();
  }

  static from(dataSource: DataSource): PostgresDb {
    return new PostgresDb((dataSource.driver as unknown as { master: Pool }).master);
  }

  async query<T>(sql: string, params: Params = {}): Promise<T[]> {
    const { text, values } = compileSql(sql, 'postgres', params);
    return (await this.pool.query(text, values)).rows as T[];
  }

  async execute(sql: string, params: Params = {}): Promise<number> {
    const { text, values } = compileSql(sql, 'postgres', params);
    return (await this.pool.query(text, values)).rowCount ?? 0;
  }

  serialize<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  async transaction<T>(work: (tx: DbTx) => Promise<T>): Promise<T> {
    const client: PoolClient = await this.pool.connect();
    const tx: DbTx = {
      query: async <R>(sql: string, params: Params = {}) => {
        const { text, values } = compileSql(sql, 'postgres', params);
        return (await client.query(text, values)).rows as R[];
      },
      execute: async (sql: string, params: Params = {}) => {
        const { text, values } = compileSql(sql, 'postgres', params);
        return (await client.query(text, values)).rowCount ?? 0;
      },
    };
    try {
      await client.query('BEGIN');
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
