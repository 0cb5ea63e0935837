import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { Db } from '@app/persistence';
import { TEST_DATABASES } from '../support/databases';
import { DEMO_PASSWORD } from '../support/test-app';
import { auth, LIQIAO, openCase, pmCaseBody } from '../support/cases';
import { login, newTab, pageErrors, startConsole, type Console } from './support/browser';

/*
 * 推送与消息 in the console: an administrator sees a webhook delivery that used up its retries and a message between
 * cases that got stuck, presses 重新投递 on each, and the receiver gets the delivery while the message is delivered.
 */
describe.each(TEST_DATABASES)('推送与消息 in Chromium ($name)', (database) => {
  let c: Console;
  let receiver: Server;
  let up = false;
  const received: string[] = [];
  let caseNo = '';
  let stuckId = '';

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        received.push(String(req.headers['webhook-id']));
        res.statusCode = up ? 200 : 503;
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    c = await startConsole(database);
    const admin = auth(await c.t.login('admin'));
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const created = await c.t.http().post('/api/admin/webhooks').set(admin).send({ name: '青溪区人民法院诉调对接平台', url, orgIds: ['org-fengyuan'], eventTypes: ['OPEN'] });
    expect(created.status).toBe(201);
    const opened = await openCase(c.t, 'fy_mediator');
    caseNo = opened.caseNo;
    // Eight attempts (the default) with the backoff passed between them, on the engine's clock.
    for (let attempt = 0; attempt < 8; attempt++) {
      const now = (await c.t.http().get('/api/admin/clock').set(admin)).body.now as string;
      await c.t.http().post('/api/admin/clock').set(admin).send({ now: new Date(Date.parse(now) + 7 * 3600_000).toISOString() });
      await c.t.http().post('/api/admin/webhooks/run').set(admin);
    }
    // In another village, so the subscription gets nothing of it.
    const other = await openCase(c.t, 'lq_mediator', pmCaseBody({ regionCode: LIQIAO }));
    const db = c.t.app.get(Db);
    stuckId = randomUUID();
    await db.execute(
      `INSERT INTO outbox (id, target_case_id, source_case_id, event_type, data, created_at, attempts, last_error)
       VALUES (:id, :target, :source, 'ENTRUSTMENT_ENDED', ${db.dialect === 'postgres' ? ':data::jsonb' : ':data'}, :at, 5, 'CASE.LOCKED: 案件正被处理')`,
      { id: stuckId, target: other.id, source: opened.id, data: db.json({ signal: 'WITHDRAWN', sourceCaseId: opened.id }), at: new Date() },
    );
  }, 120_000);

  afterAll(async () => {
    await c?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  it('shows what could not be delivered and delivers it again on 重新投递', async () => {
    const page = await newTab(c);
    await login(page, c, 'admin', DEMO_PASSWORD);
    await page.getByRole('menuitem', { name: '推送与消息' }).click();
    await page.getByRole('heading', { name: '推送与消息' }).waitFor();

    const deliveries = page.locator('.ant-card').filter({ hasText: '投递失败的推送' });
    const row = deliveries.getByRole('row').filter({ hasText: caseNo });
    await row.getByText('HTTP 503').waitFor();
    await row.getByText('青溪区人民法院诉调对接平台').waitFor();
    const attemptsBefore = received.length;
    expect(attemptsBefore).toBe(8);

    up = true;
    await row.getByRole('button', { name: '重新投递' }).click();
    await page.getByText('已重新投递').first().waitFor();
    await deliveries.getByText('没有投递失败的推送').waitFor();
    // The answer does not wait for the attempt: the receiver gets it a moment later.
    for (let waited = 0; received.length < 9 && waited < 10_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received).toHaveLength(9);
    expect(new Set(received).size).toBe(1);

    const messages = page.locator('.ant-card').filter({ hasText: '滞留的案件间消息' });
    const message = messages.getByRole('row').filter({ hasText: 'ENTRUSTMENT_ENDED' });
    await message.getByText('CASE.LOCKED: 案件正被处理').waitFor();
    await message.getByRole('button', { name: '重新投递' }).click();
    await messages.getByText('没有滞留的消息').waitFor();
    const [row2] = await c.t.app.get(Db).query('SELECT delivered_at FROM outbox WHERE id = :id', { id: stuckId });
    expect(row2.delivered_at).not.toBeNull();
    expect(pageErrors(page)).toEqual([]);
  });
});
