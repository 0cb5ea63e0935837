import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { TEST_DATABASES } from '../support/databases';
import { DEMO_PASSWORD } from '../support/test-app';
import { APPLICANT, RESPONDENT, apply, auth, chinaMorning, openCase, pmCaseBody, pmCaseIn, setNow } from '../support/cases';
import { OFFICE, PHONE, SCREENSHOTS, horizontalOverflow, login, newTab, pageErrors, pickOption, startConsole, type Console } from './support/browser';

/*
 * The web console as people use it, in headless Chromium against the real engine: a village mediator takes a dispute
 * from registration to a written agreement and sends it to the court for 司法确认, the court clerk signs for it in the
 * 收案箱, and reads another application's dossier and dispute chain before signing for it, a mediator of another
 * village cannot see it, bad input and a case changed meanwhile are explained, the pages fit an
 * office screen and a phone, and an administrator manages accounts and the holiday calendar. The engine's clock is
 * fixed, so the dates typed below are "today" for it.
 */

const TODAY = '2026-03-09'; // a Monday
const SUMMARY = '宅基地边界纠纷：李四新砌围墙越界约半米，双方多次争执';
const AGREEMENT = '陈二于2026年4月30日前向陈一支付农机租赁费人民币8000元，一次付清；陈一放弃逾期利息。';

