import { loadConfig } from './app-config';

describe('security log retention setting', () => {
  it('keeps the log 180 days by default and accepts longer', () => {
    expect(loadConfig({}).securityLogRetentionDays).toBe(180);
    expect(loadConfig({ FENGQIAO_SECURITY_LOG_RETENTION_DAYS: '365' }).securityLogRetentionDays).toBe(365);
    expect(loadConfig({ FENGQIAO_SECURITY_LOG_RETENTION_DAYS: '180' }).securityLogRetentionDays).toBe(180);
  });

  it('refuses to start with less than the six months the law requires, naming the variable and the law', () => {
    for (const value of ['179', '30', '0', '-5']) {
      expect(() => loadConfig({ FENGQIAO_SECURITY_LOG_RETENTION_DAYS: value })).toThrow(/FENGQIAO_SECURITY_LOG_RETENTION_DAYS must be at least 180.*网络安全法/);
    }
  });

  it('refuses what is not a whole number of days', () => {
    for (const value of ['abc', '200.5', '1e9']) expect(() => loadConfig({ FENGQIAO_SECURITY_LOG_RETENTION_DAYS: value })).toThrow(/FENGQIAO_SECURITY_LOG_RETENTION_DAYS/);
  });
});
