import { readFileSync } from 'node:fs';
import { TEST_DATABASES } from '../support/databases';
import { DEMO_PASSWORD } from '../support/test-app';
import { apply, chinaMorning, history, pmCaseIn, setNow } from '../support/cases';
import { pdfText, sha256 } from '../support/pdf-text';
import { login, newTab, pageErrors, startConsole, type Console } from './support/browser';

const TODAY = '2026-03-09';
const AGREEMENT = '李四于2026年4月30日前拆除越界围墙，恢复原状；张三不再追究其他损失。';

/*
 * The 文书 card of a case page: the mediator downloads the 人民调解协议书 the signature produced, and it is the PDF
 * whose digest the signature's audit entry holds; printing the page leaves out the menu and the buttons.
 */
describe.each(TEST_DATABASES)('documents in the console ($name)', (database) => {
  let c: Console;
  let caseId = '';
  beforeAll(async () => {
    c = await startConsole(database);
    setNow(c.t, chinaMorning(TODAY));
    const mediating = await pmCaseIn(c.t, 'mediating');
    caseId = mediating.id;
    await apply(c.t, 'fy_mediator', caseId, 'SIGN_WRITTEN_AGREEMENT', { content: AGREEMENT, signedPartyIds: ['P1', 'P2'], mediatorSigned: true, committeeSealed: true, effectiveOn: TODAY });
  }, 120_000);
  afterAll(async () => {
    await c?.close();
  });

  it('downloads the agreement from the case page and prints the page without menu or buttons', async () => {
    const page = await newTab(c);
    await login(page, c, 'fy_mediator', DEMO_PASSWORD);
    await page.goto(`${c.url}/cases/${caseId}`);
    const item = page.getByTestId('document-agreement');
    await item.getByText('人民调解协议书').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('button', { name: /下\s*载/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^人民调解协议书-.+\.pdf$/);
    const bytes = readFileSync((await download.path())!);
    const text = await pdfText(bytes);
    for (const part of ['人民调解协议书', '申请人：张三', '被申请人：李四', AGREEMENT, '本协议一式三份', '2026年3月9日']) expect(text).toContain(part);
    const signed = (await history(c.t, 'fy_mediator', caseId)).find((e) => e.type === 'SIGN_WRITTEN_AGREEMENT');
    expect(signed.documents).toEqual([{ kind: 'agreement', sha256: sha256(bytes) }]);

    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.ant-layout-sider').isVisible()).resolves.toBe(false);
    await expect(page.locator('.ant-layout-header').isVisible()).resolves.toBe(false);
    await expect(item.getByRole('button', { name: /下\s*载/ }).isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('case-documents').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('case-no').isVisible()).resolves.toBe(true);
    // The case fills the sheet: the content starts at the page's left edge, where the menu stood on screen.
    const box = await page.getByTestId('case-page').boundingBox();
    expect(box!.x).toBeLessThan(10);
    await page.emulateMedia({ media: 'screen' });
    await expect(page.locator('.ant-layout-sider').isVisible()).resolves.toBe(true);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
