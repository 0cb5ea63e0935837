import { ValidationError } from '@app/shared';

const badIfMatch = () => new ValidationError([{ field: 'If-Match', message: 'must be "*" or a list of entity tags such as "5"', messageZh: '须为 "*" 或实体标签列表，例如 "5"' }]);

/**
 * If-Match under RFC 9110 §13.1.1, with the strong comparison it requires: the versions the request may apply at.
 * The ETag of a case is its version. A weak tag (`W/"5"`) or a tag naming no version never matches, so it leaves
 * nothing to match and the answer is 412; `*` matches any case that exists, which is no condition beyond the 404 an
 * unknown case already gets (undefined). A bare `5` is also read as `"5"`, as clients of the first API version send it.
 */
export function parseIfMatch(header: string | undefined): number[] | undefined {
  if (header === undefined || header === '') return undefined;
  const value = header.trim();
  if (value === '*') return undefined;
  if (/^\d{1,9}$/.test(value)) return [Number(value)];
  const versions: number[] = [];
  // #entity-tag: comma-separated, optional whitespace, empty elements allowed (RFC 9110 §5.6.1).
  for (const element of value.split(',')) {
    const tag = element.trim();
    if (tag === '') continue;
    const match = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/.exec(tag);
    if (!match) throw badIfMatch();
    if (!match[1] && /^(0|[1-9]\d{0,8})$/.test(match[2])) versions.push(Number(match[2]));
  }
  if (!value.split(',').some((e) => e.trim() !== '')) throw badIfMatch();
  return versions;
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
