import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isValidChineseIdNumber, isValidChinesePhone } from '@app/shared';

export const IsChineseIdNumber = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isChineseIdNumber', validator: { validate: (v) => typeof v === 'string' && isValidChineseIdNumber(v), defaultMessage: () => '$property is not a valid resident identity number' } }, options);

export const IsChinesePhone = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isChinesePhone', validator: { validate: (v) => typeof v === 'string' && isValidChinesePhone(v), defaultMessage: () => '$property is not a valid phone number' } }, options);

export const IsRegionCode = (options?: ValidationOptions) =>
  ValidateBy({ name: 'isRegionCode', validator: { validate: (v) => typeof v === 'string' && /^\d{6}(\d{3}(\d{3})?)?$/.test(v), defaultMessage: () => '$property must be a 6, 9 or 12-digit division code' } }, options);
