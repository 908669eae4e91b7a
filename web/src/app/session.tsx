import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, isProblem, must, onSessionLost, refreshSession, tokens, type Schemas } from '../api/client';
import { ProblemError, type Problem } from '../components/problem';

export type Me = Schemas['MeResponse'];
export type Role = Schemas['Role'];

interface SessionState {
  /** `unreachable`: no answer at all on page load (no network): the session may be fine, so it is not ended. */
  status: 'loading' | 'signed-out' | 'signed-in' | 'unreachable';
  me: Me | null;
  /** Why the last session ended, shown once on the sign-in page. */
  lost: Problem | null;
}

interface SessionApi extends SessionState {
  signIn(login: string, password: string): Promise<Me>;
  chooseDistrict(code: string): Promise<Me>;
  signOut(): Promise<void>;
  reloadMe(): Promise<Me>;
  clearLost(): void;
  /** Asks again after `unreachable` (also done by itself when the browser comes back online). */
  retry(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading', me: null, lost: null });

  const loadMe = useCallback(async () => {
    const me = await must(api.GET('/api/v1/me'));
    setState({ status: 'signed-in', me, lost: null });
    return me;
  }, []);

  // On page load the access token is gone (memory only): the HttpOnly cookie renews it silently, if there is one.
  // With no answer at all (a phone without network, the server out of reach) the session may be fine: the page says
  // so and asks again when the browser is back online or the person taps retry, instead of signing them out or
  // spinning for ever.
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const renewed = await refreshSession();
        if (cancelled) return;
        if (isProblem(renewed)) {
          setState({ status: 'signed-out', me: null, lost: null });
          return;
        }
        await loadMe();
      } catch (err) {
        if (!cancelled) setState({ status: err instanceof ProblemError ? 'signed-out' : 'unreachable', me: null, lost: null });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [loadMe, attempt]);
  const retry = useCallback(() => {
    setState({ status: 'loading', me: null, lost: null });
    setAttempt((n) => n + 1);
  }, []);
  useEffect(() => {
    if (state.status !== 'unreachable') return undefined;
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [state.status, retry]);

  useEffect(
    () =>
      onSessionLost((problem) => {
        tokens.set(null);
        queryClient.clear();
        setState({ status: 'signed-out', me: null, lost: problem });
      }),
    [queryClient],
  );

  const value = useMemo<SessionApi>(
    () => ({
      ...state,
      async signIn(login, password) {
        const session = await must(api.POST('/api/v1/auth/login', { body: { login, password } }));
        tokens.set(session.accessToken);
        queryClient.clear();
        return loadMe();
      },
      async chooseDistrict(code) {
        const chosen = await must(api.POST('/api/v1/auth/district', { body: { districtCode: code } }));
        tokens.set(chosen.accessToken);
        queryClient.clear();
        return loadMe();
      },
      async signOut() {
        await api.POST('/api/v1/auth/logout').catch(() => undefined);
        tokens.set(null);
        // sessionStorage holds only drafts of this session (a service record's personal notes): someone signing out
        // of a shared phone leaves none of them for the next person in the same tab.
        try {
          sessionStorage.clear();
        } catch {
          /* storage blocked: nothing was kept */
        }
        queryClient.clear();
        setState({ status: 'signed-out', me: null, lost: null });
      },
      reloadMe: loadMe,
      clearLost: () => setState((s) => ({ ...s, lost: null })),
      retry,
    }),
    [state, queryClient, loadMe, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** Where a person goes after signing in: the workbench, or first the district choice when none is chosen. */
export function homeFor(me: Me): string {
  return me.district ? '/workbench' : '/choose-district';
}

/**
 * The signed-in person's roles in the current district, to offer only the actions the server will accept from them
 * (the server decides; this only keeps the page from offering what it would refuse).
 */
export function useRoles(): { roles: Role[]; has: (...wanted: Role[]) => boolean; organisationId: string | null } {
  const { me } = useSession();
  return useMemo(() => {
    const roles = (me?.roles ?? []).map((r) => r.role);
    return { roles, has: (...wanted: Role[]) => wanted.some((r) => roles.includes(r)), organisationId: me?.organisationId ?? null };
  }, [me]);
}
