import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { CommonErrorCode, commonError } from '@sanshe/common';
import { TenantContext } from './tenant-context';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** Canonical JSON (sorted keys) so the same request hashes the same however its fields were ordered. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * `Idempotency-Key` for one operation (`scope`) of one person, inside the caller's district transaction:
 * - the key is claimed first (INSERT … ON CONFLICT DO NOTHING), so a second request with the same key waits for the
 *   first to commit or roll back instead of running the operation again;
 * - same key, same request → the first response, as stored; same key, different request → 409 IDEMPOTENCY_KEY_REUSED;
 * - a failed operation rolls back with its key, so a refusal is not replayed: the retry is judged afresh.
 */
@Injectable()
export class IdempotencyService {
  constructor(private readonly ctx: TenantContext) {}

  async run<T>(scope: string, key: string | undefined, request: unknown, work: () => Promise<T>): Promise<T> {
    if (key === undefined || key === '') return work();
    if (!KEY.test(key)) {
      throw commonError(CommonErrorCode.VALIDATION_FAILED, undefined, undefined, [
        { field: 'Idempotency-Key', code: 'idempotencyKey', zh: 'Idempotency-Key：应为 1-200 个可见字符', en: 'Idempotency-Key must be 1-200 visible characters' },
      ]);
    }
    const hash = createHash('sha256').update(canonical(request)).digest('hex');
    const m = this.ctx.manager();
    const actor = this.ctx.actor().userId;
    const [claimed]: Array<{ id: string }> = await m.query(
      `INSERT INTO idempotency_keys (tenant_id, scope, actor_user_id, key, request_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, scope, actor_user_id, key) DO NOTHING RETURNING id`,
      [this.ctx.tenantId(), scope, actor, key, hash],
    );
    if (!claimed) {
      const [prior]: Array<{ request_hash: string; response: T }> = await m.query(
        `SELECT request_hash, response FROM idempotency_keys WHERE scope = $1 AND actor_user_id = $2 AND key = $3`, [scope, actor, key]);
      if (prior.request_hash !== hash) throw commonError(CommonErrorCode.IDEMPOTENCY_KEY_REUSED, { scope });
      return prior.response;
    }
    const result = JSON.parse(JSON.stringify(await work())) as T;
    await m.query(`UPDATE idempotency_keys SET response = $2 WHERE id = $1`, [claimed.id, JSON.stringify(result)]);
    return result;
  }
}
