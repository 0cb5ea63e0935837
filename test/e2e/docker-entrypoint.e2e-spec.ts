import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_DATABASES } from '../support/databases';

/*
 * The container's entry point (docker/entrypoint.sh), run here without docker: with the environment a container
 * would have, and a stand-in command in place of the engine that reports its pid and what it was given.
 */

const ROOT = join(__dirname, '..', '..');
const STAND_IN = ['node', '-e', 'console.log(JSON.stringify({ pid: process.pid, args: process.argv.slice(1) }))', 'serve'];

function entrypoint(env: Record<string, string>, args: string[] = STAND_IN): Promise<{ code: number | null; pid: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', [join(ROOT, 'docker/entrypoint.sh'), ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, pid: child.pid!, stdout, stderr }));
  });
}

const reported = (stdout: string) => JSON.parse(stdout.trim().split('\n').pop()!) as { pid: number; args: string[] };

describe.each(TEST_DATABASES)('the container entry point ($name)', (database) => {
  it('hands the process over to the command once the database can be used', async () => {
    const db = await database.create();
    const folder = mkdtempSync(join(tmpdir(), 'fengqiao-entry-'));
    try {
      const env: Record<string, string> = db.config.databaseUrl ? { DATABASE_URL: db.config.databaseUrl } : { FENGQIAO_DB_PATH: join(folder, 'not', 'yet', 'there.sqlite') };
      const run = await entrypoint(env);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      // exec: the command is the process the container started, so it receives SIGTERM itself.
      expect(reported(run.stdout)).toEqual({ pid: run.pid, args: ['serve'] });
      if (!db.config.databaseUrl) expect(existsSync(join(folder, 'not', 'yet'))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await db.drop();
    }
  });
});

describe('the container entry point, refusing to start', () => {
  it('gives up on a PostgreSQL that does not answer in time, naming where it looked and not the password', async () => {
    const started = Date.now();
    const run = await entrypoint({ DATABASE_URL: 'postgres://fengqiao:very-secret-pw@127.0.0.1:1/fengqiao', FENGQIAO_DB_WAIT_SECONDS: '2' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('PostgreSQL at 127.0.0.1:1/fengqiao did not accept a connection within 2 s');
    expect(run.stdout + run.stderr).not.toContain('very-secret-pw');
    expect(run.stdout).not.toContain('"pid"');
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('refuses a bad wait setting and an SQLite folder it cannot create', async () => {
    const bad = await entrypoint({ DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x', FENGQIAO_DB_WAIT_SECONDS: 'soon' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('FENGQIAO_DB_WAIT_SECONDS must be a whole number of seconds, not "soon"');

    const folder = mkdtempSync(join(tmpdir(), 'fengqiao-entry-'));
    try {
      const file = join(folder, 'a-file');
      writeFileSync(file, '');
      const run = await entrypoint({ FENGQIAO_DB_PATH: join(file, 'fengqiao.sqlite') });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`The SQLite folder ${file} cannot be written`);
      expect(run.stdout).toBe('');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('runs the engine’s tools when named, the offline audit verifier without waiting for a database, the database check after it', async () => {
    // `node dist/apps/api/main.js` is what the image runs; here a stand-in `node` on the PATH shows the command line.
    const bin = mkdtempSync(join(tmpdir(), 'fengqiao-bin-'));
    try {
      writeFileSync(join(bin, 'node'), '#!/bin/sh\necho "node $*"\n', { mode: 0o755 });
      const run = await entrypoint({ PATH: `${bin}:${process.env.PATH}`, DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x' }, ['audit:verify', 'export.jsonl']);
      expect(run.code).toBe(0);
      expect(run.stdout.trim()).toBe('node dist/apps/api/main.js audit:verify export.jsonl');
      // Checking the database itself waits for it first, as the engine does.
      const online = await entrypoint({ PATH: `${bin}:${process.env.PATH}`, DATABASE_URL: 'postgres://u:p@127.0.0.1:1/x' }, ['audit:verify', '--database']);
      expect(online.code).toBe(0);
      expect(online.stdout.trim().split('\n')).toEqual([expect.stringMatching(/^node .*wait-for-database\.js$/), 'node dist/apps/api/main.js audit:verify --database']);
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
