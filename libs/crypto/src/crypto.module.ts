import { Global, Module } from '@nestjs/common';
import { EncryptedColumnRegistry } from './encrypted-columns.registry';
import { FieldCipher } from './field-cipher.service';
import { FieldReencryptor } from './field-reencryptor.service';
import { TenantKeyring } from './tenant-keyring.service';

/** Field-level encryption of personal data: per-district data keys wrapped by the master key. */
@Global()
@Module({
  providers: [TenantKeyring, FieldCipher, EncryptedColumnRegistry, FieldReencryptor],
  exports: [TenantKeyring, FieldCipher, EncryptedColumnRegistry, FieldReencryptor],
})
export class CryptoModule {}
