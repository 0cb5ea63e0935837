import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { TEST_DATABASES } from '../support/databases';
import { createTestApp, type TestApp } from '../support/test-app';

/*
 * The engine serves the web console at `/` beside the API: built files as they are, index.html for the console's
 * own routes, 404 problems for unknown API paths and missing files, and a Chinese page when nothing is built.
 */

const BIG_BUNDLE = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, label: "第${i}行" }`).join(', ')}];`;

/** The body as bytes, not decoded: what went over the wire. */
function rawBytes(response: unknown, done: (error: Error | null, body: Buffer) => void) {
  const res = response as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe.each(TEST_DATABASES)('web console at / ($name)', (database) => {
  describe('with a built console', () => {
    let t: TestApp;
    let root: string;

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'fengqiao-web-'));
      mkdirSync(join(root, 'assets'));
      writeFileSync(join(root, 'index.html'), '<!doctype html><html lang="zh-CN"><title>枫桥</title><div id="root"></div></html>');
      writeFileSync(join(root, 'assets', 'index-Ab12.js'), 'console.log("console")');
      writeFileSync(join(root, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
      // As the build leaves a bundle: the file and its brotli and gzip copies.
      writeFileSync(join(root, 'assets', 'big-Cd34.js'), BIG_BUNDLE);
      writeFileSync(join(root, 'assets', 'big-Cd34.js.br'), brotliCompressSync(BIG_BUNDLE));
      writeFileSync(join(root, 'assets', 'big-Cd34.js.gz'), gzipSync(BIG_BUNDLE));
      t = await createTestApp(database, { FENGQIAO_WEB_ROOT: root });
    });
    afterAll(async () => {
      await t?.close();
      rmSync(root, { recursive: true, force: true });
    });

    it('serves index.html at / and for the console’s own routes, never cached', async () => {
      for (const path of ['/', '/cases/6f1c2a4e-0000-4000-8000-000000000000', '/admin/users', '/login?next=%2Fcases']) {
        const res = await t.http().get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.text).toContain('<html lang="zh-CN">');
      }
    });

    it('serves hashed bundles as immutable and other files as they are', async () => {
      const bundle = await t.http().get('/assets/index-Ab12.js');
      expect(bundle.status).toBe(200);
      expect(bundle.headers['content-type']).toMatch(/javascript/);
      expect(bundle.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const icon = await t.http().get('/favicon.svg');
      expect(icon.status).toBe(200);
      expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    });

    it('sends the build’s compressed copies of a bundle to browsers that accept them, and compresses API answers', async () => {
      const br = await t.http().get('/assets/big-Cd34.js').set('Accept-Encoding', 'br, gzip').buffer(true).parse(rawBytes);
      expect(br.status).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(Number(br.headers['content-length'])).toBe(brotliCompressSync(BIG_BUNDLE).length);
      const gzip = await t.http().get('/assets/big-Cd34.js').set('Accept-Encoding', 'gzip');
      expect(gzip.headers['content-encoding']).toBe('gzip');
      expect(gzip.text).toBe(BIG_BUNDLE);
      const plain = await t.http().get('/assets/big-Cd34.js').set('Accept-Encoding', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.text).toBe(BIG_BUNDLE);

      const docs = await t.http().get('/api/docs/openapi.json').set('Accept-Encoding', 'gzip');
      expect(docs.headers['content-encoding']).toBe('gzip');
      expect(docs.body.paths).toHaveProperty('/api/health');
      // Below 1 KB compression gains nothing.
      expect((await t.http().get('/api/health').set('Accept-Encoding', 'gzip')).headers['content-encoding']).toBeUndefined();
    });

    it('answers 404 problems for unknown API paths, missing files and paths outside the console', async () => {
      for (const path of ['/api/nothing-here', '/api', '/assets/index-Gone.js', '/%2e%2e/%2e%2e/package.json', '/..%2F..%2Fpackage.json']) {
        const res = await t.http().get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      expect((await t.http().post('/cases').send({})).status).toBe(404);
    });

    it('keeps the API and its documentation where they were', async () => {
      expect((await t.http().get('/api/health')).status).toBe(200);
      expect((await t.http().get('/api/cases')).status).toBe(401);
      const docs = await t.http().get('/api/docs');
      expect(docs.status).toBe(200);
      expect(docs.text).toContain('swagger');
      expect((await t.http().get('/api/docs/openapi.json')).body.paths).toHaveProperty('/api/admin/users');
    });
  });

  describe('without a built console', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(database, { FENGQIAO_WEB_ROOT: join(tmpdir(), 'fengqiao-web-never-built') });
    });
    afterAll(async () => {
      await t?.close();
    });

    it('says in Chinese that the console is not built and how to build it, and the API still works', async () => {
      const res = await t.http().get('/cases/x');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.text).toContain('网页控制台尚未构建');
      expect(res.text).toContain('npm run build');
      expect((await t.http().get('/api/health')).status).toBe(200);
    });
  });
});
