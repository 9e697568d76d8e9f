/**
 * Splits an integer count of minor units into `parts` shares that differ by at most one unit and
 * add up to `minor` exactly. The leftover units go one each to the parts starting at `offset`
 * (wrapping round), so a caller splitting several amounts can rotate who gets the extra cent
 * instead of always favouring the first part.
 *
 * @throws RangeError when `parts` is not a positive integer.
 * @public
 */
export function allocateEvenly(minor: bigint, parts: number, offset = 0): bigint[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError('allocateEvenly: parts must be ≥ 1');
  const n = BigInt(parts);
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const base = abs / n;
  const leftover = Number(abs % n);
  const shares = Array.from({ length: parts }, () => base);
  for (let i = 0; i < leftover; i++) shares[(offset + i) % parts] += 1n;
  return negative ? shares.map(s => -s) : shares;
}
