export * from './tenant-context';
export * from './tenant-transaction.runner';
export * from './tenancy.module';
export * from './idempotency.service';
export * from './reference-numbers.service';
