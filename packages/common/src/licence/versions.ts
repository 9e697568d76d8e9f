const SEPARATORS = /[\s._-]+/;
const NUMERIC = /^\d+$/;

/**
 * Compares two product versions segment by segment: numeric segments as numbers (so `10` is
 * newer than `9`), other segments as case-insensitive text, and a version that has every segment
 * of the other plus more is the newer one (`2012 R2` is newer than `2012`).
 *
 * @returns a negative number when `a` is older, positive when newer, 0 when equal.
 * @public
 */
export function compareVersions(a: string, b: string): number {
  const as = a.trim().toLowerCase().split(SEPARATORS);
  const bs = b.trim().toLowerCase().split(SEPARATORS);
  const n = Math.min(as.length, bs.length);
  for (let i = 0; i < n; i++) {
    const x = as[i];
    const y = bs[i];
    if (x === y) continue;
    if (NUMERIC.test(x) && NUMERIC.test(y)) {
      // Lengths first after stripping zeros, so arbitrarily long numbers compare exactly.
      const xs = x.replace(/^0+(?=\d)/, '');
      const ys = y.replace(/^0+(?=\d)/, '');
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
      continue;
    }
    // A number outranks a word in the same place: `2019` is newer than `beta`.
    if (NUMERIC.test(x)) return 1;
    if (NUMERIC.test(y)) return -1;
    return x < y ? -1 : 1;
  }
  return as.length - bs.length;
}
