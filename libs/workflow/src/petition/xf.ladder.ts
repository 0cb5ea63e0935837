/*
 * The petition ladder (spec R21): 处理 by the competent organ, 复查 by its superior, 复核 by the reviewing body's
 * superior. Levels are read from the division codes of the region tree (libs/organisations), whose nesting the codes
 * carry: village 330199101201 → township 330199101 → district 330199 → city 330100 → province 330000.
 */

/** The region one level up, or undefined at a province (or for a malformed code). */
export function parentRegion(code: string | undefined): string | undefined {
  if (typeof code !== 'string' || !/^\d{6}(\d{3}(\d{3})?)?$/.test(code)) return undefined;
  if (code.length > 6) return code.slice(0, code.length - 3);
  if (code.endsWith('0000')) return undefined;
  if (code.endsWith('00')) return `${code.slice(0, 2)}0000`;
  return `${code.slice(0, 4)}00`;
}

/** Whether `lower` lies strictly below `upper` in the region tree. */
export function regionBelow(lower: string | undefined, upper: string | undefined): boolean {
  if (!upper) return false;
  for (let r = parentRegion(lower); r; r = parentRegion(r)) if (r === upper) return true;
  return false;
}

/**
 * Organ types that are working departments of the government at their own level (a 区住建局): their superior for
 * 复查 is that government, in the same region. A township or a petition office answers to the level above.
 */
export const DEPARTMENT_ORG_TYPES = ['GOVERNMENT_DEPARTMENT'];

/** The region of the body that reviews (复查) an opinion of an organ of this type in this region. */
export function reviewRegionFor(orgType: string | undefined, regionCode: string | undefined): string | undefined {
  return orgType && DEPARTMENT_ORG_TYPES.includes(orgType) ? regionCode : parentRegion(regionCode);
}
