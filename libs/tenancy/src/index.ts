export * from './tenant-context';
export * from './tenant-transaction.runner';
export * from './tenancy.module';
