import { randomUUID } from 'node:crypto';
import { GAOTAI_STYLE, LINZE_STYLE, SubsidyStore } from '@app/subsidy';

const DISTRICT = '330199';
/** Mediators filed (备案) in the demo; 吴静 of the district centre is left unfiled, to show that condition refusing a claim. */
const FILED = ['fy_mediator', 'fy_director', 'lq_mediator', 'fq_mediator', 'fq_director'];

/**
 * The demo district's 以案定补: the 高台-style tariff for 2025 and the 临泽-style five tiers for 2026, a budget for each
 * year (信都区 budgeted 1,970,000 yuan in one year) and the filings of the village and township mediators.
 */
export async function seedSubsidyDemo(store: SubsidyStore, users: { id: string; username: string }[]): Promise<void> {
  const at = new Date().toISOString();
  await store.addTariff({ id: randomUUID(), regionCode: DISTRICT, year: 2025, rules: GAOTAI_STYLE, createdAt: at, createdBy: 'system' });
  await store.addTariff({ id: randomUUID(), regionCode: DISTRICT, year: 2026, rules: LINZE_STYLE, createdAt: at, createdBy: 'system' });
  await store.setBudget(DISTRICT, 2025, 197_000_000);
  await store.setBudget(DISTRICT, 2026, 197_000_000);
  for (const u of users.filter((x) => FILED.includes(x.username))) {
    await store.setFiling({ userId: u.id, filingNo: `青司调备〔2024〕${String(FILED.indexOf(u.username) + 1).padStart(3, '0')}号`, filedOn: '2024-12-20', recordedBy: 'system', recordedAt: at });
  }
}
