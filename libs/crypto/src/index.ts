export * from './envelope';
export * from './crypto.errors';
export * from './tenant-keyring.service';
export * from './field-cipher.service';
export * from './crypto.module';
