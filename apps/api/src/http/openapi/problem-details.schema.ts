import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** What ProblemDetailsFilter sends: the RFC 7807 members in Chinese and English, plus the extensions some errors carry. */
export const PROBLEM_DETAILS_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 7807 problem details. title/detail are Chinese, titleEn/detailEn English.',
  required: ['type', 'title', 'titleEn', 'status', 'detail', 'detailEn', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://fengqiao.dev/problems/validation-failed' },
    title: { type: 'string', example: '请求内容有误' },
    titleEn: { type: 'string', example: 'Invalid request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string' },
    detailEn: { type: 'string' },
    code: { type: 'string', description: 'Namespaced error code, e.g. VALIDATION.FAILED, CASE.TRANSITION_NOT_ALLOWED', example: 'VALIDATION.FAILED' },
    instance: { type: 'string', description: 'The request path' },
    errors: {
      type: 'array',
      description: '400: one entry per invalid field',
      items: {
        type: 'object',
        required: ['field', 'message', 'messageZh'],
        properties: { field: { type: 'string', example: 'parties[0].name' }, message: { type: 'string' }, messageZh: { type: 'string' } },
      },
    },
    currentVersion: { anyOf: [{ type: 'integer' }, { type: 'null' }], description: '409/412 on a version conflict: the case version now' },
    state: { type: 'string', description: '409 on a refused event: the state of the case' },
    stateLabel: { type: 'string' },
    event: { type: 'string' },
    allowed: { type: 'array', items: { type: 'string' }, description: '409 on a refused event: the event types allowed now' },
    allowedEvents: {
      type: 'array',
      items: { type: 'object', required: ['type', 'label'], properties: { type: { type: 'string' }, label: { type: 'string' } } },
    },
    violations: {
      type: 'array',
      description: '409: the legal preconditions that refused the event',
      items: {
        type: 'object',
        required: ['precondition', 'message', 'messageEn'],
        properties: { precondition: { type: 'string' }, message: { type: 'string' }, messageEn: { type: 'string' }, legalBasis: { type: 'string' } },
      },
    },
    reasons: { type: 'array', items: { $ref: '#/components/schemas/IneligibleReason' }, description: '409 SUBSIDY.INELIGIBLE: why the case is not eligible' },
    retryAfterSeconds: { type: 'integer', description: '429: seconds until another attempt is accepted (also the Retry-After header)' },
    reason: { type: 'string', description: '401 on an ended session: why it ended' },
  },
};
