import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const appDir = resolve(__dirname, '..');
const script = join(appDir, 'scripts', 'bundle-check.mjs');
const run = (dir?: string) => spawnSync(process.execPath, [script, ...(dir ? [dir] : [])], { encoding: 'utf8' });

/** The packaging step CI runs: every function and resource bundles as `forge deploy` would. */
describe('the Forge bundle check', () => {
  it('bundles every function and resource of the app, @itam/common included', () => {
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/bundle check passed: 5 functions and 6 resources/);
    expect(result.status).toBe(0);
  });

  describe('on a broken app', () => {
    // Inside the project, so the copy resolves packages from the workspace as the real app does.
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(appDir, '.bundle-test-'));
      mkdirSync(join(dir, 'src', 'ui'), { recursive: true });
      writeFileSync(
        join(dir, 'manifest.yml'),
        [
          'modules:',
          '  function:',
          '    - key: main',
          '      handler: index.run',
          '    - key: other',
          '      handler: ok.missingExport',
          '    - key: ghost',
          '      handler: nowhere.run',
          'resources:',
          '  - key: panel',
          '    path: src/ui/panel.tsx',
          '  - key: gone',
          '    path: src/ui/gone.tsx',
          '',
        ].join('\n'),
      );
      writeFileSync(
        join(dir, 'src', 'index.ts'),
        "import { ItamClient } from '@itam/common';\nimport { helper } from './helper-that-is-not-there';\nexport const run = () => [ItamClient, helper];\n",
      );
      writeFileSync(join(dir, 'src', 'ok.ts'), 'export const run = () => 1;\n');
      writeFileSync(join(dir, 'src', 'ui', 'panel.tsx'), "import { Text } from '@forge/react-typo';\nexport const Panel = () => <Text>hi</Text>;\n");
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('fails, naming each unresolved import, missing handler file or export, and missing resource', () => {
      const result = run(dir);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('Could not resolve "./helper-that-is-not-there"');
      expect(result.stderr).toContain('Could not resolve "@forge/react-typo"');
      expect(result.stderr).toContain('function ghost: no file for handler nowhere.run');
      expect(result.stderr).toContain('function other: ok.missingExport names export missingExport, but the file exports run');
      expect(result.stderr).toContain('resource gone: no file src/ui/gone.tsx');
      // @itam/common itself resolved from the workspace.
      expect(result.stderr).not.toContain('@itam/common');
    });
  });
});
