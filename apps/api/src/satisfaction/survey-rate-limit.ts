import { SurveyRateLimitedError } from '@app/subsidy';

/**
 * Requests per client address per minute to the public survey, counted in this process: the links are unguessable,
 * so the limit only has to make trying tokens slow and keep the page from being flooded.
 */
export class SurveyRateLimit {
  private windowStart = 0;
  private readonly counts = new Map<string, number>();

  constructor(private readonly perMinute: number) {}

  check(address: string | null, now = Date.now()): void {
    const minute = Math.floor(now / 60_000) * 60_000;
    if (minute !== this.windowStart) {
      this.windowStart = minute;
      this.counts.clear();
    }
    const key = address ?? 'unknown';
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    if (count > this.perMinute) throw new SurveyRateLimitedError(Math.ceil((minute + 60_000 - now) / 1000));
  }
}
