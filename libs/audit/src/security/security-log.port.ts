import type { SecurityEventInput } from './security-event';

/**
 * The append-only security log. `record` returns once the event is durable: a read of personal data is logged
 * before it is answered, and a failure to log refuses the request rather than letting it go unrecorded.
 */
export abstract class SecurityLog {
  abstract record(event: SecurityEventInput): Promise<void>;
}
