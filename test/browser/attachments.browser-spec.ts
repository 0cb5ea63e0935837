import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TEST_DATABASES } from '../support/databases';
import { DEMO_PASSWORD } from '../support/test-app';
import { apply, auth, chinaMorning, pmCaseIn, setNow } from '../support/cases';
import { login, newTab, pageErrors, pickOption, startConsole, type Console } from './support/browser';

/*
 * 附件 in the console: the village mediator signs the agreement with its scan attached in the event dialog and adds an
 * ID copy on the case page (a file of the wrong type is explained in Chinese), the court clerk signs for the 司法确认 application, the judge finds the file among the
 * dossier's attachments and downloads it byte for byte, and a mediator of another village sees neither case nor file.
 */

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from('调解协议书 甲乙双方签字'), Buffer.from('\n%%EOF\n')]);
const FILE_NAME = '调解协议书（签字）.pdf';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR')]);

describe.each(TEST_DATABASES)('attachments in the console ($name)', (database) => {
  let c: Console;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    c = await startConsole(database);
    setNow(c.t, chinaMorning('2026-03-09'));
    ids.agreed = (await pmCaseIn(c.t, 'mediating')).id;
  }, 120_000);
  afterAll(async () => {
    await c?.close();
  });

  it('the mediator signs the agreement with its scan in the event dialog, and adds an ID copy on the card; a text file is refused in Chinese', async () => {
    const page = await newTab(c);
    await login(page, c, 'fy_mediator', DEMO_PASSWORD);
    await page.goto(`${c.url}/cases/${ids.agreed}`);
    const card = page.getByTestId('attachments');
    await card.getByText('本案暂无附件').waitFor();

    await page.getByTestId('available-events').getByRole('button', { name: '签订书面调解协议', exact: true }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '签订书面调解协议' });
    await dialog.getByLabel(/协议内容/).fill('李四于2026年3月20日前拆除越界部分围墙。');
    await dialog.getByRole('checkbox', { name: '张三（申请人）' }).check();
    await dialog.getByRole('checkbox', { name: '李四（被申请人）' }).check();
    await dialog.getByRole('checkbox', { name: '调解员已签名' }).check();
    await dialog.getByRole('checkbox', { name: '已加盖人民调解委员会印章' }).check();
    const date = dialog.getByLabel(/生效日期/);
    await date.click();
    await date.fill('2026-03-09');
    await date.press('Enter');
    await dialog.getByTestId('event-attachment').locator('input[type=file]').setInputFiles({ name: FILE_NAME, mimeType: 'application/pdf', buffer: PDF });
    await dialog.getByText(FILE_NAME).waitFor();
    await dialog.getByRole('button', { name: '确认办理' }).click();
    // The engine signs, then the dialog closes and the file follows; slow on a loaded machine.
    await dialog.waitFor({ state: 'hidden', timeout: 30_000 });
    const signed = card.getByTestId('attachment').filter({ hasText: FILE_NAME });
    await signed.getByText('签订书面调解协议').waitFor();
    await signed.getByText('签字扫描件').waitFor();
    await signed.getByText(/\d+ B · 王秀英（枫源村调解员） · 2026-03-09/).waitFor();

    await card.getByLabel('附件类别').click();
    await pickOption(page, '身份证明');
    const input = card.getByTestId('attachment-upload').locator('input[type=file]');
    await input.setInputFiles({ name: '说明.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是 PDF') });
    await card.getByTestId('attachment-error').getByText(/只接受 PDF、JPEG、PNG、HEIC、TIFF/).waitFor();
    await input.setInputFiles({ name: '身份证.png', mimeType: 'image/png', buffer: PNG });
    await card.getByTestId('attachment').filter({ hasText: '身份证.png' }).getByText('身份证明').waitFor();
    // Both uploads are links of the case's history.
    await page.getByTestId('timeline').getByText('上传附件').nth(1).waitFor();
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  }, 120_000);

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
  }, 120_000);
});
