import { ChainHash, hashEntry } from '@app/audit';
import { Db } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, history, pmCaseIn, pmStep, verifyAudit } from '../support/cases';
import { refusal } from '../support/raw-sql';

/*
 * Someone with DBA rights edits the audit log behind the engine's back. The database refuses while its append-only
 * triggers stand; once they are dropped or disabled, the hash chain still gives the edit away, down to the entry.
 */

describe.each(TEST_DATABASES)('tampering with the audit log ($name)', (database) => {
  let t: TestApp;
  let db: Db;
  let target: { id: string; version: number };
  let bystander: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp(database);
    db = t.app.get(Db);
    // Two cases of five entries each: the tampered one and one nobody touches.
    for (const slot of ['target', 'bystander'] as const) {
      const c = await pmCaseIn(t, 'mediating');
      const v = await apply(t, 'fy_mediator', c.id, 'RECORD_SESSION', { ...pmStep(t, 'RECORD_SESSION'), summary: '双方同意赔偿3000元' });
      if (slot === 'target') target = { id: v.id, version: v.version };
      else bystander = { id: v.id, version: v.version };
    }
    expect(target.version).toBe(5);
  });
  afterAll(async () => {
    await t?.close();
  });

  const pg = () => db.dialect === 'postgres';
  const TOTAL = () => target.version + bystander.version;

  /** The way an attacker with the database password edits one entry's event data. */
  function rewriteSummary(caseId: string, seq: number, summary: string) {
    return pg()
      ? db.execute(`UPDATE audit_entries SET data = jsonb_set(data, '{summary}', to_jsonb(:summary::text)) WHERE case_id = :caseId AND seq = :seq`, { summary, caseId, seq })
      : db.execute(`UPDATE audit_entries SET data = json_set(data, '$.summary', :summary) WHERE case_id = :caseId AND seq = :seq`, { summary, caseId, seq });
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

  it('starts from chains that verify', async () => {
    expect(await verifyAudit(t)).toEqual({ ok: true, checked: TOTAL(), firstBroken: null, firstBrokenCaseId: null, reason: null, algorithm: 'sha256' });
  });

  it('refuses UPDATE and DELETE on the audit log while the append-only triggers stand', async () => {
    expect(await refusal(rewriteSummary(target.id, 5, '双方同意赔偿300元'))).toMatch(/append-only/);
    expect(await refusal(db.execute('DELETE FROM audit_entries WHERE case_id = :caseId AND seq = 5', { caseId: target.id }))).toMatch(/append-only/);
    if (pg()) expect(await refusal(db.execute('TRUNCATE audit_entries CASCADE'))).toMatch(/append-only/);
    expect((await history(t, 'fy_mediator', target.id)).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: TOTAL() });
  });

  describe('with the triggers dropped', () => {
    beforeAll(dropAppendOnly);
    afterAll(restoreAppendOnly);

    it('reports the seq and case of an entry whose content was changed', async () => {
      const original = (await history(t, 'fy_mediator', target.id))[2];
      expect(await rewriteSummary(target.id, 3, '篡改：双方同意不予调解')).toBe(1);

      expect(await verifyAudit(t)).toMatchObject({ ok: false, firstBroken: 3, firstBrokenCaseId: target.id, reason: expect.stringMatching(/hash/) });
      expect(await verifyAudit(t, target.id)).toMatchObject({ ok: false, firstBroken: 3, firstBrokenCaseId: target.id });
      expect(await verifyAudit(t, bystander.id)).toMatchObject({ ok: true, checked: bystander.version });

      // Putting the original content back makes the chain whole again: the verdict rests on content, not on a flag.
      expect(original.type).toBe('ASSIGN_MEDIATOR');
      await restoreData(target.id, 3, original.data);
      expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: TOTAL() });
    });

    it('catches an attacker who also recomputes the edited entry’s hash, at the next link or at the case head', async () => {
      const entries = await history(t, 'fy_mediator', target.id);
      // In the middle of the chain: entry 4's hash is made consistent, so entry 5's prevHash no longer matches.
      await rewriteSummary(target.id, 4, '篡改：未达成一致');
      await rehash(target.id, 4);
      expect(await verifyAudit(t, target.id)).toMatchObject({ ok: false, firstBroken: 5, reason: expect.stringMatching(/prevHash/) });
      await restoreData(target.id, 4, entries[3].data, entries[3].hash);
      expect(await verifyAudit(t, target.id)).toMatchObject({ ok: true });

      // The last entry: no next link, but the case row recorded the head hash in the same transaction.
      await rewriteSummary(target.id, 5, '双方同意赔偿300元');
      await rehash(target.id, 5);
      expect(await verifyAudit(t, target.id)).toMatchObject({ ok: false, firstBroken: 5, firstBrokenCaseId: target.id });
      await restoreData(target.id, 5, entries[4].data, entries[4].hash);
      expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: TOTAL() });
    });

    it('detects entries deleted from the end of a chain, and from its middle', async () => {
      const raw = await db.query('SELECT * FROM audit_entries WHERE case_id = :caseId ORDER BY seq', { caseId: target.id });
      expect(await db.execute('DELETE FROM audit_entries WHERE case_id = :caseId AND seq >= 4', { caseId: target.id })).toBe(2);
      expect(await verifyAudit(t)).toMatchObject({ ok: false, firstBroken: 4, firstBrokenCaseId: target.id, reason: expect.stringMatching(/version 5/) });
      await reinsert(raw.filter((r) => Number(r.seq) >= 4));
      expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: TOTAL() });

      expect(await db.execute('DELETE FROM audit_entries WHERE case_id = :caseId AND seq = 2', { caseId: target.id })).toBe(1);
      expect(await verifyAudit(t, target.id)).toMatchObject({ ok: false, firstBroken: 2, reason: expect.stringMatching(/missing/) });
      await reinsert(raw.filter((r) => Number(r.seq) === 2));
      expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: TOTAL() });
    });
  });

  it('refuses edits again once the triggers are back', async () => {
    expect(await refusal(rewriteSummary(target.id, 1, '篡改'))).toMatch(/append-only/);
    expect(await verifyAudit(t)).toMatchObject({ ok: true, checked: TOTAL() });
  });

  // ---------- what the attacker (and the clean-up) does, in SQL ----------

  async function restoreData(caseId: string, seq: number, data: unknown, hash?: string) {
    const sql = pg()
      ? `UPDATE audit_entries SET data = :data::jsonb${hash ? ', hash = :hash' : ''} WHERE case_id = :caseId AND seq = :seq`
      : `UPDATE audit_entries SET data = :data${hash ? ', hash = :hash' : ''} WHERE case_id = :caseId AND seq = :seq`;
    expect(await db.execute(sql, { data: JSON.stringify(data), caseId, seq, ...(hash ? { hash } : {}) })).toBe(1);
  }

  /** Recomputes an entry's hash from its (edited) content, as an attacker who knows the scheme would. */
  async function rehash(caseId: string, seq: number) {
    const entry = (await history(t, 'fy_mediator', caseId)).find((e) => e.seq === seq);
    const hash = hashEntry(t.app.get(ChainHash).algorithm, entry.prevHash, { caseId, seq, at: entry.at, actorId: entry.actor.id, actorRole: entry.actor.role, type: entry.type, from: entry.from, to: entry.to, data: entry.data });
    expect(hash).not.toBe(entry.hash);
    expect(await db.execute('UPDATE audit_entries SET hash = :hash WHERE case_id = :caseId AND seq = :seq', { hash, caseId, seq })).toBe(1);
  }

  async function reinsert(rows: Record<string, any>[]) {
    for (const r of rows) {
      const data = typeof r.data === 'string' ? r.data : JSON.stringify(r.data);
      const at = r.at instanceof Date ? r.at.toISOString() : r.at;
      await db.execute(
        `INSERT INTO audit_entries (case_id, seq, at, actor_id, actor_role, type, from_state, to_state, data, prev_hash, hash)
         VALUES (:case_id, :seq, :at, :actor_id, :actor_role, :type, :from_state, :to_state, ${pg() ? ':data::jsonb' : ':data'}, :prev_hash, :hash)`,
        { ...r, at, data },
      );
    }
  }
});
