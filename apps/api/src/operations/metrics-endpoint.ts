import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { DataSource } from 'typeorm';
import { Db } from '@app/persistence';
import { Clock } from '@app/shared';
import { sendHookProblem } from '../http/problem-details.filter';
import { Metrics } from './metrics';

export interface MetricsAccess {
  /** A scraper presenting `Authorization: Bearer <token>` may read from anywhere (FENGQIAO_METRICS_TOKEN). */
  token: string | null;
  /** Addresses and CIDR ranges that may read without the token (FENGQIAO_METRICS_ALLOW, default loopback only). */
  allow: string[];
}

/** Turns the allow-list into a BlockList; throws naming the entry that is not an address or a CIDR range. */
export function allowList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
    if (!family || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 6 ? 128 : 32)) {
      throw new Error(`FENGQIAO_METRICS_ALLOW must list IP addresses or CIDR ranges (e.g. 127.0.0.1/8,10.0.0.0/8,::1), not "${entry}"`);
    }
    list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
  }
  return list;
}

function allowed(list: BlockList, ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  const address = mapped ? mapped[1] : ip;
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

function tokenMatches(expected: string, header: string | undefined): boolean {
  const given = header?.startsWith('Bearer ') ? Buffer.from(header.slice(7).trim()) : null;
  const wanted = Buffer.from(expected);
  return !!given && given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * GET /metrics in the Prometheus text format, outside /api (where every route needs a user's session): readable with
 * the metrics token, or from an allow-listed address. Gauges that live in the database are read at each scrape.
 */
export function serveMetrics(app: INestApplication, fastify: FastifyInstance, access: MetricsAccess): void {
  const metrics = app.get(Metrics);
  const db = app.get(Db);
  const dataSource = app.get(DataSource);
  const clock = app.get(Clock);
  const list = allowList(access.allow);
  fastify.get('/metrics', async (request, reply) => {
    const byToken = access.token !== null && tokenMatches(access.token, request.headers.authorization);
    if (!byToken && !allowed(list, request.ip)) {
      return sendHookProblem(reply, 403, 'METRICS.FORBIDDEN', '无权读取运行指标：需要指标令牌或来自允许的网络地址', 'Metrics need the metrics token or an allow-listed address', request.url);
    }
    await observe(metrics, db, dataSource, clock);
    reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store');
    return metrics.registry.metrics();
  });
}

async function observe(metrics: Metrics, db: Db, dataSource: DataSource, clock: Clock): Promise<void> {
  const now = clock.now();
  const [due] = await db.query<{ due: unknown }>(`SELECT MIN(due_at) AS due FROM deadlines WHERE status = 'pending' AND due_at <= :now`, { now });
  metrics.workerLag.set(due?.due ? Math.max(0, (now.getTime() - (due.due instanceof Date ? due.due : new Date(String(due.due))).getTime()) / 1000) : 0);
  const [outbox] = await db.query<{ backlog: unknown; failing: unknown }>(
    'SELECT COUNT(*) AS backlog, COALESCE(SUM(CASE WHEN last_error IS NOT NULL THEN 1 ELSE 0 END), 0) AS failing FROM outbox WHERE delivered_at IS NULL',
  );
  metrics.outboxBacklog.set(Number(outbox?.backlog ?? 0));
  metrics.outboxFailing.set(Number(outbox?.failing ?? 0));
  const pool = (dataSource.driver as { master?: { totalCount?: number; idleCount?: number; waitingCount?: number } }).master;
  if (pool && typeof pool.totalCount === 'number') {
    metrics.pool.set({ state: 'total' }, pool.totalCount);
    metrics.pool.set({ state: 'idle' }, pool.idleCount ?? 0);
    metrics.pool.set({ state: 'waiting' }, pool.waitingCount ?? 0);
  } else {
    // SQLite: one connection, always open.
    metrics.pool.set({ state: 'total' }, 1);
  }
}
