import { DEFAULT_FRAUD_SETTINGS } from '@app/subsidy';
import { loadConfig } from './app-config';

describe('fraud check settings (FENGQIAO_FRAUD_*)', () => {
  it('keeps the defaults when nothing is set', () => {
    expect(loadConfig({}).fraud).toEqual(DEFAULT_FRAUD_SETTINGS);
  });

  it('reads each threshold, fractions where they make sense', () => {
    const fraud = loadConfig({ FENGQIAO_FRAUD_DUPLICATE_WINDOW_DAYS: '90', FENGQIAO_FRAUD_TOO_FAST_HOURS: '0.5', FENGQIAO_FRAUD_OUTLIER_Z: '3', FENGQIAO_FRAUD_SAME_DAY_CASES: '10' }).fraud;
    expect(fraud).toMatchObject({ duplicateWindowDays: 90, tooFastHours: 0.5, outlierZ: 3, sameDayCases: 10, splitWindowDays: DEFAULT_FRAUD_SETTINGS.splitWindowDays });
  });

  it.each([
    ['FENGQIAO_FRAUD_DUPLICATE_WINDOW_DAYS', '1.5', /whole number from 1 to 3650/],
    ['FENGQIAO_FRAUD_SAME_DAY_CASES', '1', /from 2 to 10000/],
    ['FENGQIAO_FRAUD_OUTLIER_SHARE_RATIO', 'twice', /a number from 1 to 100, not "twice"/],
    ['FENGQIAO_FRAUD_TOO_FAST_HOURS', '-1', /FENGQIAO_FRAUD_TOO_FAST_HOURS/],
  ])('refuses %s=%s, naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});
