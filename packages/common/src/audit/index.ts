export * from './schema';
export * from './findings';
export * from './campaign';
