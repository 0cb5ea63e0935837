import { request as httpRequest } from 'node:http';
import { TEST_DATABASES } from '../support/databases';
import { DEMO_PASSWORD } from '../support/test-app';
import { logLines, startEngine, type EngineProcess } from '../support/engine-process';

/*
 * A restart drops nothing: the engine process gets SIGTERM while clients keep sending requests (logins, which hash a
 * password and so take a while, and case lists). Every request must end either with an HTTP answer — what it asked
 * for, or a 503 telling it to try again — or with its connection refused, before the engine accepted it. No accepted
 * request may end with an empty reply or a reset connection. The process then exits on its own, cleanly.
 */

interface Outcome {
  startedAt: number;
  endedAt: number;
  status?: number;
  error?: string;
}

/** One request on its own connection, so a refusal is the connection's, never a reused one's. */
function send(url: string, method: string, path: string, body?: unknown, token?: string): Promise<Outcome> {
  const startedAt = Date.now();
  return new Promise((resolve) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = httpRequest(`${url}${path}`, {
      method,
      agent: false,
      headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ startedAt, endedAt: Date.now(), status: res.statusCode }));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ startedAt, endedAt: Date.now(), error: error.code ?? error.message }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ startedAt, endedAt: Date.now(), error: error.code ?? error.message }));
    req.end(payload);
  });
}

describe.each(TEST_DATABASES)('a restart under load ($name)', (database) => {
  let engine: EngineProcess | undefined;
  let created: Awaited<ReturnType<typeof database.create>>;

  beforeAll(async () => {
    created = await database.create();
    engine = await startEngine(created, { FENGQIAO_WORKER: '1', FENGQIAO_SHUTDOWN_GRACE_MS: '15000' });
  }, 240_000);
  afterAll(async () => {
    if (engine && engine.child.exitCode === null) engine.child.kill('SIGKILL');
    await created?.drop();
  });

  it('answers or refuses every request, finishes those in flight, and exits cleanly', async () => {
    const url = engine!.url;
    const login = await send(url, 'GET', '/api/health/ready');
    expect(login.status).toBe(200);
    const token = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'fy_mediator', password: DEMO_PASSWORD }) })
      .then((res) => res.json())
      .then((body: any) => body.accessToken as string);

    const outcomes: Outcome[] = [];
    let signalledAt = Infinity;
    const client = async (n: number) => {
      for (let i = 0; ; i++) {
        const outcome = (n + i) % 2 === 0 ? await send(url, 'POST', '/api/auth/login', { username: 'fy_mediator', password: DEMO_PASSWORD }) : await send(url, 'GET', '/api/cases?pageSize=5', undefined, token);
        outcomes.push(outcome);
        // A client told to go away (503, or no listener any more) stops, as a load balancer's would.
        if (outcome.status === 503 || outcome.error) return;
      }
    };
    const clients = Array.from({ length: 12 }, (_, n) => client(n));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    signalledAt = Date.now();
    engine!.child.kill('SIGTERM');
    await Promise.all(clients);
    const code = await engine!.exited;

    const failures = outcomes.filter((o) => o.error && o.error !== 'ECONNREFUSED');
    expect({ signalledAt, failures }).toEqual({ signalledAt, failures: [] });
    // Requests the engine had accepted before the signal were finished after it, not cut off.
    const finishedAfterSignal = outcomes.filter((o) => o.startedAt < signalledAt && o.endedAt > signalledAt && o.status === 200);
    expect(finishedAfterSignal.length).toBeGreaterThan(0);
    // The clients kept sending after the signal, and were told to go away rather than cut off.
    expect(outcomes.some((o) => o.startedAt > signalledAt && (o.status === 503 || o.error === 'ECONNREFUSED'))).toBe(true);
    expect(outcomes.every((o) => o.error || [200, 503].includes(o.status!))).toBe(true);

    expect(code).toBe(0);
    const lines = logLines(engine!);
    expect(lines.find((l) => l.msg === 'shutdown complete')).toMatchObject({ drained: true });
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
  }, 60_000);
});
