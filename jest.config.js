// One jest run over every workspace. TypeScript is compiled by swc (types are checked by
// `npm run typecheck`, not here), so tests start fast.
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', tsx: true },
        transform: { react: { runtime: 'automatic' } },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

const project = (displayName, roots, extra = {}) => ({
  displayName,
  roots,
  transform,
  testEnvironment: 'node',
  testMatch: ['**/?(*.)test.ts?(x)'],
  ...extra,
});

module.exports = {
  projects: [
    project('common', ['<rootDir>/packages/common/src']),
    project('backend', ['<rootDir>/plugins/itam-backend/src'], {
      testTimeout: 60_000,
    }),
  ],
};
