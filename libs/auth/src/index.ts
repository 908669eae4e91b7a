export * from './access.decorators';
export * from './access-claims';
export * from './auth.errors';
export * from './auth.service';
export * from './identity.service';
export * from './password.service';
export * from './token.service';
export * from './auth.module';
