/**
 * Compares by UTF-16 code units. Used instead of `localeCompare` wherever an order is part of a
 * contract (risk findings, audit findings, pages a database reads in index order): it is the same
 * on every machine whatever its ICU data or locale, and it is the order SQLite's default collation
 * and PostgreSQL's `collate "C"` give ASCII text (asset tags are ASCII).
 *
 * @public
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
