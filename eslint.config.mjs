// Flat config shared by every workspace.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Storage drivers, servers and Node's I/O modules. */
const STORAGE_AND_IO = ['knex', 'pg', 'better-sqlite3', 'express', 'express-promise-router', 'node:*', 'fs', 'path', 'http', 'https', 'net', 'child_process', 'os'];

/** A layer's rule: files matching `files` may not import the `forbidden` packages. */
function layer(files, why, forbidden) {
  return {
    files: [files],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message: `${why} (docs/architecture.md).` }] }],
    },
  };
}

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/dist-types/**',
      '**/coverage/**',
      'test-artefacts/**',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': ['error', { allow: ['warn', 'error'] }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  // The layers (docs/architecture.md): the domain imports no platform, storage, I/O or UI; the
  // user interfaces talk to the backend over HTTP only; the backend renders no UI.
  layer('packages/common/src/**', 'packages/common is the pure domain: no platform, storage, I/O or UI package', [
    '@backstage/*',
    '@forge/*',
    '@itam/backstage-plugin-*',
    '@material-ui/*',
    ...STORAGE_AND_IO,
    'react',
    'react-dom',
  ]),
  layer('plugins/itam-frontend/src/**', 'the Backstage UI reads the backend over HTTP (ItamClient), never its code', [
    '@itam/backstage-plugin-itam-backend',
    '@itam/backstage-plugin-itam-backend/*',
    '@backstage/backend-*',
    '@backstage/plugin-*-node',
    '@forge/*',
    ...STORAGE_AND_IO,
  ]),
  {
    ...layer('forge-app/src/**', 'the Jira app reads the ITAM backend over HTTP, never its code or Backstage\'s', [
      '@backstage/*',
      '@itam/backstage-plugin-*',
      ...STORAGE_AND_IO.filter(p => !p.startsWith('node:')),
    ]),
    // Tests start the real backend to talk to over HTTP; the build checks read files.
    ignores: ['forge-app/src/**/*.test.ts', 'forge-app/src/**/*.test.tsx', 'forge-app/src/testing/**'],
  },
  layer('plugins/itam-backend/src/**', 'the backend serves data; the UIs are separate packages', [
    '@itam/backstage-plugin-itam',
    '@itam/backstage-plugin-itam/*',
    '@backstage/core-*',
    '@backstage/ui',
    '@backstage/frontend-*',
    '@material-ui/*',
    '@forge/*',
    'react',
    'react-dom',
  ]),
  {
    // Scripts, dev entries, migrations and benchmarks talk to the console on purpose.
    files: ['scripts/**', '**/dev/**', 'bench/**', '**/migrations/**', '.ci/**', '*.js', '*.mjs'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
