import { maskIdNumber } from '@app/organisations';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { APPLICANT, RESPONDENT, RIGHTS_NOTICE, apply, auth, history, pmCaseIn, today, verifyAudit } from '../support/cases';
import { pdfText, pdfTexts, sha256 } from '../support/pdf-text';

const CONTENT = '李四于本月底前拆除越界围墙约半米，并赔偿张三损失人民币三千元。';

/** Supertest keeps a PDF body as bytes only when told to. */
function binary(res: any, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe.each(TEST_DATABASES)('documents of a mediation file ($name)', (database) => {
  let t: TestApp;
  let caseId: string;
  beforeAll(async () => {
    t = await createTestApp(database);
    const mediating = await pmCaseIn(t, 'mediating');
    caseId = mediating.id;
    await apply(t, 'fy_mediator', caseId, 'RECORD_SESSION', { heldOn: today(t), summary: '双方到场，背对背调解后面对面协商', participants: ['村民代表刘大爷'] });
    await apply(t, 'fy_mediator', caseId, 'SIGN_WRITTEN_AGREEMENT', {
      content: CONTENT,
      signedPartyIds: ['P1', 'P2'],
      mediatorSigned: true,
      committeeSealed: true,
      effectiveOn: today(t),
      performanceDueOn: '2026-12-31',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  const list = async (username: string, id = caseId) => t.http().get(`/api/cases/${id}/documents`).set(auth(await t.login(username)));
  const pdf = async (username: string, kind: string, id = caseId) => t.http().get(`/api/cases/${id}/documents/${kind}.pdf`).set(auth(await t.login(username))).buffer(true).parse(binary);
  const recorded = async (id: string, type: string) => (await history(t, 'fy_mediator', id)).filter((e) => e.type === type).pop();

  it('lists what the file holds after the signature, and the agreement hashes to the digest its audit entry recorded', async () => {
    const res = await list('fy_mediator');
    expect(res.status).toBe(200);
    expect(res.body.documents.map((d: any) => d.kind)).toEqual(['application', 'rights-notice', 'session-record', 'agreement']);
    const listed = res.body.documents.find((d: any) => d.kind === 'agreement');
    const signed = await recorded(caseId, 'SIGN_WRITTEN_AGREEMENT');
    expect(listed.producedBySeq).toBe(signed.seq);

    const download = await pdf('fy_mediator', 'agreement');
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="agreement.pdf"; filename\*=UTF-8''%E4%BA%BA%E6%B0%91%E8%B0%83%E8%A7%A3%E5%8D%8F%E8%AE%AE%E4%B9%A6-/);
    expect(download.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(listed.sha256).toBe(sha256(download.body));
    // The digest is part of the chained entry: the chain still verifies with it.
    expect(signed.documents).toEqual([{ kind: 'agreement', sha256: listed.sha256 }]);
    expect((await verifyAudit(t, caseId)).ok).toBe(true);
    // The same case renders the same bytes: nothing random or clock-dependent goes in.
    expect(sha256((await pdf('fy_mediator', 'agreement')).body)).toBe(listed.sha256);
  });

  it('prints the standard agreement with ID numbers in clear for the handling mediator, the 调解笔录 and the 受理登记表', async () => {
    const [text, record, registration] = await pdfTexts(...(await Promise.all(['agreement', 'session-record', 'application'].map(async (k) => (await pdf('fy_mediator', k)).body))));
    for (const part of ['人民调解协议书', '编号：', '申请人：张三', '被申请人：李四', APPLICANT.idNumber, RESPONDENT.phone, '纠纷主要事实、争议事项', '宅基地边界纠纷', '经调解，自愿达成如下协议', CONTENT, '履行方式、时限', '于2026年12月31日前', '本协议一式三份', '人民调解员（签名）：王秀英', '（印）（已盖章）']) {
      expect(text).toContain(part);
    }
    const [y, m, d] = today(t).split('-').map(Number);
    expect(text).toContain(`${y}年${m}月${d}日`);
    for (const part of ['人民调解笔录', '双方到场，背对背调解后面对面协商', '村民代表刘大爷']) expect(record).toContain(part);
    for (const part of ['人民调解受理登记表', '当事人申请', '邻里']) expect(registration).toContain(part);
  });

  it('refuses another village (404, as its case page does), kinds the file does not hold yet and names that are not PDFs', async () => {
    expect((await list('lq_mediator')).status).toBe(404);
    expect((await pdf('lq_mediator', 'agreement')).status).toBe(404);
    const early = await pdf('fy_mediator', 'closing-report');
    expect(early.status).toBe(404);
    expect(JSON.parse(early.body.toString()).code).toBe('NOT_FOUND');
    expect((await t.http().get(`/api/cases/${caseId}/documents/agreement.docx`).set(auth(await t.login('fy_mediator')))).status).toBe(404);
    expect((await t.http().get(`/api/cases/${caseId}/documents/agreement.pdf`)).status).toBe(401);
  });

  it('lets the court a confirmation was applied to read the agreement, masked, and digests the 司法确认申请书', async () => {
    await apply(t, 'fy_mediator', caseId, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
    const application = await pdf('fy_mediator', 'confirmation-application');
    const applied = await recorded(caseId, 'APPLY_JUDICIAL_CONFIRMATION');
    const listed = (await list('fy_mediator')).body.documents.find((d: any) => d.kind === 'confirmation-application');
    expect(listed.sha256).toBe(sha256(application.body));
    expect(applied.documents).toEqual([{ kind: 'confirmation-application', sha256: listed.sha256 }]);
    const court = await pdf('court_clerk', 'agreement');
    expect(court.status).toBe(200);
    const [text, courtText] = await pdfTexts(application.body, court.body);
    expect(text).toContain('司法确认申请书');
    expect(text).toContain('请求确认申请人于');
    expect(text).toContain(CONTENT);
    expect(text).toContain('此致');

    expect(courtText).toContain(CONTENT);
    expect(courtText).toContain(maskIdNumber(APPLICANT.idNumber));
    expect(courtText).not.toContain(APPLICANT.idNumber);
    expect((await list('court_clerk')).body.personalDataMasked).toBe(true);
  });

  it('digests the rights notice when mediation ends without agreement, naming the routes told', async () => {
    const failed = await pmCaseIn(t, 'mediating');
    await apply(t, 'fy_mediator', failed.id, 'TERMINATE_FAILED', { reason: '双方分歧过大', rightsNotice: RIGHTS_NOTICE(today(t)) });
    const download = await pdf('fy_mediator', 'rights-notice', failed.id);
    const entry = (await list('fy_mediator', failed.id)).body.documents.find((d: any) => d.kind === 'rights-notice');
    expect(entry.sha256).toBe(sha256(download.body));
    const text = await pdfText(download.body);
    expect(text).toContain('人民调解告知书');
    expect(text).toContain('拒绝调解或者要求终止调解');
    expect(text).toContain('向人民法院提起诉讼');
    expect(text).toContain('申请仲裁');
  });

  it('writes the closing report when the file is archived', async () => {
    const agreed = await pmCaseIn(t, 'agreedWritten');
    await apply(t, 'fy_mediator', agreed.id, 'DECLINE_JUDICIAL_CONFIRMATION', {});
    await apply(t, 'fy_mediator', agreed.id, 'RECORD_PERFORMED', { performedOn: today(t), evidence: '围墙已拆除' });
    await apply(t, 'fy_mediator', agreed.id, 'ARCHIVE', { dossierComplete: true, fileNo: 'GD-2026-007' });
    const download = await pdf('fy_mediator', 'closing-report', agreed.id);
    const entry = (await list('fy_mediator', agreed.id)).body.documents.find((d: any) => d.kind === 'closing-report');
    expect(entry.sha256).toBe(sha256(download.body));
    const text = await pdfText(download.body);
    for (const part of ['人民调解结案报告', '达成书面调解协议', '李四拆除越界围墙', '围墙已拆除', 'GD-2026-007', '王秀英']) expect(text).toContain(part);
    expect((await verifyAudit(t, agreed.id)).ok).toBe(true);
  });
});
