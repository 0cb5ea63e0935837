/**
 * Holiday data that cannot be trusted. Raised at load time so that a bad notice never silently shifts a legal
 * deadline. `year` and `field` locate the problem when it is in one year's data.
 */
export class CalendarDataError extends Error {
  override readonly name = 'CalendarDataError';

  constructor(
    message: string,
    readonly year?: number,
    readonly field?: string,
  ) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
