import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { TEST_DATABASES } from '../support/databases';
import { DEMO_PASSWORD } from '../support/test-app';
import { chinaMorning, pmCaseIn, setNow } from '../support/cases';
import { newTab, pageErrors, sameBrowserTab, startConsole, type Console } from './support/browser';

/*
 * Forms that never lose text, links that survive a login, one login across a browser's tabs, and the first screen's
 * weight over a slow link, in headless Chromium against the real engine. The engine's clock is fixed: TODAY is its
 * today, whatever the machine's date.
 */

const TODAY = '2026-03-09';
const SESSION_NOTES = '双方到场，张三同意后退围墙半米，李四要求对方承担拆除费用，约定下周再议。';
/** What a village office on a slow link may download before the work queue can be used. */
const FIRST_SCREEN_BUDGET = 500 * 1024;

describe.each(TEST_DATABASES)('console forms, links and first screen in Chromium ($name)', (database) => {
  let c: Console;
  let mediatingId = '';

  beforeAll(async () => {
    c = await startConsole(database);
    setNow(c.t, chinaMorning(TODAY));
    mediatingId = (await pmCaseIn(c.t, 'mediating')).id;
  }, 120_000);

  afterAll(async () => {
    await c?.close();
  });

  /** A tab of its own; the machine is shared, so a step may wait longer than the default. */
  async function tab(): Promise<Page> {
    const page = await newTab(c);
    page.setDefaultTimeout(30_000);
    return page;
  }

  async function loginHere(page: Page, username: string) {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  }

  it('logs in on the page a link asked for, keeps the login in a second tab, and logs out both', async () => {
    const page = await tab();
    await page.goto(`${c.url}/cases/${mediatingId}`);
    await page.waitForURL(/\/login\?next=/);
    await loginHere(page, 'fy_mediator');
    await page.waitForURL(`${c.url}/cases/${mediatingId}`);
    await page.getByTestId('case-page').waitFor();

    // Another tab of the same browser is already logged in.
    const second = await sameBrowserTab(page);
    await second.goto(`${c.url}/cases`);
    await second.getByRole('heading', { name: '案件查询' }).waitFor();

    // Logging out in one tab ends the login in the other. (A tab in the background gets no animation frames: Chromium
    // would wait for the button forever.)
    await page.bringToFront();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);
    await second.getByText('已在其他窗口退出登录').waitFor();
    expect(second.url()).toContain('/login?next=%2Fcases');

    // A next= leading elsewhere lands on the work queue.
    await page.goto(`${c.url}/login?next=${encodeURIComponent('//evil.example/cases')}`);
    await loginHere(page, 'fy_mediator');
    await page.getByRole('heading', { name: '工作台' }).waitFor();
    expect(new URL(page.url()).origin + new URL(page.url()).pathname).toBe(`${c.url}/`);
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(second)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('asks before closing a form with typed text, keeps it as a draft, and forgets the draft once the action is done', async () => {
    const page = await tab();
    await page.goto(`${c.url}/login?next=${encodeURIComponent(`/cases/${mediatingId}`)}`);
    await loginHere(page, 'fy_mediator');
    await page.getByTestId('case-page').waitFor();

    const open = async () => {
      await page.getByTestId('available-events').getByRole('button', { name: '记录调解过程', exact: true }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '记录调解过程' });
      await dialog.waitFor();
      return dialog;
    };
    let dialog = await open();
    // The session was held today, by the engine's clock.
    expect(await dialog.getByLabel('调解日期').inputValue()).toBe(TODAY);
    await dialog.getByLabel('调解情况').fill(SESSION_NOTES);
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '继续填写' }).click();
    expect(await dialog.getByLabel('调解情况').inputValue()).toBe(SESSION_NOTES);
    await dialog.getByRole('button', { name: '取消' }).click();
    await page.getByRole('button', { name: '关闭，保留草稿' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Reloading the page (a dropped connection, a closed tab) loses nothing either.
    await page.reload();
    await page.getByTestId('case-page').waitFor();
    dialog = await open();
    await dialog.getByTestId('draft-restored').waitFor();
    expect(await dialog.getByLabel('调解情况').inputValue()).toBe(SESSION_NOTES);

    // Enter in a field does not send the legal act; the button does.
    await dialog.getByLabel('调解日期').press('Enter');
    await page.waitForTimeout(300);
    expect(await dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: '确认办理' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('timeline').getByText(SESSION_NOTES.slice(0, 12)).waitFor();
    dialog = await open();
    expect(await dialog.getByLabel('调解情况').inputValue()).toBe('');
    expect(await dialog.getByTestId('draft-restored').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('refuses in the form what the engine refuses: which party has not signed, and a session before the mediation started', async () => {
    const token = await c.t.login('fy_mediator');
    const refused = await c.t
      .http()
      .post(`/api/cases/${mediatingId}/events`)
      .set('Authorization', `Bearer ${token}`)
      .send({ type: 'SIGN_WRITTEN_AGREEMENT', data: { content: '李四拆除越界围墙', signedPartyIds: ['P1'], mediatorSigned: true, committeeSealed: false, effectiveOn: TODAY } });
    expect(refused.status).toBe(409);
    expect(refused.body.violations.find((v: { precondition: string }) => v.precondition === 'agreementTakesEffect').message).toMatch(/（.+（被申请人）尚未签名、盖章或按指印；尚未加盖人民调解委员会印章）$/);
    const early = await c.t
      .http()
      .post(`/api/cases/${mediatingId}/events`)
      .set('Authorization', `Bearer ${token}`)
      .send({ type: 'RECORD_SESSION', data: { heldOn: '2020-01-01', summary: '补记' } });
    expect(early.status).toBe(400);
    expect(early.body.errors).toEqual([expect.objectContaining({ field: 'data.heldOn', messageZh: `调解日期不能早于开始调解日期（${TODAY}）` })]);
  });

  it('loads the work queue within 500 KB over the wire, compressed, without the diagram code', async () => {
    // A first visit: an empty cache, logged in already (the token as the login page leaves it).
    const login = await c.t.http().post('/api/auth/login').send({ username: 'fy_mediator', password: DEMO_PASSWORD });
    const page = await tab();
    // A script for the browser, as text: the engine's TypeScript knows no DOM.
    await page.context().addInitScript(`localStorage.setItem('fengqiao.accessToken', ${JSON.stringify(login.body.accessToken)})`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const requests = new Map<string, { url: string; encoding: string }>();
    let total = 0;
    const files: { url: string; bytes: number; encoding: string }[] = [];
    let counting = true;
    cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, { url: e.response.url, encoding: String(e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? '') }));
    cdp.on('Network.loadingFinished', (e) => {
      if (!counting) return;
      total += e.encodedDataLength;
      const r = requests.get(e.requestId);
      files.push({ url: r?.url ?? e.requestId, bytes: e.encodedDataLength, encoding: r?.encoding ?? '' });
    });
    await page.goto(c.url);
    await page.getByTestId('case-table').locator('tbody tr.ant-table-row').first().waitFor();
    await page.waitForLoadState('networkidle');
    counting = false;

    const scripts = files.filter((f) => /\.js$/.test(new URL(f.url).pathname));
    expect(scripts.some((f) => /mermaid|cytoscape|katex|CasePage|StatisticsPage/.test(f.url))).toBe(false);
    expect(scripts.every((f) => f.encoding === 'br')).toBe(true);
    const report = { total, files: files.map((f) => ({ path: new URL(f.url).pathname, bytes: f.bytes, encoding: f.encoding })) };
    mkdirSync(join(__dirname, '..', '..', 'test-results'), { recursive: true });
    writeFileSync(join(__dirname, '..', '..', 'test-results', `first-screen-${database.name}.json`), JSON.stringify(report, null, 2));
    expect(total).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET);
    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }, 90_000);
});
