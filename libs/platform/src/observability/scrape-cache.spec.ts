import { refreshAtMostEvery } from './scrape-cache';

describe('refreshAtMostEvery', () => {
  it('refreshes on the first scrape, then not again until the values are older than the limit', async () => {
    let clock = 0;
    let runs = 0;
    const refresh = refreshAtMostEvery(
      5_000,
      async () => void (runs += 1),
      () => clock,
    );
    await refresh();
    clock = 4_999;
    await refresh();
    expect(runs).toBe(1);
    clock = 5_000;
    await refresh();
    expect(runs).toBe(2);
  });

  it('lets concurrent scrapes share one refresh in flight', async () => {
    let runs = 0;
    let finish = () => {};
    const refresh = refreshAtMostEvery(5_000, () => {
      runs += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    const both = Promise.all([refresh(), refresh()]);
    finish();
    await both;
    expect(runs).toBe(1);
  });

  it('tries again on the next scrape after a failure', async () => {
    let runs = 0;
    const refresh = refreshAtMostEvery(5_000, async () => {
      runs += 1;
      if (runs === 1) throw new Error('database away');
    });
    await expect(refresh()).rejects.toThrow('database away');
    await refresh();
    expect(runs).toBe(2);
  });
});
