import { ValidationError } from '@app/shared';

/** `If-Match: "5"`, `W/"5"` or `5` → 5. The ETag of a case is its version. */
export function parseIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header === '') return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match) throw new ValidationError([{ field: 'If-Match', message: 'must be a case version such as "5"', messageZh: '必须是案件版本号，例如 "5"' }]);
  return Number(match[1]);
}

export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined || header === '') return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) {
    throw new ValidationError([{ field: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters', messageZh: '须为 1 至 200 个可见 ASCII 字符' }]);
  }
  return header;
}

export function etag(version: number): string {
  return `"${version}"`;
}
