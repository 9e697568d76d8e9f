#!/usr/bin/env node
// Bundles every function and resource of the Forge app as `forge deploy` would, from the
// workspace: each function handler (`index.resolver` -> src/index.ts, export `resolver`) for
// Node, each UI Kit resource for the browser, with workspace packages (@itam/common) bundled in.
// Fails (exit 1) on an unresolved import, a handler whose file or export is missing, or a
// resource whose file is missing, so a deploy from a clone of the monorepo works.
//
//   node forge-app/scripts/bundle-check.mjs [appDir]      (npm run bundle-check -w @itam/forge-app)
//
// The Forge CLI also bundles (it cannot be installed or logged in here); this check catches what
// would make its bundle fail or a function fail to load.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const appDir = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const manifest = parse(readFileSync(join(appDir, 'manifest.yml'), 'utf8'));
const outDir = mkdtempSync(join(tmpdir(), 'forge-bundle-'));
const problems = [];

/** `index.resolver` -> { file: src/index.(ts|tsx|js), exportName: resolver }, as the Forge CLI reads it. */
function handlerEntry(handler) {
  const dot = handler.lastIndexOf('.');
  const base = join(appDir, 'src', handler.slice(0, dot));
  const file = ['.ts', '.tsx', '.js', '.jsx'].map(ext => base + ext).find(existsSync);
  return { file, exportName: handler.slice(dot + 1) };
}

async function bundle(label, options) {
  try {
    const result = await build({
      bundle: true,
      write: true,
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: appDir,
      jsx: 'automatic',
      ...options,
    });
    return result;
  } catch (e) {
    for (const error of e.errors ?? [{ text: String(e) }]) {
      const where = error.location ? `${error.location.file}:${error.location.line}: ` : '';
      problems.push(`${label}: ${where}${error.text}`);
    }
    return undefined;
  }
}

const functions = manifest.modules?.function ?? [];
for (const fn of functions) {
  const { file, exportName } = handlerEntry(fn.handler);
  if (!file) {
    problems.push(`function ${fn.key}: no file for handler ${fn.handler}`);
    continue;
  }
  const result = await bundle(`function ${fn.key}`, {
    entryPoints: [file],
    outfile: join(outDir, 'functions', `${fn.key}.mjs`),
    platform: 'node',
    target: 'node22',
    format: 'esm',
  });
  if (!result) continue;
  const exports = Object.values(result.metafile.outputs).flatMap(o => o.exports ?? []);
  if (!exports.includes(exportName)) {
    problems.push(`function ${fn.key}: ${fn.handler} names export ${exportName}, but the file exports ${exports.join(', ') || 'nothing'}`);
  }
}

const resources = manifest.resources ?? [];
for (const resource of resources) {
  const file = join(appDir, resource.path);
  if (!existsSync(file)) {
    problems.push(`resource ${resource.key}: no file ${resource.path}`);
    continue;
  }
  await bundle(`resource ${resource.key}`, {
    entryPoints: [file],
    outfile: join(outDir, 'resources', `${resource.key}.js`),
    platform: 'browser',
    target: 'es2020',
    format: 'esm',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
}

rmSync(outDir, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(`Forge bundle check FAILED (${problems.length}):\n${problems.map(p => `  ${p}`).join('\n')}`);
  process.exit(1);
}
process.stdout.write(
  `Forge bundle check passed: ${functions.length} functions and ${resources.length} resources bundle with every import resolved.\n`,
);
