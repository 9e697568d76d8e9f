/**
 * Runs one computation per key at a time: a caller that asks while the same computation runs
 * gets its result instead of starting another. Nothing is kept afterwards, so the next caller
 * computes afresh and sees every write that committed before it asked. The KPI dashboard asks
 * for the same figures from several panels and users at once; on SQLite's one connection each
 * duplicate would queue behind the others.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, compute: () => Promise<T>): Promise<T> {
    let run = this.running.get(key);
    if (!run) {
      run = compute().finally(() => this.running.delete(key));
      this.running.set(key, run);
    }
    return run;
  }
}
