import { Global, Module } from '@nestjs/common';
import { FieldCipher } from './field-cipher.service';
import { TenantKeyring } from './tenant-keyring.service';

/** Field-level encryption of personal data: per-district data keys wrapped by the master key. */
@Global()
@Module({ providers: [TenantKeyring, FieldCipher], exports: [TenantKeyring, FieldCipher] })
export class CryptoModule {}
