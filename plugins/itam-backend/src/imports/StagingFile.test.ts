import { existsSync, readdirSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StagingFile } from './StagingFile';

describe('StagingFile', () => {
  it('keeps entries in memory up to its budget, spills the rest to a file, and hands all back in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'itam-staging-test-'));
    try {
      const staging = await StagingFile.create<{ n: number; text: string; rows: string[][] }>(dir, 3);
      const entry = (n: number) => ({ n, text: `"quoted" ${'é'.repeat(n)}\n`, rows: [[String(n), 'x'.repeat(n * 100_000)]] });
      for (let n = 0; n < 8; n++) await staging.append(entry(n), 1);
      expect(readdirSync(dir)).toHaveLength(1);
      const back = [];
      for await (const e of staging.entries()) back.push(e);
      expect(back).toEqual(Array.from({ length: 8 }, (_, n) => entry(n)));
      expect(staging.size).toBe(8);
      await staging.dispose();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    }
  });
});
