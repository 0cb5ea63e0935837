import { createHash, randomUUID } from 'node:crypto';
import { Db } from '@app/persistence';
import { ALL_WORKFLOWS } from '@app/workflow';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';
import { pmCaseIn } from '../support/cases';

/*
 * Seeded fuzzing of every route in the OpenAPI document: random and half-valid bodies, query strings, path
 * parameters, tokens, preconditions and content types. The engine must never answer 5xx, every refusal must be a
 * problem document, and a refused request must change nothing stored. Reproduce a failure with the seed it prints:
 * FUZZ_SEED=<seed> FUZZ_REQUESTS=<n> npx jest --selectProjects db test/e2e/fuzz.e2e-spec.ts
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5000);

/** mulberry32: small, fast and the same on every machine. */
function generator(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)];
  const chance = (p: number) => next() < p;
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => '0123456789abcdef'[int(16)]).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
  };
  return { next, int, pick, chance, uuid };
}

const USERS = ['fy_mediator', 'fy_director', 'fy_clerk', 'lq_mediator', 'qx_director', 'court_clerk', 'judge', 'arbitrator', 'rx_officer', 'admin', 'auditor'];
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const DEEP = ['post /api/cases', 'post /api/cases/{id}/events', 'post /api/auth/login', 'get /api/cases'];
const EVENT_TYPES = [...new Set(ALL_WORKFLOWS.flatMap((d) => Object.keys(d.events)))];
const FIELD_NAMES = [
  ...new Set([
    ...ALL_WORKFLOWS.flatMap((d) => Object.values(d.events).flatMap((e) => Object.keys((e.schema?.properties as object | undefined) ?? {}))),
    ...['workflow', 'category', 'summary', 'regionCode', 'source', 'parties', 'input', 'role', 'name', 'idNumber', 'phone', 'address', 'type', 'data'],
    ...['username', 'password', 'displayName', 'roles', 'orgId', 'active', 'amount', 'unit', 'reason', 'approvedBy', 'year', 'holidays', 'at', 'days'],
    ...['prototype', 'constructor', '__proto__', 'toString', 'hasOwnProperty'],
  ]),
];

type Rng = ReturnType<typeof generator>;

function text(r: Rng, known: { caseId: string; deadlineId: string; disputeCode: string }): string {
  return r.pick([
    '',
    ' ',
    'a',
    '枫桥经验',
    'x'.repeat(r.pick([300, 5000, 70000])),
    '\u0000',
    `调解${r.pick(['\u0000', '\ud800', '\udfff'])}记录`,
    '😀𠀋',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '../../etc/passwd',
    '%00',
    '%ED%A0%80',
    '2025-02-30',
    '2025-09-01',
    '9999-12-31',
    '-1',
    '1e309',
    'null',
    'P1',
    'P9',
    'org-court',
    'org-fengyuan',
    '330199101201',
    'MEDIATOR',
    'ADMIN',
    r.pick(EVENT_TYPES),
    r.pick(ALL_WORKFLOWS.map((d) => d.id)),
    known.caseId,
    known.deadlineId,
    known.disputeCode,
    r.uuid(),
  ]);
}

function value(r: Rng, known: Parameters<typeof text>[1], depth = 0): unknown {
  const kind = r.int(depth > 3 ? 4 : 7);
  if (kind === 0) return text(r, known);
  if (kind === 1) return r.pick([0, -1, 1, 1.5, 2 ** 31, 2 ** 53 + 1, -1e308, 1e308, 3000, 45]);
  if (kind === 2) return r.chance(0.5);
  if (kind === 3) return null;
  if (kind === 4) return Array.from({ length: r.int(4) }, () => value(r, known, depth + 1));
  return object(r, known, depth + 1);
}

function object(r: Rng, known: Parameters<typeof text>[1], depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // defineProperty, so that a key named __proto__ is an own field of the body rather than the object's prototype.
  for (let i = r.int(6); i > 0; i--) Object.defineProperty(out, r.chance(0.9) ? r.pick(FIELD_NAMES) : text(r, known), { value: value(r, known, depth), enumerable: true, writable: true, configurable: true });
  return out;
}

/** Values that a validator, a driver or one of the two databases has choked on. */
function poison(r: Rng): unknown {
  return r.pick([nested(1300), nested(40), '\u0000', 'a\u0000b', '调解\ud800', '\udfff', { prototype: { x: 1 } }, { constructor: 1 }, ['\u0000'], 'x'.repeat(70000)]);
}

function nested(levels: number): unknown {
  let v: unknown = 'deep';
  for (let i = 0; i < levels; i++) v = { a: v };
  return v;
}

