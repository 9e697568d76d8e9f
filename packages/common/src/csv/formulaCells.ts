/**
 * Characters that make a spreadsheet read a cell as a formula (or as the start of one) when the
 * cell begins with them: `=`, `+`, `-`, `@`, tab and carriage return (OWASP, "CSV Injection").
 */
const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
/** A cell this module neutralised: an apostrophe, then a trigger or another such cell. */
const NEUTRALISED = /^'(?=[=+\-@\t\r']*[=+\-@\t\r])/;

/**
 * Makes a text cell safe to open in a spreadsheet: a cell that begins with a formula trigger
 * (`=`, `+`, `-`, `@`, tab, CR) gets a leading apostrophe, which spreadsheets show as text and
 * do not evaluate (OWASP's recommendation for CSV injection). A cell that begins with
 * apostrophes followed by a trigger gets one more, so {@link restoreFormulaCell} gives back
 * exactly the original text.
 *
 * Only text goes through here: cells written as numbers (costs, tiers, versions) cannot carry a
 * formula and stay numbers, so a spreadsheet can still add them up.
 *
 * @public
 */
export function neutraliseFormulaCell(text: string): string {
  return FORMULA_TRIGGER.test(text) || NEUTRALISED.test(text) ? `'${text}` : text;
}

/**
 * The inverse of {@link neutraliseFormulaCell}, for a CSV that this product exported being read
 * back: removes the one apostrophe the export added in front of a formula trigger. Any other
 * text, including an apostrophe that no trigger follows, is returned as it is.
 *
 * @public
 */
export function restoreFormulaCell(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}
