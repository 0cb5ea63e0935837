import { ConflictError, NotFoundError } from '@app/shared';

export class DeadlineNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Deadline', '期限', id);
  }
}

/** The deadline is no longer running (met, missed or cancelled), or its pause is not in the state the request needs. */
export class DeadlineStateConflictError extends ConflictError {
  constructor(message: string, messageZh: string, metadata: Record<string, unknown> = {}) {
    super(message, messageZh, metadata);
  }
}
