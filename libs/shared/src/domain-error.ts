/**
 * Base of every expected failure raised by the domain and application layers.
 * `code` is a namespaced string so the error survives serialisation (no `instanceof` across processes);
 * the HTTP edge maps codes to status codes in exactly one place.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** Chinese text shown to people; `message` holds the English text. */
  abstract readonly messageZh: string;

  constructor(
    message: string,
    readonly metadata: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export interface FieldError {
  /** Path of the offending field, e.g. `parties[0].name` or `data.rightsNotice.routes`. */
  field: string;
  message: string;
  messageZh: string;
}

export class ValidationError extends DomainError {
  readonly code = 'VALIDATION.FAILED';
  readonly messageZh: string;
  constructor(readonly errors: FieldError[]) {
    super(`Invalid input: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`, { errors });
    this.messageZh = `输入有误：${errors.map((e) => `${e.field} ${e.messageZh}`).join('；')}`;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly messageZh: string;
  constructor(readonly what: string, readonly whatZh: string, id: string) {
    super(`${what} ${id} was not found`, { id });
    this.messageZh = `未找到${whatZh}（${id}）`;
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message: string, readonly messageZh: string, metadata: Record<string, unknown> = {}) {
    super(message, metadata);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Authentication is required', readonly messageZh = '请先登录') {
    super(message);
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(message: string, readonly messageZh: string, metadata: Record<string, unknown> = {}) {
    super(message, metadata);
  }
}
