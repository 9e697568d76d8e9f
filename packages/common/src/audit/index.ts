export * from './schema';
export * from './findings';
