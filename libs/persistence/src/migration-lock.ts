import type { DataSource } from 'typeorm';

/**
 * Runs the migrations holding a PostgreSQL advisory lock, per schema: TypeORM takes none, so two processes starting
 * together on a new database would both create the same tables. The second waits, then finds nothing left to run.
 * The lock is a session lock on a connection of its own, released however the migrations end.
 */
export async function migrateUnderLock(dataSource: DataSource, schema: string | undefined, postgres: boolean): Promise<void> {
  if (!postgres) {
    // One SQLite file is opened by one process; its own write lock serialises anything else.
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const key = `fengqiao:migrations:${schema ?? 'public'}`;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    }
  } finally {
    await runner.release();
  }
}
