import type { Request, Response } from 'express';

/**
 * Browser sessions keep the refresh token where page script cannot read it: an HttpOnly, SameSite=Strict cookie
 * scoped to the refresh route alone, so no other request carries it (logout and logout-all know the session from the
 * access token and only send the clearing Set-Cookie, which may name any path). API clients keep the body mode.
 * A client opts in with the `X-Session-Mode: cookie` header; because a cross-site form cannot set a custom header,
 * the cookie is only ever read when that header is present.
 */
export const REFRESH_COOKIE = 'sanshe_rt';
export const REFRESH_COOKIE_PATH = '/api/v1/auth/refresh';
/** Where the cookie lived before it was narrowed to the refresh route: cleared with it, so none outlives a sign-out. */
const LEGACY_COOKIE_PATH = '/api/v1/auth';
export const SESSION_MODE_HEADER = 'x-session-mode';

export function wantsCookieMode(req: Request): boolean {
  return (req.header(SESSION_MODE_HEADER) ?? '').toLowerCase() === 'cookie';
}

/** Secure everywhere but a developer's own machine, where the app is served over plain http. */
function secureFor(req: Request): boolean {
  const host = (req.hostname ?? '').toLowerCase();
  const local = host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1';
  return req.secure || !local;
}

export function setRefreshCookie(req: Request, res: Response, token: string, expiresAt: string): void {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: secureFor(req),
    path: REFRESH_COOKIE_PATH,
    expires: new Date(expiresAt),
  });
}

export function clearRefreshCookie(req: Request, res: Response): void {
  for (const path of [REFRESH_COOKIE_PATH, LEGACY_COOKIE_PATH]) {
    res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure: secureFor(req), path });
  }
}

/** Reads our one cookie without a cookie-parser middleware (nothing else in the API uses cookies). */
export function readRefreshCookie(req: Request): string | undefined {
  const header = req.header('cookie');
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === REFRESH_COOKIE) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
