import { DomainError, ForbiddenError, NotFoundError } from '@app/shared';

export class CaseNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('Case', '案件', id);
  }
}

export interface AllowedEvent {
  type: string;
  label: string;
}

/** The machine does not allow the event now: either the state has no such transition or a legal precondition fails. */
export class TransitionNotAllowedError extends DomainError {
  readonly code = 'CASE.TRANSITION_NOT_ALLOWED';
  readonly messageZh: string;
  constructor(
    readonly state: string,
    readonly stateLabel: string,
    readonly eventType: string,
    readonly allowed: AllowedEvent[],
    readonly violations: { precondition: string; message: string; messageEn: string; legalBasis?: string }[],
  ) {
    super(
      violations.length
        ? `${eventType} is not allowed: ${violations.map((v) => v.messageEn).join('; ')}`
        : `${eventType} is not allowed in state ${state}`,
      { state, eventType },
    );
    this.messageZh = violations.length
      ? `不满足法定条件：${violations.map((v) => `${v.message}${v.legalBasis ? `（${v.legalBasis}）` : ''}`).join('；')}`
      : `案件当前处于“${stateLabel}”，不能进行此操作`;
  }
}

/** The case changed since the version the caller read (If-Match), or kept changing under retries. */
export class VersionConflictError extends DomainError {
  readonly code = 'CASE.VERSION_CONFLICT';
  readonly messageZh: string;
  constructor(
    readonly caseId: string,
    readonly expected: number | undefined,
    readonly actual: number | undefined,
    readonly ifMatch: boolean,
  ) {
    super(`Case ${caseId} is at version ${actual ?? '?'}, not ${expected ?? '?'}`, { caseId, expected, actual });
    this.messageZh = `案件已被他人更新（当前版本 ${actual ?? '?'}），请刷新后重试`;
  }
}

export class EventForbiddenError extends ForbiddenError {
  constructor(eventType: string, label: string) {
    super(`Your role may not send ${eventType}`, `您的角色无权执行“${label}”`, { eventType });
  }
}

/** A team member from another organisation sent an event their case role does not cover. */
export class TeamRoleForbiddenError extends ForbiddenError {
  constructor(eventType: string, label: string, caseRole: string, caseRoleLabel: string, caseRoleEn: string) {
    super(`As the case team's ${caseRoleEn} (${caseRole}) you may not send ${eventType}`, `您在本案团队中的角色“${caseRoleLabel}”无权执行“${label}”`, { eventType, caseRole });
  }
}

export class NotHandlingOrgError extends ForbiddenError {
  constructor() {
    super('Only the organisation handling the case may act on it', '只有承办单位可以办理此案件');
  }
}

export class IdempotencyKeyReusedError extends DomainError {
  readonly code = 'IDEMPOTENCY.KEY_REUSED';
  readonly messageZh: string;
  constructor(key: string) {
    super(`Idempotency-Key ${key} was already used for a different request`, { key });
    this.messageZh = `幂等键 ${key} 已用于另一个请求`;
  }
}
