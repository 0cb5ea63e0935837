import { createHash } from 'node:crypto';
import type { Pool, PoolClient, QueryConfig } from 'pg';
import type { DataSource } from 'typeorm';
import { compileSql, Db, type DbTx, type Params, type TxOptions } from './db';

/**
 * PostgreSQL through the pool TypeORM opened. Statements are prepared by name (per connection, by the driver), so a
 * repeated statement is parsed and planned once instead of on every call.
 */
export class PostgresDb extends Db {
  readonly dialect = 'postgres' as const;
  private readonly names = new Map<string, string>();

  constructor(private readonly pool: Pool) {
    super();
  }

  static from(dataSource: DataSource): PostgresDb {
    return new PostgresDb((dataSource.driver as unknown as { master: Pool }).master);
  }

  async query<T>(sql: string, params: Params = {}): Promise<T[]> {
    return (await this.pool.query(this.config(sql, params))).rows as T[];
  }

  async execute(sql: string, params: Params = {}): Promise<number> {
    return (await this.pool.query(this.config(sql, params))).rowCount ?? 0;
  }

  private config(sql: string, params: Params): QueryConfig {
    const { text, values } = compileSql(sql, 'postgres', params);
    let name = this.names.get(text);
    // Statements built with a variable number of parts (lists, filters) stay unnamed past a bound.
    if (!name && this.names.size < 500) {
      name = `fq_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
      this.names.set(text, name);
    }
    return name ? { name, text, values } : { text, values };
  }

  serialize<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  async transaction<T>(work: (tx: DbTx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    const client: PoolClient = await this.pool.connect();
    const tx: DbTx = {
      query: async <R>(sql: string, params: Params = {}) => (await client.query(this.config(sql, params))).rows as R[],
      execute: async (sql: string, params: Params = {}) => (await client.query(this.config(sql, params))).rowCount ?? 0,
    };
    try {
      await client.query(options.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
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
