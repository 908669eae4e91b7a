import { FieldCipher, TenantKeyring, ciphertextKeyId } from '@sanshe/crypto';
import { TenantTransactionRunner } from '@sanshe/tenancy';
import { District, TestApp, openDistrict, startTestApp } from '../support/test-app';

describe('per-district keys in the database', () => {
  let t: TestApp;
  let a: District;
  let b: District;
  let runner: TenantTransactionRunner;
  let cipher: FieldCipher;
  let keyring: TenantKeyring;
  const inDistrict = <T>(d: District, work: () => Promise<T>) => runner.run({ tenantId: d.tenantId }, work);

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = [await openDistrict(t), await openDistrict(t)];
    runner = t.app.get(TenantTransactionRunner);
    cipher = t.app.get(FieldCipher);
    keyring = t.app.get(TenantKeyring);
  }, 30_000);
  afterAll(async () => { await t.close(); });

  it('a district\'s value round-trips, and another district cannot read it (its key is not even visible there)', async () => {
    const data = await inDistrict(a, () => cipher.encrypt('beneficiary.phone', '13800138000'));
    expect(await inDistrict(a, () => cipher.decrypt('beneficiary.phone', data))).toBe('13800138000');
    await expect(inDistrict(b, () => cipher.decrypt('beneficiary.phone', data))).rejects.toMatchObject({ code: 'CRYPTO_KEY_UNAVAILABLE' });
  });

  it('the blind index is stable within a district and differs across districts', async () => {
    const a1 = await inDistrict(a, () => cipher.blindIndex('beneficiary.id_number', '11010519491231002X'));
    const a2 = await inDistrict(a, () => cipher.blindIndex('beneficiary.id_number', '11010519491231002X'));
    const b1 = await inDistrict(b, () => cipher.blindIndex('beneficiary.id_number', '11010519491231002X'));
    expect(a1.equals(a2)).toBe(true);
    expect(a1.equals(b1)).toBe(false);
  });

  it('rotating the field key keeps old values readable and writes new ones under the new key', async () => {
    const before = await inDistrict(a, () => cipher.encrypt('case.comment', '旧密钥加密'));
    const rotated = await inDistrict(a, () => keyring.rotateFieldKey());
    const after = await inDistrict(a, () => cipher.encrypt('case.comment', '新密钥加密'));
    expect(ciphertextKeyId(after)).toBe(rotated.id);
    expect(ciphertextKeyId(before)).not.toBe(rotated.id);
    expect(await inDistrict(a, () => cipher.decrypt('case.comment', before))).toBe('旧密钥加密');
    expect(await inDistrict(a, () => cipher.decrypt('case.comment', after))).toBe('新密钥加密');
  });

  it('a tampered ciphertext is refused with a stable code, not decrypted', async () => {
    const data = await inDistrict(a, () => cipher.encrypt('beneficiary.notes', '备注'));
    data[data.length - 1] ^= 1;
    await expect(inDistrict(a, () => cipher.decrypt('beneficiary.notes', data))).rejects.toMatchObject({ code: 'CRYPTO_INTEGRITY' });
  });
});
