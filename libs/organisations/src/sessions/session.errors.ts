import { UnauthenticatedError } from '@app/shared';
import type { SessionEndReason } from './session';

const EXPLANATIONS: Record<SessionEndReason, [string, string]> = {
  LOGOUT: ['You have logged out; log in again', '已退出登录，请重新登录'],
  PASSWORD_RESET: ['The password was reset by an administrator; log in with the new password', '密码已重置，请使用新密码重新登录'],
  PASSWORD_CHANGED: ['The password was changed; log in with the new password', '密码已修改，请使用新密码重新登录'],
  DEACTIVATED: ['The account is deactivated', '账号已停用，请联系管理员'],
  ROLE_CHANGED: ['The account’s roles were changed; log in again', '角色已变更，请重新登录'],
  ORG_CHANGED: ['The account’s organisation was changed; log in again', '所属单位已变更，请重新登录'],
  IDLE_TIMEOUT: ['The session timed out after a period without use; log in again', '会话超时，请重新登录'],
};

/**
 * A token whose session has ended: the caller must log in again, and is told why. `endedNow` is true only for the
 * request that ended it (an idle session found by this request), so that moment can be recorded once.
 */
export class SessionEndedError extends UnauthenticatedError {
  constructor(
    readonly reason: SessionEndReason,
    readonly endedNow = false,
  ) {
    super(...EXPLANATIONS[reason]);
  }
}

/** A token naming no session this engine knows: signed by an older engine, or its session row is gone. */
export class UnknownSessionError extends UnauthenticatedError {
  constructor() {
    super('The access token belongs to no session', '登录已失效，请重新登录');
  }
}
