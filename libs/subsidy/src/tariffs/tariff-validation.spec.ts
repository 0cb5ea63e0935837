import { GAOTAI_STYLE, LINZE_STYLE } from './demo-tariffs';
import { tariffErrors } from './tariff-validation';

const fields = (rules: unknown) => tariffErrors(rules, ['pm', 'lm'], ['NEIGHBOUR', 'OTHER']).map((e) => e.field);

describe('tariff validation', () => {
  it('accepts the two demo schemes', () => {
    expect(fields(GAOTAI_STYLE)).toEqual([]);
    expect(fields(LINZE_STYLE)).toEqual([]);
  });

  it('names every bad field', () => {
    expect(
      fields({
        ...GAOTAI_STYLE,
        workflows: ['xx'],
        tiers: [{ code: 'SIMPLE', label: '简单', amount: '1.234', fundingSource: '区级财政' }, { code: 'SIMPLE', label: '', amount: '100.00', fundingSource: '' }],
        categoryAmounts: { MARS: { SIMPLE: '1.00' }, OTHER: { NONE: 'x' } },
        conditions: { ...GAOTAI_STYLE.conditions, minSatisfaction: 1.5 },
        oral: { rate: 0, presenceEvidence: true },
        caps: { perMediatorMonth: { cases: 0, amount: 'lots' } },
        extra: 1,
      }),
    ).toEqual([
      'rules.workflows',
      'rules.tiers[0].amount',
      'rules.tiers[1].code',
      'rules.tiers[1].label',
      'rules.tiers[1].fundingSource',
      'rules.categoryAmounts.MARS',
      'rules.categoryAmounts.OTHER.NONE',
      'rules.categoryAmounts.OTHER.NONE',
      'rules.conditions.minSatisfaction',
      'rules.oral',
      'rules.caps.perMediatorMonth.cases',
      'rules.caps.perMediatorMonth.amount',
      'rules.extra',
    ]);
  });
});
