import { SingleFlight } from './singleFlight';

describe('SingleFlight', () => {
  it('shares a running computation with callers of the same key, and runs afresh once it ended', async () => {
    const flights = new SingleFlight<number>();
    let calls = 0;
    let finish: (n: number) => void = () => undefined;
    const compute = () => {
      calls++;
      return new Promise<number>(resolve => (finish = resolve));
    };
    const first = flights.run('a', compute);
    const second = flights.run('a', compute);
    const other = flights.run('b', async () => 7);
    expect(calls).toBe(1);
    finish(42);
    await expect(Promise.all([first, second, other])).resolves.toEqual([42, 42, 7]);
    const third = flights.run('a', compute);
    expect(calls).toBe(2);
    finish(43);
    await expect(third).resolves.toBe(43);
  });

  it('hands a failure to every waiting caller and does not keep it', async () => {
    const flights = new SingleFlight<number>();
    let fail: (e: Error) => void = () => undefined;
    const failing = () => new Promise<number>((_, reject) => (fail = reject));
    const both = [flights.run('a', failing), flights.run('a', failing)];
    fail(new Error('database went away'));
    for (const run of both) await expect(run).rejects.toThrow('database went away');
    await expect(flights.run('a', async () => 1)).resolves.toBe(1);
  });
});
