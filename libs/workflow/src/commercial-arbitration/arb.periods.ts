import type { IsoDate } from '../definition';
import type { SetAsideRegime } from './arb.context';

/**
 * Legal-policy key (FENGQIAO_LEGAL_POLICY): the first award date under the 2025 仲裁法's three-month set-aside period.
 * The law is in force from 2026-03-01 (第九十六条) but has no transitional article, so whether the award's date, its
 * receipt or the case's acceptance decides is open (spec §0.4 [S], answers.md: [U]); the engine goes by the award's date.
 */
export const SET_ASIDE_NEW_LAW_FROM = 'arb.setAsideNewLawFrom';
export const DEFAULT_SET_ASIDE_NEW_LAW_FROM = '2026-03-01';

/** The set-aside regime of an award made on `awardedOn`. */
export function setAsideRegime(awardedOn: IsoDate, policy?: Record<string, unknown>): SetAsideRegime {
  const from = policy?.[SET_ASIDE_NEW_LAW_FROM];
  const switchOn = typeof from === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(from) ? from : DEFAULT_SET_ASIDE_NEW_LAW_FROM;
  return awardedOn >= switchOn ? 'LAW_2025' : 'LAW_2017';
}
