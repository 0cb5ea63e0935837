import { DomainError } from '@app/shared';

/** A survey link that was already used, or whose party has answered otherwise: one answer per party per case. */
export class SurveyLinkUsedError extends DomainError {
  readonly code = 'SURVEY.LINK_USED';
  readonly messageZh = '该测评链接已使用，每位当事人对同一案件只能评价一次';
  constructor() {
    super('This survey link has been used: each party answers once per case');
  }
}

export class SurveyLinkExpiredError extends DomainError {
  readonly code = 'SURVEY.LINK_EXPIRED';
  readonly messageZh = '该测评链接已过期';
  constructor() {
    super('This survey link has expired');
  }
}

export class SurveyRateLimitedError extends DomainError {
  readonly code = 'SURVEY.TOO_MANY_REQUESTS';
  readonly messageZh = '请求过于频繁，请稍后再试';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many survey requests from this address; try again later');
  }
}
