import { ExecutionContext, Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown, SetMetadata, applyDecorators } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import {
  InjectThrottlerOptions, InjectThrottlerStorage, Throttle, ThrottlerGuard, ThrottlerLimitDetail, ThrottlerModule,
  type ThrottlerModuleOptions, type ThrottlerStorage,
} from '@nestjs/throttler';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CommonErrorCode } from '../error-code';
import { commonError } from '../errors';
import { RedisThrottlerStorage } from './redis-throttler.storage';

export const RATE_LIMIT = Symbol('RATE_LIMIT');

export interface RateLimitRule {
  /** Requests allowed per client address within the window, counted across every API process. */
  points: number;
  windowSeconds: number;
}

/**
 * Limits how often one client address may call a route: sign-in, token refresh, invitation acceptance and the public
 * portal's forms (registration, objections), where a script could otherwise lock accounts, flood officials or send
 * messages in bulk. Counted by `@nestjs/throttler` in Redis, so N API processes allow N× nothing: the limit is per
 * cluster. The address is `req.ip`, which honours `TRUST_PROXY` (see bootstrap.ts): a forwarded address counts only
 * when the peer is a trusted proxy. Answers 429 RATE_LIMITED with Retry-After. Routes without it are not counted.
 */
export const RateLimit = (points: number, windowSeconds: number) =>
  applyDecorators(
    SetMetadata(RATE_LIMIT, { points, windowSeconds } satisfies RateLimitRule),
    Throttle({ default: { limit: points, ttl: windowSeconds * 1000 } }),
  );

/** The throttler module with the Redis storage; the key prefix keeps clusters (and parallel test files) apart. */
export const RateLimitStorageModule = ThrottlerModule.forRootAsync({
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig): ThrottlerModuleOptions => ({
    // Only routes marked @RateLimit are counted (see shouldSkip); this entry just names the throttler.
    throttlers: [{ name: 'default', limit: 1, ttl: 1000 }],
    storage: RedisThrottlerStorage.connect(config.redisUrl, config.queuePrefix),
  }),
});

@Injectable()
export class RateLimitGuard extends ThrottlerGuard implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    super(options, storage, reflector);
  }

  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return !this.config.rateLimit || !this.reflector.get<RateLimitRule | undefined>(RATE_LIMIT, context.getHandler());
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw commonError(CommonErrorCode.RATE_LIMITED, { retryAfterSeconds: detail.timeToBlockExpire });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.rateLimit && this.storageService instanceof RedisThrottlerStorage) await this.storageService.ready();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.storageService instanceof RedisThrottlerStorage) await this.storageService.close();
  }
}
