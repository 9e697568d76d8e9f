/**
 * A string → row number index for the keys an import job has seen (tags, serials, external ids,
 * asset ids), kept compact: the keys' UTF-8 bytes in one growing buffer and the entries in typed
 * arrays under open addressing. A `Map<string, number>` costs about a hundred bytes of heap per
 * key (and a key sliced from a parsed line can keep the whole line alive); this costs a few
 * dozen, outside the JavaScript heap, so a job of a million rows stays within its memory budget.
 * Lookups are exact: keys are compared byte for byte, the hash only picks the slot.
 */
export class KeyIndex {
  private bytes = Buffer.allocUnsafe(1 << 16);
  private used = 0;
  private offsets = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  private values = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /** Entry number + 1 per slot; 0 is an empty slot. Power-of-two sized, at most half full. */
  private slots = new Int32Array(2048);
  private count = 0;
  private scratch = Buffer.allocUnsafe(256);

  get size(): number {
    return this.count;
  }

  get(key: string): number | undefined {
    const length = this.encode(key);
    const hash = this.hash(length);
    const found = this.find(hash, length);
    return found < 0 ? undefined : this.values[found];
  }

  /** Records `value` for `key`, replacing any earlier value. */
  set(key: string, value: number): void {
    const length = this.encode(key);
    const hash = this.hash(length);
    const found = this.find(hash, length);
    if (found >= 0) {
      this.values[found] = value;
      return;
    }
    if ((this.count + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    if (this.count === this.offsets.length) this.growEntries();
    if (this.used + length > this.bytes.length) {
      const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.used + length));
      this.bytes.copy(next, 0, 0, this.used);
      this.bytes = next;
    }
    this.scratch.copy(this.bytes, this.used, 0, length);
    const entry = this.count++;
    this.offsets[entry] = this.used;
    this.lengths[entry] = length;
    this.values[entry] = value;
    this.hashes[entry] = hash;
    this.used += length;
    this.place(entry, hash);
  }

  /** Encodes the key into the scratch buffer and returns its length in bytes. */
  private encode(key: string): number {
    const most = key.length * 3;
    if (most > this.scratch.length) this.scratch = Buffer.allocUnsafe(Math.max(most, this.scratch.length * 2));
    return this.scratch.write(key, 0, 'utf8');
  }

  /** FNV-1a over the scratch bytes. */
  private hash(length: number): number {
    let h = 0x811c9dc5 | 0;
    const s = this.scratch;
    for (let i = 0; i < length; i++) h = Math.imul(h ^ s[i], 0x01000193);
    return h;
  }

  /** The entry holding the scratch key, or -1. */
  private find(hash: number, length: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const e = this.slots[slot] - 1;
      if (e < 0) return -1;
      if (
        this.hashes[e] === hash &&
        this.lengths[e] === length &&
        this.scratch.compare(this.bytes, this.offsets[e], this.offsets[e] + length, 0, length) === 0
      ) {
        return e;
      }
    }
  }

  private place(entry: number, hash: number) {
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = entry + 1;
  }

  private rehash(size: number) {
    this.slots = new Int32Array(size);
    for (let e = 0; e < this.count; e++) this.place(e, this.hashes[e]);
  }

  private growEntries() {
    const grow = (a: Int32Array) => {
      const next = new Int32Array(a.length * 2);
      next.set(a);
      return next;
    };
    this.offsets = grow(this.offsets);
    this.lengths = grow(this.lengths);
    this.values = grow(this.values);
    this.hashes = grow(this.hashes);
  }
}
