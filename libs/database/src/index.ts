export * from './migration-sql';
export * from './database.module';
export * from './versioned';
export * from './keyset-page';
