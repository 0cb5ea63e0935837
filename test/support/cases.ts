import { Clock, ManualClock } from '@app/shared';
import type { TestApp } from './test-app';

/*
 * Small helpers for the HTTP suites: what a client of the API does (open a case, send an event, read the history),
 * with no knowledge of the engine's internals.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A resident identity number with its ISO 7064 MOD 11-2 check character, from its first 17 digits. */
export function idNumber(first17: string): string {
  const sum = WEIGHTS.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

/** The same number with a wrong check character. */
export function withWrongCheckDigit(valid: string): string {
  const last = valid[17];
  return valid.slice(0, 17) + (last === '0' ? '1' : '0');
}

export const APPLICANT = { role: 'APPLICANT', name: '张三', idNumber: idNumber('33019919800101123'), phone: '13812345678' };
export const RESPONDENT = { role: 'RESPONDENT', name: '李四', idNumber: idNumber('33019919751231456'), phone: '13987654321' };

export const FENGYUAN = '330199101201';
export const LIQIAO = '330199101202';

/** A 人民调解 case body for 枫源村, as the intake form sends it. */
export function pmCaseBody(over: Record<string, unknown> = {}) {
  return {
    workflow: 'pm',
    category: 'NEIGHBOUR',
    summary: '宅基地边界纠纷：围墙越界约半米',
    regionCode: FENGYUAN,
    source: 'APPLICATION',
    parties: [APPLICANT, RESPONDENT],
    ...over,
  };
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Opens a case as `username`; fails loudly unless the engine answers 201. */
export async function openCase(t: TestApp, username: string, body: Record<string, unknown> = pmCaseBody()) {
  const res = await t.http().post('/api/cases').set(auth(await t.login(username))).send(body);
  if (res.status !== 201) throw new Error(`open case as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Sends one workflow event and returns the raw response. */
export async function send(t: TestApp, username: string, caseId: string, type: string, data: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return t.http().post(`/api/cases/${caseId}/events`).set(auth(await t.login(username))).set(headers).send({ type, data });
}

/** Sends one workflow event that must apply (200); returns the updated case. */
export async function apply(t: TestApp, username: string, caseId: string, type: string, data: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const res = await send(t, username, caseId, type, data, headers);
  if (res.status !== 200) throw new Error(`${type} as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function getCase(t: TestApp, username: string, caseId: string) {
  return t.http().get(`/api/cases/${caseId}`).set(auth(await t.login(username)));
}

export async function history(t: TestApp, username: string, caseId: string): Promise<any[]> {
  const res = await t.http().get(`/api/cases/${caseId}/history`).set(auth(await t.login(username)));
  if (res.status !== 200) throw new Error(`history as ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function verifyAudit(t: TestApp, caseId?: string) {
  const res = await t.http().get('/api/audit/verify').query(caseId ? { caseId } : {}).set(auth(await t.login('auditor')));
  if (res.status !== 200) throw new Error(`verify: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { ok: boolean; checked: number; firstBroken: number | null; firstBrokenCaseId: string | null; reason: string | null };
}

/** The event types of a case view's `availableEvents`, sorted, for order-independent comparison. */
export const eventTypes = (view: { availableEvents: { type: string }[] }) => view.availableEvents.map((e) => e.type).sort();

/** Sets the engine's manual clock (the test app runs with FENGQIAO_CLOCK=manual) to an instant. */
export function setNow(t: TestApp, iso: string): void {
  const clock = t.app.get(Clock);
  if (!(clock instanceof ManualClock)) throw new Error('the test app does not run on the manual clock');
  clock.set(new Date(iso));
}

/** 10:00 China time (02:00 UTC) on a date: safely inside that China day. */
export const chinaMorning = (date: string) => `${date}T02:00:00.000Z`;

/**
 * Asks until `done` holds, for work the engine finishes after answering (outbox delivery after commit). Gives up
 * after `timeoutMs` and returns the last answer, so the caller's assertion shows what was seen.
 */
export async function eventually<T>(ask: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await ask();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Mediation data the path tests share. */
export const RIGHTS_NOTICE = (on: string) => ({ routes: ['LITIGATION', 'ARBITRATION'], notifiedOn: on, method: 'WRITTEN' });

/** The engine's current date in China (UTC+8, no daylight saving), as event data carries dates. */
export function today(t: TestApp): string {
  return new Date(t.app.get(Clock).now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Valid data for each step of the usual 人民调解 path, dated the engine's today. */
export function pmStep(t: TestApp, type: string, mediatorId?: string): Record<string, unknown> {
  const on = today(t);
  switch (type) {
    case 'SEEK_CONSENT':
      return { note: '电话征询双方意愿' };
    case 'ASSIGN_MEDIATOR':
      return { mediatorId, consentedPartyIds: ['P1', 'P2'], selectedBy: 'COMMITTEE' };
    case 'START_MEDIATION':
      return { startedOn: on, mode: 'ON_SITE' };
    case 'RECORD_SESSION':
      return { heldOn: on, summary: '背对背调解' };
    case 'SIGN_WRITTEN_AGREEMENT':
      return { content: '李四拆除越界围墙', signedPartyIds: ['P1', 'P2'], mediatorSigned: true, committeeSealed: true, effectiveOn: on };
    default:
      throw new Error(`no sample data for ${type}`);
  }
}

const PATH_TO: Record<string, string[]> = {
  registered: [],
  consentPending: ['SEEK_CONSENT'],
  assigned: ['SEEK_CONSENT', 'ASSIGN_MEDIATOR'],
  mediating: ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION'],
  agreedWritten: ['SEEK_CONSENT', 'ASSIGN_MEDIATOR', 'START_MEDIATION', 'SIGN_WRITTEN_AGREEMENT'],
};

/** A fresh 枫源村 case opened by fy_mediator and moved by fy_mediator to `state`; returns the case as fy_mediator sees it. */
export async function pmCaseIn(t: TestApp, state: keyof typeof PATH_TO, body: Record<string, unknown> = pmCaseBody()) {
  let view = await openCase(t, 'fy_mediator', body);
  const mediatorId = (await t.loginUser('fy_mediator')).user.id;
  for (const type of PATH_TO[state]) view = await apply(t, 'fy_mediator', view.id, type, pmStep(t, type, mediatorId));
  if (view.state !== state) throw new Error(`expected ${state}, got ${view.state}`);
  return view;
}
