import type { Page } from 'playwright-core';
import { TEST_DATABASES } from '../support/databases';
import { DEMO_PASSWORD } from '../support/test-app';
import { auth, chinaMorning, openCase, pmCaseIn, setNow } from '../support/cases';
import { runWorker } from '../support/deadlines';
import { login, newTab, pageErrors, pickOption, startConsole, type Console } from './support/browser';

/*
 * Work queues in the console, in headless Chromium against the real engine: a mediation whose one-month service
 * target the worker marked missed stays in 已逾期; a new case waits in 待分配 until the village mediator claims it,
 * and the director then reassigns it at a party's request (回避); a case the director assigns reaches the mediator
 * as a notification, which the bell counts and the mediator reads; a second mediator the director adds to a case as
 * co-mediator (协助调解员) finds it under 我参与的.
 */

describe.each(TEST_DATABASES)('work queues in Chromium ($name)', (database) => {
  let c: Console;
  let lateNo = '';
  let claimedNo = '';
  let assignedNo = '';
  let director: Page;
  let mediator: Page;

  beforeAll(async () => {
    c = await startConsole(database);
    setNow(c.t, chinaMorning('2025-03-03'));
    lateNo = (await pmCaseIn(c.t, 'mediating')).caseNo;
    setNow(c.t, chinaMorning('2025-04-08'));
    await runWorker(c.t);
    claimedNo = (await openCase(c.t, 'fy_clerk')).caseNo;
    assignedNo = (await openCase(c.t, 'fy_clerk')).caseNo;
    director = await newTab(c);
    mediator = await newTab(c);
    await login(director, c, 'fy_director', DEMO_PASSWORD);
    await login(mediator, c, 'fy_mediator', DEMO_PASSWORD);
  }, 120_000);

  afterAll(async () => {
    if (director) expect(pageErrors(director)).toEqual([]);
    if (mediator) expect(pageErrors(mediator)).toEqual([]);
    await c?.close();
  });

  const bellLabel = (page: Page) => page.getByTestId('notification-bell').getAttribute('aria-label');

  it('keeps a case whose deadline the worker marked missed in 已逾期', async () => {
    await mediator.getByTestId('counter-overdue').click();
    await mediator.getByRole('tabpanel').getByText(lateNo, { exact: true }).first().waitFor();
    await expect(mediator.getByTestId('counter-overdue').locator('.ant-statistic-content-value').innerText()).resolves.not.toBe('0');
  });

  it('shows an unassigned case in 待分配, which the mediator claims', async () => {
    await mediator.getByTestId('counter-unassigned').click();
    const row = mediator.getByTestId(`unassigned-${claimedNo}`);
    await row.getByRole('button', { name: '认领' }).click();
    await row.waitFor({ state: 'detached' });
    await mediator.getByTestId('counter-mine').click();
    await mediator.getByRole('tabpanel').getByText(claimedNo, { exact: true }).first().waitFor();

    await director.reload();
    await director.getByTestId('counter-unassigned').click();
    await director.getByTestId(`unassigned-${assignedNo}`).waitFor();
    await expect(director.getByTestId(`unassigned-${claimedNo}`).count()).resolves.toBe(0);
  }, 120_000);

  it('lets the director reassign the claimed case at a party’s request (回避)', async () => {
    await director.goto(`${c.url}/cases?q=${encodeURIComponent(claimedNo)}`);
    await director.getByRole('link', { name: claimedNo }).first().click();
    const card = director.getByTestId('assignment');
    await card.getByText('王秀英（枫源村调解员）').waitFor();
    await director.getByTestId('case-no').filter({ hasText: claimedNo }).waitFor();
    await card.getByTestId('reassign').click();
    const dialog = director.getByRole('dialog');
    await dialog.getByLabel('新的承办人').click();
    await pickOption(director, '李建国（枫源村调委会主任）');
    await dialog.getByText('当事人申请回避').click();
    await dialog.getByLabel('申请回避的当事人').click();
    await pickOption(director, '张三');
    await dialog.getByLabel('说明').fill('调解员与被申请人系亲属，申请人申请回避');
    await dialog.getByRole('button', { name: '改派' }).click();
    await card.getByText('李建国（枫源村调委会主任）').waitFor();
    await director.getByText('改派承办人').first().waitFor();
  }, 120_000);

  it('tells the mediator of a case assigned to them; the bell counts it until it is read', async () => {
    await director.goto(`${c.url}/?tab=unassigned`);
    const row = director.getByTestId(`unassigned-${assignedNo}`);
    await row.getByRole('button', { name: '分配' }).click();
    const dialog = director.getByRole('dialog');
    await dialog.locator('.ant-select').click();
    await pickOption(director, '王秀英（枫源村调解员）');
    await dialog.getByRole('button', { name: '分配' }).click();
    await row.waitFor({ state: 'detached' });

    await mediator.goto(`${c.url}/`);
    await mediator.getByRole('heading', { name: '工作台' }).waitFor();
    await mediator.locator('[data-testid="notification-bell"][aria-label*="条未读"]').waitFor();
    const before = Number((await bellLabel(mediator))!.match(/(\d+) 条未读/)![1]);
    await mediator.getByTestId('notification-bell').click();
    const item = (read: boolean) => mediator.locator(`[data-testid="notifications"] .ant-list-item[data-read="${read}"]`).filter({ hasText: assignedNo }).filter({ hasText: '案件分配给您' });
    await item(false).getByRole('button', { name: '标记已读' }).click();
    await item(true).waitFor();
    const after = before === 1 ? '通知' : `通知（${before - 1} 条未读）`;
    await mediator.locator(`[data-testid="notification-bell"][aria-label="${after}"]`).waitFor();
  }, 120_000);

  it('puts a case in 我参与的 of the co-mediator the director adds to its team', async () => {
    const password = 'Liu-fang-2025';
    const made = await c.t.http().post('/api/admin/users').set(auth(await c.t.login('admin'))).send({ username: 'fy_liu', displayName: '刘芳（枫源村调解员）', password, roles: ['MEDIATOR'], orgId: 'org-fengyuan' });
    expect(made.status).toBe(201);
    const shared = await pmCaseIn(c.t, 'mediating');

    await director.goto(`${c.url}/cases/${shared.id}`);
    const card = director.getByTestId('case-team');
    await card.getByTestId('invite-member').click();
    const dialog = director.getByRole('dialog').filter({ hasText: '邀请团队成员' });
    await dialog.getByLabel('团队角色').click();
    await pickOption(director, '调解员');
    await dialog.getByLabel('人员').fill('刘芳');
    await pickOption(director, '刘芳（枫源村调解员） · 枫源村人民调解委员会（调解员）');
    await dialog.getByLabel('邀请理由').fill('案情复杂，增派协助调解员');
    await dialog.getByRole('button', { name: '邀请' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByTestId('team-member').filter({ hasText: '刘芳（枫源村调解员）' }).getByText('协助调解员', { exact: true }).waitFor();

    const liu = await newTab(c);
    await login(liu, c, 'fy_liu', password);
    await liu.getByTestId('counter-team').click();
    await liu.getByRole('tabpanel').getByText(shared.caseNo, { exact: true }).first().waitFor();
    await expect(liu.getByTestId('counter-team').locator('.ant-statistic-content-value').innerText()).resolves.toBe('1');
    expect(pageErrors(liu)).toEqual([]);
  }, 120_000);
});
