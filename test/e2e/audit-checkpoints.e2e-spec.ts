import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditStore, hashEntry, type AuditEntry, type ChainHashAlgorithm } from '@app/audit';
import { Db } from '@app/persistence';
import { runAuditVerify } from '../../apps/api/src/cli/audit-verify';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, pmCaseIn, pmStep, verifyAudit } from '../support/cases';

/*
 * An insider with the database password and knowledge of the hash scheme edits the log and recomputes every hash
 * after the edit, or deletes the last entry and rewinds the case. The in-database verify cannot tell; the signed
 * checkpoints an auditor exported earlier, checked offline with only the public key, can, down to case and seq. Both
 * choices of algorithm: SHA-256 chains with Ed25519 checkpoints, and SM3 chains with SM3/SM2 checkpoints.
 */

interface Suite {
  suite: string;
  chainHash: ChainHashAlgorithm;
  signature: 'ed25519' | 'sm2';
  newKey(): KeyObject;
  env(privatePem: string): Record<string, string>;
}

const SUITES: Suite[] = [
  { suite: 'sha256+ed25519', chainHash: 'sha256', signature: 'ed25519', newKey: () => generateKeyPairSync('ed25519').privateKey, env: (key) => ({ FENGQIAO_CHECKPOINT_KEY: key }) },
  // Node writes SM2 keys in the PKCS#8 PEM that `openssl genpkey -algorithm SM2` gives; it cannot sign GB/T 32918 with them.
  { suite: 'sm3+sm2', chainHash: 'sm3', signature: 'sm2', newKey: () => generateKeyPairSync('ec', { namedCurve: 'SM2' }).privateKey, env: (key) => ({ FENGQIAO_AUDIT_HASH: 'sm3', FENGQIAO_CHECKPOINT_ALGORITHMS: 'sm3+sm2', FENGQIAO_CHECKPOINT_KEY: key }) },
];

const CASES = TEST_DATABASES.flatMap((database) => SUITES.map((suite) => ({ database, ...suite, name: `${suite.suite}, ${database.name}` })));

