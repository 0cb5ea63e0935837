import { ValidationError } from '@app/shared';
import { shareOf, toFen } from '../money';
import { tierOf, type TariffRules, type TariffTier } from '../tariffs/tariff';

export interface ClaimAmount {
  tier: TariffTier;
  fen: number;
}

/**
 * What the tariff pays for one case: the tier's amount (or the category's own amount for that tier), times the oral
 * share for an oral agreement and the unsuccessful share for a paid unsuccessful mediation.
 */
export function amountFor(rules: TariffRules, tierCode: string, category: string, form: 'ORAL' | 'WRITTEN' | null, outcome: 'AGREED' | 'FAILED' | null, field = 'tier'): ClaimAmount {
  const tier = tierOf(rules, tierCode);
  if (!tier) {
    throw new ValidationError([{ field, message: `must be one of ${rules.tiers.map((t) => t.code).join(', ')}`, messageZh: `不是补贴标准中的档次（${rules.tiers.map((t) => `${t.code} ${t.label}`).join('、')}）` }]);
  }
  let fen = toFen(rules.categoryAmounts?.[category]?.[tier.code] ?? tier.amount);
  if (form === 'ORAL' && rules.oral) fen = shareOf(fen, rules.oral.rate);
  if (outcome === 'FAILED' && rules.unsuccessful) fen = shareOf(fen, rules.unsuccessful.rate);
  return { tier, fen };
}
