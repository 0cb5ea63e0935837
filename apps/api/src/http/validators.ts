import { ValidateBy, type ValidationOptions } from 'class-validator';
import { chinaDate, isIsoDate } from '@app/calendar';
import { isValidChineseIdNumber, isValidChinesePhone } from '@app/shared';

export const IsChineseIdNumber = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isChineseIdNumber', validator: { validate: (v) => typeof v === 'string' && isValidChineseIdNumber(v), defaultMessage: () => '$property is not a valid resident identity number' } }, options);

export const IsChinesePhone = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isChinesePhone', validator: { validate: (v) => typeof v === 'string' && isValidChinesePhone(v), defaultMessage: () => '$property is not a valid phone number' } }, options);

export const IsRegionCode = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isRegionCode', validator: { validate: (v) => typeof v === 'string' && /^\d{6}(\d{3}(\d{3})?)?$/.test(v), defaultMessage: () => '$property must be a 6, 9 or 12-digit division code' } }, options);

/** A birth date a living party can have: a real day, not after today (China time), not before 1900. */
export const IsPlausibleBirthDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isPlausibleBirthDate',
      validator: {
        validate: (v) => isIsoDate(v) && v >= '1900-01-01' && v <= chinaDate(new Date()),
        defaultMessage: () => '$property must be a date YYYY-MM-DD between 1900-01-01 and today',
      },
    },
    { ...options, context: { messageZh: '出生日期须为 1900-01-01 至今天之间的日期（YYYY-MM-DD）' } },
  );

/** Yuan as a decimal string: not negative, at most two decimals, below a trillion. */
export const IsYuanAmount = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isYuanAmount',
      validator: { validate: (v) => typeof v === 'string' && /^\d{1,12}(\.\d{1,2})?$/.test(v), defaultMessage: () => '$property must be an amount in yuan, not negative, with at most two decimals' },
    },
    { ...options, context: { messageZh: '须为不小于 0、至多两位小数的金额（元）' } },
  );
