import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TEST_DATABASES } from '../support/databases';
import { DEMO_PASSWORD } from '../support/test-app';
import { apply, auth, chinaMorning, pmCaseIn, setNow } from '../support/cases';
import { login, newTab, pageErrors, startConsole, type Console } from './support/browser';

/*
 * 附件 in the console: the village mediator uploads the signed agreement on the case page (a file of the wrong type
 * is explained in Chinese), the court clerk signs for the 司法确认 application, the judge finds the file among the
 * dossier's attachments and downloads it byte for byte, and a mediator of another village sees neither case nor file.
 */

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('调解协议书 甲乙双方签字'), Buffer.from('\n%%EOF\n')]);
const FILE_NAME = '调解协议书（签字）.pdf';

describe.each(TEST_DATABASES)('attachments in the console ($name)', (database) => {
  let c: Console;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    c = await startConsole(database);
    setNow(c.t, chinaMorning('2026-03-09'));
    ids.agreed = (await pmCaseIn(c.t, 'agreedWritten')).id;
  }, 120_000);
  afterAll(async () => {
    await c?.close();
  });

  it('the mediator uploads the signed agreement on the case page; a text file is refused in Chinese', async () => {
    const page = await newTab(c);
    await login(page, c, 'fy_mediator', DEMO_PASSWORD);
    await page.goto(`${c.url}/cases/${ids.agreed}`);
    const card = page.getByTestId('attachments');
    await card.getByText('本案暂无附件').waitFor();

    await card.getByLabel('附件类别').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByText('签字扫描件', { exact: true }).click();
    const input = card.locator('input[type=file]');
    await input.setInputFiles({ name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是 PDF') });
    await card.getByTestId('attachment-error').getByText(/只接受 PDF、JPEG、PNG、HEIC、TIFF/).waitFor();

    await input.setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: PDF });
    const item = card.getByTestId('attachment');
    await item.getByText(FILE_NAME).waitFor();
    await item.getByText('签字扫描件').waitFor();
    await item.getByText(/\d+ B · 王秀英（枫源村调解员） · 2026-03-09/).waitFor();
    // The upload is a link of the case's history.
    await page.getByText('上传附件').first().waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it('the judge downloads it from the dossier after the clerk signs for the application; another village is refused', async () => {
    const applied = await apply(c.t, 'fy_mediator', ids.agreed, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: 'org-court', applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
    ids.court = applied.links.find((l: { direction: string }) => l.direction === 'TO').caseId;
    await apply(c.t, 'court_clerk', ids.court, 'SIGN_FOR', { note: '材料齐全' });

    const page = await newTab(c);
    await login(page, c, 'judge', DEMO_PASSWORD);
    await page.goto(`${c.url}/cases/${ids.court}`);
    const card = page.getByTestId('attachments');
    await card.getByText(/移交卷宗附件/).waitFor();
    const row = card.getByTestId('dossier-attachment').filter({ hasText: FILE_NAME });
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: `下载 ${FILE_NAME}` }).click()]);
    expect(download.suggestedFilename()).toBe(FILE_NAME);
    expect(sha(readFileSync((await download.path())!))).toBe(sha(PDF));
    expect(pageErrors(page)).toEqual([]);
    await page.close();

    const other = await newTab(c);
    await login(other, c, 'lq_mediator', DEMO_PASSWORD);
    await other.goto(`${c.url}/cases/${ids.agreed}`);
    await other.getByText('未找到该案件').waitFor();
    await other.close();
    const listed = await c.t.http().get(`/api/cases/${ids.agreed}/attachments`).set(auth(await c.t.login('lq_mediator')));
    expect(listed.status).toBe(404);
  });
});
