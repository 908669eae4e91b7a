import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@sanshe/common';
import { JWT_AUDIENCE, JWT_ISSUER } from './jwt.strategy';

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: string;
}

/** Opaque secrets (refresh tokens, invitation links) are stored only as SHA-256 hashes. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function secretMatches(secret: string, hash: Buffer): boolean {
  const candidate = hashSecret(secret);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  signAccess(claims: { sub: string; sid: string; tid?: string; mid?: string }): { token: string; expiresIn: number } {
    const payload: Record<string, string> = { sub: claims.sub, sid: claims.sid };
    if (claims.tid && claims.mid) Object.assign(payload, { tid: claims.tid, mid: claims.mid });
    const expiresIn = this.config.accessTokenTtlSeconds;
    const token = this.jwt.sign(payload, { expiresIn, issuer: JWT_ISSUER, audience: JWT_AUDIENCE, algorithm: 'HS256' });
    return { token, expiresIn };
  }

  refreshExpiry(): Date {
    return new Date(Date.now() + this.config.refreshTokenTtlDays * 86400_000);
  }
}
