import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { TEST_DATABASES } from '../support/databases';
import { DEMO_PASSWORD } from '../support/test-app';
import { APPLICANT, RESPONDENT, chinaMorning, openCase, pmCaseBody, setNow } from '../support/cases';
import { OFFICE, PHONE, horizontalOverflow, login, newTab, pageErrors, pickOption, startConsole, type Console } from './support/browser';

/*
 * The case list's filters kept in the address (restored on reload and by the back button), folded away on a phone, the
 * 台账 downloaded with them, and a case registered with party details showing them, in headless Chromium against the
 * real engine.
 */

const TODAY = '2026-03-09';
const NEIGHBOUR = '邻里纠纷：晾衣杆越界';
const CONTRACT = '承包合同纠纷：承包费未付';

describe.each(TEST_DATABASES)('case list filters, ledger and party details in Chromium ($name)', (database) => {
  let c: Console;

  beforeAll(async () => {
    c = await startConsole(database);
    setNow(c.t, chinaMorning(TODAY));
    await openCase(c.t, 'fy_mediator', pmCaseBody({ summary: NEIGHBOUR }));
    await openCase(c.t, 'fy_mediator', pmCaseBody({ summary: CONTRACT, category: 'CONTRACT', source: 'GRID_REPORT', amountInDispute: '8000' }));
  }, 120_000);

  afterAll(async () => {
    await c?.close();
  });

  async function choose(page: Page, scope: Locator, label: string, option: string) {
    await scope.getByLabel(label, { exact: true }).click();
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    await dropdown.getByText(option, { exact: true }).first().click();
    await dropdown.waitFor({ state: 'hidden' });
  }

  const list = (page: Page) => page.locator('.ant-card').filter({ has: page.locator('.ant-table, .ant-list, .ant-empty') }).last();

  it('keeps the filters in the address across reload and back, and downloads the ledger for them', async () => {
    const page = await newTab(c);
    await login(page, c, 'fy_mediator', DEMO_PASSWORD);
    await page.goto(`${c.url}/cases`);
    await page.getByRole('heading', { name: '案件查询' }).waitFor();
    await page.getByText(NEIGHBOUR).first().waitFor();
    const form = page.locator('form').first();
    await choose(page, form, '纠纷类型', '合同');
    await choose(page, form, '来源', '网格员上报');
    const range = form.locator('.ant-picker-range input');
    await range.nth(0).click();
    // Typed and left with Tab: Enter would submit the form at once, leaving a history entry of its own.
    await range.nth(0).fill(TODAY);
    await range.nth(0).press('Tab');
    await range.nth(1).fill(TODAY);
    await range.nth(1).press('Tab');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/category=CONTRACT/);
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ category: 'CONTRACT', source: 'GRID_REPORT', registeredFrom: TODAY, registeredTo: TODAY });
    // The list shows the last answer until the filtered one arrives.
    await list(page).getByText(NEIGHBOUR).first().waitFor({ state: 'detached' });
    await list(page).getByText(CONTRACT).first().waitFor();

    // Back shows the unfiltered list and empties the form; forward brings the filters back.
    await page.goBack();
    await list(page).getByText(NEIGHBOUR).first().waitFor();
    expect(new URL(page.url()).search).toBe('');
    expect(await form.getByText('网格员上报', { exact: true }).count()).toBe(0);
    await page.goForward();
    await list(page).getByText(NEIGHBOUR).first().waitFor({ state: 'detached' });
    expect(new URL(page.url()).searchParams.get('category')).toBe('CONTRACT');

    await page.reload();
    await page.getByRole('heading', { name: '案件查询' }).waitFor();
    await list(page).getByText(CONTRACT).first().waitFor();
    expect(await list(page).getByText(NEIGHBOUR).count()).toBe(0);
    await form.getByText('网格员上报', { exact: true }).waitFor();
    expect(await range.nth(0).inputValue()).toBe(TODAY);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出台账' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^案件台账-.*\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.getWorksheet('案件台账')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('案号');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(5).value).toBe(CONTRACT);
    expect(sheet.getRow(2).getCell(15).value).toBe(8000);

    expect(pageErrors(page)).toEqual([]);
  }, 90_000);

  it('folds the filters away behind 筛选 on a phone, and shows them open on an office screen', async () => {
    const page = await newTab(c);
    await login(page, c, 'fy_mediator', DEMO_PASSWORD);
    await page.setViewportSize(PHONE);
    await page.goto(`${c.url}/cases`);
    await page.getByRole('heading', { name: '案件查询' }).waitFor();
    const filters = page.getByTestId('case-filters');
    const keyword = filters.getByLabel('关键词');
    // One button, named 筛选 or 收起筛选 (and the count of chosen filters).
    const toggle = filters.getByRole('button', { name: '筛选' });
    // The list comes first; the fields are behind the button.
    await page.getByTestId('case-cards').getByText(NEIGHBOUR).first().waitFor();
    await toggle.waitFor();
    expect(await keyword.isVisible()).toBe(false);
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    await toggle.click();
    await keyword.waitFor();
    expect(await filters.getByRole('button', { name: '收起筛选' }).getAttribute('aria-expanded')).toBe('true');
    await filters.getByLabel('来源', { exact: true }).click();
    await pickOption(page, '网格员上报');
    await filters.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(/source=GRID_REPORT/);
    // Searching folds them again, saying how many are chosen.
    await filters.getByRole('button', { name: '筛选（已选 1 项）' }).waitFor();
    expect(await keyword.isVisible()).toBe(false);
    await page.getByTestId('case-cards').getByText(CONTRACT).first().waitFor();
    expect(await page.getByTestId('case-cards').getByText(NEIGHBOUR).count()).toBe(0);
    expect(await horizontalOverflow(page)).toEqual({ scrollWidth: PHONE.width, clientWidth: PHONE.width });
    await filters.getByRole('button', { name: '清除筛选' }).click();
    await page.getByTestId('case-cards').getByText(NEIGHBOUR).first().waitFor();
    expect(new URL(page.url()).search).toBe('');

    await page.setViewportSize(OFFICE);
    await keyword.waitFor();
    expect(await filters.getByRole('button', { name: '筛选' }).count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  }, 90_000);

  it('registers a case with party details under 更多信息 and shows them on the case page', async () => {
    const page = await newTab(c);
    await login(page, c, 'fy_mediator', DEMO_PASSWORD);
    await page.goto(`${c.url}/cases/new`);
    await page.getByRole('heading', { name: '登记案件' }).waitFor();
    const form = page.locator('form#open-case');
    await choose(page, form, '纠纷类别', '邻里');
    await choose(page, form, '案件来源', '当事人申请');
    await form.getByLabel('纠纷发生地').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle('枫源村（村）').click();
    await form.getByLabel('纠纷简要情况').fill('相邻纠纷：排水沟堵塞');
    await form.getByLabel('争议金额（元）').fill('1500.5');
    const parties = form.locator('.ant-card-type-inner');
    await parties.nth(0).getByLabel('姓名', { exact: true }).fill('张三');
    await parties.nth(0).getByLabel('身份证号', { exact: true }).fill(APPLICANT.idNumber);
    await parties.nth(0).getByText(/^更多信息/).click();
    await choose(page, parties.nth(0), '性别', '男');
    await parties.nth(0).getByLabel('民族').fill('畲族');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByText('畲族', { exact: true }).last().click();
    await parties.nth(0).getByLabel('职业').fill('农民');
    await parties.nth(0).getByLabel('代理人', { exact: true }).fill('王五');
    await choose(page, parties.nth(0), '代理类别', '委托代理人');
    await parties.nth(1).getByLabel('姓名', { exact: true }).fill('李四');
    await parties.nth(1).getByLabel('身份证号', { exact: true }).fill(RESPONDENT.idNumber);
    await page.getByRole('button', { name: '登记', exact: true }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const card = page.getByTestId('parties');
    await card.getByTestId('amount-in-dispute').getByText('争议金额：1,500.50 元').waitFor();
    const details = card.getByTestId('party-details-P1');
    await details.getByText('畲族').waitFor();
    await details.getByText('农民').waitFor();
    await details.getByText('委托代理人').waitFor();
    await details.getByText('王五').waitFor();
    expect(pageErrors(page)).toEqual([]);
  }, 90_000);
});
