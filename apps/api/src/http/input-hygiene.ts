import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { ValidationError, type FieldError } from '@app/shared';

/** Deeper than any form the engine knows (the deepest event data nests four levels), shallow enough to walk safely. */
export const MAX_INPUT_DEPTH = 32;

/** Names that reach object prototypes: class-transformer drops them silently, so they are refused like unknown fields. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** In a `u` regex a surrogate pair is one code point, so only an unpaired surrogate is in the category Cs. */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/**
 * Refuses, before any validation or storage sees it, input that one database would store and the other reject, or
 * that would break the validators: nesting beyond `MAX_INPUT_DEPTH`, prototype-reaching keys, the NUL character
 * (PostgreSQL text cannot hold it) and unpaired UTF-16 surrogates (not valid Unicode, refused by PostgreSQL's JSON).
 * Body and query string alike, with a 400 naming the field, so both databases accept and refuse the same requests.
 */
export function inputProblems(value: unknown, path: string, depth = 0, out: FieldError[] = []): FieldError[] {
  if (out.length >= 10) return out;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ field: path, message: 'contains the NUL character (U+0000)', messageZh: '含有不允许的空字符（U+0000）' });
    else if (UNPAIRED_SURROGATE.test(value)) out.push({ field: path, message: 'contains an unpaired surrogate (not valid Unicode)', messageZh: '含有无效字符（不成对的代理项）' });
    return out;
  }
  if (value === null || typeof value !== 'object') return out;
  if (depth >= MAX_INPUT_DEPTH) {
    out.push({ field: path, message: `is nested more than ${MAX_INPUT_DEPTH} levels deep`, messageZh: `嵌套层数超过上限（${MAX_INPUT_DEPTH}层）` });
    return out;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => inputProblems(item, `${path}[${i}]`, depth + 1, out));
    return out;
  }
  for (const key of Object.keys(value)) {
    const field = path ? `${path}.${key}` : key;
    if (RESERVED_KEYS.has(key)) out.push({ field, message: 'should not exist', messageZh: '是不允许的字段' });
    else if (key.includes('\u0000') || UNPAIRED_SURROGATE.test(key)) out.push({ field: path || '(body)', message: 'has a field name with the NUL character or an unpaired surrogate', messageZh: '含有无效的字段名' });
    else inputProblems((value as Record<string, unknown>)[key], field, depth + 1, out);
  }
  return out;
}

/**
 * A guard rather than an interceptor: it runs after authentication and before the validation pipe, and a global
 * interceptor would route every request through rxjs (about a tenth of a transition's CPU).
 */
@Injectable()
export class InputHygieneGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ body?: unknown; query?: unknown; params?: unknown }>();
    const problems = [...inputProblems(request.body, ''), ...inputProblems(request.query, ''), ...inputProblems(request.params, '')];
    if (problems.length) throw new ValidationError(problems);
    return true;
  }
}
