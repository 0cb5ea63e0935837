import type { DataSource } from 'typeorm';

export type Dialect = 'sqlite' | 'postgres';
export type Params = Record<string, unknown>;

export interface TxOptions {
  /** A read-only snapshot: every statement sees the database as of the first one (REPEATABLE READ on PostgreSQL). */
  snapshot?: boolean;
}

/** The statements of one transaction. */
export interface DbTx {
  query<T = Record<string, any>>(sql: string, params?: Params): Promise<T[]>;
  /** Runs a write and returns the number of rows it changed. */
  execute(sql: string, params?: Params): Promise<number>;
}

/**
 * Plain SQL over the connection TypeORM opened, for the paths where round trips and exact statements matter (the
 * case write path, lists, the deadline worker). SQL names its parameters `:name`; `:...name` expands an array.
 * JSON values are passed through `json()`; instants come back as ISO strings and JSON as objects on both databases.
 */
export abstract class Db {
  abstract readonly dialect: Dialect;
  abstract query<T = Record<string, any>>(sql: string, params?: Params): Promise<T[]>;
  abstract execute(sql: string, params?: Params): Promise<number>;
  abstract transaction<T>(work: (tx: DbTx) => Promise<T>, options?: TxOptions): Promise<T>;
  /**
   * Runs work that uses the connection some other way (TypeORM repositories) so it cannot interleave with these
   * statements. Needed on SQLite, where every caller shares one connection and one transaction scope.
   */
  abstract serialize<T>(work: () => Promise<T>): Promise<T>;

  json(value: unknown): string {
    return JSON.stringify(value);
  }
}

export function readJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

export function readBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

export function readInstant(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return new Date(String(value)).toISOString();
}

export function readOptionalInstant(value: unknown): string | null {
  return value === null || value === undefined ? null : readInstant(value);
}

interface Compiled {
  text: string;
  names: string[];
}

const compiled = { sqlite: new Map<string, Compiled>(), postgres: new Map<string, Compiled>() };

/** Turns `:name` placeholders into the driver's (`$1` or `?`), leaving `::type` casts alone. */
export function compileSql(sql: string, dialect: Dialect, params: Params): { text: string; values: unknown[] } {
  // The same statement text always compiles the same way: remember it, unless an array spread makes it vary.
  const cache = compiled[dialect];
  let plan = cache.get(sql);
  if (!plan) {
    if (sql.includes(':...')) return compileWithSpreads(sql, dialect, params);
    const names: string[] = [];
    const text = sql.replace(/(?<!:):([A-Za-z_][A-Za-z0-9_]*)/g, (_m, name: string) => {
      names.push(name);
      return dialect === 'postgres' ? `$${names.length}` : '?';
    });
    plan = { text, names };
    if (cache.size < 2000) cache.set(sql, plan);
  }
  const values = plan.names.map((name) => {
    if (!(name in params)) throw new Error(`SQL parameter :${name} has no value`);
    return bind(dialect, params[name]);
  });
  return { text: plan.text, values };
}

function compileWithSpreads(sql: string, dialect: Dialect, params: Params): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const text = sql.replace(/(?<!:):(\.\.\.)?([A-Za-z_][A-Za-z0-9_]*)/g, (_m, spread: string | undefined, name: string) => {
    if (!(name in params)) throw new Error(`SQL parameter :${name} has no value`);
    const value = params[name];
    if (spread) {
      if (!Array.isArray(value) || value.length === 0) throw new Error(`SQL parameter :...${name} must be a non-empty array`);
      return value.map((v) => placeholder(dialect, values, v)).join(', ');
    }
    return placeholder(dialect, values, value);
  });
  return { text, values };
}

function placeholder(dialect: Dialect, values: unknown[], value: unknown): string {
  values.push(bind(dialect, value));
  return dialect === 'postgres' ? `$${values.length}` : '?';
}

function bind(dialect: Dialect, value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean' && dialect === 'sqlite') return value ? 1 : 0;
  return value;
}

export type DataSourceWithDb = { dataSource: DataSource; db: Db };
export type { Compiled };
