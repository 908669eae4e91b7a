export * from './problem-details.schema';
export * from './page.schema';
export * from './label.schema';
