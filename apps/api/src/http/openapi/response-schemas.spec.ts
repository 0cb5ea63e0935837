import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// Plain JavaScript so `npm run api:schemas` runs it with node alone.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate, render, OUTPUT } = require(join(__dirname, '..', '..', '..', '..', '..', 'scripts', 'openapi', 'response-schemas.js'));

describe('response-schemas.json', () => {
  // One TypeScript program over the controllers: slower than a usual unit test, and the only way to see their types.
  const fresh = generate();

  it('is what the controllers return today (npm run api:schemas rewrites it)', () => {
    expect(readFileSync(OUTPUT, 'utf8') === render(fresh)).toBe(true);
  });

  it('has a schema for every route of every controller, and names the engine view types', () => {
    const operations = Object.entries(fresh.operations as Record<string, unknown>);
    expect(operations.length).toBeGreaterThan(80);
    // Only the routes that answer 204, or write a file's bytes to the reply themselves, return nothing.
    expect(operations.filter(([, schema]) => schema === null).map(([key]) => key).sort()).toEqual([
      'AdminUsersController_resetPassword',
      'AdminUsersController_unlock',
      'AdminWebhooksController_remove',
      'AttachmentsController_download',
      'DocumentsController_pdf',
      'SessionController_changePassword',
      'SessionController_logout',
    ]);
    expect(fresh.operations.CasesController_get).toEqual({ $ref: '#/components/schemas/CaseView' });
    expect(fresh.components.DeadlineView.required).toEqual(expect.arrayContaining(['paused', 'warning', 'pauses', 'extensions']));
    // A nullable field keeps its null, an optional one is not required.
    expect(fresh.components.DeadlineView.properties.warning).toMatchObject({ type: ['string', 'null'] });
  });
});
