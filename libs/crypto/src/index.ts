export * from './envelope';
export * from './crypto.errors';
export * from './tenant-keyring.service';
export * from './field-cipher.service';
export * from './crypto.module';
export * from './encrypted-columns.registry';
export * from './field-reencryptor.service';
