/**
 * Envelope encryption primitives, free of Nest and the database so they can be tested on their own.
 *
 *  - A tenant's data key (32 random bytes) is stored wrapped: AES-256-GCM under the master key from the environment,
 *    with the tenant id and key id as associated data, so a wrapped key copied to another row or district fails.
 *  - A field value is AES-256-GCM under the data key, with `tenantId|field` as associated data (a ciphertext moved to
 *    another column or district does not decrypt). Stored format (bytea):
 *
 *        0x01 | key id (16 bytes, the tenant_keys uuid) | iv (12 bytes) | ciphertext | tag (16 bytes)
 *
 *    The key id says which data key to use, so keys can rotate while old rows stay readable.
 *  - A blind index is HMAC-SHA256 under a per-tenant index key, itself turned into one sub-key per field by HKDF:
 *    equal values give equal indexes within a district and field, unrelated ones elsewhere.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export const FORMAT_V1 = 0x01;
const KEY_ID_LEN = 16;
const IV_LEN = 12;
const TAG_LEN = 16;
const HEADER_LEN = 1 + KEY_ID_LEN + IV_LEN;

export class CryptoFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CryptoFailure';
  }
}

export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** A short, non-secret fingerprint naming a master key (stored with each wrapped key, to notice a wrong one). */
export function masterKeyId(masterKey: Buffer): string {
  return createHash('sha256').update('sanshe/master-key-id').update(masterKey).digest('hex').slice(0, 16);
}

function uuidBytes(id: string): Buffer {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new CryptoFailure('key id must be a uuid');
  return Buffer.from(hex, 'hex');
}

function bytesUuid(b: Buffer): string {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function seal(key: Buffer, plaintext: Buffer, aad: string): { iv: Buffer; ct: Buffer; tag: Buffer } {
  if (key.length !== 32) throw new CryptoFailure('AES-256 keys are 32 bytes');
  const iv = randomBytes(IV_LEN);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LEN });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ct, tag: cipher.getAuthTag() };
}

function open(key: Buffer, iv: Buffer, ct: Buffer, tag: Buffer, aad: string): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_LEN });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ct), decipher.final()]);
  } catch {
    throw new CryptoFailure('ciphertext failed authentication (tampered, wrong key or wrong context)');
  }
}

/** Wraps a tenant key under the master key: iv | ciphertext | tag. */
export function wrapKey(masterKey: Buffer, dataKey: Buffer, tenantId: string, keyId: string): Buffer {
  const { iv, ct, tag } = seal(masterKey, dataKey, `sanshe/tenant-key|${tenantId}|${keyId}`);
  return Buffer.concat([iv, ct, tag]);
}

export function unwrapKey(masterKey: Buffer, wrapped: Buffer, tenantId: string, keyId: string): Buffer {
  if (wrapped.length !== IV_LEN + 32 + TAG_LEN) throw new CryptoFailure('wrapped key has the wrong length');
  return open(masterKey, wrapped.subarray(0, IV_LEN), wrapped.subarray(IV_LEN, IV_LEN + 32), wrapped.subarray(IV_LEN + 32), `sanshe/tenant-key|${tenantId}|${keyId}`);
}

function fieldAad(tenantId: string, field: string): string {
  return `sanshe/field|${tenantId}|${field}`;
}

export function encryptValue(dataKey: Buffer, keyId: string, tenantId: string, field: string, plaintext: string): Buffer {
  const { iv, ct, tag } = seal(dataKey, Buffer.from(plaintext, 'utf8'), fieldAad(tenantId, field));
  return Buffer.concat([Buffer.from([FORMAT_V1]), uuidBytes(keyId), iv, ct, tag]);
}

/** The key id a ciphertext was made with (to pick the data key before decrypting). */
export function ciphertextKeyId(data: Buffer): string {
  if (data.length < HEADER_LEN + TAG_LEN || data[0] !== FORMAT_V1) throw new CryptoFailure('not a sanshe v1 ciphertext');
  return bytesUuid(data.subarray(1, 1 + KEY_ID_LEN));
}

export function decryptValue(dataKey: Buffer, tenantId: string, field: string, data: Buffer): string {
  ciphertextKeyId(data);
  const iv = data.subarray(1 + KEY_ID_LEN, HEADER_LEN);
  const ct = data.subarray(HEADER_LEN, data.length - TAG_LEN);
  const tag = data.subarray(data.length - TAG_LEN);
  return open(dataKey, iv, ct, tag, fieldAad(tenantId, field)).toString('utf8');
}

/** The HMAC key for one field's blind index, derived from the tenant's index key. */
export function deriveIndexKey(indexKey: Buffer, tenantId: string, field: string): Buffer {
  return Buffer.from(hkdfSync('sha256', indexKey, Buffer.from(tenantId, 'utf8'), `sanshe/blind-index|${field}`, 32));
}

export function blindIndex(fieldIndexKey: Buffer, normalisedValue: string): Buffer {
  return createHmac('sha256', fieldIndexKey).update(normalisedValue, 'utf8').digest();
}

/** Parses MASTER_KEY: base64 (or base64url) of exactly 32 bytes. */
export function parseMasterKey(value: string): Buffer | undefined {
  const trimmed = value.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) return undefined;
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === 32 ? key : undefined;
}
