import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { masterKeyId, parseMasterKey, unwrapKey, wrapKey } from '@sanshe/crypto';
import { TenantContext, TenantTransactionRunner } from '@sanshe/tenancy';
import { DataSource } from 'typeorm';

/**
 * Re-wraps every district's data keys from the old master key to the new one (`rotate-master-key`). The data keys
 * themselves do not change, so no value is re-encrypted. One transaction per district; a key already under the
 * new master key is skipped, so a run that stopped half-way is simply run again. A key under neither stops the run.
 */
@Injectable()
export class MasterKeyRotation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly runner: TenantTransactionRunner,
    private readonly ctx: TenantContext,
  ) {}

  async rotate(oldKeyB64: string, newKeyB64: string): Promise<{ rewrapped: number; alreadyNew: number }> {
    const oldKey = parseMasterKey(oldKeyB64);
    const newKey = parseMasterKey(newKeyB64);
    if (!oldKey || !newKey) throw new Error('OLD_MASTER_KEY and NEW_MASTER_KEY must each be base64 of 32 bytes');
    const oldId = masterKeyId(oldKey);
    const newId = masterKeyId(newKey);
    if (oldId === newId) throw new Error('OLD_MASTER_KEY and NEW_MASTER_KEY are the same key');
    const tenants: Array<{ id: string }> = await this.dataSource.query(`SELECT id FROM tenants ORDER BY code`);
    let rewrapped = 0;
    let alreadyNew = 0;
    for (const t of tenants) {
      await this.runner.run({ tenantId: t.id }, async () => {
        const m = this.ctx.manager();
        const keys: Array<{ id: string; wrapped_key: Buffer; master_key_id: string }> = await m.query(
          `SELECT id, wrapped_key, master_key_id FROM tenant_keys FOR UPDATE`);
        for (const k of keys) {
          if (k.master_key_id === newId) { alreadyNew += 1; continue; }
          if (k.master_key_id !== oldId) throw new Error(`tenant key ${k.id} is wrapped by master key ${k.master_key_id}, neither the old nor the new one`);
          const dataKey = unwrapKey(oldKey, k.wrapped_key, t.id, k.id);
          await m.query(`UPDATE tenant_keys SET wrapped_key = $2, master_key_id = $3 WHERE id = $1`, [k.id, wrapKey(newKey, dataKey, t.id, k.id), newId]);
          rewrapped += 1;
        }
      });
    }
    return { rewrapped, alreadyNew };
  }
}
