/*
 * 三级听证 has no national instrument (spec §8): who convenes a hearing at each level, how large its panel is and how
 * long its notice must be are local rules. They are configuration per region, read once at start and handed to the
 * machine as the legal policy `hr.rules`; a case copies the rules of its region when it opens, so a later change of
 * the rules never changes a hearing already under way.
 */

export type HearingLevel = 'VILLAGE' | 'TOWNSHIP' | 'COUNTY';
export type HearingStage = 'PM' | 'XF_HANDLING' | 'XF_REVIEW' | 'XF_REEXAM' | 'RX';

export const HEARING_LEVELS: Record<HearingLevel, string> = { VILLAGE: '村（居）级听证（评理会）', TOWNSHIP: '乡镇（街道）级听证', COUNTY: '区（县）级听证' };
export const HEARING_STAGES: Record<HearingStage, string> = {
  PM: '人民调解',
  XF_HANDLING: '信访事项办理',
  XF_REVIEW: '信访事项复查',
  XF_REEXAM: '信访事项复核',
  RX: '行政复议',
};
/** The ladder: a hearing is escalated one level up. */
export const NEXT_LEVEL: Record<HearingLevel, HearingLevel | undefined> = { VILLAGE: 'TOWNSHIP', TOWNSHIP: 'COUNTY', COUNTY: undefined };

export interface PeriodRule {
  amount: number;
  dayType: 'calendar' | 'working';
}

export interface LevelRule {
  /** Organisation types that convene (召集) hearings at this level. */
  convenerOrgTypes: string[];
  /** Panel size, presiding officer included, clerk not: an odd number between min and max. */
  panel: { min: number; max: number };
  /** How long before the hearing the parties must be notified (D-HR4). */
  notice: PeriodRule;
}

export interface RegionHearingRules {
  /** Division code: the rules apply to every organisation in this region or below it, unless a region below has its own. */
  regionCode: string;
  name: string;
  /** D-HR1: time to apply for, or consent to, a hearing after being told of it. */
  application: PeriodRule;
  /** D-HR2: time for the organ to decide whether to hold it. */
  decision: PeriodRule;
  /** D-HR3: the hearing is held within this period of the decision. */
  holdWithin: PeriodRule;
  levels: Record<HearingLevel, LevelRule>;
}

const W = (amount: number): PeriodRule => ({ amount, dayType: 'working' });
const C = (amount: number): PeriodRule => ({ amount, dayType: 'calendar' });

/**
 * The rules the engine ships: the demo district (青溪区, 枫桥镇 included), after the 江苏/安徽 rules cited in spec §8
 * (decision in 5 working days, hearing within 30 days, notice 7 days before), and 南山镇, whose township hearings are
 * convened by its mediation committee too, sit five to seven and are noticed five working days ahead.
 */
export const DEFAULT_HEARING_RULES: RegionHearingRules[] = [
  {
    regionCode: '330199',
    name: '青溪区',
    application: W(5),
    decision: W(5),
    holdWithin: C(30),
    levels: {
      VILLAGE: { convenerOrgTypes: ['VILLAGE_MEDIATION_COMMITTEE'], panel: { min: 3, max: 7 }, notice: C(3) },
      TOWNSHIP: { convenerOrgTypes: ['GOVERNANCE_CENTRE', 'JUSTICE_STATION'], panel: { min: 3, max: 7 }, notice: C(7) },
      COUNTY: { convenerOrgTypes: ['PETITION_JOINT_OFFICE', 'RECONSIDERATION_ORGAN'], panel: { min: 3, max: 9 }, notice: C(7) },
    },
  },
  {
    regionCode: '330199102',
    name: '南山镇',
    application: W(7),
    decision: W(5),
    holdWithin: C(30),
    levels: {
      VILLAGE: { convenerOrgTypes: ['VILLAGE_MEDIATION_COMMITTEE'], panel: { min: 3, max: 5 }, notice: W(3) },
      TOWNSHIP: { convenerOrgTypes: ['TOWNSHIP_MEDIATION_COMMITTEE', 'GOVERNANCE_CENTRE', 'JUSTICE_STATION'], panel: { min: 5, max: 7 }, notice: W(5) },
      COUNTY: { convenerOrgTypes: ['PETITION_JOINT_OFFICE', 'RECONSIDERATION_ORGAN'], panel: { min: 3, max: 9 }, notice: C(7) },
    },
  },
];

/** The rules for a region: those of the nearest region at or above it that has rules of its own. */
export function hearingRulesFor(rules: RegionHearingRules[], regionCode: string | undefined): RegionHearingRules | undefined {
  if (!regionCode) return undefined;
  return rules.filter((r) => regionCode.startsWith(r.regionCode)).sort((a, b) => b.regionCode.length - a.regionCode.length)[0];
}

/** The level an organisation of this type convenes under these rules. */
export function levelConvenedBy(rules: RegionHearingRules | undefined, orgType: string | undefined): HearingLevel | undefined {
  if (!rules || !orgType) return undefined;
  return (Object.keys(HEARING_LEVELS) as HearingLevel[]).find((level) => rules.levels[level].convenerOrgTypes.includes(orgType));
}

/** What is wrong with a set of rules, in sentences naming the field; empty when they are usable. */
export function hearingRulesProblems(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) return ['hearing rules must be a non-empty array of regions'];
  const problems: string[] = [];
  const seen = new Set<string>();
  value.forEach((r: any, i) => {
    const at = `[${i}]`;
    if (!r || typeof r !== 'object') return problems.push(`${at} must be an object`);
    if (typeof r.regionCode !== 'string' || !/^\d{6}(\d{3}){0,2}$/.test(r.regionCode)) problems.push(`${at}.regionCode must be a division code of 6, 9 or 12 digits`);
    else if (seen.has(r.regionCode)) problems.push(`${at}.regionCode ${r.regionCode} is listed twice`);
    else seen.add(r.regionCode);
    if (typeof r.name !== 'string' || r.name.trim() === '') problems.push(`${at}.name must be the region's name`);
    for (const key of ['application', 'decision', 'holdWithin']) problems.push(...periodProblems(r[key], `${at}.${key}`));
    for (const level of Object.keys(HEARING_LEVELS)) {
      const l = r.levels?.[level];
      const lat = `${at}.levels.${level}`;
      if (!l || typeof l !== 'object') {
        problems.push(`${lat} is missing`);
        continue;
      }
      if (!Array.isArray(l.convenerOrgTypes) || l.convenerOrgTypes.length === 0 || l.convenerOrgTypes.some((t: unknown) => typeof t !== 'string')) problems.push(`${lat}.convenerOrgTypes must list organisation types`);
      const { min, max } = l.panel ?? {};
      if (!Number.isInteger(min) || !Number.isInteger(max) || min < 1 || max < min) problems.push(`${lat}.panel must have whole numbers min ≤ max, at least 1`);
      else if (min % 2 === 0 || max % 2 === 0) problems.push(`${lat}.panel min and max must be odd (a panel has an odd number of members)`);
      problems.push(...periodProblems(l.notice, `${lat}.notice`));
    }
  });
  return problems;
}

function periodProblems(p: any, at: string): string[] {
  if (!p || typeof p !== 'object') return [`${at} is missing`];
  const out: string[] = [];
  if (!Number.isInteger(p.amount) || p.amount < 1 || p.amount > 90) out.push(`${at}.amount must be a whole number of days from 1 to 90`);
  if (p.dayType !== 'calendar' && p.dayType !== 'working') out.push(`${at}.dayType must be calendar or working`);
  return out;
}
