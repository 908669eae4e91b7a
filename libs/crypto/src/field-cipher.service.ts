import { Injectable } from '@nestjs/common';
import { TenantContext } from '@sanshe/tenancy';
import { CryptoErrorCode, cryptoError } from './crypto.errors';
import { blindIndex, ciphertextKeyId, decryptValue, deriveIndexKey, encryptValue } from './envelope';
import { TenantKeyring } from './tenant-keyring.service';

/**
 * What domain code uses: encrypt and decrypt one named field of the current district, and compute a blind index
 * for exact lookups. `field` names the column (e.g. `beneficiary.id_number`) and is bound into the ciphertext, so a
 * value copied into another column or district fails to decrypt instead of being read in the wrong place.
 */
@Injectable()
export class FieldCipher {
  constructor(
    private readonly ctx: TenantContext,
    private readonly keyring: TenantKeyring,
  ) {}

  async encrypt(field: string, plaintext: string): Promise<Buffer> {
    const { id, key } = await this.keyring.activeKey('field');
    return encryptValue(key, id, this.ctx.tenantId(), field, plaintext);
  }

  async encryptOptional(field: string, plaintext: string | null | undefined): Promise<Buffer | null> {
    return plaintext === null || plaintext === undefined || plaintext === '' ? null : this.encrypt(field, plaintext);
  }

  async encryptJson(field: string, value: unknown): Promise<Buffer | null> {
    return value === null || value === undefined ? null : this.encrypt(field, JSON.stringify(value));
  }

  async decrypt(field: string, data: Buffer): Promise<string> {
    let keyId: string;
    try {
      keyId = ciphertextKeyId(data);
    } catch {
      throw cryptoError(CryptoErrorCode.CRYPTO_INTEGRITY, { field });
    }
    const key = await this.keyring.keyById(keyId);
    try {
      return decryptValue(key, this.ctx.tenantId(), field, data);
    } catch {
      throw cryptoError(CryptoErrorCode.CRYPTO_INTEGRITY, { field });
    }
  }

  async decryptOptional(field: string, data: Buffer | null | undefined): Promise<string | null> {
    return data ? this.decrypt(field, data) : null;
  }

  async decryptJson<T>(field: string, data: Buffer | null | undefined): Promise<T | null> {
    const text = await this.decryptOptional(field, data);
    return text === null ? null : (JSON.parse(text) as T);
  }

  /** HMAC-SHA256 of an already normalised value under the district's index key for this field. */
  async blindIndex(field: string, normalisedValue: string): Promise<Buffer> {
    const { key } = await this.keyring.activeKey('index');
    return blindIndex(deriveIndexKey(key, this.ctx.tenantId(), field), normalisedValue);
  }
}
