import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_DATABASES, type TestDatabase } from './databases';
import { auth, pmCaseBody, pmCaseIn, pmStep } from './cases';
import { CONSOLE_TYPES_PATH, consoleTypes, responseValidator, validationErrors } from './openapi';
import type { TestApp } from './test-app';

/*
 * The OpenAPI document is what an integrator generates a client from, and what the console's types come from: it must
 * be valid, give every response a schema, and describe what the engine really sends. Declared inside the suite of
 * workflows and docs, on its app: a document needs no app of its own.
 */

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** The readiness probe answers 503 with the same health report as its 200, for load balancers, not a problem document. */
const NOT_PROBLEMS = new Set(['get /api/health/ready 503']);

type Json = Record<string, any>;

/** The document is built from code, not data: checked in full once, and compared with that one on every other database. */
let firstDocument: Json | undefined;

function operations(document: Json): { method: string; path: string; operation: Json }[] {
  return Object.entries(document.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ method, path, operation: item[method] })),
  );
}

export function describeOpenApiDocument(database: TestDatabase, app: () => TestApp): void {
  describe('OpenAPI document', () => {
    let t: TestApp;
    let document: Json;
    const isFirst = database === TEST_DATABASES[0];

    beforeAll(async () => {
      t = app();
      document = (await t.http().get('/api/docs/openapi.json')).body;
      firstDocument ??= document;
    });

    it('is a valid OpenAPI 3.1 document with typed query parameters, the same on every database', () => {
      expect(document.openapi).toBe('3.1.0');
      if (isFirst) expect(validationErrors(document)).toBe('');
      else expect(document).toEqual(firstDocument);
      // An untyped property becomes a reference to an empty `Object` schema: valid, but a client cannot use it.
      expect(Object.keys(document.components.schemas)).not.toContain('Object');
      expect(JSON.stringify(document)).not.toContain('#/components/schemas/Object"');
      const page = document.paths['/api/cases'].get.parameters.find((p: Json) => p.name === 'page');
      expect(page.schema).toMatchObject({ type: 'integer', minimum: 1, default: 1 });
    });

    it('gives every response of every operation a content schema, and every error the shared problem details', () => {
      const missing: string[] = [];
      for (const { method, path, operation } of operations(document)) {
        const statuses = Object.keys(operation.responses);
        if (!statuses.some((s) => s.startsWith('2'))) missing.push(`${method} ${path}: no success response`);
        for (const status of statuses) {
          const key = `${method} ${path} ${status}`;
          const content = operation.responses[status].content as Json | undefined;
          if (status === '204') {
            if (content) missing.push(`${key}: a 204 has no body`);
            continue;
          }
          if (!content || Object.keys(content).length === 0) missing.push(`${key}: no content`);
          else for (const [type, media] of Object.entries(content)) if (!media.schema) missing.push(`${key} ${type}: no schema`);
          if (Number(status) >= 400 && !NOT_PROBLEMS.has(key) && content?.['application/problem+json']?.schema?.$ref !== '#/components/schemas/ProblemDetails') {
            missing.push(`${key}: not application/problem+json with ProblemDetails`);
          }
        }
        if (operation.security && !operation.responses['401']) missing.push(`${method} ${path}: needs a token but declares no 401`);
      }
      expect(missing).toEqual([]);
    });

    it('types event data per workflow and event type, discriminated by type, and opening input per workflow', () => {
      const schemas = document.components.schemas;
      const body = document.paths['/api/cases/{id}/events'].post.requestBody.content['application/json'].schema;
      expect(body.$ref).toBe('#/components/schemas/CaseEventRequest');
      expect(schemas.CaseEventRequest.discriminator.propertyName).toBe('type');
      expect(schemas.CaseEventRequest.discriminator.mapping.SEEK_CONSENT).toBe('#/components/schemas/CaseEventSEEK_CONSENT');
      expect(schemas.CaseEventSEEK_CONSENT.properties.type.const).toBe('SEEK_CONSENT');
      expect(schemas.PmEventRECORD_SESSIONData).toMatchObject({ type: 'object', required: expect.arrayContaining(['heldOn']) });
      // A workflow's extra opening facts are typed too.
      expect(schemas.OpenCaseRequest.properties.input.anyOf).toContainEqual({ $ref: '#/components/schemas/CmOpeningInput' });
      expect(schemas.CmOpeningInput).toMatchObject({ type: 'object', properties: { appliedOn: { type: 'string' } } });
      // Events only the engine sends are not offered to clients.
      expect(Object.keys(schemas.CaseEventRequest.discriminator.mapping)).not.toContain('DEADLINE_EXPIRED');
    });

    it('describes what the engine really sends: sampled bodies validate against their declared schemas', async () => {
      const validator = responseValidator(document);
      const view = await pmCaseIn(t, 'consentPending');
      const mediatorId = (await t.loginUser('fy_mediator')).user.id;
      const deadline = view.deadlines[0];
      const samples: { user: string | null; method: string; path: string; url: string; body?: object; headers?: Record<string, string>; status: number }[] = [
        { user: 'fy_mediator', method: 'get', path: '/api/cases', url: '/api/cases?pageSize=5', status: 200 },
        { user: 'fy_mediator', method: 'post', path: '/api/cases', url: '/api/cases', body: pmCaseBody({ summary: '相邻通行纠纷' }), status: 201 },
        { user: 'fy_mediator', method: 'get', path: '/api/cases/{id}', url: `/api/cases/${view.id}`, status: 200 },
        { user: 'fy_mediator', method: 'post', path: '/api/cases/{id}/events', url: `/api/cases/${view.id}/events`, body: { type: 'ASSIGN_MEDIATOR', data: pmStep(t, 'ASSIGN_MEDIATOR', mediatorId) }, status: 200 },
        { user: 'fy_mediator', method: 'post', path: '/api/cases/{id}/events', url: `/api/cases/${view.id}/events`, body: { type: 'SIGN_WRITTEN_AGREEMENT', data: {} }, status: 409 },
        { user: 'fy_mediator', method: 'post', path: '/api/cases/{id}/events', url: `/api/cases/${view.id}/events`, body: { type: 'START_MEDIATION', data: { startedOn: 'soon' } }, status: 400 },
        { user: 'fy_mediator', method: 'post', path: '/api/cases/{id}/events', url: `/api/cases/${view.id}/events`, body: { type: 'RECORD_SESSION', data: {} }, headers: { 'If-Match': '"1"' }, status: 412 },
        { user: 'fy_mediator', method: 'get', path: '/api/cases/{id}/history', url: `/api/cases/${view.id}/history`, status: 200 },
        { user: 'fy_mediator', method: 'get', path: '/api/deadlines', url: '/api/deadlines', status: 200 },
        { user: 'fy_mediator', method: 'post', path: '/api/cases/{id}/deadlines/{deadlineId}/pauses', url: `/api/cases/${view.id}/deadlines/${deadline.id}/pauses`, body: {}, status: 400 },
        { user: 'fy_mediator', method: 'get', path: '/api/workflows', url: '/api/workflows', status: 200 },
        { user: 'fy_mediator', method: 'get', path: '/api/workflows/{id}', url: '/api/workflows/pm', status: 200 },
        { user: 'fy_mediator', method: 'get', path: '/api/workflows/{id}', url: '/api/workflows/divorce', status: 404 },
        { user: 'fy_mediator', method: 'get', path: '/api/routes', url: '/api/routes', status: 200 },
        { user: 'fy_mediator', method: 'get', path: '/api/inbox', url: '/api/inbox', status: 200 },
        { user: 'fy_mediator', method: 'get', path: '/api/disputes/{code}', url: `/api/disputes/${view.disputeCode}`, status: 200 },
        { user: 'fy_mediator', method: 'get', path: '/api/regions', url: '/api/regions', status: 200 },
        { user: 'fy_mediator', method: 'get', path: '/api/vocabulary', url: '/api/vocabulary', status: 200 },
        { user: 'fy_mediator', method: 'get', path: '/api/auth/me', url: '/api/auth/me', status: 200 },
        { user: 'fy_mediator', method: 'get', path: '/api/notifications', url: '/api/notifications', status: 200 },
        { user: 'fy_mediator', method: 'get', path: '/api/cases/{id}/team', url: `/api/cases/${view.id}/team`, status: 200 },
        { user: 'fy_mediator', method: 'get', path: '/api/audit/verify', url: '/api/audit/verify', status: 403 },
        { user: 'auditor', method: 'get', path: '/api/audit/verify', url: '/api/audit/verify', status: 200 },
        { user: 'admin', method: 'get', path: '/api/admin/users', url: '/api/admin/users', status: 200 },
        { user: 'admin', method: 'get', path: '/api/admin/organisations', url: '/api/admin/organisations', status: 200 },
        { user: 'admin', method: 'get', path: '/api/calendar/years', url: '/api/calendar/years', status: 200 },
        { user: null, method: 'get', path: '/api/cases', url: '/api/cases', status: 401 },
        { user: null, method: 'get', path: '/api/health', url: '/api/health', status: 200 },
        { user: null, method: 'post', path: '/api/auth/login', url: '/api/auth/login', body: { username: 'fy_clerk', password: 'demo-test-password' }, status: 200 },
      ];
      const failures: string[] = [];
      for (const sample of samples) {
        let request = t.http()[sample.method as 'get' | 'post'](sample.url);
        if (sample.user) request = request.set(auth(await t.login(sample.user)));
        if (sample.headers) request = request.set(sample.headers);
        const res = await (sample.body ? request.send(sample.body) : request);
        const key = `${sample.method.toUpperCase()} ${sample.url} ${res.status}`;
        if (res.status !== sample.status) {
          failures.push(`${key}: expected ${sample.status} ${JSON.stringify(res.body).slice(0, 300)}`);
          continue;
        }
        const mediaType = String(res.headers['content-type']).split(';')[0];
        const validate = validator(sample.method, sample.path, res.status, mediaType);
        if (!validate(res.body)) failures.push(`${key}: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
      }
      expect(failures).toEqual([]);
      // The check has teeth: a body with a field its schema does not name, or missing one it requires, fails.
      const caseSchema = validator('get', '/api/cases/{id}', 200, 'application/json');
      const real = (await t.http().get(`/api/cases/${view.id}`).set(auth(await t.login('fy_mediator')))).body;
      expect(caseSchema(real)).toBe(true);
      expect(caseSchema({ ...real, unexpected: 1 })).toBe(false);
      expect(caseSchema({ ...real, deadlines: real.deadlines.map(({ paused: _, ...d }: Json) => d) })).toBe(false);
    });

    it("generates the console's API types from this document (UPDATE_DOCS=1 rewrites them; npm run api:types)", () => {
      // The other databases serve the same document (the first test), so their types are these too.
      if (!isFirst) return expect(document).toEqual(firstDocument);
      const path = join(__dirname, '..', '..', CONSOLE_TYPES_PATH);
      const fresh = consoleTypes(document);
      if (process.env.UPDATE_DOCS === '1') writeFileSync(path, fresh);
      expect(readFileSync(path, 'utf8') === fresh).toBe(true);
    });
  });
}
