import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { CommonErrorCode, commonError } from '@sanshe/common';
import { ACCESS, AccessRule } from './access.decorators';

/**
 * Global guard: every route needs a valid access token unless marked `@Public()`. A route with no access
 * decorator at all is treated as "any active member of the district" — closed by default.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS, [context.getHandler(), context.getClass()]);
    if (rule?.kind === 'public' || rule?.kind === 'public-district') return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(err: unknown, user: T, info: unknown): T {
    if (user && !err) return user;
    if ((info as Error | undefined)?.name === 'TokenExpiredError') throw commonError(CommonErrorCode.TOKEN_EXPIRED);
    throw commonError(CommonErrorCode.UNAUTHENTICATED);
  }
}
