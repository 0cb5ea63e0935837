/** One tier of a tariff: its code (SIMPLE, ORDINARY, …), Chinese label, amount per case and who pays it. */
export interface TariffTier {
  code: string;
  label: string;
  /** Yuan per case, "200.00". */
  amount: string;
  /** 资金来源, e.g. 县级财政 or 自治区财政 (宁夏-style split funding by tier). */
  fundingSource: string;
}

export interface TariffCap {
  /** At most this many subsidised cases per mediator in the period. */
  cases?: number;
  /** At most this much (yuan) per mediator in the period. */
  amount?: string;
}

/**
 * A locality's 以案定补 rules for one year (spec §9: there is no national tariff; the county 司法行政 sets it with the
 * county 财政). Every rule the specification marks as local is a field here, not a constant.
 */
export interface TariffRules {
  name: string;
  /** Workflows whose cases may be claimed (R29: 人民调解 only in most schemes). */
  workflows: string[];
  tiers: TariffTier[];
  /** Amounts that differ by dispute category: category → tier code → yuan. */
  categoryAmounts?: Record<string, Record<string, string>>;
  conditions: {
    /** 回访 recorded on the case. */
    followUp: boolean;
    /** Archived with a complete dossier (登记、调解记录、协议书). */
    dossier: boolean;
    /** The mediator is filed (备案) with the 司法行政 system. */
    filing: boolean;
    /** Registered in the 矛盾纠纷排查调处 ledger before the agreement (彭阳: or no subsidy). */
    ledger: boolean;
    /** Share of answering parties satisfied, 0–1 (群众满意度); absent: no minimum. */
    minSatisfaction?: number;
  };
  /** Oral agreements pay this share of the tier (Guangdong/Qingdao style), with evidence the parties were present. */
  oral?: { rate: number; presenceEvidence: boolean };
  /** Localities that pay for unsuccessful mediations where evidence was fixed or parties guided to remedies (青岛). */
  unsuccessful?: { rate: number };
  caps?: { perMediatorMonth?: TariffCap; perMediatorYear?: TariffCap };
}

export interface Tariff {
  id: string;
  regionCode: string;
  year: number;
  version: number;
  rules: TariffRules;
  createdAt: string;
  createdBy: string;
}

/** How a tariff version is named on claims and statement lines: region, year and version. */
export const tariffVersionName = (t: Pick<Tariff, 'regionCode' | 'year' | 'version'>) => `${t.regionCode}-${t.year}-v${t.version}`;

export function tierOf(rules: TariffRules, code: string): TariffTier | undefined {
  return rules.tiers.find((t) => t.code === code);
}
