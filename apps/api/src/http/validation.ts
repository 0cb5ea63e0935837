import { ValidationPipe, type ArgumentMetadata, type ValidationError as ClassValidationError } from '@nestjs/common';
import { ValidationError, type FieldError } from '@app/shared';

const ZH: Record<string, string> = {
  isString: '必须是文字',
  isNotEmpty: '不能为空',
  isDefined: '必须填写',
  minLength: '长度不足',
  maxLength: '超出长度上限',
  isIn: '取值不在允许范围内',
  isEnum: '取值不在允许范围内',
  isArray: '必须是列表',
  arrayMinSize: '项数不足',
  arrayMaxSize: '项数过多',
  isInt: '必须是整数',
  min: '数值过小',
  max: '数值过大',
  isObject: '必须是对象',
  isBoolean: '必须是“是”或“否”',
  matches: '格式不正确',
  isChineseIdNumber: '不是有效的居民身份证号码（18位，校验位须正确）',
  isChinesePhone: '不是有效的电话号码',
  isRegionCode: '不是有效的行政区划代码',
  whitelistValidation: '是不允许的字段',
  nestedValidation: '格式不正确',
  isDateString: '不是有效日期',
  isIso8601: '不是有效的时刻（ISO-8601）',
};

/** Flattens class-validator's tree into one error per field, with its path and a Chinese message. */
export function toFieldErrors(errors: ClassValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const path = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    // A decorator may carry its own Chinese text as `{ context: { messageZh } }`, for rules the table cannot word well.
    for (const [key, message] of Object.entries(e.constraints ?? {})) out.push({ field: path, message, messageZh: zhContext(e, key) ?? ZH[key] ?? '无效' });
    if (e.children?.length) out.push(...toFieldErrors(e.children, path));
  }
  return out;
}

function zhContext(e: ClassValidationError, key: string): string | undefined {
  const text = (e.contexts?.[key] as { messageZh?: unknown } | undefined)?.messageZh;
  return typeof text === 'string' ? text : undefined;
}

/**
 * A request class whose bodies a hand-written check can accept: `accepts` returns true only for a body its decorators
 * would accept unchanged (no field to strip, none to transform, no prototype key for the pipe to delete), and may
 * return false for any other; those go through class-validator as before, with its errors.
 */
export interface QuicklyChecked {
  accepts(body: unknown): boolean;
}

/**
 * The global pipe (whitelist, forbid unknown fields, transform into the request class). A body whose class has a
 * quick check (the workflow event, sent with every transition) skips class-transformer and class-validator when the
 * check passes: together they cost about a twelfth of a transition's CPU for two fields.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const type = metadata.type === 'body' ? (metadata.metatype as (QuicklyChecked & (new () => object)) | undefined) : undefined;
    if (type && typeof type.accepts === 'function' && type.accepts(value)) return Object.assign(new type(), value);
    return super.transform(value, metadata);
  }
}

/** True when no object in the JSON value has a key the validation pipe would delete (`__proto__`, `prototype`, `constructor`). */
export function withoutProtoKeys(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > 32) return false;
  if (Array.isArray(value)) return value.every((v) => withoutProtoKeys(v, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;
  for (const key of Object.keys(value)) {
    if (key === '__proto__' || key === 'prototype' || key === 'constructor') return false;
    if (!withoutProtoKeys((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationError(toFieldErrors(errors)),
  });
}
