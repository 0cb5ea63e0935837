/** Why a session ended. Each ends every request that still carries its token with its own explanation. */
export type SessionEndReason = 'LOGOUT' | 'PASSWORD_RESET' | 'PASSWORD_CHANGED' | 'DEACTIVATED' | 'ROLE_CHANGED' | 'ORG_CHANGED' | 'IDLE_TIMEOUT';

export const SESSION_END_REASONS: readonly SessionEndReason[] = ['LOGOUT', 'PASSWORD_RESET', 'PASSWORD_CHANGED', 'DEACTIVATED', 'ROLE_CHANGED', 'ORG_CHANGED', 'IDLE_TIMEOUT'];

/** One login: the token carries its id (`sid`), and a request is served only while the session has not ended. */
export interface Session {
  id: string;
  userId: string;
  createdAt: Date;
  /** Written at most about once a minute, so it may lag the last request by that much. */
  lastSeenAt: Date;
  endedAt: Date | null;
  endReason: SessionEndReason | null;
}

/** How long a session may sit unused, and how often each process looks at the shared rows again. */
export abstract class SessionSettings {
  /** A request after this much wall time without one ends the session. */
  abstract readonly idleMs: number;
  /** A process re-reads a session it remembers after this long: the window in which another process's revocation is not yet seen. */
  abstract readonly recheckMs: number;
}
