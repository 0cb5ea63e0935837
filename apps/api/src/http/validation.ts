import { ValidationPipe, type ValidationError as ClassValidationError } from '@nestjs/common';
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

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new ValidationError(toFieldErrors(errors)),
  });
}
