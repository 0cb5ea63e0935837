import type { TariffRules } from './tariff';

/**
 * Two published schemes of spec §9, seeded for the demo district. 高台县 (2018 payout): 简单 100, 一般 200, 重大 300
 * yuan, with scenario S9's additions (oral agreements at half the 简单 rate with proof both parties were present; the
 * 重大 tier paid by the higher-level fund, 宁夏/彭阳-style split funding). 临泽县 (2022): five tiers from 50 to 500
 * yuan; the source gives only the range, so the three middle amounts are the demo's own.
 */
export const GAOTAI_STYLE: TariffRules = {
  name: '以案定补标准（参照甘肃高台县：简单100、一般200、重大300元）',
  workflows: ['pm'],
  tiers: [
    { code: 'SIMPLE', label: '简单', amount: '100.00', fundingSource: '区级财政' },
    { code: 'ORDINARY', label: '一般', amount: '200.00', fundingSource: '区级财政' },
    { code: 'MAJOR', label: '重大', amount: '300.00', fundingSource: '省级以案定补专项资金' },
  ],
  conditions: { followUp: true, dossier: true, filing: true, ledger: true },
  oral: { rate: 0.5, presenceEvidence: true },
  caps: { perMediatorMonth: { cases: 30 } },
};

export const LINZE_STYLE: TariffRules = {
  name: '以案定补标准（参照甘肃临泽县：五档50至500元）',
  workflows: ['pm'],
  tiers: [
    { code: 'SIMPLE', label: '简单', amount: '50.00', fundingSource: '区级财政' },
    { code: 'ORDINARY', label: '一般', amount: '100.00', fundingSource: '区级财政' },
    { code: 'DIFFICULT', label: '较大疑难复杂', amount: '200.00', fundingSource: '区级财政' },
    { code: 'MAJOR', label: '重大疑难复杂', amount: '300.00', fundingSource: '区级财政' },
    { code: 'EXTRAORDINARY', label: '特别重大疑难复杂', amount: '500.00', fundingSource: '区级财政' },
  ],
  conditions: { followUp: true, dossier: true, filing: true, ledger: true, minSatisfaction: 0.8 },
  caps: { perMediatorYear: { amount: '20000.00' } },
};
