import type { SnipeItKind } from '@itam/common';
import { ImportFileError } from '../errors';

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * The kind of Snipe-IT import file a header belongs to, from the columns only that kind has
 * (its importer's field names): `Asset Tag` for assets; `Seats` or `Licensed To Name` for
 * licences; `EOL` or `Fieldset` for models; `First Name`/`Last Name` for users; an address for
 * locations; a quantity for accessories (`Min Amount`), consumables (`Item Number`) and
 * components. Undefined when no kind's columns are there.
 */
export function detectSnipeItKind(header: readonly string[]): SnipeItKind | undefined {
  const has = new Set(header.map(norm));
  const any = (...names: string[]) => names.some(n => has.has(n));
  if (any('asset tag')) return 'assets';
  if (any('seats', 'licensed to name', 'licensed to email', 'license name', 'licence name')) return 'licenses';
  if (any('qty', 'quantity')) {
    if (any('item number')) return 'consumables';
    if (any('min amount', 'min qty') && !any('serial', 'serial number')) return 'accessories';
    return 'components';
  }
  if (any('eol', 'fieldset', 'model notes')) return 'models';
  if (any('first name', 'last name', 'employee number')) return 'users';
  if (any('address', 'city', 'zip', 'parent location')) return 'locations';
  return undefined;
}

/** Why Snipe-IT's stock kinds are refused: the register holds assets one by one. */
export function refuseStockKind(kind: 'accessories' | 'consumables' | 'components'): never {
  throw new ImportFileError(
    `Snipe-IT ${kind} are out of scope: they are stock counted by quantity (QTY), not individually ` +
      'identified assets, and the register holds assets one by one (each with its own tag, owner and ' +
      'lifecycle). Track them in Snipe-IT or as one asset per identified item; import the assets file instead.',
    'kind',
    422,
  );
}
