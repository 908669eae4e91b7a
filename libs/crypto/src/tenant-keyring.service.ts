import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '@sanshe/common';
import { TenantContext, TenantTransactionRunner } from '@sanshe/tenancy';
import { CryptoErrorCode, cryptoError } from './crypto.errors';
import { masterKeyId, newDataKey, parseMasterKey, unwrapKey, wrapKey } from './envelope';

/** `field` keys encrypt values and rotate; the one `index` key per district keys blind indexes and never rotates. */
export type KeyPurpose = 'field' | 'index';

interface KeyRow {
  id: string;
  purpose: KeyPurpose;
  version: number;
  wrapped_key: Buffer;
  master_key_id: string;
  status: 'active' | 'retired';
}

interface CachedKey {
  id: string;
  key: Buffer;
  expiresAt: number;
}

const CACHE_TTL_MS = 5 * 60_000;

/**
 * Each district's data keys, kept wrapped in `tenant_keys` (forced RLS: a district can only ever load its own).
 * Unwrapped keys are cached in memory for a few minutes; a district's first key is created in its own committed
 * transaction, so a request that rolls back can never leave the cache holding a key whose row does not exist.
 */
@Injectable()
export class TenantKeyring {
  private readonly logger = new Logger('TenantKeyring');
  private readonly master?: Buffer;
  private readonly masterId?: string;
  private readonly byId = new Map<string, CachedKey>();
  private readonly active = new Map<string, CachedKey>();
  private readonly activeInTx = new WeakMap<object, { tenantId: string; entry: CachedKey }>();

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly ctx: TenantContext,
    private readonly runner: TenantTransactionRunner,
  ) {
    this.master = config.masterKey ? parseMasterKey(config.masterKey) : undefined;
    this.masterId = this.master ? masterKeyId(this.master) : undefined;
    if (!this.master) this.logger.warn('MASTER_KEY is not set: personal data cannot be encrypted or read until it is');
  }

  /**
   * The key new values are written with. Which field key is active is read once per transaction, share-locking its
   * row: a rotation waits for transactions still writing with the old key, and every later one sees the new key, so
   * the re-encryption job that starts after a rotation can leave nothing behind under the old one. (The index key
   * never rotates and is cached.)
   */
  async activeKey(purpose: KeyPurpose): Promise<{ id: string; key: Buffer }> {
    const tenantId = this.ctx.tenantId();
    if (purpose === 'field') {
      const manager = this.ctx.manager();
      const known = this.activeInTx.get(manager);
      if (known && known.tenantId === tenantId) return known.entry;
      const entry = await this.loadActiveEntry(tenantId, purpose, true);
      this.activeInTx.set(manager, { tenantId, entry });
      return entry;
    }
    const cacheKey = `${tenantId}:${purpose}`;
    const hit = this.active.get(cacheKey);
    if (hit && hit.expiresAt > Date.now()) return hit;
    const entry = await this.loadActiveEntry(tenantId, purpose, false);
    this.active.set(cacheKey, entry);
    return entry;
  }

  private async loadActiveEntry(tenantId: string, purpose: KeyPurpose, share: boolean): Promise<CachedKey> {
    let row = await this.loadActive(purpose, share);
    if (!row) {
      await this.createFirstKey(tenantId, purpose);
      row = await this.loadActive(purpose, share);
      if (!row) throw cryptoError(CryptoErrorCode.CRYPTO_KEY_UNAVAILABLE);
    }
    const cached = this.byId.get(`${tenantId}:${row.id}`);
    if (cached && cached.expiresAt > Date.now()) return cached;
    const entry = { id: row.id, key: this.unwrap(tenantId, row), expiresAt: Date.now() + CACHE_TTL_MS };
    this.byId.set(`${tenantId}:${row.id}`, entry);
    return entry;
  }

  /** Any key of the district by id (retired keys still decrypt older values). */
  async keyById(id: string): Promise<Buffer> {
    const tenantId = this.ctx.tenantId();
    const hit = this.byId.get(`${tenantId}:${id}`);
    if (hit && hit.expiresAt > Date.now()) return hit.key;
    const [row]: KeyRow[] = await this.ctx.manager().query(
      `SELECT id, purpose, version, wrapped_key, master_key_id, status FROM tenant_keys WHERE id = $1`, [id]);
    if (!row) throw cryptoError(CryptoErrorCode.CRYPTO_KEY_UNAVAILABLE, { keyId: id });
    const entry = { id, key: this.unwrap(tenantId, row), expiresAt: Date.now() + CACHE_TTL_MS };
    this.byId.set(`${tenantId}:${id}`, entry);
    return entry.key;
  }

  /**
   * Retires the district's active field key and makes a new one, in the caller's transaction. Values written before
   * keep naming their key and stay readable; `FieldReencryptor` then rewrites them under the new key, in batches.
   */
  async rotateFieldKey(): Promise<{ id: string; version: number }> {
    this.requireMaster();
    const tenantId = this.ctx.tenantId();
    const m = this.ctx.manager();
    const [current]: Array<{ version: number }> = await m.query(
      `WITH u AS (UPDATE tenant_keys SET status = 'retired', retired_at = now() WHERE purpose = 'field' AND status = 'active' RETURNING version)
       SELECT version FROM u`);
    const [{ max }]: Array<{ max: number | null }> = await m.query(`SELECT max(version) AS max FROM tenant_keys WHERE purpose = 'field'`);
    const version = (max ?? current?.version ?? 0) + 1;
    const id = randomUUID();
    await m.query(
      `INSERT INTO tenant_keys (tenant_id, id, purpose, version, wrapped_key, master_key_id, status) VALUES ($1, $2, 'field', $3, $4, $5, 'active')`,
      [tenantId, id, version, wrapKey(this.master!, newDataKey(), tenantId, id), this.masterId]);
    this.activeInTx.set(m, { tenantId, entry: { id, key: await this.keyByIdFresh(tenantId, id), expiresAt: Date.now() + CACHE_TTL_MS } });
    return { id, version };
  }

  private async loadActive(purpose: KeyPurpose, share = false): Promise<KeyRow | undefined> {
    const [row]: KeyRow[] = await this.ctx.manager().query(
      `SELECT id, purpose, version, wrapped_key, master_key_id, status FROM tenant_keys WHERE purpose = $1 AND status = 'active'${share ? ' FOR SHARE' : ''}`, [purpose]);
    return row;
  }

  private async createFirstKey(tenantId: string, purpose: KeyPurpose): Promise<void> {
    this.requireMaster();
    const id = randomUUID();
    const wrapped = wrapKey(this.master!, newDataKey(), tenantId, id);
    // A separate, committed transaction; two first requests racing meet on the one-active-key index.
    await this.runner.run({ tenantId }, async () => {
      await this.ctx.manager().query(
        `INSERT INTO tenant_keys (tenant_id, id, purpose, version, wrapped_key, master_key_id, status)
         VALUES ($1, $2, $3, 1, $4, $5, 'active')
         ON CONFLICT (tenant_id, purpose) WHERE status = 'active' DO NOTHING`,
        [tenantId, id, purpose, wrapped, this.masterId]);
    });
  }

  private async keyByIdFresh(tenantId: string, id: string): Promise<Buffer> {
    this.byId.delete(`${tenantId}:${id}`);
    return this.keyById(id);
  }

  private unwrap(tenantId: string, row: KeyRow): Buffer {
    this.requireMaster();
    if (row.master_key_id !== this.masterId) {
      this.logger.error(`tenant key ${row.id} was wrapped by master key ${row.master_key_id}, not the configured one`);
      throw cryptoError(CryptoErrorCode.CRYPTO_KEY_UNAVAILABLE, { keyId: row.id });
    }
    try {
      return unwrapKey(this.master!, row.wrapped_key, tenantId, row.id);
    } catch {
      throw cryptoError(CryptoErrorCode.CRYPTO_INTEGRITY, { keyId: row.id });
    }
  }

  private requireMaster(): void {
    if (!this.master) throw cryptoError(CryptoErrorCode.CRYPTO_NOT_CONFIGURED);
  }
}
