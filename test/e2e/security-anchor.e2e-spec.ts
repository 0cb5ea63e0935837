import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from '@app/persistence';
import { SecurityLogRetention } from '../../apps/api/src/audit/security-log-retention.service';
import { runAuditVerify } from '../../apps/api/src/cli/audit-verify';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { auth, idNumber, openCase, setNow } from '../support/cases';
import { iso, refusal, reinsertSecurityEvents } from '../support/raw-sql';

/*
 * Removing a security-log chain's newest links leaves a chain that is whole in itself. The head recorded with each
 * link shows it in the database; an insider who rewinds the head as well is caught by the signed checkpoints, checked
 * offline with only the public key. Both choices of algorithm, on both databases.
 */

const SUITES = [
  { suite: 'sha256+ed25519', newKey: () => generateKeyPairSync('ed25519').privateKey, env: (key: string) => ({ FENGQIAO_CHECKPOINT_KEY: key }) },
  { suite: 'sm3+sm2', newKey: () => generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey, env: (key: string) => ({ FENGQIAO_AUDIT_HASH: 'sm3', FENGQIAO_CHECKPOINT_ALGORITHMS: 'sm3+sm2', FENGQIAO_CHECKPOINT_KEY: key }) },
];
const CASES = TEST_DATABASES.flatMap((database) => SUITES.map((suite) => ({ database, ...suite, name: `${suite.suite}, ${database.name}` })));
const DAY_MS = 86_400_000;

