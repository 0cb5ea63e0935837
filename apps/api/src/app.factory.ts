import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { installFastAsyncResourceBind } from './http/async-resource-bind';
import { buildOpenApiDocument } from './http/openapi/openapi-document';
import { sendRouterProblem } from './http/problem-details.filter';
import { compressResponses } from './http/compression';
import { addSecurityHeaders, securityHeaders } from './http/security-headers';
import { serveWebConsole } from './http/web-console';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { createLogger, logRequests, PinoNestLogger, REQUEST_ID_PATTERN } from './logging/logger';
import { Lifecycle } from './operations/lifecycle';
import { Metrics } from './operations/metrics';
import { serveMetrics } from './operations/metrics-endpoint';
import type { Logger } from 'pino';
import multipart from '@fastify/multipart';

/** Builds the engine's HTTP application; `main.ts` and the test suites both use it, so tests run what ships. */
export async function createApp(config: AppConfig, options: { logger?: boolean; log?: Logger } = {}): Promise<NestFastifyApplication> {
  installFastAsyncResourceBind();
  const logger = options.log ?? createLogger(options.logger === false ? 'silent' : config.logLevel);
  const setSecurityHeaders = securityHeaders(config.hstsMaxAge);
  const frameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    setSecurityHeaders(request.url, reply);
    sendRouterProblem(error, request.url, reply);
  };
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter({ bodyLimit: 1_048_576, trustProxy: config.trustProxy, frameworkErrors, requestIdHeader: false, genReqId: requestId }), {
    logger: options.logger === false ? false : new PinoNestLogger(logger),
  });
  // First hook: a request refused while shutting down is refused before anything else runs for it.
  app.get(Lifecycle).track(app.getHttpAdapter().getInstance());
  app.get(Metrics).track(app.getHttpAdapter().getInstance());
  logRequests(app.getHttpAdapter().getInstance(), logger);
  addSecurityHeaders(app.getHttpAdapter().getInstance(), setSecurityHeaders);
  app.setGlobalPrefix('api');
  // Uploads: one file per request, cut off at the size limit while it streams in (413), never buffered past it.
  await app.register(multipart as never, { limits: { fileSize: config.attachments.maxBytes, files: 1, fields: 10, fieldSize: 4096, parts: 12 } });
  await compressResponses(app);

  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  serveMetrics(app, app.getHttpAdapter().getInstance(), config.metrics);
  await serveWebConsole(app, config.webRoot);
  try {
    await app.init();
  } catch (error) {
    // A start refused at init (a changed audit hash) must not leave the database connections open behind it.
    await app.close().catch(() => undefined);
    throw error;
  }
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

/** The caller's X-Request-Id when it is a plain token, so one id follows a request through proxies; otherwise a new one. */
function requestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
}
