import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Db } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { apply, auth, chinaMorning, history, pmCaseIn, setNow, verifyAudit } from '../support/cases';

/*
 * 附件: 枫源村 uploads the signed agreement (bound to SIGN_WRITTEN_AGREEMENT), an ID copy and a photo; each upload is
 * a link of the case's hash chain with the file's SHA-256. Bad input is refused naming the field, a file past the
 * limit is cut off with 413, another village sees nothing, the court reads the files after signing for the
 * 司法确认 application, and bytes changed in storage are refused. A restart with FENGQIAO_ATTACHMENTS_DIR keeps new
 * files in the directory while the database's stay readable.
 */

const MAX = 2 * 1024 * 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
// Every byte value, so a store that mangles binary (text columns, encodings) is caught.
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR-fake-image-body')]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF-photo')]);

describe.each(TEST_DATABASES)('attachments ($name)', (database) => {
  let t: TestApp;
  let dir: string;
  const ids: Record<string, string> = {};
  let agreementSeq = 0;
  let signed: { id: string; sha256: string; downloadUrl: string; seq: number };

  const upload = async (username: string, caseId: string, fields: Record<string, string>, file?: { bytes: Buffer; name: string; type?: string }) => {
    const req = t.http().post(`/api/cases/${caseId}/attachments`).set(auth(await t.login(username)));
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    if (file) req.attach('file', file.bytes, { filename: file.name, contentType: file.type ?? 'application/octet-stream' });
    return req;
  };
  const list = async (username: string, caseId: string) => t.http().get(`/api/cases/${caseId}/attachments`).set(auth(await t.login(username)));
  const download = async (username: string, url: string) =>
    t
      .http()
      .get(url)
      .set(auth(await t.login(username)))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const fields = (res: { body: { errors?: { field: string }[] } }) => (res.body.errors ?? []).map((e) => e.field);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fengqiao-attachments-'));
    t = await createTestApp(database, { FENGQIAO_ATTACHMENTS_MAX_BYTES: String(MAX) }, { keepDatabase: true });
    setNow(t, chinaMorning('2025-03-03'));
    const agreed = await pmCaseIn(t, 'agreedWritten');
    ids.agreed = agreed.id;
    agreementSeq = (await history(t, 'fy_mediator', agreed.id)).find((e) => e.type === 'SIGN_WRITTEN_AGREEMENT').seq;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds the signed agreement to its event as a link of the audit chain carrying the SHA-256', async () => {
    const res = await upload('fy_mediator', ids.agreed, { kind: 'SIGNED_SCAN', eventSeq: String(agreementSeq), note: '双方签字' }, { bytes: PDF, name: '调解协议书（签字）.pdf', type: 'application/pdf' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      caseId: ids.agreed,
      fromTransfer: false,
      kind: 'SIGNED_SCAN',
      kindLabel: '签字扫描件',
      fileName: '调解协议书（签字）.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: sha(PDF),
      eventSeq: agreementSeq,
      eventType: 'SIGN_WRITTEN_AGREEMENT',
      note: '双方签字',
      uploadedBy: { name: expect.stringContaining('枫源') },
    });
    signed = res.body;
    const entries = await history(t, 'fy_mediator', ids.agreed);
    const last = entries[entries.length - 1];
    expect(last).toMatchObject({ seq: res.body.seq, type: 'ATTACHMENT_ADDED', typeLabel: '上传附件', from: 'agreedWritten', to: 'agreedWritten' });
    expect(last.data).toEqual({
      attachmentId: res.body.id,
      kind: 'SIGNED_SCAN',
      kindLabel: '签字扫描件',
      fileName: '调解协议书（签字）.pdf',
      mediaType: 'application/pdf',
      size: PDF.length,
      sha256: sha(PDF),
      eventSeq: agreementSeq,
      eventType: 'SIGN_WRITTEN_AGREEMENT',
      note: '双方签字',
    });
    expect(last.prevHash).toBe(entries[entries.length - 2].hash);
    expect((await t.http().get(`/api/cases/${ids.agreed}`).set(auth(await t.login('fy_mediator')))).body.version).toBe(last.seq);
    expect(await verifyAudit(t, ids.agreed)).toMatchObject({ ok: true });
  });

  it('lists the files with kind, name, size, uploader and time, and serves each with its type and Chinese name', async () => {
    const photo = await upload('fy_mediator', ids.agreed, { kind: 'EVIDENCE_PHOTO' }, { bytes: PNG, name: '现场照片.png', type: 'image/png' });
    expect(photo.status).toBe(201);
    const listed = await list('fy_mediator', ids.agreed);
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchObject({ canUpload: true, maxBytes: MAX, kinds: expect.arrayContaining([{ code: 'DELIVERY_RECEIPT', label: '送达回证' }]) });
    expect(listed.body.items.map((i: { fileName: string; kindLabel: string }) => [i.fileName, i.kindLabel])).toEqual([
      ['调解协议书（签字）.pdf', '签字扫描件'],
      ['现场照片.png', '证据照片'],
    ]);
    expect(listed.body.items[0]).toMatchObject({ eventLabel: expect.any(String), uploadedAt: expect.any(String), size: PDF.length });

    const pdf = await download('fy_mediator', signed.downloadUrl);
    expect(pdf.status).toBe(200);
    expect(Buffer.compare(pdf.body, PDF)).toBe(0);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="_________.pdf"; filename*=UTF-8''${encodeURIComponent('调解协议书（签字）.pdf')}`);
    const png = await download('fy_mediator', photo.body.downloadUrl);
    expect([png.headers['content-type'], png.headers['content-disposition']]).toEqual(['image/png', `inline; filename="____.png"; filename*=UTF-8''${encodeURIComponent('现场照片.png')}`]);
    expect(Buffer.compare(png.body, PNG)).toBe(0);
  });

  it('refuses bad input with 400 naming the field, and a file past the limit with 413 naming it', async () => {
    const missing = await upload('fy_mediator', ids.agreed, { kind: 'ID_COPY' });
    expect([missing.status, fields(missing)]).toEqual([400, ['file']]);
    const json = await t.http().post(`/api/cases/${ids.agreed}/attachments`).set(auth(await t.login('fy_mediator'))).send({ kind: 'ID_COPY' });
    expect([json.status, fields(json)]).toEqual([400, ['file']]);
    const kind = await upload('fy_mediator', ids.agreed, { kind: 'SELFIE' }, { bytes: JPEG, name: 'a.jpg', type: 'image/jpeg' });
    expect([kind.status, fields(kind), kind.body.detail]).toEqual([400, ['kind'], expect.stringContaining('签字扫描件')]);
    const text = await upload('fy_mediator', ids.agreed, { kind: 'OTHER' }, { bytes: Buffer.from('<script>alert(1)</script>'), name: '协议.pdf', type: 'application/pdf' });
    expect([text.status, fields(text), text.body.detail]).toEqual([400, ['file'], expect.stringContaining('只接受 PDF、JPEG、PNG、HEIC、TIFF')]);
    const disguised = await upload('fy_mediator', ids.agreed, { kind: 'EVIDENCE_PHOTO' }, { bytes: PDF, name: 'photo.png', type: 'image/png' });
    expect([disguised.status, fields(disguised), disguised.body.detailEn]).toEqual([400, ['file'], expect.stringContaining('declared as image/png but its content is PDF')]);
    const seq = await upload('fy_mediator', ids.agreed, { kind: 'SIGNED_SCAN', eventSeq: String(signed.seq) }, { bytes: PDF, name: 'a.pdf' });
    expect([seq.status, fields(seq)]).toEqual([400, ['eventSeq']]);
    const token = auth(await t.login('fy_mediator'));
    const cutOff = await t.http().post(`/api/cases/${ids.agreed}/attachments`).set(token).set('content-type', 'multipart/form-data; boundary=x').send('--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-');
    expect([cutOff.status, fields(cutOff)]).toEqual([400, ['file']]);
    // Other endpoints still take JSON only: a form sent to one is refused, not read.
    const form = await t.http().post(`/api/cases/${ids.agreed}/events`).set(token).field('type', 'RECORD_FOLLOW_UP');
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    expect(form.headers['content-type']).toContain('application/problem+json');
    const several = await upload('fy_mediator', ids.agreed, { kind: 'SELFIE', eventSeq: 'first' });
    expect([several.status, fields(several).sort()]).toEqual([400, ['eventSeq', 'file', 'kind']]);

    // Well past the limit and the JSON body limit (1 MB): the form is read as a stream and cut off at the limit.
    const big = Buffer.concat([JPEG, Buffer.alloc(MAX + 512 * 1024)]);
    const tooLarge = await upload('fy_mediator', ids.agreed, { kind: 'EVIDENCE_PHOTO' }, { bytes: big, name: 'big.jpg', type: 'image/jpeg' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ code: 'ATTACHMENT.TOO_LARGE', detail: '文件超过大小上限 2 MB（2097152 字节）', maxBytes: MAX });
    // Nothing refused was recorded.
    expect((await list('fy_mediator', ids.agreed)).body.items).toHaveLength(2);
  });

  it('follows the case: another village sees nothing, a reader outside the handling organisation may not upload', async () => {
    expect((await list('lq_mediator', ids.agreed)).status).toBe(404);
    expect((await download('lq_mediator', signed.downloadUrl)).status).toBe(404);
    expect((await upload('lq_mediator', ids.agreed, { kind: 'OTHER' }, { bytes: PDF, name: 'x.pdf' })).status).toBe(404);
    expect((await download('fy_mediator', `/api/cases/${ids.agreed}/attachments/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    const audited = await list('auditor', ids.agreed);
    expect([audited.status, audited.body.canUpload]).toEqual([200, false]);
  });

  it('goes with the dossier: the court lists and downloads the village’s files once it signs for the application', async () => {
    const applied = await apply(t, 'fy_mediator', ids.agreed, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
    ids.confirmation = applied.links.find((l: { direction: string }) => l.direction === 'TO').caseId;
    await apply(t, 'court_clerk', ids.confirmation, 'SIGN_FOR', { note: '材料齐全' });
    const res = await list('judge', ids.confirmation);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { fileName: string; fromTransfer: boolean; caseId: string }) => [i.fileName, i.fromTransfer, i.caseId])).toEqual([
      ['调解协议书（签字）.pdf', true, ids.agreed],
      ['现场照片.png', true, ids.agreed],
    ]);
    const file = await download('judge', res.body.items[0].downloadUrl);
    expect([file.status, sha(file.body)]).toEqual([200, signed.sha256]);
    // The court reads the village's files but adds its own to its own case only.
    expect((await upload('judge', ids.agreed, { kind: 'OTHER' }, { bytes: PDF, name: 'x.pdf' })).status).toBe(403);
    const own = await upload('judge', ids.confirmation, { kind: 'DELIVERY_RECEIPT' }, { bytes: JPEG, name: '送达回证.jpg', type: 'image/jpeg' });
    expect(own.status).toBe(201);
    expect((await list('judge', ids.confirmation)).body.items.map((i: { fromTransfer: boolean }) => i.fromTransfer)).toEqual([false, true, true]);
    expect((await list('lq_mediator', ids.confirmation)).status).toBe(404);
    expect((await download('lq_mediator', own.body.downloadUrl)).status).toBe(404);
  });

  it('refuses to serve bytes changed in the database, even with their row rewritten to match, while the audit chain still verifies', async () => {
    const db = t.app.get(Db);
    const forged = Buffer.from(PDF);
    forged[20] ^= 0xff;
    expect(await db.execute('UPDATE attachment_contents SET content = :content WHERE sha256 = :sha', { content: forged, sha: signed.sha256 })).toBe(1);
    const res = await download('judge', signed.downloadUrl);
    expect(res.status).toBe(409);
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ code: 'ATTACHMENT.TAMPERED', detail: expect.stringContaining('SHA-256 不一致') });
    expect(await verifyAudit(t)).toMatchObject({ ok: true });
    // Nor when the row is rewritten to name the forged bytes: the hash that counts is the one in the audit chain.
    await db.execute('INSERT INTO attachment_contents (sha256, size, content) VALUES (:sha, :size, :content)', { sha: sha(forged), size: forged.length, content: forged });
    expect(await db.execute('UPDATE attachments SET sha256 = :forged WHERE id = :id', { forged: sha(forged), id: signed.id })).toBe(1);
    expect((await download('judge', signed.downloadUrl)).status).toBe(409);
    await db.execute('UPDATE attachments SET sha256 = :sha WHERE id = :id', { sha: signed.sha256, id: signed.id });
    await db.execute('UPDATE attachment_contents SET content = :content WHERE sha256 = :sha', { content: PDF, sha: signed.sha256 });
  });

  it('after a restart with FENGQIAO_ATTACHMENTS_DIR keeps new files there by SHA-256, and still serves the database’s', async () => {
    await t.app.close();
    t = await createTestApp(database, { FENGQIAO_ATTACHMENTS_MAX_BYTES: String(MAX), FENGQIAO_ATTACHMENTS_DIR: dir }, { reuse: t.database });
    setNow(t, chinaMorning('2025-03-10'));
    // Just under the limit, and larger than the JSON body limit.
    const scan = Buffer.concat([JPEG, Buffer.alloc(MAX - JPEG.length, 7)]);
    const res = await upload('fy_mediator', ids.agreed, { kind: 'ID_COPY' }, { bytes: scan, name: '身份证复印件.jpg', type: 'image/jpeg' });
    expect([res.status, res.body.size]).toEqual([201, MAX]);
    const path = join(dir, res.body.sha256.slice(0, 2), res.body.sha256);
    expect(readdirSync(join(dir, res.body.sha256.slice(0, 2)))).toEqual([res.body.sha256]);
    expect(sha((await download('fy_mediator', res.body.downloadUrl)).body)).toBe(sha(scan));
    expect(sha((await download('fy_mediator', signed.downloadUrl)).body)).toBe(signed.sha256);

    writeFileSync(path, Buffer.concat([scan, Buffer.from('x')]));
    expect((await download('fy_mediator', res.body.downloadUrl)).status).toBe(409);
    rmSync(path);
    expect((await download('fy_mediator', res.body.downloadUrl)).status).toBe(409);
  });
});