/** A real body with one field changed, removed or added, so validation goes deep. */
function halfValid(r: Rng, known: Parameters<typeof text>[1], valid: Record<string, unknown>): { payload: string; contentType: string } {
  const json = (v: unknown) => ({ payload: JSON.stringify(v), contentType: 'application/json' });
  const v: Record<string, unknown> = JSON.parse(JSON.stringify(valid));
  const keys = Object.keys(v);
  const key = r.chance(0.7) && keys.length ? r.pick(keys) : r.pick(FIELD_NAMES);
  if (r.chance(0.2)) delete v[key];
  else v[key] = r.chance(0.4) ? poison(r) : value(r, known);
  // Event data: a known field of some event, so a value reaches the schema and the store.
  if (v.data && typeof v.data === 'object' && r.chance(0.5)) {
    const data = v.data as Record<string, unknown>;
    data[r.chance(0.6) ? r.pick(Object.keys(data)) : r.pick(FIELD_NAMES)] = r.chance(0.5) ? poison(r) : value(r, known);
  }
  return json(v);
}

function body(r: Rng, known: Parameters<typeof text>[1], valid: Record<string, unknown>): { payload: string | undefined; contentType?: string } {
  const json = (v: unknown) => ({ payload: JSON.stringify(v), contentType: 'application/json' });
  switch (r.int(10)) {
    case 0:
      return { payload: undefined };
    case 1:
      return { payload: r.pick(['{', '{"a":', '[1,2', 'null', '"x"', '{"a":1}}', '\u0000', '{"__proto__":{"x":1}}']), contentType: 'application/json' };
    case 2:
      return { payload: 'type=RECORD_SESSION&data=1', contentType: r.pick(['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/xml']) };
    case 3:
      return json(nested(r.pick([33, 200, 1300])));
    case 4:
      return json(value(r, known));
    case 5:
    case 6:
      return halfValid(r, known, valid);
    case 7:
      return json({ type: r.pick(EVENT_TYPES), data: object(r, known) });
    default:
      return json(object(r, known));
  }
}

