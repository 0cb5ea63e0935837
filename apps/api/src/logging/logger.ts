import type { LoggerService } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import pino, { type Logger } from 'pino';
import pretty from 'pino-pretty';
import { maskUrl } from './log-masking';

export type LogFormat = 'json' | 'pretty';

/**
 * One pino logger for the whole process, secrets redacted: JSON lines on stdout in production (FENGQIAO_LOG_FORMAT=json),
 * or readable lines for a developer (pretty).
 */
export function createLogger(level: string, format: LogFormat = 'json'): Logger {
  const options = {
    level,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'password'],
    base: { pid: process.pid },
  };
  return format === 'pretty' ? pino(options, pretty({ sync: true, colorize: process.stdout.isTTY, ignore: 'pid,hostname' })) : pino(options);
}

/** Nest's own messages (startup, errors) through the same pino logger, with the Nest context as a field. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}

/** A caller's X-Request-Id is kept when it is a plain token of reasonable length; otherwise the engine makes one. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/** The case and event a write concerns, for its log line: `/api/cases/:id/...` and the event body's `type`. */
function writeFields(request: FastifyRequest): { caseId?: string; eventType?: string } {
  if (request.method === 'GET' || request.method === 'HEAD') return {};
  const params = request.params as { id?: unknown } | undefined;
  const route = request.routeOptions?.url ?? '';
  const caseId = route.startsWith('/api/cases/:id') && typeof params?.id === 'string' ? params.id : undefined;
  const body = request.body as { type?: unknown } | undefined;
  const eventType = caseId && route.endsWith('/events') && typeof body?.type === 'string' ? body.type : undefined;
  return { caseId, eventType };
}

/**
 * One log line per request when it completes (Fastify's default is two), with the request id, the caller's user id
 * and, for a write to a case, the case id and event type. Written from a Fastify hook rather than an Express-style
 * middleware, which would put a compatibility layer on every request. The URL is logged with personal data masked.
 */
export function logRequests(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('X-Request-Id', request.id);
    done();
  });
  if (!logger.isLevelEnabled('info')) return;
  fastify.addHook('onResponse', (request, reply, done) => {
    if (!request.url.startsWith('/api/health') && request.url !== '/metrics') {
      logger.info(
        {
          reqId: request.id,
          req: { method: request.method, url: maskUrl(request.url), ip: request.ip },
          res: { statusCode: reply.statusCode },
          responseTime: Math.round(reply.elapsedTime * 10) / 10,
          userId: (request as { viewer?: { userId: string } }).viewer?.userId,
          ...writeFields(request),
        },
        'request completed',
      );
    }
    done();
  });
}
