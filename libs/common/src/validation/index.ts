export * from './division-code';
export * from './credit-code';
export * from './resident-id';
export * from './phone';
export * from './real-date';
