import { DEFAULT_FRAUD_SETTINGS, type FraudSettings } from '@app/subsidy';

type Bound = { name: string; key: keyof FraudSettings; min: number; max: number; whole: boolean };

const BOUNDS: Bound[] = [
  { name: 'FENGQIAO_FRAUD_DUPLICATE_WINDOW_DAYS', key: 'duplicateWindowDays', min: 1, max: 3650, whole: true },
  { name: 'FENGQIAO_FRAUD_SPLIT_WINDOW_DAYS', key: 'splitWindowDays', min: 0, max: 365, whole: true },
  { name: 'FENGQIAO_FRAUD_OUTLIER_WINDOW_DAYS', key: 'outlierWindowDays', min: 1, max: 3650, whole: true },
  { name: 'FENGQIAO_FRAUD_OUTLIER_MIN_CLAIMS', key: 'outlierMinClaims', min: 1, max: 100_000, whole: true },
  { name: 'FENGQIAO_FRAUD_OUTLIER_SHARE_RATIO', key: 'outlierShareRatio', min: 1, max: 100, whole: false },
  { name: 'FENGQIAO_FRAUD_OUTLIER_Z', key: 'outlierZ', min: 0.5, max: 100, whole: false },
  { name: 'FENGQIAO_FRAUD_TOO_FAST_HOURS', key: 'tooFastHours', min: 0, max: 8760, whole: false },
  { name: 'FENGQIAO_FRAUD_SAME_DAY_CASES', key: 'sameDayCases', min: 2, max: 10_000, whole: true },
];

/** FENGQIAO_FRAUD_*: the fraud checks' thresholds (docs/subsidy-fraud.md); each unset one keeps its default. */
export function fraudSettings(env: NodeJS.ProcessEnv): FraudSettings {
  const settings: Record<keyof FraudSettings, number> = { ...DEFAULT_FRAUD_SETTINGS };
  for (const { name, key, min, max, whole } of BOUNDS) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value) || (whole && !Number.isInteger(value)) || value < min || value > max) {
      throw new Error(`${name} must be ${whole ? 'a whole number' : 'a number'} from ${min} to ${max}, not "${raw}"`);
    }
    settings[key] = value;
  }
  return settings;
}
