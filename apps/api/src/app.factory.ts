import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { installFastAsyncResourceBind } from './http/async-resource-bind';
import { sendRouterProblem } from './http/problem-details.filter';
import { addSecurityHeaders, securityHeaders } from './http/security-headers';
import { serveWebConsole } from './http/web-console';
import { createLogger, logRequests, PinoNestLogger } from './logging/logger';

/** Builds the engine's HTTP application; `main.ts` and the test suites both use it, so tests run what ships. */
export async function createApp(config: AppConfig, options: { logger?: boolean } = {}): Promise<NestFastifyApplication> {
  installFastAsyncResourceBind();
  const logger = createLogger(options.logger === false ? 'silent' : config.logLevel);
  const setSecurityHeaders = securityHeaders(config.hstsMaxAge);
  const frameworkErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    setSecurityHeaders(request.url, reply);
    sendRouterProblem(error, request.url, reply);
  };
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), new FastifyAdapter({ bodyLimit: 1_048_576, trustProxy: config.trustProxy, frameworkErrors }), {
    logger: options.logger === false ? false : new PinoNestLogger(logger),
  });
  logRequests(app.getHttpAdapter().getInstance(), logger);
  addSecurityHeaders(app.getHttpAdapter().getInstance(), setSecurityHeaders);
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Fengqiao 枫桥 — dispute-mediation case workflow engine')
      .setDescription('人民调解、司法确认等多元解纷渠道的案件流程、法定期限与防篡改办理记录。错误以 RFC 7807 problem details 返回。')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
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
