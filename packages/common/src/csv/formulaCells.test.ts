import fc from 'fast-check';
import { neutraliseFormulaCell, restoreFormulaCell } from './formulaCells';

describe('neutraliseFormulaCell', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
    ["'=1", "''=1"],
  ])('prefixes %j with an apostrophe', (cell, expected) => {
    expect(neutraliseFormulaCell(cell)).toBe(expected);
  });

  it.each(['ThinkPad T14', "O'Brien", "'quoted'", 'a=b', '', ' =1', 'user:default/jane'])(
    'leaves %j as it is',
    cell => {
      expect(neutraliseFormulaCell(cell)).toBe(cell);
    },
  );

  it('never leaves a trigger first, and restores exactly what it neutralised', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", 'a', ' ', '1') }), cell => {
        const safe = neutraliseFormulaCell(cell);
        expect(/^[=+\-@\t\r]/.test(safe)).toBe(false);
        expect(restoreFormulaCell(safe)).toBe(cell);
      }),
    );
  });
});