describe.each(CASES)('signed audit checkpoints ($name)', ({ database, chainHash, signature, newKey, env, suite }) => {
  const privateKey = newKey();
  const publicPem = (key: KeyObject) => createPublicKey(key).export({ type: 'spki', format: 'pem' }) as string;
  const otherAlgorithm = SUITES.find((s) => s.suite !== suite)!;
  const dir = mkdtempSync(join(tmpdir(), 'fengqiao-audit-'));
  const publicKeyFile = join(dir, 'checkpoint-public.pem');
  let t: TestApp;
  let db: Db;
  let target: string;
  let bystander: string;

  beforeAll(async () => {
    t = await createTestApp(database, env(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string));
    db = t.app.get(Db);
    target = (await pmCaseIn(t, 'consentPending')).id;
    bystander = (await pmCaseIn(t, 'mediating')).id;
    expect((await writeCheckpoint()).body).toMatchObject({ seq: 1, caseCount: 2, entryCount: 2 + 4 });
    const mediatorId = (await t.loginUser('fy_mediator')).user.id;
    for (const type of ['ASSIGN_MEDIATOR', 'START_MEDIATION', 'RECORD_SESSION']) await apply(t, 'fy_mediator', target, type, pmStep(t, type, mediatorId));
    expect((await writeCheckpoint()).body).toMatchObject({ seq: 2, caseCount: 2, entryCount: 5 + 4 });
    // What the auditor keeps outside the database: the checkpoints and the public key.
    await save('kept-checkpoints.ndjson', '/api/audit/checkpoints');
    const key = await t.http().get('/api/audit/checkpoints/public-key').set(auth(await t.login('auditor')));
    expect(key.body).toEqual({ algorithm: signature, publicKey: publicPem(privateKey) });
    writeFileSync(publicKeyFile, key.body.publicKey);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const pg = () => db.dialect === 'postgres';

  it('verifies an untouched export offline, and chains each checkpoint to the one before', async () => {
    await save('export.ndjson', '/api/audit/export');
    expect(offline('export.ndjson')).toEqual({ code: 0, verdict: null });
    expect(offline('export.ndjson', 'kept-checkpoints.ndjson')).toEqual({ code: 0, verdict: null });
    const [first, second] = readFileSync(join(dir, 'kept-checkpoints.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).checkpoint);
    expect(second.prevHash).toBe(first.hash);
    expect(second.algorithms).toEqual({ chainHash, merkleHash: chainHash, signature });
  });

  it('chains with the chosen hash, and says so in the verify answer and the export header', async () => {
    expect(await verifyAudit(t)).toMatchObject({ ok: true, algorithm: chainHash });
    const lines = readFileSync(join(dir, 'export.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: 'fengqiao-audit-export', version: 1, chainHash });
    const { prevHash, hash, ...content } = lines.find((l) => l.entry?.caseId === target && l.entry.seq === 2).entry;
    expect(hash).toBe(hashEntry(chainHash, prevHash, content));
    expect(hash).not.toBe(hashEntry(otherAlgorithm.chainHash, prevHash, content));
    // Stripped of the header, the export is read by the checkpoints' names, and SM3 entries checked as SHA-256 fail.
    writeFileSync(join(dir, 'headerless.ndjson'), `${lines.slice(1).map((l) => JSON.stringify(l)).join('\n')}\n`);
    expect(offline('headerless.ndjson')).toEqual({ code: 0, verdict: null });
    writeFileSync(join(dir, 'relabelled.ndjson'), `${[{ ...lines[0], chainHash: otherAlgorithm.chainHash }, ...lines.slice(1)].map((l) => JSON.stringify(l)).join('\n')}\n`);
    expect(offline('relabelled.ndjson')).toEqual({ code: 1, verdict: expect.objectContaining({ checkpointSeq: 1, reason: expect.stringMatching(`signs ${chainHash} chains`) }) });
  });

  describe('with the append-only triggers dropped', () => {
    beforeAll(dropAppendOnly);
    afterAll(restoreAppendOnly);

    it('names the case and seq of an entry rewritten with every later hash and the case head recomputed', async () => {
      const original = await entries(target);
      const forged = forgeFrom(original, 3, { ...original[2].data, selectedBy: 'PARTIES' });
      await overwrite(target, forged);
      // The database alone is satisfied: the chain is consistent and ends at the head the case row records.
      expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: 9 });

      await save('export.ndjson', '/api/audit/export');
      for (const files of [['export.ndjson', 'kept-checkpoints.ndjson'], ['export.ndjson']]) {
        expect(offline(...files)).toEqual({ code: 1, verdict: expect.objectContaining({ ok: false, caseId: target, seq: 3, lastAgreeingSeq: 2, checkpointSeq: 2 }) });
      }

      await overwrite(target, original);
      expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: 9 });
    });

    it('detects the last entry deleted and the case rewound, even with the checkpoints deleted from the database', async () => {
      const original = await entries(target);
      const raw = await db.query('SELECT * FROM audit_entries WHERE case_id = :caseId AND seq = 5', { caseId: target });
      expect(await db.execute('DELETE FROM audit_entries WHERE case_id = :caseId AND seq = 5', { caseId: target })).toBe(1);
      expect(await db.execute('UPDATE cases SET version = 4, head_hash = :hash WHERE id = :id', { hash: original[3].hash, id: target })).toBe(1);
      expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: 8 });

      await save('export.ndjson', '/api/audit/export');
      expect(offline('export.ndjson')).toEqual({ code: 1, verdict: expect.objectContaining({ caseId: target, seq: 5, lastAgreeingSeq: 2, reason: expect.stringMatching(/signed 5 entries/) }) });
      // Deleting the checkpoints as well leaves an export that proves nothing; the copies the auditor kept still tell.
      const rows = await db.query('SELECT * FROM audit_checkpoints ORDER BY seq');
      await db.execute('DELETE FROM audit_checkpoints');
      await save('export.ndjson', '/api/audit/export');
      expect(offline('export.ndjson')).toEqual({ code: 0, verdict: null });
      expect(offline('export.ndjson', 'kept-checkpoints.ndjson')).toEqual({ code: 1, verdict: expect.objectContaining({ caseId: target, seq: 5 }) });

      for (const r of rows) await db.execute(`INSERT INTO audit_checkpoints (seq, at, hash, body) VALUES (:seq, :at, :hash, ${pg() ? ':body::jsonb' : ':body'})`, { ...r, at: r.at instanceof Date ? r.at.toISOString() : r.at, body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) });
      await reinsert(raw[0]);
      expect(await db.execute('UPDATE cases SET version = 5, head_hash = :hash WHERE id = :id', { hash: original[4].hash, id: target })).toBe(1);
      expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: 9 });
      await save('export.ndjson', '/api/audit/export');
      expect(offline('export.ndjson', 'kept-checkpoints.ndjson')).toEqual({ code: 0, verdict: null });
    });
  });

  it('refuses a checkpoint forged without the private key, and a public key that did not sign', async () => {
    const kept = readFileSync(join(dir, 'kept-checkpoints.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l).checkpoint);
    const forged = { ...kept[1], entryCount: kept[1].entryCount - 1, leaves: kept[1].leaves.map((l: any) => (l.caseId === target ? { ...l, seq: 4 } : l)) };
    writeFileSync(join(dir, 'forged.ndjson'), `${JSON.stringify({ checkpoint: forged })}\n`);
    expect(offline('export.ndjson', 'forged.ndjson')).toEqual({ code: 1, verdict: expect.objectContaining({ checkpointSeq: 2, reason: expect.stringMatching(/signature/) }) });

    writeFileSync(join(dir, 'other.pem'), publicPem(newKey()));
    const out = capture();
    expect(runAuditVerify([join(dir, 'export.ndjson'), '--public-key', join(dir, 'other.pem')], out)).toBe(1);
    expect(out.errors.join('\n')).toMatch(/检查点 1/);

    // The other algorithm's key: named as such, not as a bad signature.
    writeFileSync(join(dir, 'other-algorithm.pem'), publicPem(otherAlgorithm.newKey()));
    const mismatch = capture();
    expect(runAuditVerify([join(dir, 'export.ndjson'), '--public-key', join(dir, 'other-algorithm.pem')], mismatch)).toBe(1);
    expect(JSON.parse(mismatch.logs[mismatch.logs.length - 1])).toMatchObject({ checkpointSeq: 1, reason: expect.stringMatching(`signed with ${signature}, but the public key is ${otherAlgorithm.signature}`) });
  });

  it('answers bad usage with exit code 2, and bystander cases are untouched throughout', async () => {
    expect(runAuditVerify([join(dir, 'export.ndjson')], capture())).toBe(2);
    expect(runAuditVerify([join(dir, 'missing.ndjson'), '--public-key', publicKeyFile], capture())).toBe(2);
    // Exports of two deployments, or of a hash the verifier does not know, are not one history to check.
    writeFileSync(join(dir, 'other-deployment.ndjson'), `${JSON.stringify({ format: 'fengqiao-audit-export', version: 1, chainHash: otherAlgorithm.chainHash })}\n`);
    writeFileSync(join(dir, 'md5.ndjson'), `${JSON.stringify({ format: 'fengqiao-audit-export', version: 1, chainHash: 'md5' })}\n`);
    for (const files of [['export.ndjson', 'other-deployment.ndjson'], ['md5.ndjson']]) {
      const out = capture();
      expect(runAuditVerify([...files.map((f) => join(dir, f)), '--public-key', publicKeyFile], out)).toBe(2);
      expect(out.errors.join('\n')).toMatch(/give exports of one deployment/);
    }
    expect(await verifyAudit(t, bystander)).toMatchObject({ ok: true, checked: 4 });
  });

  // ---------- helpers ----------

  async function writeCheckpoint() {
    const res = await t.http().post('/api/audit/checkpoints').set(auth(await t.login('admin')));
    expect(res.status).toBe(201);
    return res;
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

  function capture() {
    const logs: string[] = [];
    const errors: string[] = [];
    return { logs, errors, log: (m: string) => logs.push(m), error: (m: string) => errors.push(m) };
  }

  /** Runs the offline verifier as an auditor would; the verdict is the JSON it prints on failure. */
  function offline(...files: string[]) {
    const out = capture();
    const code = runAuditVerify([...files.map((f) => join(dir, f)), '--public-key', publicKeyFile], out);
    const last = out.logs[out.logs.length - 1];
    return { code, verdict: code === 0 ? null : JSON.parse(last) };
  }

  async function entries(caseId: string): Promise<AuditEntry[]> {
    return t.app.get(AuditStore).history(caseId);
  }

  /** The chain an insider who knows the scheme writes: new data at `seq`, every hash from there on recomputed. */
  function forgeFrom(chain: AuditEntry[], seq: number, data: Record<string, unknown>): AuditEntry[] {
    const out: AuditEntry[] = [];
    for (const e of chain) {
      const prevHash = out.length ? out[out.length - 1].hash : e.prevHash;
      const changed = { ...e, data: e.seq === seq ? data : e.data, prevHash };
      out.push(e.seq < seq ? e : { ...changed, hash: hashEntry(chainHash, prevHash, changed) });
    }
    expect(out[out.length - 1].hash).not.toBe(chain[chain.length - 1].hash);
    return out;
  }

  async function overwrite(caseId: string, chain: AuditEntry[]) {
    for (const e of chain) {
      await db.execute(`UPDATE audit_entries SET data = ${pg() ? ':data::jsonb' : ':data'}, prev_hash = :prevHash, hash = :hash WHERE case_id = :caseId AND seq = :seq`, { data: JSON.stringify(e.data), prevHash: e.prevHash, hash: e.hash, caseId, seq: e.seq });
    }
    expect(await db.execute('UPDATE cases SET head_hash = :hash WHERE id = :id', { hash: chain[chain.length - 1].hash, id: caseId })).toBe(1);
  }

  async function reinsert(r: Record<string, any>) {
    await db.execute(
      `INSERT INTO audit_entries (case_id, seq, at, actor_id, actor_role, type, from_state, to_state, data, prev_hash, hash)
       VALUES (:case_id, :seq, :at, :actor_id, :actor_role, :type, :from_state, :to_state, ${pg() ? ':data::jsonb' : ':data'}, :prev_hash, :hash)`,
      { ...r, at: r.at instanceof Date ? r.at.toISOString() : r.at, data: typeof r.data === 'string' ? r.data : JSON.stringify(r.data) },
    );
  }

  async function dropAppendOnly() {
    if (pg()) await db.execute('ALTER TABLE audit_entries DISABLE TRIGGER audit_entries_no_change');
    else {
      await db.execute('DROP TRIGGER audit_entries_no_update');
      await db.execute('DROP TRIGGER audit_entries_no_delete');
    }
  }

  async function restoreAppendOnly() {
    if (pg()) await db.execute('ALTER TABLE audit_entries ENABLE TRIGGER audit_entries_no_change');
    else {
      await db.execute(`CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END`);
      await db.execute(`CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END`);
    }
  }
});

describe.each(TEST_DATABASES)('audit checkpoints without a key ($name)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('runs without checkpoints: writing one is refused, there is no public key, the export still works', async () => {
    const write = await t.http().post('/api/audit/checkpoints').set(auth(await t.login('admin')));
    expect(write.status).toBe(409);
    expect(write.body.detail ?? write.body.title).toBeDefined();
    expect((await t.http().get('/api/audit/checkpoints/public-key').set(auth(await t.login('auditor')))).status).toBe(404);
    const exported = await t.http().get('/api/audit/export').set(auth(await t.login('auditor'))).buffer(true).parse((r, done) => {
      let text = '';
      r.on('data', (c: Buffer) => (text += c.toString('utf8')));
      r.on('end', () => done(null, text));
    });
    expect(exported.status).toBe(200);
    expect(JSON.parse((exported.body as string).split('\n')[0])).toMatchObject({ format: 'fengqiao-audit-export', version: 1 });
    // Auditors only: a mediator may not export the log.
    expect((await t.http().get('/api/audit/export').set(auth(await t.login('fy_mediator')))).status).toBe(403);
  });
});