describe.each(CASES)('the security log anchored in signed checkpoints ($name)', ({ database, newKey, env }) => {
  const privateKey: KeyObject = newKey();
  const dir = mkdtempSync(join(tmpdir(), 'fengqiao-security-'));
  const publicKeyFile = join(dir, 'checkpoint-public.pem');
  let t: TestApp;
  let db: Db;
  let chainKey: string;

  beforeAll(async () => {
    t = await createTestApp(database, env(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string));
    db = t.app.get(Db);
    writeFileSync(publicKeyFile, createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }) as string);
    chainKey = `user:${(await t.loginUser('fy_mediator')).user.id}`;
    const opened = await openCase(t, 'fy_clerk');
    // Its login is the chain's first link, six reads the rest.
    for (let i = 0; i < 6; i++) expect((await t.http().get(`/api/cases/${opened.id}`).set(auth(await t.login('fy_mediator')))).status).toBe(200);
    for (const username of ['auditor', 'admin']) await t.login(username);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pg = () => db.dialect === 'postgres';

  it('moves the head with every link, and signs every chain head in a new checkpoint', async () => {
    const head = await headRow();
    expect(head).toMatchObject({ last_seq: 7, first_seq: 1, count: 7 });
    const [last] = await db.query('SELECT hash FROM security_events WHERE chain_key = :chainKey AND seq = 7', { chainKey });
    expect(head.last_hash).toBe(last.hash);

    const checkpoint = await writeCheckpoint();
    const heads = await db.query('SELECT chain_key, last_seq, last_hash FROM security_heads ORDER BY chain_key');
    expect(checkpoint.security).toMatchObject({ chainCount: heads.length, eventCount: heads.reduce((n, h) => n + Number(h.last_seq), 0) });
    expect(checkpoint.securityLeaves).toContainEqual({ chainKey, seq: 7, at: expect.any(String), headHash: last.hash });

    await save('security.ndjson', '/api/audit/security-log/export');
    expect(offline('security.ndjson')).toEqual({ code: 0, verdict: null });
    const lines = readFileSync(join(dir, 'security.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: 'fengqiao-security-log-export', version: 1 });
    expect(lines.filter((l) => l.securityHead)).toHaveLength(heads.length);
    // The export is itself recorded, and the auditor may keep the checkpoints beside it.
    const exports = await t.http().get('/api/audit/security-log').query({ kind: 'EXPORT' }).set(auth(await t.login('auditor')));
    expect(exports.body.items[0]).toMatchObject({ kindLabel: '数据导出', detail: { export: 'security-log-export.ndjson', lines: lines.length } });
    await save('kept-checkpoints.ndjson', '/api/audit/checkpoints');
    expect(offline('security.ndjson', 'kept-checkpoints.ndjson')).toEqual({ code: 0, verdict: null });
  });

  it('is for auditors only, and refuses to rewind or delete a head while the triggers stand', async () => {
    for (const username of ['admin', 'fy_mediator']) expect((await t.http().get('/api/audit/security-log/export').set(auth(await t.login(username)))).status).toBe(403);
    expect(await refusal(db.execute('UPDATE security_heads SET last_seq = last_seq - 1 WHERE chain_key = :chainKey', { chainKey }))).toMatch(/only move forward/);
    expect(await refusal(db.execute('DELETE FROM security_heads WHERE chain_key = :chainKey', { chainKey }))).toMatch(/only move forward/);
    expect((await headRow()).last_seq).toBe(7);
  });

  describe('with the append-only triggers dropped', () => {
    beforeAll(() => triggers('drop'));
    afterAll(() => triggers('restore'));

    it('names the chain and seq when its newest links are removed', async () => {
      const rows = await db.query('SELECT * FROM security_events WHERE chain_key = :chainKey AND seq >= 6 ORDER BY seq', { chainKey });
      expect(await db.execute('DELETE FROM security_events WHERE chain_key = :chainKey AND seq >= 6', { chainKey })).toBe(2);
      expect(await verify()).toMatchObject({ ok: false, firstBroken: { chainKey, seq: 6, reason: "links 6–7 are missing: the chain's recorded head is seq 7" } });
      await reinsertSecurityEvents(db, rows);
      expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
    });

    it('catches offline, with the checkpoint, an insider who also rewinds the head', async () => {
      const rows = await db.query('SELECT * FROM security_events WHERE chain_key = :chainKey AND seq >= 6 ORDER BY seq', { chainKey });
      const head = await headRow();
      const [fifth] = await db.query('SELECT at, hash FROM security_events WHERE chain_key = :chainKey AND seq = 5', { chainKey });
      expect(await db.execute('DELETE FROM security_events WHERE chain_key = :chainKey AND seq >= 6', { chainKey })).toBe(2);
      expect(await db.execute('UPDATE security_heads SET last_seq = 5, last_at = :at, last_hash = :hash, count = 5 WHERE chain_key = :chainKey', { chainKey, at: iso(fifth.at), hash: fifth.hash })).toBe(1);
      // The database alone is satisfied: every chain ends where its head says.
      expect(await verify()).toMatchObject({ ok: true, firstBroken: null });

      await save('security.ndjson', '/api/audit/security-log/export');
      const expected = { code: 1, verdict: expect.objectContaining({ ok: false, chainKey, seq: 6, checkpointSeq: 1, reason: expect.stringMatching(/signed 7 links for the chain; the export ends at 5/) }) };
      expect(offline('security.ndjson')).toEqual(expected);
      // With the checkpoints deleted from the database too, the copies the auditor kept still tell.
      const checkpoints = await db.query('SELECT * FROM audit_checkpoints ORDER BY seq');
      await db.execute('DELETE FROM audit_checkpoints');
      await save('security.ndjson', '/api/audit/security-log/export');
      expect(offline('security.ndjson')).toEqual({ code: 0, verdict: null });
      expect(offline('security.ndjson', 'kept-checkpoints.ndjson')).toEqual(expected);

      for (const r of checkpoints) await db.execute(`INSERT INTO audit_checkpoints (seq, at, hash, body) VALUES (:seq, :at, :hash, ${pg() ? ':body::jsonb' : ':body'})`, { ...r, at: iso(r.at), body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) });
      await reinsertSecurityEvents(db, rows);
      await db.execute('UPDATE security_heads SET last_seq = :last_seq, last_at = :at, last_hash = :last_hash, count = :count WHERE chain_key = :chainKey', { ...head, at: iso(head.last_at), chainKey });
      expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
      await save('security.ndjson', '/api/audit/security-log/export');
      expect(offline('security.ndjson', 'kept-checkpoints.ndjson')).toEqual({ code: 0, verdict: null });
    });

    it('names a link rewritten with every later hash and the head recomputed', async () => {
      const rows = await db.query('SELECT * FROM security_events WHERE chain_key = :chainKey ORDER BY seq', { chainKey });
      const head = await headRow();
      const { hashSecurityEvent } = await import('@app/audit');
      let prev = rows[4].prev_hash as string;
      const forged = rows.slice(4).map((r, i) => {
        const link = { chainKey, seq: Number(r.seq), at: iso(r.at)!, kind: r.kind, actorId: r.actor_id, username: r.username, ip: i === 0 ? '198.51.100.9' : r.ip, caseId: r.case_id, subjectId: r.subject_id, detail: typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail, prevAt: iso(r.prev_at), algorithm: r.algorithm };
        const hash = hashSecurityEvent(prev, link);
        const row = { ...r, ip: link.ip, prev_hash: prev, hash };
        prev = hash;
        return row;
      });
      await db.execute('DELETE FROM security_events WHERE chain_key = :chainKey AND seq >= 5', { chainKey });
      await reinsertSecurityEvents(db, forged);
      await db.execute('UPDATE security_heads SET last_hash = :hash WHERE chain_key = :chainKey', { chainKey, hash: prev });
      expect(await verify()).toMatchObject({ ok: true });

      await save('security.ndjson', '/api/audit/security-log/export');
      expect(offline('security.ndjson', 'kept-checkpoints.ndjson')).toEqual({ code: 1, verdict: expect.objectContaining({ chainKey, seq: 1, checkpointSeq: 1, reason: expect.stringMatching(/different hash at seq 7/) }) });

      await db.execute('DELETE FROM security_events WHERE chain_key = :chainKey AND seq >= 5', { chainKey });
      await reinsertSecurityEvents(db, rows.slice(4));
      await db.execute('UPDATE security_heads SET last_hash = :hash WHERE chain_key = :chainKey', { chainKey, hash: head.last_hash });
      expect(await verify()).toMatchObject({ ok: true });
    });
  });

  it('keeps heads right when two engines append to one chain at once', async () => {
    const opened = await openCase(t, 'fy_clerk');
    const other = await createTestApp(database, env(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string), { reuse: t.database, keepDatabase: true });
    try {
      const token = await t.login('fy_mediator');
      const reads = Array.from({ length: 10 }, (_, i) => (i % 2 ? other : t).http().get(`/api/cases/${opened.id}`).set(auth(token)));
      expect((await Promise.all(reads)).map((r) => r.status)).toEqual(Array(10).fill(200));
    } finally {
      await other.close();
    }
    const [rows] = await db.query('SELECT max(seq) AS last, count(*) AS n FROM security_events WHERE chain_key = :chainKey', { chainKey });
    expect(await headRow()).toMatchObject({ last_seq: 17, count: 17 });
    expect([Number(rows.last), Number(rows.n)]).toEqual([17, 17]);
    expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('still verifies, in the database and offline, after the purge took signed links and a whole chain', async () => {
    const now = new Date();
    setNow(t, new Date(now.getTime() - 200 * DAY_MS).toISOString());
    // Each chain starts with its login, then: the clerk's two searches then and one now; the other mediator's one then.
    const search = async (username: string) => expect((await t.http().get('/api/cases').query({ idNumber: idNumber('33019919850101200') }).set(auth(await t.login(username)))).status).toBe(200);
    for (let i = 0; i < 2; i++) await search('court_clerk');
    await search('lq_mediator');
    // Signed while those links were young: the checkpoint names seqs the purge is about to take.
    const old = await writeCheckpoint();
    setNow(t, now.toISOString());
    await search('court_clerk');
    const clerk = `user:${(await t.loginUser('court_clerk')).user.id}`;
    const lq = `user:${(await t.loginUser('lq_mediator')).user.id}`;
    expect(old.securityLeaves).toEqual(expect.arrayContaining([expect.objectContaining({ chainKey: clerk, seq: 3 }), expect.objectContaining({ chainKey: lq, seq: 2 })]));

    expect(await t.app.get(SecurityLogRetention).purge()).toBe(5);
    expect(await headRow(clerk)).toMatchObject({ last_seq: 4, first_seq: 4, count: 1 });
    expect(await headRow(lq)).toMatchObject({ last_seq: 2, first_seq: 3, count: 0 });
    expect(await verify()).toMatchObject({ ok: true, firstBroken: null });
    await writeCheckpoint();
    await save('security.ndjson', '/api/audit/security-log/export');
    await save('kept-checkpoints.ndjson', '/api/audit/checkpoints');
    expect(offline('security.ndjson', 'kept-checkpoints.ndjson')).toEqual({ code: 0, verdict: null });
  });

  // ---------- helpers ----------

  async function headRow(key = chainKey): Promise<Record<string, any>> {
    const [row] = await db.query('SELECT * FROM security_heads WHERE chain_key = :key', { key });
    return { ...row, last_seq: Number(row.last_seq), first_seq: Number(row.first_seq), count: Number(row.count) };
  }

  async function verify() {
    const res = await t.http().get('/api/audit/security-log/verify').set(auth(await t.login('auditor')));
    expect(res.status).toBe(200);
    return res.body;
  }

  async function writeCheckpoint() {
    const res = await t.http().post('/api/audit/checkpoints').set(auth(await t.login('admin')));
    expect(res.status).toBe(201);
    return res.body;
  }

  async function save(file: string, path: string) {
    const res = await t.http().get(path).set(auth(await t.login('auditor'))).buffer(true).parse((r, done) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString('utf8')));
      r.on('end', () => done(null, text));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/x-ndjson/);
    writeFileSync(join(dir, file), res.body as string);
  }

  function offline(...files: string[]) {
    const logs: string[] = [];
    const out = { log: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
    const code = runAuditVerify([...files.map((f) => join(dir, f)), '--public-key', publicKeyFile], out);
    return { code, verdict: code === 0 ? null : JSON.parse(logs[logs.length - 1]) };
  }

  async function triggers(action: 'drop' | 'restore') {
    const refusal = "SELECT RAISE(ABORT, 'append-only')";
    const statements = pg()
      ? ['security_events DISABLE TRIGGER security_events_no_change', 'security_heads DISABLE TRIGGER security_heads_forward_only'].map((s) => `ALTER TABLE ${action === 'drop' ? s : s.replace('DISABLE', 'ENABLE')}`)
      : action === 'drop'
        ? ['security_events_no_update', 'security_events_no_delete', 'security_heads_no_rewind', 'security_heads_no_delete'].map((name) => `DROP TRIGGER ${name}`)
        : [
            `CREATE TRIGGER security_events_no_update BEFORE UPDATE ON security_events BEGIN ${refusal}; END`,
            `CREATE TRIGGER security_events_no_delete BEFORE DELETE ON security_events WHEN OLD.at >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-180 days') BEGIN ${refusal}; END`,
            `CREATE TRIGGER security_heads_no_rewind BEFORE UPDATE ON security_heads WHEN NEW.last_seq < OLD.last_seq OR NEW.first_seq < OLD.first_seq OR (NEW.last_seq = OLD.last_seq AND NEW.last_hash <> OLD.last_hash) BEGIN ${refusal}; END`,
            `CREATE TRIGGER security_heads_no_delete BEFORE DELETE ON security_heads BEGIN ${refusal}; END`,
          ];
    for (const sql of statements) await db.execute(sql);
  }
});

