import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';

interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/*
 * One round trip, atomic across every API process: count the hit in a fixed window (the first hit sets its expiry),
 * and when the count passes the limit open a block of its own length. KEYS[1] hits, KEYS[2] block;
 * ARGV ttl ms, limit, block ms. Returns hits, ms left in the window, ms left in the block (<= 0: not blocked).
 */
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local windowLeft = redis.call('PTTL', KEYS[1])
if windowLeft < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); windowLeft = tonumber(ARGV[1]) end
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blockLeft = tonumber(ARGV[3])
end
return { hits, windowLeft, blockLeft }
`;

/**
 * `@nestjs/throttler` storage in Redis, so N API processes share one count per client and route. Written here
 * because the maintained Redis storage (`@nest-lab/throttler-storage-redis` 1.2) declares NestJS ≤ 11 only; this is
 * its one operation, over the project's ioredis.
 *
 * When Redis does not answer within `timeoutMs` the request is let through (fail open) and a warning is logged now
 * and then. Why: the per-address limits are a brake on floods, while the limit that protects an account — sign-in
 * lockout after repeated failures — lives in PostgreSQL (`users.failed_login_count` / `locked_until`) and holds
 * without Redis; refusing every sign-in while Redis is down would turn a queue outage into a full outage, and the
 * API is meant to keep serving without Redis (events wait in the outbox).
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);
  private lastWarned = 0;

  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
    private readonly timeoutMs = 500,
  ) {}

  static connect(url: string, keyPrefix: string): RedisThrottlerStorage {
    // No offline queue and one attempt per command: while Redis is down a count fails at once instead of queueing.
    const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false, connectTimeout: 2000 });
    const storage = new RedisThrottlerStorage(redis, keyPrefix);
    redis.on('error', (err) => storage.warn(err));
    return storage;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const base = `${this.keyPrefix}:throttle:${throttlerName}:${key}`;
    try {
      const [hits, windowLeft, blockLeft] = (await this.withTimeout(
        this.redis.eval(INCREMENT, 2, `${base}:hits`, `${base}:block`, ttl, limit, blockDuration),
      )) as [number, number, number];
      return {
        totalHits: hits,
        timeToExpire: Math.ceil(windowLeft / 1000),
        isBlocked: blockLeft > 0,
        timeToBlockExpire: Math.max(1, Math.ceil(blockLeft / 1000)),
      };
    } catch (err) {
      this.warn(err as Error);
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
  }

  /**
   * Waits (bounded) for the first connection, so the first requests after start are counted rather than let through
   * for want of a connection. Resolves either way: a Redis that is down at start is the fail-open case above.
   */
  async ready(timeoutMs = 3000): Promise<void> {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.redis.once('ready', done);
    });
  }

  async close(): Promise<void> {
    this.redis.disconnect();
  }

  private withTimeout<T>(p: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout;
    return Promise.race([
      p,
      new Promise<T>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
      }),
    ]).finally(() => clearTimeout(timer));
  }

  private warn(err: Error): void {
    if (Date.now() - this.lastWarned < 10_000) return;
    this.lastWarned = Date.now();
    this.logger.warn(`Rate limits are not counted while Redis is unreachable (requests pass): ${err.message}`);
  }
}
