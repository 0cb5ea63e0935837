/** Amounts are held as whole fen (分) and shown as yuan with two decimals ("300.00"), never as floating point. */
const YUAN = /^(0|[1-9][0-9]{0,8})(\.[0-9]{1,2})?$/;

export function isYuan(value: unknown): value is string {
  return typeof value === 'string' && YUAN.test(value);
}

export function toFen(yuan: string): number {
  const [whole, part = ''] = yuan.split('.');
  return Number(whole) * 100 + Number(part.padEnd(2, '0'));
}

export function toYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A share of an amount, rounded to the fen (half up), for partial rates such as 50 % for oral agreements. */
export function shareOf(fen: number, rate: number): number {
  return Math.round(fen * rate);
}
