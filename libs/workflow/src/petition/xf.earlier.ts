import type { CaseLookup, IsoDate, LookupCase } from '../definition';
import type { EarlierPetition } from './xf.context';
import { DEPARTMENT_ORG_TYPES, regionBelow } from './xf.ladder';

/*
 * 信访工作条例 第十九条、第三十六条: before a petition is accepted, the engine — not the officer — finds the petitions of
 * the same petitioner on the same matter, wherever on the ladder they are held, and says where each stands.
 *
 * - The same petitioner: an applicant of both cases with the same identity number, or the same name and phone.
 * - The same matter: the same dispute code (一案一码, carried by every transfer); or the same matter key given at
 *   registration (e.g. the 信访信息系统's number); or the same category with the same summary once spacing,
 *   punctuation, letter case and full-width forms are set aside.
 * - Where it stands: HANDLING while it is within a period of handling (the 60 days and their extension, the 复查 or
 *   复核 period) at the body that has it; FINAL once the 复核意见 has been issued. Anything else (registered but not yet
 *   accepted, answered, settled, diverted) stands in the way of nothing.
 */

type Party = LookupCase['parties'][number];

const idKey = (p: Party) => p.idNumber?.trim().toUpperCase() || null;
const namePhoneKey = (p: Party) => {
  const name = p.name?.trim();
  const phone = p.phone?.trim();
  return name && phone ? `${name}|${phone}` : null;
};
const petitioners = (c: LookupCase) => c.parties.filter((p) => p.role === 'APPLICANT');

/** One person in both: the same identity number, or the same name with the same phone. */
export function samePerson(a: Party, b: Party): boolean {
  const [ia, ib] = [idKey(a), idKey(b)];
  if (ia && ib && ia === ib) return true;
  const [na, nb] = [namePhoneKey(a), namePhoneKey(b)];
  return !!na && na === nb;
}

/** Some petitioner (applicant) of one case is a petitioner of the other. */
export function samePetitioner(a: LookupCase, b: LookupCase): boolean {
  return petitioners(a).some((p) => petitioners(b).some((q) => samePerson(p, q)));
}

/** A summary with what does not change its meaning taken out: spacing, punctuation, symbols, case, full-width forms. */
export function normaliseSummary(summary: string): string {
  return summary.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

const matterKey = (c: LookupCase) => (typeof c.context.matterKey === 'string' ? normaliseSummary(c.context.matterKey) : '');

/** How two cases are found to concern the same matter, or null when they do not. */
export function sameMatter(a: LookupCase, b: LookupCase): EarlierPetition['matchedBy'] | null {
  if (a.disputeCode === b.disputeCode) return 'DISPUTE_CODE';
  const [ka, kb] = [matterKey(a), matterKey(b)];
  if (ka && kb) return ka === kb ? 'MATTER_KEY' : null;
  const summary = normaliseSummary(a.summary);
  return summary !== '' && a.category === b.category && summary === normaliseSummary(b.summary) ? 'SUMMARY' : null;
}

/** States where the first level handles the petition, each with the deadlines of its period (the extension first). */
const HANDLING: Record<string, string[]> = {
  handling: ['D-XF4'],
  extended: ['D-XF5'],
  mediation: ['D-XF5', 'D-XF4'],
  referredPM: ['D-XF5', 'D-XF4'],
};

/** Where an earlier petition stands today, and at which body of the ladder; null when it stands in the way of nothing. */
export function standing(c: LookupCase, today: IsoDate): Pick<EarlierPetition, 'status' | 'regionCode' | 'orgType' | 'dueOn' | 'finalOn'> | null {
  if (typeof c.context.finalOn === 'string') return { status: 'FINAL', regionCode: c.context.reexamBody?.regionCode ?? c.regionCode, orgType: c.orgType, finalOn: c.context.finalOn };
  const within = (ids: string[]) => ids.map((id) => c.deadlines[id]).find((due) => typeof due === 'string' && due >= today);
  const first = HANDLING[c.state];
  if (first) {
    const dueOn = within(first);
    return dueOn ? { status: 'HANDLING', regionCode: c.context.handlingRegionCode || c.regionCode, orgType: c.orgType, dueOn } : null;
  }
  // 复查 and 复核 are handled by the superior bodies the case records, in their own periods.
  const body = c.state === 'review' ? c.context.reviewBody : ['reexam', 'reexamHearing'].includes(c.state) ? c.context.reexamBody : undefined;
  const dueOn = body && within([c.state === 'review' ? 'D-XF7' : 'D-XF9']);
  return body && dueOn ? { status: 'HANDLING', regionCode: body.regionCode, orgType: 'GOVERNMENT', dueOn } : null;
}

/** The petitions of the same petitioner on the same matter that stand in the way, oldest first. */
export function earlierPetitions(subject: LookupCase, candidates: LookupCase[], today: IsoDate): EarlierPetition[] {
  const found: EarlierPetition[] = [];
  for (const c of candidates) {
    if (c.id === subject.id || c.workflowId !== 'xf' || !samePetitioner(subject, c)) continue;
    const matchedBy = sameMatter(subject, c);
    const where = matchedBy && standing(c, today);
    if (where) found.push({ caseNo: c.caseNo, orgName: c.orgName, matchedBy, ...where });
  }
  return found;
}

/**
 * Whether a body of this kind in this region is below the one acting (第十九条's 上级机关): a lower division of the
 * ladder, or a working department of the government the acting body (its petition office) serves.
 */
export function handledBelow(found: Pick<EarlierPetition, 'regionCode' | 'orgType'>, acting: { orgType?: string; regionCode: string }): boolean {
  if (regionBelow(found.regionCode, acting.regionCode)) return true;
  return found.regionCode === acting.regionCode && DEPARTMENT_ORG_TYPES.includes(found.orgType) && !DEPARTMENT_ORG_TYPES.includes(acting.orgType ?? '');
}

export const xfLookups: Record<string, CaseLookup> = {
  earlierPetitions: { workflows: ['xf'], find: earlierPetitions },
};
