import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CommonErrorCode, commonError } from '@sanshe/common';
import { TenantContext } from '@sanshe/tenancy';

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` for requests that move money: the first successful answer is stored in the same transaction as
 * the work, and a retry with the same key and the same request gets that answer back (the same key with another
 * request is 409 IDEMPOTENCY_KEY_REUSED). The key row is claimed first with INSERT … ON CONFLICT DO NOTHING, so a
 * concurrent retry waits on the first attempt's uncommitted row and then reads its answer; a refused attempt rolls
 * back with its key, and may be tried again.
 */
@Injectable()
export class RequestIdempotency {
  constructor(private readonly ctx: TenantContext) {}

  async run<T>(scope: string, key: string | undefined, request: unknown, work: () => Promise<T>): Promise<T> {
    if (key === undefined || key === '') return work();
    if (!KEY.test(key)) throw commonError(CommonErrorCode.VALIDATION_FAILED, undefined, undefined, [
      { field: 'Idempotency-Key', code: 'idempotencyKey', zh: 'Idempotency-Key：应为 1–200 个可见字符', en: 'Idempotency-Key must be 1–200 visible characters' },
    ]);
    const hash = createHash('sha256').update(JSON.stringify(request)).digest('hex');
    const m = this.ctx.manager();
    const [claimed]: Array<{ id: string }> = await m.query(
      `INSERT INTO money_request_keys (tenant_id, scope, key, request_hash, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, scope, key) DO NOTHING RETURNING id`,
      [this.ctx.tenantId(), scope, key, hash, this.ctx.actorOrUndefined()?.userId ?? null],
    );
    if (!claimed) {
      const [row]: Array<{ request_hash: string; response: T }> = await m.query(
        `SELECT request_hash, response FROM money_request_keys WHERE tenant_id = $1 AND scope = $2 AND key = $3`, [this.ctx.tenantId(), scope, key]);
      if (row.request_hash !== hash) throw commonError(CommonErrorCode.IDEMPOTENCY_KEY_REUSED, { scope });
      return row.response;
    }
    const result = JSON.parse(JSON.stringify(await work(), (_k, v) => (typeof v === 'bigint' ? v.toString() : v))) as T;
    await m.query(`UPDATE money_request_keys SET response = $2 WHERE id = $1`, [claimed.id, JSON.stringify(result)]);
    return result;
  }
}
