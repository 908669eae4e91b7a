import { randomBytes, randomUUID } from 'node:crypto';
import {
  blindIndex, ciphertextKeyId, decryptValue, deriveIndexKey, encryptValue, masterKeyId, newDataKey, parseMasterKey, unwrapKey, wrapKey,
} from './envelope';

const tenantA = randomUUID();
const tenantB = randomUUID();

describe('field encryption', () => {
  const keyId = randomUUID();
  const key = newDataKey();

  it('a value round-trips and the ciphertext names the key it was made with', () => {
    const data = encryptValue(key, keyId, tenantA, 'beneficiary.id_number', '11010519491231002X');
    expect(decryptValue(key, tenantA, 'beneficiary.id_number', data)).toBe('11010519491231002X');
    expect(ciphertextKeyId(data)).toBe(keyId);
    expect(data[0]).toBe(0x01);
    expect(data.toString('latin1')).not.toContain('11010519491231002X');
  });

  it('the same value encrypts differently every time (random iv)', () => {
    const a = encryptValue(key, keyId, tenantA, 'f', '张三的家访记录');
    const b = encryptValue(key, keyId, tenantA, 'f', '张三的家访记录');
    expect(a.equals(b)).toBe(false);
    expect(decryptValue(key, tenantA, 'f', b)).toBe('张三的家访记录');
  });

  it('a changed byte anywhere is detected, not decrypted into something else', () => {
    const data = encryptValue(key, keyId, tenantA, 'f', 'note text');
    for (const i of [20, 30, data.length - 20, data.length - 1]) {
      const tampered = Buffer.from(data);
      tampered[i] ^= 0x01;
      expect(() => decryptValue(key, tenantA, 'f', tampered)).toThrow(/failed authentication/);
    }
    expect(() => decryptValue(key, tenantA, 'f', data.subarray(0, 20))).toThrow();
  });

  it('another district\'s key, another district or another field cannot read it', () => {
    const data = encryptValue(key, keyId, tenantA, 'beneficiary.phone', '13800138000');
    expect(() => decryptValue(newDataKey(), tenantA, 'beneficiary.phone', data)).toThrow(/failed authentication/);
    expect(() => decryptValue(key, tenantB, 'beneficiary.phone', data)).toThrow(/failed authentication/);
    expect(() => decryptValue(key, tenantA, 'beneficiary.address', data)).toThrow(/failed authentication/);
  });
});

describe('key wrapping', () => {
  const master = randomBytes(32);

  it('a wrapped data key unwraps only with the master key, district and key id it was wrapped for', () => {
    const dataKey = newDataKey();
    const id = randomUUID();
    const wrapped = wrapKey(master, dataKey, tenantA, id);
    expect(unwrapKey(master, wrapped, tenantA, id).equals(dataKey)).toBe(true);
    expect(() => unwrapKey(randomBytes(32), wrapped, tenantA, id)).toThrow();
    expect(() => unwrapKey(master, wrapped, tenantB, id)).toThrow();
    expect(() => unwrapKey(master, wrapped, tenantA, randomUUID())).toThrow();
  });

  it('the master key id is a stable fingerprint, not the key', () => {
    expect(masterKeyId(master)).toBe(masterKeyId(Buffer.from(master)));
    expect(masterKeyId(master)).not.toBe(masterKeyId(randomBytes(32)));
    expect(masterKeyId(master)).toHaveLength(16);
  });

  it('MASTER_KEY must be base64 of exactly 32 bytes', () => {
    expect(parseMasterKey(randomBytes(32).toString('base64'))?.length).toBe(32);
    expect(parseMasterKey(randomBytes(32).toString('base64url'))?.length).toBe(32);
    expect(parseMasterKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(parseMasterKey('not base64 at all!')).toBeUndefined();
  });
});

describe('blind index', () => {
  const indexKeyA = newDataKey();
  const indexKeyB = newDataKey();

  it('is stable for the same value, district and field', () => {
    const k = deriveIndexKey(indexKeyA, tenantA, 'beneficiary.id_number');
    expect(blindIndex(k, '11010519491231002X').equals(blindIndex(deriveIndexKey(indexKeyA, tenantA, 'beneficiary.id_number'), '11010519491231002X'))).toBe(true);
    expect(blindIndex(k, '11010519491231002X').length).toBe(32);
  });

  it('differs across districts, fields and values', () => {
    const value = '11010519491231002X';
    const a = blindIndex(deriveIndexKey(indexKeyA, tenantA, 'beneficiary.id_number'), value);
    expect(a.equals(blindIndex(deriveIndexKey(indexKeyB, tenantB, 'beneficiary.id_number'), value))).toBe(false);
    expect(a.equals(blindIndex(deriveIndexKey(indexKeyA, tenantB, 'beneficiary.id_number'), value))).toBe(false);
    expect(a.equals(blindIndex(deriveIndexKey(indexKeyA, tenantA, 'beneficiary.phone'), value))).toBe(false);
    expect(a.equals(blindIndex(deriveIndexKey(indexKeyA, tenantA, 'beneficiary.id_number'), '110105194912310037'))).toBe(false);
  });
});
