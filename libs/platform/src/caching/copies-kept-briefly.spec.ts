import { CopiesKeptBriefly } from './copies-kept-briefly';

describe('copies kept briefly', () => {
  let clock = 0;
  let reads = 0;
  let row: string | null = 'v1';
  const read = async () => {
    reads += 1;
    return row;
  };
  const copies = (keepMs: number, keepMissing = false) =>
    new CopiesKeptBriefly<string>({ keepMs, keepMissing, now: () => clock });

  beforeEach(() => {
    clock = 1_000;
    reads = 0;
    row = 'v1';
  });

  it('reads once within the lifetime and again after it', async () => {
    const kept = copies(5_000);
    expect(await kept.find(['erqi', 'lights'], read)).toBe('v1');
    row = 'v2';
    clock += 4_999;
    expect(await kept.find(['erqi', 'lights'], read)).toBe('v1');
    clock += 1;
    expect(await kept.find(['erqi', 'lights'], read)).toBe('v2');
    expect(reads).toBe(2);
  });

  it('keeps one copy per key: another district or category is read on its own', async () => {
    const kept = copies(5_000);
    await kept.find(['erqi', 'lights'], read);
    await kept.find(['jinshui', 'lights'], read);
    await kept.find(['erqi', 'drains'], read);
    await kept.find(['erqi', 'lights'], read);
    expect(reads).toBe(3);
  });

  it('reads again at once after forget', async () => {
    const kept = copies(5_000);
    await kept.find(['erqi', 'lights'], read);
    row = 'v2';
    kept.forget(['erqi', 'lights']);
    expect(await kept.find(['erqi', 'lights'], read)).toBe('v2');
  });

  it('does not keep a read that began before a forget', async () => {
    const kept = copies(5_000);
    let finish: (value: string) => void = () => undefined;
    const slow = kept.find(['erqi', 'lights'], () => new Promise<string>((resolve) => (finish = resolve)));
    kept.forget(['erqi', 'lights']);
    finish('old');
    expect(await slow).toBe('old');
    row = 'new';
    expect(await kept.find(['erqi', 'lights'], read)).toBe('new');
  });

  it('keeps "no row" only when asked to', async () => {
    row = null;
    const refusing = copies(5_000);
    await refusing.find(['erqi', 'unknown'], read);
    await refusing.find(['erqi', 'unknown'], read);
    expect(reads).toBe(2);
    const ordinary = copies(5_000, true);
    await ordinary.find(['erqi', 'none'], read);
    row = 'now set';
    expect(await ordinary.find(['erqi', 'none'], read)).toBeNull();
    expect(reads).toBe(3);
  });

  it('reads every time with a lifetime of 0', async () => {
    const kept = copies(0, true);
    await kept.find(['erqi', 'lights'], read);
    await kept.find(['erqi', 'lights'], read);
    expect(reads).toBe(2);
  });
});
