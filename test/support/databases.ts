import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { DatabaseConfig } from '@app/persistence';

/** A database a suite runs against: every suite touching storage runs once per entry. */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database, and how to remove it. */
  create(): Promise<{ config: DatabaseConfig; drop(): Promise<void> }>;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'fengqiao-test-'));
    return { config: { sqlitePath: join(dir, 'test.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  },
};

const postgres = (url: string): TestDatabase => ({
  name: 'postgres',
  async create() {
    // One schema per app instance, so suites run in parallel on one database without seeing each other.
    const schema = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
    return {
      config: { databaseUrl: url, sqlitePath: '', schema, poolSize: 10 },
      drop: async () => {
        const client = new Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        } finally {
          await client.end();
        }
      },
    };
  },
});

export const TEST_DATABASES: TestDatabase[] = [sqlite, ...(process.env.TEST_DATABASE_URL ? [postgres(process.env.TEST_DATABASE_URL)] : [])];
