import { existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Where the console is built by `npm run build:web` (Vite), relative to the repository root the engine starts in. */
export const DEFAULT_WEB_ROOT = 'apps/web/dist';

/**
 * Serves the web console at `/`: its files as they are, and index.html for every other path outside `/api`, so the
 * browser's own routes (/cases/…) survive a reload. Anything under `/api` that no controller answers stays a 404
 * problem from the API. Without a built console, people get a Chinese page saying how to build it.
 */
export async function serveWebConsole(app: NestFastifyApplication, webRoot: string | null): Promise<void> {
  const root = resolve(webRoot ?? DEFAULT_WEB_ROOT);
  // serve: false — only `reply.sendFile`; the route below decides what each path means. preCompressed: the build's
  // `.br`/`.gz` beside a file go to browsers that accept them.
  await app.register(fastifyStatic, { root, serve: false, decorateReply: true, preCompressed: true });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request: FastifyRequest, reply: FastifyReply) => answer(root, request, reply));
}

/**
 * The console loads only its own scripts and talks only to its own origin. Styles must allow inline: the component
 * library and the diagram renderer write their styles at run time.
 */
const PAGE_HEADERS = {
  'cache-control': 'no-cache',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

function answer(root: string, request: FastifyRequest, reply: FastifyReply) {
  const path = decodePath(request.url);
  if (path === null || path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
  if (!existsSync(join(root, 'index.html'))) return reply.status(503).headers({ ...PAGE_HEADERS, 'cache-control': 'no-store' }).type('text/html; charset=utf-8').send(notBuiltPage(root));

  const file = resolve(root, `.${path}`);
  if (file.startsWith(root + sep) && isFile(file)) {
    // Vite names bundles by content hash, so they never change under their name; index.html must always be fresh.
    if (path.startsWith('/assets/')) return reply.sendFile(path.slice(1), { maxAge: '365d', immutable: true });
    return reply.headers(path === '/index.html' ? PAGE_HEADERS : { 'cache-control': 'no-cache' }).sendFile(path.slice(1), { cacheControl: false });
  }
  // A missing file (a stale bundle name, a typo) is a 404; any other path is one of the console's own pages.
  if (extname(path)) return reply.callNotFound();
  return reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').sendFile('index.html', { cacheControl: false });
}

function decodePath(url: string): string | null {
  try {
    return decodeURIComponent(url.split('?')[0]);
  } catch {
    return null;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function notBuiltPage(root: string): string {
  const escaped = root.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>枫桥 · 控制台尚未构建</title></head>
<body style="font-family: system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif; max-width: 40em; margin: 3em auto; padding: 0 1em; line-height: 1.7">
<h1>网页控制台尚未构建</h1>
<p>引擎和接口（<a href="/api/docs">/api/docs</a>）已正常运行，但没有找到网页控制台的构建结果：<code>${escaped}</code>。</p>
<p>请在项目目录中运行 <code>npm run build</code>（或只构建控制台：<code>npm run build:web</code>），完成后刷新本页。</p>
<p>如控制台放在其他目录，请用环境变量 <code>FENGQIAO_WEB_ROOT</code> 指定。</p>
</body>
</html>`;
}
