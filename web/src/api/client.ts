import createClient, { type Middleware } from 'openapi-fetch';
import i18n from '../app/i18n';
import { ProblemError, asProblem, type Problem } from '../components/problem';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type SessionResponse = Schemas['SessionResponse'];

/**
 * The access token lives only in this module's memory: never in localStorage, so a script injected into the page
 * cannot lift a long-lived credential. The refresh token is an HttpOnly cookie the page cannot read at all.
 */
let accessToken: string | null = null;
export const tokens = {
  get: () => accessToken,
  set: (t: string | null) => {
    accessToken = t;
  },
};

type LostListener = (problem: Problem) => void;
const lostListeners = new Set<LostListener>();
/** Called when the session cannot be renewed (revoked, expired): the shell goes to /sign-in with the message. */
export function onSessionLost(listener: LostListener): () => void {
  lostListeners.add(listener);
  return () => lostListeners.delete(listener);
}

const SESSION_MODE = { 'X-Session-Mode': 'cookie' } as const;

let refreshing: Promise<SessionResponse | Problem> | null = null;
/** One refresh at a time: concurrent 401s wait for the same rotation instead of reusing a spent cookie. */
export function refreshSession(): Promise<SessionResponse | Problem> {
  refreshing ??= (async () => {
    try {
      const res = await fetch('/api/v1/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...SESSION_MODE, 'Content-Type': 'application/json', 'Accept-Language': i18n.language },
        body: '{}',
      });
      const body = await res.json().catch(() => null);
      if (!res.ok) {
        tokens.set(null);
        return asProblem(body, res.status);
      }
      const session = body as SessionResponse;
      tokens.set(session.accessToken);
      return session;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export function isProblem(x: unknown): x is Problem {
  return !!x && typeof x === 'object' && 'code' in x && 'status' in x;
}

const retryable = new Map<string, Request>();

let ending: Promise<void> | null = null;
/**
 * The district suspended this person (403 MEMBERSHIP_INACTIVE on any request): the session ends here, so the open
 * tab goes to the sign-in page with the server's words instead of failing page after page. The server keeps the
 * session (a reactivated API client carries on), so the page signs it out itself, once for a burst of refusals;
 * signing in again is then refused with the server's own reason while no district of theirs is active.
 */
async function endIfSuspended(response: Response): Promise<void> {
  const body: unknown = await response.clone().json().catch(() => null);
  if (!isProblem(body) || body.code !== 'MEMBERSHIP_INACTIVE' || !accessToken) return;
  const problem = asProblem(body, response.status);
  ending ??= (async () => {
    try {
      await fetch('/api/v1/auth/logout', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { ...SESSION_MODE, Authorization: `Bearer ${accessToken}`, 'Accept-Language': i18n.language },
      }).catch(() => undefined);
      tokens.set(null);
      lostListeners.forEach((l) => l(problem));
    } finally {
      ending = null;
    }
  })();
  return ending;
}

const session: Middleware = {
  onRequest({ request, id }) {
    if (accessToken && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${accessToken}`);
    request.headers.set('Accept-Language', i18n.language);
    if (new URL(request.url).pathname.startsWith('/api/v1/auth/')) {
      for (const [k, v] of Object.entries(SESSION_MODE)) request.headers.set(k, v);
    }
    retryable.set(id, request.clone());
    return request;
  },
  async onResponse({ request, response, id }) {
    const copy = retryable.get(id);
    retryable.delete(id);
    const path = new URL(request.url).pathname;
    if (response.status === 403) {
      await endIfSuspended(response);
      return response;
    }
    // One silent refresh on 401, then the same request once more; sign-in and refresh answer for themselves.
    if (response.status !== 401 || !copy || path === '/api/v1/auth/login' || path === '/api/v1/auth/refresh') return response;
    const renewed = await refreshSession();
    if (isProblem(renewed)) {
      lostListeners.forEach((l) => l(renewed));
      return response;
    }
    copy.headers.set('Authorization', `Bearer ${renewed.accessToken}`);
    return fetch(copy);
  },
  onError({ id }) {
    retryable.delete(id);
  },
};

export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(session);

/** Data of a typed call, or a ProblemError carrying the server's refusal (for TanStack Query and forms). */
export async function must<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ProblemError(asProblem(error, response.status));
  return data as T;
}

