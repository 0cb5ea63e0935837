import type { Db, DbTx, Params } from '@app/persistence';

/*
 * PostgreSQL query plans for tests that keep a query's plan shape: the statements some code issues are explained as
 * it runs them, and a test asserts on the plans' nodes (an index used, no sequential scan of a big table). Plans are
 * only meaningful over enough rows with fresh statistics: insert some thousands (generate_series) and ANALYZE first.
 */

/** A node of `EXPLAIN (FORMAT JSON)`; child nodes, init plans and sub plans alike, are in `Plans`. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

export interface ExplainedStatement {
  sql: string;
  plan: PlanNode;
}

/** The plan PostgreSQL would run `sql` with (`:name` parameters, as the engine's Db takes them). */
export async function explain(db: Db, sql: string, params: Record<string, unknown> = {}): Promise<PlanNode> {
  if (db.dialect !== 'postgres') throw new Error('explain() reads PostgreSQL plans');
  const [row] = await db.query<Record<string, unknown>>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  const document = row['QUERY PLAN'];
  return (typeof document === 'string' ? JSON.parse(document) : document)[0].Plan as PlanNode;
}

/**
 * `db`, except that every SELECT is explained before it runs and its plan appended to `into`: hand it to a store or
 * read model to see the plans of exactly the statements it builds.
 */
export function explaining(db: Db, into: ExplainedStatement[]): Db {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'query') {
        return async (sql: string, params: Record<string, unknown> = {}) => {
          if (/^\s*(SELECT|WITH)\b/i.test(sql)) into.push({ sql, plan: await explain(target, sql, params) });
          return target.query(sql, params);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Every node of the plan, depth first. */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** The plan as indented lines (`Index Scan using cases_updated on cases`), for assertions with readable failures. */
export function planText(plan: PlanNode, depth = 0): string {
  const on = plan['Relation Name'] ? ` on ${plan['Relation Name']}` : '';
  const using = plan['Index Name'] ? ` using ${plan['Index Name']}` : '';
  return [`${'  '.repeat(depth)}${plan['Node Type']}${using}${on}`, ...(plan.Plans ?? []).map((p) => planText(p, depth + 1))].join('\n');
}

/** The names of the indexes the plan reads. */
export function indexesUsed(plan: PlanNode): string[] {
  return [...new Set(planNodes(plan).flatMap((n) => (n['Index Name'] ? [n['Index Name']] : [])))];
}

/** The sequential scans of `table` in the plan. */
export function seqScansOf(plan: PlanNode, table: string): PlanNode[] {
  return planNodes(plan).filter((n) => n['Node Type'] === 'Seq Scan' && n['Relation Name'] === table);
}

/** The tables a plan reads in full. */
export function seqScans(plan: PlanNode): string[] {
  return planNodes(plan)
    .filter((n) => n['Node Type'] === 'Seq Scan')
    .map((n) => n['Relation Name']!);
}

/**
 * A stand-in for the store's Db on PostgreSQL that plans instead of running: every SELECT (or WITH) a store sends is
 * EXPLAINed with its own parameters, in the transaction the store opened, and the plan kept in `plans`; the store gets
 * no rows back. Other statements (SET LOCAL …) run as they are. Each statement runs in a transaction that first
 * applies `settings` (e.g. `SET LOCAL work_mem = '64kB'`, to plan as if the tables were far larger than the test's).
 */
export function planningDb(db: Db, settings: string[] = []): { db: Db; plans: { sql: string; plan: PlanNode }[] } {
  const plans: { sql: string; plan: PlanNode }[] = [];
  const through = (target: DbTx): DbTx => ({
    async query<T>(sql: string, params?: Params): Promise<T[]> {
      if (!/^\s*(SELECT|WITH)\b/i.test(sql)) return target.query<T>(sql, params);
      const [row] = await target.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      plans.push({ sql, plan: row['QUERY PLAN'][0].Plan });
      return [];
    },
    execute: (sql, params) => target.execute(sql, params),
  });
  const inTransaction = <T>(work: (tx: DbTx) => Promise<T>) =>
    db.transaction(async (tx) => {
      for (const s of settings) await tx.execute(s);
      return work(through(tx));
    });
  const planning = Object.assign(Object.create(db) as Db, {
    dialect: db.dialect,
    query: <T>(sql: string, params?: Params) => inTransaction((tx) => tx.query<T>(sql, params)),
    execute: (sql: string, params?: Params) => db.execute(sql, params),
    transaction: inTransaction,
  });
  return { db: planning, plans };
}
