import { SurveyRateLimitedError } from '@app/subsidy';
import { SurveyRateLimit } from './survey-rate-limit';

describe('SurveyRateLimit', () => {
  const minute = Date.parse('2026-01-05T08:00:00.000Z');

  it('lets an address through up to the limit within a minute, then refuses it until the next minute', () => {
    const limit = new SurveyRateLimit(3);
    for (let i = 0; i < 3; i++) limit.check('10.0.0.1', minute + i * 1000);
    expect(() => limit.check('10.0.0.1', minute + 15_000)).toThrow(SurveyRateLimitedError);
    try {
      limit.check('10.0.0.1', minute + 15_000);
    } catch (e) {
      expect((e as SurveyRateLimitedError).retryAfterSeconds).toBe(45);
    }
    // Another address has its own count; the next minute starts afresh.
    expect(() => limit.check('10.0.0.2', minute + 16_000)).not.toThrow();
    expect(() => limit.check('10.0.0.1', minute + 60_000)).not.toThrow();
  });
});
