import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, tokenStore, SESSION_ENDED } from '../api/client';
import { forgetShared } from '../api/hooks';
import type { LoginAnswer, Me } from '../api/types';
import { clearDraftsOf } from '../lib/drafts';

interface Session {
  /** The logged-in person, or null before login. */
  me: Me | null;
  /** True while the stored token is being checked at start. */
  checking: boolean;
  /** Why the last session ended without the person logging out, shown on the login page. */
  endedBecause: string | null;
  login(username: string, password: string): Promise<void>;
  /** Ends the session on the engine too, so the token is refused even where it was copied. */
  logout(): Promise<void>;
  hasRole(...roles: string[]): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(() => tokenStore.get() !== null);
  const [endedBecause, setEndedBecause] = useState<string | null>(null);

  useEffect(() => {
    if (!tokenStore.get()) return;
    api<Me>('/auth/me')
      .then(setMe, () => tokenStore.clear())
      .finally(() => setChecking(false));
  }, []);

  // Another tab logged out, or logged in (perhaps as someone else): this tab follows, so one browser holds one login.
  useEffect(() => {
    const changed = (e: StorageEvent) => {
      if (e.key !== tokenStore.key && e.key !== null) return;
      forgetShared();
      if (!tokenStore.get()) {
        setMe(null);
        setEndedBecause('已在其他窗口退出登录');
        return;
      }
      api<Me>('/auth/me').then(
        (who) => {
          setMe(who);
          setEndedBecause(null);
        },
        () => setMe(null),
      );
    };
    window.addEventListener('storage', changed);
    return () => window.removeEventListener('storage', changed);
  }, []);

  useEffect(() => {
    const ended = (e: Event) => {
      forgetShared();
      setMe(null);
      setEndedBecause((e as CustomEvent<string>).detail ?? '登录已失效，请重新登录');
    };
    window.addEventListener(SESSION_ENDED, ended);
    return () => window.removeEventListener(SESSION_ENDED, ended);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await api<LoginAnswer>('/auth/login', { method: 'POST', body: { username, password } });
    tokenStore.set(answer.accessToken);
    forgetShared();
    setMe(await api<Me>('/auth/me'));
    setEndedBecause(null);
  }, []);

  const logout = useCallback(async () => {
    // Whatever the engine answers (it may have ended the session already), the console forgets the token.
    await api('/auth/logout', { method: 'POST' }).catch(() => undefined);
    tokenStore.clear();
    forgetShared();
    // Unsent drafts hold parties' details; an office computer is shared, so a deliberate logout takes them away.
    if (me) clearDraftsOf(me.id);
    setMe(null);
    setEndedBecause(null);
  }, [me]);

  const value = useMemo<Session>(
    () => ({ me, checking, endedBecause, login, logout, hasRole: (...roles) => !!me && roles.some((r) => me.roles.includes(r)) }),
    [me, checking, endedBecause, login, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}
