import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestDatabase } from '../../support/databases';
import { createTestApp, type TestApp } from '../../support/test-app';

/** Debian's Chromium (CI installs it), or the browser FENGQIAO_CHROMIUM names. Never a downloaded browser build. */
export function chromiumPath(): string | null {
  const path = process.env.FENGQIAO_CHROMIUM || '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

export const WEB_DIST = join(__dirname, '..', '..', '..', 'apps', 'web', 'dist');

export const OFFICE = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

/**
 * Where the suite saves screenshots of the main pages (first database only): docs/screenshots, shown in the README,
 * when FENGQIAO_SCREENSHOTS=docs (`npm run screenshots`); the git-ignored test-results/ for any other value; none
 * when it is unset, as in `npm test`, where each picture would cost a wait for a quiet network and nobody looks.
 */
export const SCREENSHOTS = !process.env.FENGQIAO_SCREENSHOTS
  ? null
  : process.env.FENGQIAO_SCREENSHOTS === 'docs'
    ? join(__dirname, '..', '..', '..', 'docs', 'screenshots')
    : join(__dirname, '..', '..', '..', 'test-results', 'screenshots');

export interface Console {
  t: TestApp;
  /** http://127.0.0.1:<port> */
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * The real engine, listening on a random port with the built web console, and a headless Chromium. The browser's own
 * network features are off: this machine reaches nothing but loopback.
 */
export async function startConsole(database: TestDatabase): Promise<Console> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium was not found at /usr/bin/chromium: install it (apt-get install chromium) or set FENGQIAO_CHROMIUM.');
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('The web console is not built: run `npm run build:web` first.');
  const t = await createTestApp(database, { FENGQIAO_WEB_ROOT: WEB_DIST });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      // Each person's tab is a window of its own; a window behind another must still animate (dialogs close on an
      // animation frame), so nothing is throttled in the background.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows'],
    });
  } catch (error) {
    await t.close();
    throw error;
  }
  return {
    t,
    url: `http://127.0.0.1:${port}`,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/**
 * A tab in a browser profile of its own: its own storage, so its own login. The console keeps one login per browser
 * (every tab shares it), so two people side by side need two profiles, as two people have two computers.
 */
export async function newTab(c: Console): Promise<Page> {
  const context = await c.browser.newContext({ viewport: OFFICE, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(15_000);
  return watch(await context.newPage());
}

/** Another tab of the same browser profile as `page`: it shares that tab's storage, so its login. */
export async function sameBrowserTab(page: Page): Promise<Page> {
  return watch(await page.context().newPage());
}

function watch(page: Page): Page {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // A blocked script or style means the console's security policy and its code disagree.
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

/** Uncaught errors the page threw, and resources its security policy blocked, so far. */
export function pageErrors(page: Page): string[] {
  return (page as Page & { problems?: string[] }).problems ?? [];
}

/** Logs in through the login form and waits for the work queue. */
export async function login(page: Page, c: Console, username: string, password: string): Promise<void> {
  await page.goto(`${c.url}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { name: '工作台' }).waitFor();
}

/** The page body is no wider than the window: nothing forces sideways scrolling. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return (await page.evaluate('({ scrollWidth: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth), clientWidth: document.documentElement.clientWidth })')) as {
    scrollWidth: number;
    clientWidth: number;
  };
}

/**
 * Clicks `option` in the open antd Select list. The list closes on a choice; under load a click can land while it is
 * still opening and be lost, leaving the field empty and the list open over the next field: then it is clicked again.
 */
export async function pickOption(page: Page, option: string): Promise<void> {
  const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
  for (let attempt = 1; ; attempt++) {
    await dropdown.getByText(option, { exact: true }).first().click();
    try {
      await dropdown.waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt === 2) throw error;
    }
  }
}
