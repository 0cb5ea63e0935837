/** The engine's notion of "now". Injected everywhere time matters, so tests and the manual test clock can move it. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock an administrator sets through the API (FENGQIAO_CLOCK=manual). Time stands still between settings,
 * so a scenario test sees exactly the dates it asked for.
 */
export class ManualClock extends Clock {
  private current: Date;
  constructor(start: Date = new Date()) {
    super();
    this.current = new Date(start.getTime());
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(instant: Date): void {
    this.current = new Date(instant.getTime());
  }
}
