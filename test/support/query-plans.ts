import type { Db, DbTx, Params } from '@app/persistence';

/** One node of a PostgreSQL plan as EXPLAIN (FORMAT JSON) gives it. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Subplan Name'?: string;
  Plans?: PlanNode[];
  [key: string]: unknown;
}

/** Every node of a plan, depth first. */
export function planNodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(planNodes)];
}

/** The tables a plan reads in full. */
export function seqScans(plan: PlanNode): string[] {
  return planNodes(plan)
    .filter((n) => n['Node Type'] === 'Seq Scan')
    .map((n) => n['Relation Name']!);
}

/** The indexes a plan reads, by name. */
export function indexesUsed(plan: PlanNode): string[] {
  return planNodes(plan)
    .filter((n) => n['Index Name'])
    .map((n) => n['Index Name']!);
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
