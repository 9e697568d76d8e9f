import { validate } from '@forge/manifest';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const appDir = resolve(__dirname, '..');
const manifestPath = join(appDir, 'manifest.yml');
const manifestText = readFileSync(manifestPath, 'utf8');

/**
 * Full offline validation (schema, modules, handler and resource files, scopes, conditions), with
 * the deploy-time variable set as `forge deploy` would have it.
 */
const errorsOf = async (path: string, origin: string | null = 'https://backstage.example.com') => {
  const saved = process.env.ITAM_BACKEND_ORIGIN;
  if (origin === null) delete process.env.ITAM_BACKEND_ORIGIN;
  else process.env.ITAM_BACKEND_ORIGIN = origin;
  try {
    const result = await validate(false, path);
    return { success: result.success, errors: (result.errors ?? []).filter(e => e.level === 'error') };
  } finally {
    if (saved === undefined) delete process.env.ITAM_BACKEND_ORIGIN;
    else process.env.ITAM_BACKEND_ORIGIN = saved;
  }
};

describe('manifest.yml', () => {
  it('passes the Forge manifest validator offline', async () => {
    const { success, errors } = await errorsOf(manifestPath);
    expect(errors).toEqual([]);
    expect(success).toBe(true);
  });

  it('cannot be deployed without naming the backend: ITAM_BACKEND_ORIGIN has no default', async () => {
    const { success, errors } = await errorsOf(manifestPath, null);
    expect(success).toBe(false);
    expect(errors.map(e => e.message).join('\n')).toContain('ITAM_BACKEND_ORIGIN');
  });

  it('calls the backend through the itam-backend remote, and asks for the service desk scopes', () => {
    expect(manifestText).toMatch(/\nremotes:\n( {2}#.*\n)* {2}- key: itam-backend\n {4}baseUrl: \$\{ITAM_BACKEND_ORIGIN\}\n/);
    expect(manifestText).toContain('        - remote: itam-backend');
    expect(manifestText).toContain('    - write:servicedesk-request');
    expect(manifestText).not.toMatch(/default: https?:/);
  });

  describe('a broken copy', () => {
    // Inside the project so the copy resolves the same source files through a link to src.
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(appDir, '.manifest-test-'));
      symlinkSync(join(appDir, 'src'), join(dir, 'src'), 'dir');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const write = (text: string) => {
      const path = join(dir, 'manifest.yml');
      writeFileSync(path, text);
      return path;
    };

    it('passes when unchanged (the copy itself is sound)', async () => {
      expect((await errorsOf(write(manifestText))).errors).toEqual([]);
    });

    it('fails with a custom field of an unknown type', async () => {
      const broken = manifestText.replace('      type: string\n      collection: list', '      type: tags\n      collection: list');
      expect(broken).not.toBe(manifestText);
      expect((await errorsOf(write(broken))).success).toBe(false);
    });

    it('fails when a remote has no key', async () => {
      const broken = manifestText.replace('  - key: itam-backend\n    baseUrl:', '  - baseUrl:');
      expect(broken).not.toBe(manifestText);
      expect((await errorsOf(write(broken))).success).toBe(false);
    });

    it('fails with an entity property value of an unknown type', async () => {
      const broken = manifestText.replace('          type: string\n', '          type: tag\n');
      expect(broken).not.toBe(manifestText);
      const { success, errors } = await errorsOf(write(broken));
      expect(success).toBe(false);
      expect(errors.length).toBeGreaterThan(0);
    });

    it('fails when a function handler names a file that does not exist', async () => {
      const broken = manifestText.replace('handler: index.onIssueDeleted', 'handler: triggers.onIssueDeleted');
      expect(broken).not.toBe(manifestText);
      const { success, errors } = await errorsOf(write(broken));
      expect(success).toBe(false);
      expect(errors.map(e => e.message).join('\n')).toContain("triggers.onIssueDeleted");
    });

    it('fails when a UI module names a resource that is not declared', async () => {
      const broken = manifestText.replace('resource: change-panel', 'resource: change-pane');
      const { success, errors } = await errorsOf(write(broken));
      expect(success).toBe(false);
      expect(errors.map(e => e.message).join('\n')).toContain('change-pane');
    });
  });
});