/** Percent-encodes every byte (an unpaired surrogate becomes U+FFFD; invalid UTF-8 is sent raw as %ED%A0%80). */
const enc = (v: string) => (v === '%ED%A0%80' ? v : [...Buffer.from(v)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
const scalar = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

function query(r: Rng, known: Parameters<typeof text>[1]): string {
  if (r.chance(0.5)) return '';
  const keys = ['q', 'page', 'pageSize', 'state', 'workflow', 'queue', 'overdue', 'regionCode', 'caseId', 'from', 'to', 'status', 'unread', 'limit', 'after'];
  const parts = Array.from({ length: 1 + r.int(3) }, () => `${r.pick(keys)}=${enc(r.chance(0.3) ? r.pick(['-1', '0', '1e9', '%00', 'true', '']) : scalar(value(r, known)))}`);
  return `?${parts.join('&')}${r.chance(0.1) ? '&q=%00' : ''}`;
}

describe.each(TEST_DATABASES)('fuzzing every route ($name)', (database) => {
  let t: TestApp;
  let db: Db;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(database);
    db = t.app.get(Db);
    for (const u of USERS) tokens.set(u, await t.login(u));
  });
  afterAll(async () => {
    await t?.close();
  });

  /** What a refused request must leave as it was: every table's rows, by count and the columns that change. */
  async function fingerprint(): Promise<string> {
    const [aggregates] = await db.query(`SELECT
      (SELECT count(*) FROM cases) AS cases, (SELECT coalesce(sum(version), 0) FROM cases) AS versions, (SELECT coalesce(sum(deadlines_rev), 0) FROM cases) AS revs,
      (SELECT max(updated_at) FROM cases) AS updated, (SELECT count(*) FROM audit_entries) AS audit, (SELECT count(*) FROM deadlines) AS deadlines,
      (SELECT count(*) FROM deadlines WHERE status = 'pending') AS pending, (SELECT max(closed_at) FROM deadlines) AS closed,
      (SELECT count(*) FROM transfers) AS transfers, (SELECT count(*) FROM transfers WHERE status = 'SENT') AS sent, (SELECT count(*) FROM notifications) AS notifications,
      (SELECT count(*) FROM notifications WHERE read_at IS NOT NULL) AS read, (SELECT count(*) FROM outbox) AS outbox, (SELECT count(*) FROM idempotency_keys) AS keys,
      (SELECT coalesce(sum(last), 0) FROM case_counters) AS numbers`);
    const small = await Promise.all(['SELECT * FROM users ORDER BY id', 'SELECT * FROM organisations ORDER BY id', 'SELECT * FROM regions ORDER BY code', 'SELECT year, imported_at FROM holiday_years ORDER BY year'].map((sql) => db.query(sql)));
    return createHash('sha1').update(JSON.stringify([aggregates, small])).digest('hex');
  }

  // Thousands of requests, each followed by a fingerprint of the database: minutes on a loaded two-core machine.
  it(`answers ${REQUESTS} seeded random requests (seed ${SEED}) without a 5xx, refusing with problem documents and changing nothing on a refusal`, async () => {
    const r = generator(SEED);
    const mediating = await pmCaseIn(t, 'mediating');
    const known = { caseId: mediating.id, deadlineId: mediating.deadlines[0]?.id ?? randomUUID(), disputeCode: mediating.disputeCode };
    const openApi = (await t.http().get('/api/docs/openapi.json').set('Authorization', `Bearer ${tokens.get('admin')}`)).body;
    const routes: { method: string; path: string }[] = Object.entries(openApi.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => (METHODS as readonly string[]).includes(m))
        .map((method) => ({ method, path })),
    );
    expect(routes.length).toBeGreaterThan(30);
    const validBodies: Record<string, Record<string, unknown>> = {
      '/api/cases': { workflow: 'pm', category: 'NEIGHBOUR', summary: '邻里纠纷', regionCode: '330199101201', source: 'APPLICATION', parties: [{ role: 'APPLICANT', name: '张三' }, { role: 'RESPONDENT', name: '李四' }] },
      '/api/cases/{id}/events': { type: 'RECORD_SESSION', data: { heldOn: '2025-09-01', summary: '背对背调解' } },
      '/api/auth/login': { username: 'fy_mediator', password: 'wrong' },
    };
    const hits = new Map<string, number>();
    const failures: string[] = [];
    let before = await fingerprint();

    for (let i = 0; i < REQUESTS && failures.length < 5; i++) {
      // Half the requests go to the routes that write and search, as a user who may use them, so that bad values get
      // past authentication and shallow validation to the schemas, the planner and the databases.
      const deep = r.chance(0.5);
      const route = deep ? r.pick(routes.filter((x) => DEEP.includes(`${x.method} ${x.path}`))) : r.pick(routes);
      const method = r.chance(0.05) ? r.pick(METHODS) : route.method;
      const url =
        route.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
          if (r.chance(0.25)) return enc(text(r, known));
          if (name === 'id' || name === 'caseId') return known.caseId;
          if (name === 'deadlineId') return known.deadlineId;
          if (name === 'code') return known.disputeCode;
          return enc(text(r, known));
        }) + query(r, known);
      const headers: Record<string, string> = {};
      const who = r.int(10);
      if (deep && who < 8) headers.authorization = `Bearer ${tokens.get('fy_mediator')}`;
      else if (who < 8) headers.authorization = `Bearer ${tokens.get(r.pick(USERS))}`;
      else if (who === 8) headers.authorization = r.pick(['Bearer', 'Bearer x.y.z', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'a'.repeat(3000)}`]);
      if (r.chance(0.15)) headers['if-match'] = r.pick(['"4"', 'W/"4"', '*', '"4", "5"', 'yesterday', '""', '"-1"', '"99999999999999999999"']);
      if (r.chance(0.1)) headers['idempotency-key'] = r.pick(['k1', r.uuid(), 'x'.repeat(300), ' ']);
      const { payload, contentType } = method === 'get' || method === 'delete' ? { payload: undefined } : deep && r.chance(0.6) ? halfValid(r, known, validBodies[route.path] ?? {}) : body(r, known, validBodies[route.path] ?? {});
      if (contentType) headers['content-type'] = contentType;

      const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url, headers, payload });
      hits.set(`${route.method} ${route.path}`, (hits.get(`${route.method} ${route.path}`) ?? 0) + 1);
      const what = `#${i} ${method.toUpperCase()} ${url.slice(0, 200)} ${JSON.stringify(headers).slice(0, 200)} ${String(payload).slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`;
      if (res.statusCode >= 500) failures.push(`5xx: ${what}`);
      const after = await fingerprint();
      if (res.statusCode >= 400) {
        if (url.startsWith('/api') && !String(res.headers['content-type']).startsWith('application/problem+json')) failures.push(`not a problem document: ${what}`);
        if (after !== before) failures.push(`refused, but the database changed: ${what}`);
      }
      before = after;
    }

    expect(failures).toEqual([]);
    // Every route was tried, many times.
    for (const route of routes) expect({ route, hits: hits.get(`${route.method} ${route.path}`) ?? 0 }).toEqual({ route, hits: expect.any(Number) });
    expect(Math.min(...routes.map((x) => hits.get(`${x.method} ${x.path}`) ?? 0))).toBeGreaterThan(REQUESTS / routes.length / 4);
  }, 300_000);
});
