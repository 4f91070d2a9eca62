import { GroupCommit, GroupOutcome } from './group-commit';

describe('GroupCommit', () => {
  function recording(outcome: (item: number) => GroupOutcome<string> = (item) => ({ ok: `done ${item}` })) {
    const groups: number[][] = [];
    let release: (() => void) | null = null;
    const commit = new GroupCommit<number, string>(async (_key, items) => {
      groups.push([...items]);
      await new Promise<void>((resolve) => (release = resolve));
      release = null;
      return items.map(outcome);
    }, 3);
    return { commit, groups, release: () => release?.() };
  }
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('sends a lone item at once and gathers what arrives during a commit into the next group, in order', async () => {
    const { commit, groups, release } = recording();
    const first = commit.submit('pool', 1);
    await tick();
    expect(groups).toEqual([[1]]);
    const rest = [2, 3, 4, 5].map((n) => commit.submit('pool', n));
    release();
    await tick();
    expect(groups).toEqual([[1], [2, 3, 4]]); // at most maxGroupSize
    release();
    await tick();
    release();
    await expect(first).resolves.toBe('done 1');
    await expect(Promise.all(rest)).resolves.toEqual(['done 2', 'done 3', 'done 4', 'done 5']);
    expect(groups).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('runs different keys side by side', async () => {
    const { commit, groups, release } = recording();
    void commit.submit('a', 1);
    void commit.submit('b', 2);
    await tick();
    expect(groups).toEqual([[1], [2]]);
    release();
  });

  it('gives each item its own outcome, and every item the error of a commit that failed', async () => {
    const { commit, release } = recording((item) =>
      item === 2 ? { error: new Error('taken') } : { ok: `done ${item}` },
    );
    const one = commit.submit('pool', 1);
    const two = commit.submit('pool', 2);
    const three = commit.submit('pool', 3);
    await tick();
    release();
    await tick();
    release();
    await expect(one).resolves.toBe('done 1');
    await expect(two).rejects.toThrow('taken');
    await expect(three).resolves.toBe('done 3');

    const failing = new GroupCommit<number, string>(async () => {
      throw new Error('database away');
    });
    await expect(Promise.all([failing.submit('k', 1), failing.submit('k', 2)])).rejects.toThrow('database away');
    await expect(failing.submit('k', 3)).rejects.toThrow('database away'); // the key is usable again afterwards
  });
});
