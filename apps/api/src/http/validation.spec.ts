import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import { ValidationError } from '@app/shared';
import { CaseEventRequest } from '../cases/case.requests';
import { createValidationPipe, toFieldErrors } from './validation';

const asBody: ArgumentMetadata = { type: 'body', metatype: CaseEventRequest, data: '' };
// The pipe as it was before the quick check: class-transformer and class-validator on every body.
const decoratorsOnly = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true, exceptionFactory: (errors) => new ValidationError(toFieldErrors(errors)) });
const pipe = createValidationPipe();

/** What a pipe makes of a body (JSON in, as the HTTP parser gives it): the request object, or the fields it refuses. */
async function outcome(p: ValidationPipe, json: string): Promise<unknown> {
  try {
    const value = await p.transform(JSON.parse(json), asBody);
    return { instance: value instanceof CaseEventRequest, value: { ...(value as object) } };
  } catch (error) {
    return { refused: error instanceof ValidationError ? error.errors : String(error) };
  }
}

describe('the validation pipe’s quick check of a workflow event body', () => {
  const accepted = [
    '{"type":"RECORD_SESSION","data":{"heldOn":"2026-12-01","summary":"双方到场"}}',
    '{"type":"SEEK_CONSENT","data":{}}',
    '{"type":"SEEK_CONSENT"}',
    '{"type":"ASSIGN_MEDIATOR","data":{"mediatorId":"u1","consentedPartyIds":["P1","P2"],"nested":{"a":[{"b":null}]}}}',
  ];
  const refused = [
    '{"type":"seek_consent","data":{}}',
    '{"type":"","data":{}}',
    '{"type":42}',
    '{"data":{}}',
    '{"type":"SEEK_CONSENT","data":[]}',
    '{"type":"SEEK_CONSENT","data":"x"}',
    '{"type":"SEEK_CONSENT","data":{},"extra":1}',
    '[]',
    `{"type":"${'A'.repeat(61)}"}`,
  ];
  const changedByThePipe = [
    '{"type":"SEEK_CONSENT","data":null}',
    '{"type":"SEEK_CONSENT","data":{"constructor":{"x":1},"keep":1}}',
    '{"type":"SEEK_CONSENT","data":{"list":[{"prototype":1,"keep":2}]}}',
  ];

  it.each(accepted)('takes %s without class-validator, as class-validator would', async (json) => {
    expect(CaseEventRequest.accepts(JSON.parse(json))).toBe(true);
    const quick = await outcome(pipe, json);
    expect(quick).toEqual(await outcome(decoratorsOnly, json));
    expect(quick).toMatchObject({ instance: true });
  });

  it.each([...refused, ...changedByThePipe])('leaves %s to class-validator, with the same result', async (json) => {
    expect(CaseEventRequest.accepts(JSON.parse(json))).toBe(false);
    expect(await outcome(pipe, json)).toEqual(await outcome(decoratorsOnly, json));
  });

  it('still names the refused field', async () => {
    expect(await outcome(pipe, '{"type":"seek","data":{}}')).toEqual({ refused: [expect.objectContaining({ field: 'type' })] });
    expect(await outcome(pipe, '{"type":"SEEK_CONSENT","data":{},"extra":1}')).toEqual({ refused: [expect.objectContaining({ field: 'extra' })] });
  });
});
