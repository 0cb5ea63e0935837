import type { Database, Statement } from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { compileSql, Db, type DbTx, type Params, type TxOptions } from './db';

/**
 * SQLite through the better-sqlite3 handle TypeORM opened. better-sqlite3 is synchronous and the database has one
 * connection, so every statement and every transaction runs under one async lock: a transaction that awaits never
 * lets another request read its uncommitted rows.
 */
export class SqliteDb extends Db {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Statement>();
  private lock: Promise<unknown> = Promise.resolve();

  constructor(private readonly handle: Database) {
    super();
  }

  static from(dataSource: DataSource): SqliteDb {
    return new SqliteDb((dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection);
  }

  query<T>(sql: string, params: Params = {}): Promise<T[]> {
    return this.exclusive(() => this.run<T>(sql, params).rows);
  }

  execute(sql: string, params: Params = {}): Promise<number> {
    return this.exclusive(() => this.run(sql, params).changes);
  }

  transaction<T>(work: (tx: DbTx) => Promise<T>, options: TxOptions = {}): Promise<T> {
    return this.exclusive(async () => {
      this.handle.exec(options.snapshot ? 'BEGIN' : 'BEGIN IMMEDIATE');
      const tx: DbTx = {
        query: async <R>(sql: string, params: Params = {}) => this.run<R>(sql, params).rows,
        execute: async (sql: string, params: Params = {}) => this.run(sql, params).changes,
      };
      try {
        const result = await work(tx);
        this.handle.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.handle.inTransaction) this.handle.exec('ROLLBACK');
        throw error;
      }
    });
  }

  serialize<T>(work: () => Promise<T>): Promise<T> {
    return this.exclusive(work);
  }

  private exclusive<T>(work: () => T | Promise<T>): Promise<T> {
    const next = this.lock.then(work, work);
    this.lock = next.catch(() => undefined);
    return next;
  }

  private run<T>(sql: string, params: Params): { rows: T[]; changes: number } {
    const { text, values } = compileSql(sql, 'sqlite', params);
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.handle.prepare(text);
      if (this.statements.size < 500) this.statements.set(text, statement);
    }
    if (statement.reader) return { rows: statement.all(...values) as T[], changes: 0 };
    return { rows: [], changes: statement.run(...values).changes };
  }
}
