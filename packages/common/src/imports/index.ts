export * from './job';
export * from './dates';
export * from './amounts';
export * from './people';
export * from './matching';
