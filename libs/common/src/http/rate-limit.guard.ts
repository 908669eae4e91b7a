import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CommonErrorCode } from '../error-code';
import { commonError } from '../errors';

export const RATE_LIMIT = Symbol('RATE_LIMIT');

export interface RateLimitRule {
  /** Requests allowed per client address within the window. */
  points: number;
  windowSeconds: number;
}

/**
 * Limits how often one client address may call a route: sign-in, token refresh and the public portal's forms
 * (registration, objections), where a script could otherwise lock accounts, flood officials or send messages in
 * bulk. Counted in this process's memory (a fixed window per address and route): with several API processes each
 * counts on its own, which still bounds a single client. Answers 429 RATE_LIMITED with Retry-After.
 */
export const RateLimit = (points: number, windowSeconds: number) => SetMetadata(RATE_LIMIT, { points, windowSeconds } satisfies RateLimitRule);

@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private sweptAt = Date.now();

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.get<RateLimitRule | undefined>(RATE_LIMIT, context.getHandler());
    if (!rule || !this.config.rateLimit) return true;
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const now = Date.now();
    this.sweep(now);
    const key = `${context.getClass().name}.${context.getHandler().name}|${req.ip ?? 'unknown'}`;
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + rule.windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count <= rule.points) return true;
    const retryAfter = Math.ceil((window.resetAt - now) / 1000);
    http.getResponse<Response>().setHeader('Retry-After', String(retryAfter));
    throw commonError(CommonErrorCode.RATE_LIMITED, { retryAfterSeconds: retryAfter });
  }

  /** Forget finished windows now and then, so the map does not grow with every address ever seen. */
  private sweep(now: number): void {
    if (now - this.sweptAt < 60_000) return;
    this.sweptAt = now;
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}
