import { createHash } from 'node:crypto';

export interface SpotCheckCandidate {
  claimId: string;
  tier: string;
  /** Fraud flags or other risk the reviewer should see called back. */
  flagged: boolean;
}

export interface SpotCheckPick {
  claimId: string;
  reason: 'RANDOM' | 'RISK';
}

const score = (seed: string, claimId: string) => createHash('sha256').update(`${seed}:${claimId}`).digest('hex');

/**
 * The spot-check sample (抽查回访): every risky claim (a tier the bureau always checks, or a flagged one), plus a random
 * share of the rest. "Random" is the claims whose hash with the seed sorts lowest, so anyone holding the seed and the
 * population can draw the same sample again and see that nobody chose it.
 */
export function drawSpotCheck(population: SpotCheckCandidate[], seed: string, rate: number, riskTiers: string[]): SpotCheckPick[] {
  const risky = population.filter((c) => c.flagged || riskTiers.includes(c.tier));
  const rest = population.filter((c) => !risky.includes(c));
  const count = Math.min(rest.length, Math.ceil(rest.length * rate));
  const random = [...rest].sort((a, b) => score(seed, a.claimId).localeCompare(score(seed, b.claimId))).slice(0, count);
  return [
    ...risky.map((c) => ({ claimId: c.claimId, reason: 'RISK' as const })),
    ...random.map((c) => ({ claimId: c.claimId, reason: 'RANDOM' as const })),
  ].sort((a, b) => a.claimId.localeCompare(b.claimId));
}
