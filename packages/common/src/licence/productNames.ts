/**
 * How a product is named to people: `SQL Server Enterprise 2022` beside its publisher (the UIs'
 * lists), or `Microsoft SQL Server Enterprise 2022` on its own (risk findings, installations
 * recorded against the product).
 */

/**
 * A product's name and version, e.g. `SQL Server Enterprise 2022`.
 *
 * @public
 */
export function productDisplayName(p: { name: string; version?: string | null }): string {
  return [p.name, p.version].filter(Boolean).join(' ');
}

/**
 * A product's publisher, name and version, e.g. `Microsoft SQL Server Enterprise 2022`: the name
 * where no publisher column stands beside it.
 *
 * @public
 */
export function productFullName(p: { publisher?: string | null; name: string; version?: string | null }): string {
  return [p.publisher, p.name, p.version].filter(Boolean).join(' ');
}
