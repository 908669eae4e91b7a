import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ExtractJwt } from 'passport-jwt';
import { CommonErrorCode, commonError } from '@sanshe/common';
import { ACCESS, AccessRule } from './access.decorators';
import { AccessClaims } from './access-claims';

const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();
/** Enough for every token in use on one process within a token's lifetime; past it the cache starts again. */
const MAX_VERIFIED = 10_000;

/**
 * Global guard: every route needs a valid access token unless marked `@Public()`. A route with no access
 * decorator at all is treated as "any active member of the district" — closed by default.
 *
 * A token whose signature was verified once is remembered until it expires (the same string signed with the same
 * key verifies the same way every time), so a person's next requests skip passport and the HMAC: the bench measured
 * them at several percent of the API's CPU per request. Only the signature and lifetime are remembered; whether the
 * session, person and membership are still valid is read from the database on every request (AccessInterceptor).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  private readonly verified = new Map<string, Readonly<AccessClaims>>();

  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    if (rule?.kind === 'public' || rule?.kind === 'public-district') return true;
    const req = context.switchToHttp().getRequest<Parameters<typeof bearerToken>[0] & { user?: AccessClaims }>();
    const token = bearerToken(req);
    const known = token ? this.verified.get(token) : undefined;
    if (known) {
      // jsonwebtoken's own rule: expired once `exp` is not after the current second.
      if (Math.floor(Date.now() / 1000) < known.exp) {
        req.user = known;
        return true;
      }
      this.verified.delete(token!);
    }
    const ok = (await super.canActivate(context)) as boolean;
    if (ok && token && req.user) {
      if (this.verified.size >= MAX_VERIFIED) this.verified.clear();
      this.verified.set(token, Object.freeze({ ...req.user }));
    }
    return ok;
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (user && !err) return user;
    if ((info as Error | undefined)?.name === 'TokenExpiredError') throw commonError(CommonErrorCode.TOKEN_EXPIRED);
    throw commonError(CommonErrorCode.UNAUTHENTICATED);
  }
}
