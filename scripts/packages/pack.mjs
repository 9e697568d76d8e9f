#!/usr/bin/env node
// Packs the published packages the way `npm publish` would (their prepack rewrites each
// manifest to point at dist/), then checks what each tarball holds: the built entry points and
// type declarations, the backend's migrations and configuration schema, and nothing a consumer
// does not need (sources, tests, fixtures, the dev entry).
//
//   node scripts/packages/pack.mjs [--out <dir>] [--no-build]
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');

/** The packages a Backstage app installs, with what each tarball must and must not hold. */
export const publishedPackages = [
  {
    name: '@itam/common',
    required: ['package/dist/index.cjs.js', 'package/dist/index.esm.js', 'package/dist/index.d.ts', 'package/dist/testing.d.ts', 'package/LICENSE', 'package/CHANGELOG.md'],
  },
  {
    name: '@itam/backstage-plugin-itam-backend',
    required: ['package/dist/index.cjs.js', 'package/dist/index.d.ts', 'package/config.schema.json', 'package/migrations/20261127_assetRegister.js', 'package/LICENSE', 'package/CHANGELOG.md'],
  },
  {
    name: '@itam/backstage-plugin-itam',
    required: ['package/dist/index.esm.js', 'package/dist/index.d.ts', 'package/dist/alpha.esm.js', 'package/dist/alpha.d.ts', 'package/LICENSE', 'package/CHANGELOG.md'],
  },
];

/** Paths no tarball may carry. */
const forbidden = [/\.test\.[jt]sx?(\.map)?$/, /__fixtures__/, /^package\/src\//, /^package\/dev\//, /\/setupTests\./, /^package\/report.*\.api\.md$/];

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  }
  return result.stdout;
}

/**
 * Builds (unless `build` is false) and packs the published packages into `outDir`, checks each
 * tarball's contents and returns `{ name, file, bytes, files }` per package.
 */
export function packPackages({ outDir, build = true, log = console.log }) {
  mkdirSync(outDir, { recursive: true });
  if (build) {
    log('building the packages (npm run build:packages)');
    run('npm', ['run', 'build:packages'], { stdio: ['ignore', 'ignore', 'pipe'] });
  }
  const workspaces = publishedPackages.flatMap(p => ['--workspace', p.name]);
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', outDir, ...workspaces]));
  return publishedPackages.map(spec => {
    const entry = packed.find(p => p.name === spec.name);
    if (!entry) throw new Error(`npm pack produced no tarball for ${spec.name}`);
    const file = join(outDir, entry.filename);
    const files = run('tar', ['tzf', file]).split('\n').filter(Boolean);
    const missing = spec.required.filter(f => !files.includes(f));
    const unwanted = files.filter(f => forbidden.some(re => re.test(f)));
    if (missing.length > 0 || unwanted.length > 0) {
      throw new Error(
        `${entry.filename}: ${missing.length ? `missing ${missing.join(', ')}` : ''}` +
          `${unwanted.length ? ` must not contain ${unwanted.join(', ')}` : ''}`,
      );
    }
    return { name: spec.name, file, bytes: statSync(file).size, files: files.length };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const outDir = resolve(outIndex >= 0 ? args[outIndex + 1] : join(repoRoot, 'dist-packages'));
  const results = packPackages({ outDir, build: !args.includes('--no-build') });
  for (const r of results) {
    console.log(`${r.name.padEnd(40)} ${(r.bytes / 1024).toFixed(1).padStart(8)} kB  ${String(r.files).padStart(4)} files  ${r.file}`);
  }
}