describe.each(TEST_DATABASES)('web console in Chromium ($name)', (database) => {
  let c: Console;
  let caseUrl = '';
  let courtCaseNo = '';
  let consentCaseId = '';
  let transferredCaseUrl = '';
  /** Screenshots once, in the first database's run. */
  const shoot = database === TEST_DATABASES[0] ? SCREENSHOTS : null;

  async function screenshot(page: Page, name: string) {
    if (!shoot) return;
    mkdirSync(shoot, { recursive: true });
    await page.waitForLoadState('networkidle');
    // Without the passing "已办理" toasts, which would cover the header.
    await page.screenshot({ path: join(shoot, `${name}.png`), fullPage: true, animations: 'disabled', style: '.ant-message { display: none !important; }' });
  }

  beforeAll(async () => {
    c = await startConsole(database);
    // Some earlier work, so the queues are not empty: one case overdue, one due soon, both with fy_mediator.
    setNow(c.t, chinaMorning('2026-01-05'));
    await pmCaseIn(c.t, 'mediating', pmCaseBody({ summary: '相邻通行纠纷：王五堵塞通往承包地的小路', category: 'NEIGHBOUR', parties: [{ ...APPLICANT, name: '王五' }, { ...RESPONDENT, name: '赵六' }] }));
    setNow(c.t, chinaMorning('2026-02-12'));
    await pmCaseIn(c.t, 'mediating', pmCaseBody({ summary: '婚姻家庭纠纷：赡养费分担', category: 'MARRIAGE_FAMILY', parties: [{ ...APPLICANT, name: '孙七' }, { ...RESPONDENT, name: '孙八' }] }));
    const awaitingConsent = await pmCaseIn(c.t, 'registered', pmCaseBody({ summary: '合同纠纷：农机租赁费未付', category: 'CONTRACT', parties: [{ ...APPLICANT, name: '周九' }, { ...RESPONDENT, name: '吴十' }] }));
    await apply(c.t, 'fy_mediator', awaitingConsent.id, 'SEEK_CONSENT', { note: '已电话联系双方' });
    consentCaseId = awaitingConsent.id;
    setNow(c.t, chinaMorning(TODAY));
  }, 120_000);

  afterAll(async () => {
    await c?.close();
  });

  /** Picks `option` in the antd Select or TreeSelect labelled `label` inside `scope`. */
  async function choose(page: Page, scope: Locator, label: string | RegExp, option: string) {
    const field = scope.getByLabel(label);
    await field.click();
    // Long lists are virtualised, so an option far down is not in the page: where the field searches, type it, as a
    // user would.
    if (await field.isEditable()) await field.fill(option);
    const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
    // The list closes on a choice. Under load a click can land while it is still opening and be lost, leaving it
    // open over the next field: then choose again.
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

  /** Types an ISO date into the antd DatePicker labelled `label`. */
  async function pickDate(scope: Locator, label: string | RegExp, date: string) {
    const input = scope.getByLabel(label);
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  }

  /** Opens the action `label` on the case page and returns its dialog. */
  async function action(page: Page, label: string): Promise<Locator> {
    await page.getByTestId('available-events').getByRole('button', { name: label, exact: true }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: label });
    await dialog.waitFor();
    // Until its opening animation ends the dialog's buttons move; under load a click then can miss.
    await page.locator('.ant-modal.ant-zoom-appear').waitFor({ state: 'detached' });
    return dialog;
  }

  async function confirm(page: Page, dialog: Locator, expectedState: string) {
    await dialog.getByRole('button', { name: '确认办理' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expectState(page, expectedState);
  }

  async function expectState(page: Page, label: string) {
    await page.getByTestId('case-page').locator('.ant-tag', { hasText: new RegExp(`^${label}$`) }).first().waitFor();
  }

  it(
    'takes a dispute from registration to a written agreement and 司法确认, and the court signs for it',
    async () => {
      const page = await newTab(c);
      await page.goto(c.url);
      await page.waitForURL(/\/login/);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      await screenshot(page, 'login');

      await login(page, c, 'fy_mediator', DEMO_PASSWORD);
      const header = page.locator('header');
      await header.getByText('王秀英（枫源村调解员）').waitFor();
      await header.getByText('枫源村人民调解委员会').waitFor();
      // The name already says the role: it is not shown a second time beside it.
      expect(await header.getByText('调解员', { exact: true }).count()).toBe(0);
      // The queues count the earlier cases: both mediating cases are the mediator's; one is overdue, one due soon.
      await page.getByTestId('counter-mine').getByText('2').waitFor();
      await page.getByTestId('counter-overdue').getByText('1').waitFor();

      // 登记案件
      await page.getByRole('button', { name: '登记案件' }).click();
      await page.getByRole('heading', { name: '登记案件' }).waitFor();
      const form = page.locator('form#open-case');
      await choose(page, form, '纠纷类别', '邻里');
      await choose(page, form, '案件来源', '当事人申请');
      await form.getByLabel('纠纷发生地').click();
      // The tree offers only the mediator's own village.
      const tree = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last();
      await tree.getByTitle('枫源村（村）').click();
      expect(await page.locator('.ant-select-tree-treenode').filter({ hasText: '栎桥村' }).count()).toBe(0);
      await form.getByLabel('纠纷简要情况').fill(SUMMARY);
      const parties = form.locator('.ant-card-type-inner');
      await parties.nth(0).getByLabel('姓名').fill('张三');
      await parties.nth(0).getByLabel('身份证号').fill(APPLICANT.idNumber);
      await parties.nth(0).getByLabel('联系电话').fill(APPLICANT.phone);
      await parties.nth(0).getByLabel('住址').fill('枫源村3组12号');
      await parties.nth(1).getByLabel('姓名').fill('李四');
      await parties.nth(1).getByLabel('身份证号').fill(RESPONDENT.idNumber);
      await parties.nth(1).getByLabel('联系电话').fill(RESPONDENT.phone);
      await screenshot(page, 'open-case');
      await form.getByRole('button', { name: '登记' }).click();

      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      caseUrl = page.url();
      await page.getByTestId('case-no').getByText(/^（2026）枫源调字第\d+号$/).waitFor();
      await expectState(page, '登记');
      const parties1 = page.getByTestId('parties');
      await parties1.getByText(APPLICANT.idNumber).waitFor(); // the handling mediator sees the full number
      expect(await page.getByText('个人信息已部分隐去').count()).toBe(0);

      // 征询当事人意愿
      let dialog = await action(page, '征询当事人意愿');
      await dialog.getByLabel('备注').fill('电话征询，双方均同意调解');
      await confirm(page, dialog, '征询当事人意愿');

      // 指定调解员
      dialog = await action(page, '指定调解员');
      await choose(page, dialog, '调解员', '王秀英（枫源村调解员）');
      await dialog.getByRole('checkbox', { name: '张三（申请人）' }).check();
      await dialog.getByRole('checkbox', { name: '李四（被申请人）' }).check();
      await dialog.getByRole('radio', { name: '调委会指定' }).check();
      await confirm(page, dialog, '已指定调解员');

      // 开始调解
      dialog = await action(page, '开始调解');
      await pickDate(dialog, '开始日期', TODAY);
      await dialog.getByRole('radio', { name: '现场调解' }).check();
      await confirm(page, dialog, '调解中');
      const deadlines = page.getByTestId('deadlines');
      await deadlines.getByText('人民调解一般期限（一个月内调结）').waitFor();
      await deadlines.getByText('法律依据：人民调解工作若干规定 第三十三条').waitFor();
      await deadlines.getByText(/2026-04-09 届满/).waitFor();
      await deadlines.getByText('剩 31 天').waitFor();

      // 记录调解过程
      dialog = await action(page, '记录调解过程');
      await pickDate(dialog, '调解日期', TODAY);
      await dialog.getByLabel('调解情况').fill('现场丈量界址，释明相邻关系规定，双方同意以原界桩为准');
      const participants = dialog.getByLabel(/参与调解人员/);
      await participants.fill('村民小组长');
      await participants.press('Enter');
      await confirm(page, dialog, '调解中');
      await page.getByTestId('timeline').getByText('参与调解人员（邀请的亲属、邻里、专家等）：村民小组长').waitFor();

      // 签订书面调解协议: first without the committee's seal, which the law requires (409 with its legal basis).
      dialog = await action(page, '签订书面调解协议');
      await dialog.getByLabel(/协议内容/).fill('李四于2026年3月20日前拆除越界部分围墙，按原界桩重砌，费用自理。');
      await dialog.getByRole('checkbox', { name: '张三（申请人）' }).check();
      await dialog.getByRole('checkbox', { name: '李四（被申请人）' }).check();
      await dialog.getByRole('checkbox', { name: '调解员已签名' }).check();
      await pickDate(dialog, /生效日期/, TODAY);
      await dialog.getByRole('button', { name: '确认办理' }).click();
      const refusal = dialog.getByRole('alert');
      await refusal.getByText('不满足办理条件').waitFor();
      await refusal.getByText(/须经各方当事人签名、盖章或按指印.*（依据：人民调解法 第二十九条）/).waitFor();
      await dialog.getByRole('checkbox', { name: '已加盖人民调解委员会印章' }).check();
      await confirm(page, dialog, '书面协议已生效');
      await page.getByTestId('deadlines').getByText('申请司法确认期限（协议生效之日起三十日）').waitFor();

      // 申请司法确认 at 青溪区人民法院
      dialog = await action(page, '申请司法确认');
      await choose(page, dialog, '受理法院', '青溪区人民法院');
      await dialog.getByRole('checkbox', { name: '张三（申请人）' }).check();
      await dialog.getByRole('checkbox', { name: '李四（被申请人）' }).check();
      await dialog.getByRole('radio', { name: '书面申请' }).check();
      await confirm(page, dialog, '司法确认中');
      const link = page.getByTestId('case-link');
      await link.getByText('已移送至 青溪区人民法院').waitFor();
      courtCaseNo = (await link.getByRole('link').innerText()).trim();
      expect(courtCaseNo).toMatch(/^（2026）青溪法院.*号$/);

      // The timeline: Chinese labels, actor and role, China time, and the hash, small.
      const timeline = page.getByTestId('timeline');
      await timeline.getByText('王秀英（枫源村调解员）（调解员）· 2026-03-09 10:00').first().waitFor();
      expect(await timeline.getByTestId('timeline-entry').count()).toBe(7);
      await timeline.getByText('书面协议已生效 → 司法确认中').waitFor();
      expect(await timeline.getByTestId('entry-hash').first().innerText()).toMatch(/^#1 哈希 [0-9a-f]{16}…$/);

      // The diagram, with the current state picked out.
      const diagram = page.getByTestId('workflow-diagram');
      await diagram.locator('svg').waitFor();
      const current = diagram.locator('g.current');
      await current.first().waitFor();
      expect(await current.first().textContent()).toContain('司法确认中');
      await screenshot(page, 'case-page');

      await page.setViewportSize(PHONE);
      await page.reload();
      await diagram.locator('svg').waitFor();
      expect(await horizontalOverflow(page)).toEqual({ scrollWidth: PHONE.width, clientWidth: PHONE.width });
      await screenshot(page, 'case-page-phone');
      await page.setViewportSize(OFFICE);

      await page.goto(c.url);
      await page.getByTestId('counter-mine').getByText('3').waitFor();
      await screenshot(page, 'work-queue');
      expect(pageErrors(page)).toEqual([]);

      // The court clerk finds the application in the 收案箱 and signs for it there.
      const court = await newTab(c);
      await login(court, c, 'court_clerk', DEMO_PASSWORD);
      await court.getByTestId('counter-toSign').getByText('1').waitFor();
      await court.getByRole('menuitem', { name: '收案箱' }).click();
      await court.getByRole('heading', { name: '收案箱' }).waitFor();
      const row = court.locator('tr', { hasText: courtCaseNo });
      await row.getByText(SUMMARY.slice(0, 10)).waitFor();
      await row.getByText('枫源村人民调解委员会').waitFor();
      const courtCaseUrl = `${c.url}${await row.getByRole('link', { name: courtCaseNo }).getAttribute('href')}`;
      await screenshot(court, 'court-inbox');
      await row.getByRole('button', { name: '签收' }).click();
      dialog = court.getByRole('dialog').filter({ hasText: '签收' });
      await court.locator('.ant-modal.ant-zoom-appear').waitFor({ state: 'detached' });
      await dialog.getByLabel('备注').fill('材料齐全，予以签收');
      await dialog.getByRole('button', { name: '确认办理' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await court.getByText('没有等待本单位签收的移送案件').waitFor();
      await court.goto(courtCaseUrl);
      await expectState(court, '立案审查');
      await court.getByTestId('case-link').getByText('移送自 枫源村人民调解委员会').waitFor();
      await court.getByTestId('parties').getByText(APPLICANT.idNumber).waitFor(); // the court now handles it
      expect(pageErrors(court)).toEqual([]);
    },
    240_000,
  );

  it(
    'shows the court clerk a 司法确认 application in the 收案箱 with its deadline, the agreement sent with it and the dispute chain, and signs for it',
    async () => {
      // A mediator applies for 司法确认 over the API: a written agreement signed today, sent to 青溪区人民法院.
      const mediation = await pmCaseIn(
        c.t,
        'mediating',
        pmCaseBody({ summary: '合同纠纷：农机租赁费八千元未付', category: 'CONTRACT', parties: [{ ...APPLICANT, name: '陈一' }, { ...RESPONDENT, name: '陈二' }] }),
      );
      await apply(c.t, 'fy_mediator', mediation.id, 'RECORD_SESSION', { heldOn: TODAY, summary: '背对背调解，双方就付款期限达成一致' });
      await apply(c.t, 'fy_mediator', mediation.id, 'SIGN_WRITTEN_AGREEMENT', {
        content: AGREEMENT,
        signedPartyIds: ['P1', 'P2'],
        mediatorSigned: true,
        committeeSealed: true,
        effectiveOn: TODAY,
        performanceDueOn: '2026-04-30',
      });
      const courts = await c.t.http().get('/api/organisations').query({ type: 'BASIC_COURT' }).set(auth(await c.t.login('fy_mediator')));
      const qingxi = (courts.body as { id: string; name: string }[]).find((o) => o.name === '青溪区人民法院')!;
      const applied = await apply(c.t, 'fy_mediator', mediation.id, 'APPLY_JUDICIAL_CONFIRMATION', { courtOrgId: qingxi.id, applicantPartyIds: ['P1', 'P2'], form: 'WRITTEN' });
      const sent = (applied.links as { direction: string; caseNo: string }[]).find((l) => l.direction === 'TO')!;

      // In the 收案箱: the route, who sent it, and the three-day acceptance deadline with its legal basis.
      const page = await newTab(c);
      await login(page, c, 'court_clerk', DEMO_PASSWORD);
      const menuEntry = page.getByRole('menuitem', { name: '收案箱' });
      await menuEntry.getByText('1', { exact: true }).waitFor();
      await menuEntry.click();
      const row = page.locator('tr', { hasText: sent.caseNo });
      await row.getByText('人民调解协议申请司法确认').waitFor();
      await row.getByText('移送单位：枫源村人民调解委员会').waitFor();
      await row.getByText('农机租赁费八千元未付').waitFor();
      const deadline = row.getByTestId('acceptance-deadline');
      await deadline.getByText('2026-03-12 届满 · 剩 3 天').waitFor();
      await deadline.getByText('签收或退回期限（收到申请之日起三日，内部时限）').waitFor();
      await row.getByRole('button', { name: '签收' }).waitFor();
      await row.getByRole('button', { name: '退回' }).waitFor();
      // On a phone the entry is a card, no wider than the screen.
      await page.setViewportSize(PHONE);
      await page.getByTestId('inbox-cards').getByText('2026-03-12 届满 · 剩 3 天').waitFor();
      expect(await horizontalOverflow(page)).toEqual({ scrollWidth: PHONE.width, clientWidth: PHONE.width });
      await page.setViewportSize(OFFICE);

      // The case page: the dossier quotes the agreement in the mediation's own words, and the chain shows both cases.
      await row.getByRole('link', { name: sent.caseNo }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      transferredCaseUrl = page.url();
      await expectState(page, '已提交待签收');
      const dossier = page.getByTestId('dossier');
      await dossier.getByText('待签收', { exact: true }).waitFor();
      await dossier.getByText('人民调解协议申请司法确认').waitFor();
      const facts = dossier.getByTestId('dossier-facts');
      const fact = (label: string) => facts.locator('tr', { has: page.getByText(label, { exact: true }) });
      await fact('调解协议生效日期').getByText('2026-03-09').waitFor();
      await fact('协议约定履行期限').getByText('2026-04-30').waitFor();
      await fact('调解协议形式').getByText('书面协议').waitFor();
      const agreement = dossier.getByTestId('dossier-record').filter({ hasText: '签订书面调解协议' });
      await agreement.getByText(AGREEMENT).waitFor();
      await agreement.getByText('陈一、陈二').waitFor();
      await agreement.getByText('2026-03-09 10:00').waitFor();
      await dossier.getByTestId('dossier-record').filter({ hasText: '记录调解过程' }).getByText('背对背调解，双方就付款期限达成一致').waitFor();
      const dispute = page.getByTestId('dispute');
      const code = (applied as { disputeCode: string }).disputeCode;
      await dispute.getByTestId('dispute-code').getByText(code).waitFor();
      const origin = dispute.getByTestId('case-link');
      await origin.getByRole('link', { name: mediation.caseNo }).waitFor();
      await origin.getByText('人民调解', { exact: true }).waitFor();
      await origin.getByText('司法确认中').waitFor();
      await origin.getByText('移送自 枫源村人民调解委员会').waitFor();
      const received = dispute.getByTestId('dispute-case').filter({ hasText: sent.caseNo });
      await received.getByText('本案').waitFor();
      await received.getByTestId('dispute-transfer').getByText(/^待签收人民调解协议申请司法确认 · 由 .*枫源调字.* 移送于 2026-03-09 10:00$/).waitFor();
      await screenshot(page, 'court-case-page');

      // Signing for it is the case's own event: the transfer is signed for, and the 收案箱 is empty again.
      const dialog = await action(page, '签收');
      await dialog.getByLabel('备注').fill('已阅协议，材料齐全');
      await confirm(page, dialog, '立案审查');
      await dossier.getByText('已签收', { exact: true }).waitFor();
      await received.getByTestId('dispute-transfer').getByText(/^已签收.*，2026-03-09 10:00 已签收$/).waitFor();
      await menuEntry.locator('.ant-badge').waitFor({ state: 'detached' });
      await menuEntry.click();
      await page.getByText('没有等待本单位签收的移送案件').waitFor();
      expect(pageErrors(page)).toEqual([]);
    },
    120_000,
  );

  it(
    'serves a channel added as a folder through the generic pages: the land commission signs for an arbitration application in its 收案箱 and accepts it',
    async () => {
      // A village committee's land-lease mediation fails and the farmer applies for arbitration (route R13a).
      const body = pmCaseBody({ workflow: 'land', category: 'FOREST_LAND', summary: '土地经营权出租纠纷：合作社承租20亩，到期租金未付', input: { disputeKind: 'TRANSFER', knewOn: '2026-01-05' } });
      const village = await openCase(c.t, 'fy_mediator', body);
      await apply(c.t, 'fy_mediator', village.id, 'START_MEDIATION', { startedOn: TODAY });
      await apply(c.t, 'fy_mediator', village.id, 'FAIL_MEDIATION', { endedOn: TODAY });
      const applied = await apply(c.t, 'fy_mediator', village.id, 'APPLY_ARBITRATION', { commissionOrgId: 'org-land-arbitration' });
      const sent = (applied.links as { direction: string; caseNo: string }[]).find((l) => l.direction === 'TO')!;

      const page = await newTab(c);
      await login(page, c, 'land_arbitrator', DEMO_PASSWORD);
      const menuEntry = page.getByRole('menuitem', { name: '收案箱' });
      await menuEntry.getByText('1', { exact: true }).waitFor();
      await menuEntry.click();
      const row = page.locator('tr', { hasText: sent.caseNo });
      await row.getByText('向土地所在地的农村土地承包仲裁委员会申请仲裁').waitFor();
      await row.getByText('移送单位：枫源村人民调解委员会').waitFor();
      await row.getByRole('link', { name: sent.caseNo }).click();
      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      // A nested state is named with its parent: 仲裁 · 申请仲裁（受理审查）.
      await page.getByTestId('case-page').locator('.ant-tag', { hasText: /· 申请仲裁（受理审查）$/ }).first().waitFor();
      await page.getByTestId('dispute').getByRole('link', { name: village.caseNo }).waitFor();

      // The event's form is built from its JSON Schema: a date and a choice in the law's own words.
      const dialog = await action(page, '受理仲裁申请');
      await pickDate(dialog, '受理日期', TODAY);
      // Up to four choices are radio buttons.
      await dialog.getByRole('radio', { name: '人民法院未受理该纠纷，亦无生效的判决、裁定、仲裁裁决、行政处理决定' }).check();
      await dialog.getByRole('button', { name: '确认办理' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('case-page').locator('.ant-tag', { hasText: /· 已受理$/ }).first().waitFor();
      await page.getByTestId('dossier').getByText('已签收', { exact: true }).waitFor();
      await menuEntry.locator('.ant-badge').waitFor({ state: 'detached' });
      expect(pageErrors(page)).toEqual([]);
    },
    120_000,
  );

  it(
    'hides the case from a mediator of another village: not in lists, and its address says it was not found',
    async () => {
      const page = await newTab(c);
      await login(page, c, 'lq_mediator', DEMO_PASSWORD);
      await page.locator('header').getByText('赵明（栎桥村调解员）').waitFor();
      await page.getByRole('menuitem', { name: '案件查询' }).click();
      await page.getByRole('heading', { name: '案件查询' }).waitFor();
      await page.getByText('没有符合条件的案件').waitFor();
      await page.getByLabel('关键词').fill('宅基地');
      await page.getByRole('button', { name: '查询' }).click();
      await page.waitForURL(/q=/);
      await page.getByText('没有符合条件的案件').waitFor();

      await page.goto(caseUrl);
      await page.getByText('未找到该案件').waitFor();
      await page.getByText(/未找到案件（[0-9a-f-]{36}）。案件可能不存在，或不在您单位的管辖范围内。/).waitFor();
      expect(await page.getByText(SUMMARY).count()).toBe(0);
      expect(pageErrors(page)).toEqual([]);

      // The township committee supervises the village: it sees the case, with personal data masked.
      const township = await newTab(c);
      await login(township, c, 'fq_director', DEMO_PASSWORD);
      await township.goto(caseUrl);
      await township.getByText('个人信息已部分隐去').waitFor();
      const masked = `${APPLICANT.idNumber.slice(0, 6)}********${APPLICANT.idNumber.slice(-4)}`;
      await township.getByTestId('parties').getByText(masked).waitFor();
      expect(await township.getByText(APPLICANT.idNumber).count()).toBe(0);
      await township.getByTestId('available-events').getByText(/没有您可以办理的操作/).waitFor();
    },
    120_000,
  );

  it(
    'explains bad input at the field, whether the browser or the engine finds it',
    async () => {
      const page = await newTab(c);
      await login(page, c, 'fy_mediator', DEMO_PASSWORD);
      await page.goto(`${c.url}/cases/new`);
      const form = page.locator('form#open-case');
      await form.getByLabel('纠纷简要情况').waitFor();
      const first = form.locator('.ant-card-type-inner').nth(0);
      const wrongCheckDigit = APPLICANT.idNumber.slice(0, 17) + (APPLICANT.idNumber[17] === '0' ? '1' : '0');
      await first.getByLabel('身份证号').fill(wrongCheckDigit);
      await first.getByLabel('联系电话').fill('1381234');
      await form.getByRole('button', { name: '登记' }).click();
      await first.getByText('身份证号码有误：出生日期或最后一位校验码不正确').waitFor();
      await first.getByText('电话号码格式不正确：手机为 11 位，固定电话须带区号').waitFor();
      await form.getByText('请选择纠纷类别').waitFor();

      // Now a form the browser accepts but the engine refuses: its Chinese message appears at that field.
      await choose(page, form, '纠纷类别', '合同');
      await choose(page, form, '案件来源', '主动排查');
      await form.getByLabel('纠纷发生地').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').last().getByTitle('枫源村（村）').click();
      await form.getByLabel('纠纷简要情况').fill('买卖合同纠纷：货款未结清');
      await first.getByLabel('姓名').fill('钱一');
      await first.getByLabel('身份证号').fill(APPLICANT.idNumber);
      await first.getByLabel('联系电话').fill(APPLICANT.phone);
      const second = form.locator('.ant-card-type-inner').nth(1);
      await second.getByLabel('姓名').fill('钱二');
      await page.route('**/api/cases', async (route) => {
        const body = JSON.parse(route.request().postData() ?? '{}');
        body.parties[1].idNumber = wrongCheckDigit; // as if the browser had let it through
        await route.continue({ postData: JSON.stringify(body) });
      });
      await form.getByRole('button', { name: '登记' }).click();
      await second.getByText('不是有效的居民身份证号码（18位，校验位须正确）').waitFor();
      await page.getByText('登记信息有误，请按红色提示修改后再提交').waitFor();
      expect(page.url()).toBe(`${c.url}/cases/new`);
      await page.unroute('**/api/cases');
      expect(pageErrors(page)).toEqual([]);
    },
    120_000,
  );

  it(
    'tells the mediator when someone else changed the case meanwhile (412), and shows it as it now is',
    async () => {
      const page = await newTab(c);
      await login(page, c, 'fy_mediator', DEMO_PASSWORD);
      await page.goto(`${c.url}/cases/${consentCaseId}`);
      await expectState(page, '征询当事人意愿');
      const dialog = await action(page, '指定调解员');
      await choose(page, dialog, '调解员', '王秀英（枫源村调解员）');
      await dialog.getByRole('checkbox', { name: '周九（申请人）' }).check();
      await dialog.getByRole('checkbox', { name: '吴十（被申请人）' }).check();
      await dialog.getByRole('radio', { name: '当事人选定' }).check();
      // Meanwhile the committee director assigns a mediator from another screen.
      const director = await c.t.loginUser('fy_director');
      await apply(c.t, 'fy_director', consentCaseId, 'ASSIGN_MEDIATOR', { mediatorId: director.user.id, consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' });
      await dialog.getByRole('button', { name: '确认办理' }).click();
      // The form stays open with what was typed, and the page behind it shows the case as it now is.
      await dialog.getByTestId('stale-case').getByText(/在您填写期间已有新的办理记录/).waitFor();
      expect(await dialog.getByRole('checkbox', { name: '周九（申请人）' }).isChecked()).toBe(true);
      await expectState(page, '已指定调解员');
      await dialog.getByRole('button', { name: '取消' }).click();
      await page.getByRole('button', { name: '关闭，保留草稿' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByTestId('case-page').getByText('李建国（枫源村调委会主任）').first().waitFor();
      // Applied once, by the director: the mediator's stale request changed nothing.
      expect(await page.getByTestId('timeline').getByText('指定调解员', { exact: true }).count()).toBe(1);
      expect(pageErrors(page)).toEqual([]);
    },
    120_000,
  );

  it(
    'fits the work queue and the case page on a 1366×768 office screen and a 390×844 phone',
    async () => {
      const page = await newTab(c);
      await login(page, c, 'fy_mediator', DEMO_PASSWORD);
      for (const viewport of [OFFICE, PHONE]) {
        await page.setViewportSize(viewport);
        await page.goto(c.url);
        await page.getByTestId(viewport === PHONE ? 'case-cards' : 'case-table').getByText(SUMMARY.slice(0, 8)).first().waitFor();
        expect(await horizontalOverflow(page)).toEqual({ scrollWidth: viewport.width, clientWidth: viewport.width });
        await page.goto(caseUrl);
        await page.getByTestId('workflow-diagram').locator('svg').waitFor();
        expect(await horizontalOverflow(page)).toEqual({ scrollWidth: viewport.width, clientWidth: viewport.width });
        await page.goto(`${c.url}/cases/new`);
        await page.getByLabel('纠纷简要情况').waitFor();
        expect(await horizontalOverflow(page)).toEqual({ scrollWidth: viewport.width, clientWidth: viewport.width });
      }
      // On a phone the menu is a drawer behind a button.
      await page.getByRole('button', { name: '打开菜单' }).click();
      await page.getByRole('menuitem', { name: '案件查询' }).click();
      await page.getByRole('heading', { name: '案件查询' }).waitFor();
      expect(await horizontalOverflow(page)).toEqual({ scrollWidth: PHONE.width, clientWidth: PHONE.width });
      expect(pageErrors(page)).toEqual([]);

      const court = await newTab(c);
      await court.setViewportSize(PHONE);
      await login(court, c, 'court_clerk', DEMO_PASSWORD);
      // The old address of the court inbox still leads to the 收案箱.
      await court.goto(`${c.url}/court/inbox`);
      await court.waitForURL(`${c.url}/inbox`);
      await court.getByRole('heading', { name: '收案箱' }).waitFor();
      await court.getByTestId('inbox-cards').waitFor();
      expect(await horizontalOverflow(court)).toEqual({ scrollWidth: PHONE.width, clientWidth: PHONE.width });
      // A transferred case, with its dossier and the dispute's chain, fits too.
      await court.goto(transferredCaseUrl);
      await court.getByTestId('dossier-record').first().waitFor();
      await court.getByTestId('dispute').getByText('人民调解', { exact: true }).waitFor();
      expect(await horizontalOverflow(court)).toEqual({ scrollWidth: PHONE.width, clientWidth: PHONE.width });
    },
    120_000,
  );

  it(
    'lets an administrator manage accounts and import a year of holidays',
    async () => {
      const page = await newTab(c);
      await login(page, c, 'admin', DEMO_PASSWORD);
      await page.getByRole('menuitem', { name: '用户管理' }).click();
      await page.getByRole('heading', { name: '用户管理' }).waitFor();
      await page.getByRole('cell', { name: 'fy_mediator', exact: true }).waitFor();
      await page.getByRole('button', { name: '新建用户' }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '新建用户' });
      await dialog.getByLabel('用户名').fill('fy_clerk');
      await dialog.getByLabel('姓名').fill('刘芳（枫源村受理登记员）');
      await choose(page, dialog, '所属单位', '枫源村人民调解委员会');
      await dialog.getByRole('checkbox', { name: '受理登记员' }).check();
      await dialog.getByLabel('初始密码').fill('short');
      await dialog.getByRole('button', { name: '保存' }).click();
      // The engine's password policy, shown at the field.
      await dialog.getByText('密码至少 12 位').waitFor();
      await dialog.getByLabel('初始密码').fill('initial-pass-1');
      await dialog.getByRole('button', { name: '保存' }).click();
      // The engine knows the username is taken; the console says so at the field.
      await dialog.getByText('用户名“fy_clerk”已被使用').first().waitFor();
      await dialog.getByLabel('用户名').fill('fy_clerk2');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('cell', { name: 'fy_clerk2', exact: true }).waitFor();
      await screenshot(page, 'admin-users');

      // The holiday calendar: a new year's notice, pasted, checked by the browser and then by the engine.
      await page.getByRole('menuitem', { name: '节假日安排' }).click();
      await page.getByRole('cell', { name: /国务院办公厅关于2026年部分节假日安排的通知/ }).waitFor();
      const pasted = page.getByLabel('通知全文');
      await pasted.fill('{ "years": { "2027": ');
      await page.getByText(/不是有效的 JSON：/).waitFor();
      const notice = (springFestival: string[]) =>
        JSON.stringify({ years: { '2027': { source: '示例：2027年部分节假日安排（测试数据）', holidays: { 元旦: ['2027-01-01'], 春节: springFestival }, makeupWorkdays: ['2027-02-20'] } } });
      await pasted.fill(notice(['2027-02-06', '2027-02-30']));
      await page.getByText('示例：2027年部分节假日安排（测试数据）：放假 3 天，调休上班 1 天').waitFor();
      await page.getByRole('button', { name: '导入' }).click();
      const refused = page.getByRole('alert').filter({ hasText: '节假日安排未导入，请修改后重试' });
      await refused.getByText(/2027年节假日安排有误/).waitFor();
      await pasted.fill(notice(['2027-02-06', '2027-02-07', '2027-02-08']));
      await page.getByRole('button', { name: '导入' }).click();
      await page.getByTestId('calendar-import-result').getByText(/已导入 2027年/).waitFor();
      const row2027 = page.locator('tr', { hasText: '示例：2027年部分节假日安排（测试数据）' });
      await row2027.getByText('管理员导入').waitFor();
      await row2027.getByText('系统管理员').waitFor();
      await screenshot(page, 'admin-calendar');
      expect(pageErrors(page)).toEqual([]);
    },
    120_000,
  );

  it('shows an auditor the security log and checks its chains', async () => {
    // A mediator reads a case of theirs in clear: that read is what the auditor should find.
    expect((await c.t.http().get(`/api/cases/${consentCaseId}`).set(auth(await c.t.login('fy_mediator')))).body.personalDataMasked).toBe(false);
    const page = await newTab(c);
    await login(page, c, 'auditor', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '安全日志' }).click();
    await page.getByRole('heading', { name: '安全日志' }).waitFor();
    await page.getByPlaceholder('操作人用户名').fill('fy_mediator');
    await page.getByPlaceholder('操作人用户名').press('Enter');
    await page.locator('tr', { hasText: '查看个人信息明文' }).filter({ hasText: '王秀英（枫源村调解员）' }).filter({ hasText: '案号：' }).first().waitFor();
    // Details read as words, not as the stored JSON.
    expect(await page.locator('tbody tr', { hasText: '{"' }).count()).toBe(0);
    expect(await page.locator('tbody tr', { hasText: '孙丽' }).count()).toBe(0);
    await page.getByRole('button', { name: '校验日志链' }).click();
    await page.getByText(/^日志链完整：/).waitFor();
    await screenshot(page, 'security-log');
    expect(pageErrors(page)).toEqual([]);
  }, 120_000);
  it("opens the justice bureau's subsidy and statistics pages, checks the audit chain there, and shows the centre its risk register", async () => {
    const page = await newTab(c);
    await login(page, c, 'auditor', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '以案定补审核' }).click();
    await page.getByRole('heading', { name: '以案定补审核' }).waitFor();
    await page.getByRole('menuitem', { name: '以案定补结算单' }).click();
    await page.getByRole('heading', { name: '以案定补结算单' }).waitFor();
    await page.getByRole('button', { name: '校验审计链' }).click();
    await page.getByText(/^审计链完整：共校验 \d+ 条记录/).waitFor();
    // The whole log as a background job: started here, watched until the server reports it done.
    await page.getByRole('button', { name: '全量校验（后台）' }).click();
    const job = page.getByTestId('audit-verification-job');
    await job.getByRole('button', { name: '开始全量校验' }).click();
    await job.getByText(/^全量校验通过：\d+ 个案件、\d+ 条记录的审计链完整/).waitFor();
    await job.getByText('已完成').waitFor();
    expect(await job.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await screenshot(page, 'audit-verification-job');
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: '统计分析' }).click();
    await page.getByRole('heading', { name: '统计分析' }).waitFor();
    expect(pageErrors(page)).toEqual([]);
    const centre = await newTab(c);
    await login(centre, c, 'zz_dispatcher', DEMO_PASSWORD);
    await centre.getByRole('menuitem', { name: '风险台账' }).click();
    await centre.getByRole('heading', { name: '风险台账' }).waitFor();
    expect(pageErrors(centre)).toEqual([]);
  }, 120_000);
  it('lets the committee director invite a judge onto the case team, and the judge sees that case with the judge’s actions only', async () => {
    const mediating = await pmCaseIn(c.t, 'mediating', pmCaseBody({ summary: '宅基地权属纠纷：需法官指导调解' }));
    const page = await newTab(c);
    await login(page, c, 'fy_director', DEMO_PASSWORD);
    await page.goto(`${c.url}/cases/${mediating.id}`);
    const card = page.getByTestId('case-team');
    await card.getByText('本案暂无其他单位的团队成员').waitFor();
    await card.getByTestId('invite-member').click();
    const dialog = page.getByRole('dialog').filter({ hasText: '邀请团队成员' });
    await choose(page, dialog, '团队角色', '法官');
    // The list searches the directory on the engine as the director types a name.
    await dialog.getByLabel('人员').fill('何法官');
    await pickOption(page, '何法官（区法院） · 青溪区人民法院（法官）');
    await dialog.getByLabel('邀请理由').fill('涉及宅基地权属，请法官指导调解');
    await dialog.getByRole('button', { name: '邀请' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByTestId('team-member').filter({ hasText: '何法官（区法院）' }).filter({ hasText: '青溪区人民法院' }).getByText('法官', { exact: true }).waitFor();
    await page.getByText('邀请团队成员', { exact: true }).first().waitFor();
    expect(pageErrors(page)).toEqual([]);

    const judge = await newTab(c);
    await login(judge, c, 'judge', DEMO_PASSWORD);
    await judge.goto(`${c.url}/cases/${mediating.id}`);
    const buttons = judge.getByTestId('available-events').getByRole('button');
    await buttons.first().waitFor();
    expect(await buttons.allTextContents()).toEqual(['记录调解过程']);
    expect(await judge.getByTestId('invite-member').count()).toBe(0);
    expect(pageErrors(judge)).toEqual([]);
  }, 120_000);
  it(
    'lets a person change their own password, and logging out ends the session on the engine',
    async () => {
      const admin = auth(await c.t.login('admin'));
      const created = await c.t.http().post('/api/admin/users').set(admin).send({ username: 'fy_self', displayName: '许自助（枫源村调解员）', password: 'Initial-pass-1', roles: ['MEDIATOR'], orgId: 'org-fengyuan' });
      expect(created.status).toBe(201);
      const page = await newTab(c);
      await login(page, c, 'fy_self', 'Initial-pass-1');
      await page.getByRole('button', { name: '修改密码' }).click();
      const dialog = page.getByRole('dialog').filter({ hasText: '修改密码' });
      await dialog.getByLabel('当前密码').fill('not-my-password-1');
      await dialog.getByLabel('新密码', { exact: true }).fill('short');
      await dialog.getByLabel('再次输入新密码').fill('short');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.getByText('当前密码不正确').waitFor();
      await dialog.getByLabel('当前密码').fill('Initial-pass-1');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.getByText('密码至少 12 位').waitFor();
      await dialog.getByLabel('新密码', { exact: true }).fill('Changed-in-browser-1');
      await dialog.getByLabel('再次输入新密码').fill('Changed-in-browser-2');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.getByText('两次输入的新密码不一致').waitFor();
      await dialog.getByLabel('再次输入新密码').fill('Changed-in-browser-1');
      await dialog.getByRole('button', { name: '保存' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText('密码已修改').waitFor();

      const token = (await page.evaluate("localStorage.getItem('fengqiao.accessToken')")) as string;
      expect((await c.t.http().get('/api/auth/me').set(auth(token))).status).toBe(200);
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByRole('button', { name: '登录', exact: true }).waitFor();
      const after = await c.t.http().get('/api/auth/me').set(auth(token));
      expect(after.status).toBe(401);
      expect(after.body.reason).toBe('LOGOUT');
      await login(page, c, 'fy_self', 'Changed-in-browser-1');
      expect(pageErrors(page)).toEqual([]);
    },
    120_000,
  );
});
