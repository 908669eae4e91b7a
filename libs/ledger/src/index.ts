export * from './ledger.types';
export * from './ledger.errors';
export * from './ledger-request';
export * from './ledger-invariants';
export * from './ledger.service';
export * from './ledger.module';
