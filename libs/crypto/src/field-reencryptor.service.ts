import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';
import { EncryptedColumnRegistry } from './encrypted-columns.registry';
import { FieldCipher } from './field-cipher.service';
import { TenantKeyring } from './tenant-keyring.service';

export interface RotationProgress {
  id: string;
  targetKeyId: string;
  status: 'running' | 'done' | 'superseded';
  total: number;
  done: number;
  batches: number;
  startedAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** The key id bytes of a stored value (after the one format byte), as the database can compare them. */
const KEY_ID_SQL = (col: string) => `substring(${col} from 2 for 16)`;

/**
 * Re-encrypts a district's values under its newest field key after a rotation. Work goes in batches, each in its
 * own transaction together with its progress row, so a crash loses at most one uncommitted batch and a re-run
 * continues where the last commit stopped; a value already under the target key is never touched (idempotent).
 * Rows are locked while rewritten, so a user's concurrent edit is neither lost nor overwritten.
 */
@Injectable()
export class FieldReencryptor {
  constructor(
    private readonly ctx: TenantContext,
    private readonly keyring: TenantKeyring,
    private readonly cipher: FieldCipher,
    private readonly columns: EncryptedColumnRegistry,
  ) {}

  /** Rotates the field key and records the job; the caller starts it (an outbox event) in the same transaction. */
  async rotate(requestedBy: string | null): Promise<RotationProgress> {
    const key = await this.keyring.rotateFieldKey();
    const m = this.ctx.manager();
    await m.query(`UPDATE tenant_key_rotations SET status = 'superseded', updated_at = now(), finished_at = now() WHERE status = 'running'`);
    const total = await this.remaining(key.id);
    const [row] = await m.query(
      `INSERT INTO tenant_key_rotations (tenant_id, target_key_id, total, requested_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [this.ctx.tenantId(), key.id, total, requestedBy]);
    return (await this.progress(row.id))!;
  }

  /** One batch. Returns true when more remain. */
  async batch(rotationId: string, size = 500): Promise<boolean> {
    const m = this.ctx.manager();
    const [job]: Array<{ target_key_id: string; status: string }> = await m.query(
      `SELECT target_key_id, status FROM tenant_key_rotations WHERE id = $1 FOR UPDATE`, [rotationId]);
    if (!job || job.status !== 'running') return false;
    const active = await this.keyring.activeKey('field');
    if (active.id !== job.target_key_id) {
      await m.query(`UPDATE tenant_key_rotations SET status = 'superseded', updated_at = now(), finished_at = now() WHERE id = $1`, [rotationId]);
      return false;
    }
    const target = Buffer.from(job.target_key_id.replace(/-/g, ''), 'hex');
    // Append-only tables accept a rewrite of their ciphertext columns only in a transaction that says so.
    await m.query(`SELECT set_config('app.reencrypt', 'on', true)`);
    let rewritten = 0;
    for (const c of this.columns.all()) {
      if (rewritten >= size) break;
      const rows: Array<{ id: string; value: Buffer }> = await m.query(
        `SELECT id, ${c.column} AS value FROM ${c.table} WHERE ${c.column} IS NOT NULL AND ${KEY_ID_SQL(c.column)} <> $1
          ORDER BY id LIMIT $2 FOR UPDATE`, [target, size - rewritten]);
      for (const r of rows) {
        const clear = await this.cipher.decrypt(c.field, r.value);
        await m.query(`UPDATE ${c.table} SET ${c.column} = $2 WHERE id = $1`, [r.id, await this.cipher.encrypt(c.field, clear)]);
      }
      rewritten += rows.length;
    }
    const more = rewritten >= size;
    await m.query(
      `UPDATE tenant_key_rotations SET done = done + $2, batches = batches + 1, updated_at = now(),
              status = CASE WHEN $3 THEN 'running' ELSE 'done' END, finished_at = CASE WHEN $3 THEN NULL ELSE now() END
        WHERE id = $1`, [rotationId, rewritten, more]);
    return more;
  }

  /** How many stored values are not under the given key (0 after a finished job). */
  async remaining(keyId: string): Promise<number> {
    const target = Buffer.from(keyId.replace(/-/g, ''), 'hex');
    let n = 0;
    for (const c of this.columns.all()) {
      const [{ count }] = await this.ctx.manager().query(
        `SELECT count(*)::int AS count FROM ${c.table} WHERE ${c.column} IS NOT NULL AND ${KEY_ID_SQL(c.column)} <> $1`, [target]);
      n += count;
    }
    return n;
  }

  async progress(id?: string): Promise<RotationProgress | null> {
    const [r] = await this.ctx.manager().query(
      `SELECT * FROM tenant_key_rotations ${id ? 'WHERE id = $1' : ''} ORDER BY started_at DESC LIMIT 1`, id ? [id] : []);
    return r ? {
      id: r.id, targetKeyId: r.target_key_id, status: r.status, total: r.total, done: r.done, batches: r.batches,
      startedAt: r.started_at, updatedAt: r.updated_at, finishedAt: r.finished_at,
    } : null;
  }
}
