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
  // Jest reads testTimeout only at the top level, not per project. Backend and Forge tests start
  // a Backstage backend and talk to PostgreSQL, which on a loaded 2-core machine can take a while.
  testTimeout: 60_000,
  projects: [
    project('common', ['<rootDir>/packages/common/src']),
    project('backend', ['<rootDir>/plugins/itam-backend/src']),
    project('frontend', ['<rootDir>/plugins/itam-frontend/src'], {
      testEnvironment: '<rootDir>/plugins/itam-frontend/jest/environment.ts',
      setupFilesAfterEnv: ['<rootDir>/plugins/itam-frontend/src/setupTests.ts'],
      moduleNameMapper: {
        '\\.(css|svg|png)$': '<rootDir>/plugins/itam-frontend/jest/fileStub.ts',
      },
      // Backstage's packages and several of theirs (react-markdown, react-use/esm, .mjs files...)
      // ship ES modules only, so swc compiles node_modules too, except what is CommonJS already:
      // the list @backstage/cli uses, plus jsdom's CSS parser, which breaks under "use strict".
      transform: { ...transform, '\\.mjs$': transform['^.+\\.(t|j)sx?$'] },
      transformIgnorePatterns: [
        '/node_modules/(?:@material-ui|ajv|core-js|jest-.*|jsdom|react|react-dom|react-use/lib|typescript|cssstyle|@acemir/cssom)/',
      ],
    }),
    // Forge app: node environment. UI Kit tests render through @forge/react's reconciler, which
    // needs no DOM, only the bridge globals (`__bridge`, `self`) each test file sets up; one test
    // starts the real ITAM backend in-process.
    project('forge', ['<rootDir>/forge-app/src'], {
      testTimeout: 60_000,
    }),
    // Browser tests: the example portal (real backend serving the built app) driven in Debian's
    // Chromium. `npm test` builds the app and runs this project on its own, after the others.
    project('e2e', ['<rootDir>/examples/app/e2e']),
  ],
};
