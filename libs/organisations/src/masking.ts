/** 110101199003074512 → 110101********4512: keeps the issuing region and the check digits, hides the birth date. */
export function maskIdNumber(value: string): string {
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

/** 13812345678 → 138****5678. */
export function maskPhone(value: string): string {
  if (value.length <= 7) return '*'.repeat(value.length);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** 张三丰 → 张**: keeps the surname, as published subsidy lists (公示) show people. */
export function maskName(value: string): string {
  const chars = [...value];
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1);
}
