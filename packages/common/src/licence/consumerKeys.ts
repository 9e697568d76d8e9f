/**
 * Interns consumer ids (device or user) to small integers and, once all are known, ranks them in
 * sorted order. Consumers are then ordered by comparing integers from a typed array, without
 * touching a million scattered consumer objects or comparing strings.
 */
export class ConsumerKeys {
  private readonly index = new Map<string, number>();
  private readonly keys: string[] = [];
  private ranks: Int32Array | null = null;
  private byRank: Int32Array | null = null;

  /** The integer of `key`, allocated on first sight. */
  intern(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.index.set(key, i);
    }
    return i;
  }

  /**
   * Sorts the ids seen so far; call after grouping. Ids interned since the last ranking are
   * ranked with the others; with none, the ranks stand (an index shared by several
   * reconciliations is sorted once).
   */
  rank(): void {
    const n = this.keys.length;
    if (this.ranks !== null && this.ranks.length === n) return;
    const order = Array.from({ length: n }, (_, i) => i);
    const keys = this.keys;
    order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
    this.byRank = Int32Array.from(order);
    this.ranks = new Int32Array(n);
    for (let r = 0; r < n; r++) this.ranks[order[r]] = r;
  }

  /** The integer of `key`, if it has been seen. */
  lookup(key: string): number | undefined {
    return this.index.get(key);
  }

  /** The sorted position of an interned id (after {@link ConsumerKeys.rank}). */
  rankOf(k: number): number {
    return this.ranks![k];
  }

  /** The id an integer stands for. */
  keyOf(k: number): string {
    return this.keys[k];
  }

  /** The ranks of `keys`, sorted: the order their consumers are processed in. */
  sortedRanks(keys: Iterable<number>, size: number): Int32Array {
    const ranks = new Int32Array(size);
    let i = 0;
    for (const k of keys) ranks[i++] = this.ranks![k];
    return ranks.sort();
  }

  /** The integer of the id with sorted position `rank`. */
  keyOfRank(rank: number): number {
    return this.byRank![rank];
  }
}
