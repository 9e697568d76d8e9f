import { NATIVE_CSV, SNIPEIT_CSV } from '../../testing/importAuditFixtures';
import { countsPhrase, formatBytes, guessImportFormat, looksLikeSnipeIt } from './importFormat';

describe('guessImportFormat', () => {
  it('takes a CSV for the native format unless its header is Snipe-IT\'s', () => {
    expect(guessImportFormat('assets.csv', NATIVE_CSV)).toBe('itam-csv');
    expect(guessImportFormat('Export.CSV', SNIPEIT_CSV)).toBe('snipeit-csv');
  });

  it('takes a JSON array for the native format and an inventory object for GLPI', () => {
    expect(guessImportFormat('assets.json', '[{"tag":"LAP-1"}]')).toBe('itam-json');
    expect(
      guessImportFormat('pc.json', '{"action":"inventory","deviceid":"ws-1","content":{"bios":{}}}'),
    ).toBe('glpi-json');
  });

  it('leaves other names for the user to choose', () => {
    expect(guessImportFormat('assets.txt', NATIVE_CSV)).toBeUndefined();
  });
});

describe('looksLikeSnipeIt', () => {
  it('reads quoted, differently cased column names and a byte order mark', () => {
    expect(looksLikeSnipeIt('\uFEFF"asset tag","CATEGORY",Name\r\nX,Y,Z')).toBe(true);
    expect(looksLikeSnipeIt('tag,name,category\n')).toBe(false);
  });
});

describe('formatBytes and countsPhrase', () => {
  it('writes sizes and counts for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
    expect(countsPhrase({ counts: { created: 1, updated: 2, unchanged: 3, refused: 4 } })).toBe(
      '1 created, 2 updated, 3 unchanged, 4 refused',
    );
  });
});
