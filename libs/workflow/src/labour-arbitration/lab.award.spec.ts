import { classifyAward, type AwardItem } from './lab.award';

/*
 * 劳动争议调解仲裁法 第四十七条 and 解释一 第十八条至第二十条, restated here as cases: a money item of wages, work-injury
 * medical costs, severance or compensation is final up to twelve times the local monthly minimum wage, each item on its
 * own; labour-standard disputes over working time, rest and leave or social insurance are final; anything else is not;
 * one non-final item makes the whole award non-final.
 */

const wages = (amount?: number): AwardItem => ({ kind: 'WAGES', amount, description: '支付拖欠工资' });
const severance = (amount?: number): AwardItem => ({ kind: 'SEVERANCE', amount, description: '支付经济补偿' });

describe('classifyAward (一裁终局, item by item)', () => {
  it('S2: wages 18,000 and compensation 42,000 at a minimum wage of 2,000 is a mixed award, so non-final', () => {
    expect(classifyAward([wages(18_000), severance(42_000)], 2_000)).toEqual({
      type: 'NON_FINAL',
      threshold: 24_000,
      items: [
        { kind: 'WAGES', amount: 18_000, final: true, reason: expect.stringContaining('不超过') },
        { kind: 'SEVERANCE', amount: 42_000, final: false, reason: expect.stringContaining('超过') },
      ],
    });
  });

  it('S2b: wages of 18,000 alone is a final award', () => {
    expect(classifyAward([wages(18_000)], 2_000)).toMatchObject({ type: 'FINAL', threshold: 24_000 });
  });

  it('tests each item against the threshold, not their sum (解释一 第十九条)', () => {
    expect(classifyAward([wages(20_000), severance(20_000), { kind: 'INJURY_MEDICAL', amount: 20_000 }, { kind: 'COMPENSATION', amount: 20_000 }], 2_000).type).toBe('FINAL');
  });

  it.each([
    [24_000, 'FINAL'],
    [24_000.01, 'NON_FINAL'],
    [0, 'FINAL'],
  ])('puts an item of exactly twelve months’ minimum wage inside the threshold: %d → %s', (amount, type) => {
    expect(classifyAward([wages(amount)], 2_000).type).toBe(type);
  });

  it('takes the local minimum wage from the award, whatever it is', () => {
    expect(classifyAward([wages(30_000)], 2_000).type).toBe('NON_FINAL');
    expect(classifyAward([wages(30_000)], 2_690).type).toBe('FINAL');
    expect(classifyAward([wages(24_126)], 2_010.5)).toMatchObject({ type: 'FINAL', threshold: 24_126 });
  });

  it.each(['WORKING_TIME', 'REST_LEAVE', 'SOCIAL_INSURANCE'])('treats a %s labour-standard dispute as final whatever the sums (第四十七条第二项)', (kind) => {
    expect(classifyAward([{ kind, amount: 500_000 }], 2_000).type).toBe('FINAL');
    expect(classifyAward([{ kind }, wages(1_000)], 2_000).type).toBe('FINAL');
  });

  it('makes an award with any item outside 第四十七条 non-final (第二十条)', () => {
    expect(classifyAward([{ kind: 'OTHER', description: '确认劳动关系' }], 2_000).type).toBe('NON_FINAL');
    expect(classifyAward([{ kind: 'SOCIAL_INSURANCE' }, { kind: 'OTHER' }], 2_000).type).toBe('NON_FINAL');
    expect(classifyAward([{ kind: 'SOCIAL_INSURANCE' }, severance(24_001)], 2_000).type).toBe('NON_FINAL');
  });

  it('cannot show a money item final without its amount or without a valid minimum wage', () => {
    expect(classifyAward([wages()], 2_000).items[0]).toMatchObject({ final: false });
    for (const wage of [undefined, 0, -1, Number.NaN]) {
      const c = classifyAward([wages(100), { kind: 'REST_LEAVE' }], wage);
      expect({ wage, threshold: c.threshold, items: c.items.map((i) => i.final) }).toEqual({ wage, threshold: null, items: [false, true] });
    }
  });

  it('calls an award without items non-final', () => {
    expect(classifyAward([], 2_000).type).toBe('NON_FINAL');
  });
});
