import { auth } from './cases';
import type { TestApp } from './test-app';

/*
 * Helpers for the deadline suites, over the public API: the test clock and the worker run as ../shared/api.md
 * describes them, the deadline lists and the notifications.
 */

/** `POST /api/admin/clock`: sets the engine time; fails loudly unless accepted. */
export async function setClock(t: TestApp, now: string): Promise<void> {
  const res = await t.http().post('/api/admin/clock').set(auth(await t.login('admin'))).send({ now });
  if (res.status !== 200) throw new Error(`set clock ${now}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** `POST /api/admin/deadlines/run`: one synchronous worker run, returning its report. */
export async function runWorker(t: TestApp): Promise<{ fired: any[]; reminders: any[]; escalations: any[]; calendarReloaded: boolean; ranAt: string }> {
  const res = await t.http().post('/api/admin/deadlines/run').set(auth(await t.login('admin')));
  if (res.status !== 200) throw new Error(`run worker: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function notifications(t: TestApp, username: string, query: Record<string, string> = {}) {
  const res = await t.http().get('/api/notifications').query(query).set(auth(await t.login(username)));
  if (res.status !== 200) throw new Error(`notifications as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { items: any[]; total: number; unread: number };
}

export async function deadlines(t: TestApp, username: string, query: Record<string, string | number | boolean> = {}) {
  const res = await t.http().get('/api/deadlines').query(query).set(auth(await t.login(username)));
  if (res.status !== 200) throw new Error(`deadlines as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { items: any[]; total: number };
}

/** An instant inside a China day: 10:00 China time. */
export const at10 = (date: string) => `${date}T10:00:00+08:00`;
