import { drawSpotCheck } from './spot-check';

const population = Array.from({ length: 40 }, (_v, i) => ({ claimId: `c${String(i).padStart(2, '0')}`, tier: i % 10 === 0 ? 'MAJOR' : 'ORDINARY', flagged: i === 7 }));

describe('spot-check draw', () => {
  it('takes every risky claim plus the random share of the rest', () => {
    const picks = drawSpotCheck(population, 'seed-1', 0.1, ['MAJOR']);
    expect(picks.filter((p) => p.reason === 'RISK').map((p) => p.claimId)).toEqual(['c00', 'c07', 'c10', 'c20', 'c30']);
    expect(picks.filter((p) => p.reason === 'RANDOM')).toHaveLength(4);
  });

  it('draws the same sample from the same seed and population, in any order, and another from another seed', () => {
    const a = drawSpotCheck(population, 'seed-1', 0.1, ['MAJOR']);
    expect(drawSpotCheck([...population].reverse(), 'seed-1', 0.1, ['MAJOR'])).toEqual(a);
    const others = ['seed-2', 'seed-3', 'seed-4'].map((s) => JSON.stringify(drawSpotCheck(population, s, 0.1, ['MAJOR'])));
    expect(others.some((o) => o !== JSON.stringify(a))).toBe(true);
  });
});
