/** More entries than any city has: past this the copies start again rather than grow. */
const MAX_KEPT = 10_000;

export interface CopiesKeptBrieflyOptions {
  /** How long a copy is used before the row is read again, in milliseconds; 0 reads it every time. */
  readonly keepMs: number;
  /**
   * Whether "no row" is kept too. Keep it only where a missing row is an ordinary answer (a category that needs no
   * volunteers), never where it is refused (an unknown category must be accepted as soon as it exists).
   */
  readonly keepMissing: boolean;
  readonly now?: () => number;
}

/**
 * Settings that every request or event reads and an administrator rarely changes, kept per process for a few
 * seconds instead of read each time (ADR 0042). The process that commits a change calls `forget`, so its own next
 * read sees it; other replicas see it once their copy expires. A read that began before a `forget` is not kept, so
 * an old row cannot outlive the change. Callers must not change what they get.
 */
export class CopiesKeptBriefly<V> {
  private readonly kept = new Map<string, { readonly value: V | null; readonly until: number }>();
  /** Bumped by every `forget`: a read that began before it may have seen the old row and is not kept. */
  private generation = 0;
  private readonly now: () => number;

  constructor(private readonly options: CopiesKeptBrieflyOptions) {
    this.now = options.now ?? Date.now;
  }

  async find(key: readonly string[], read: () => Promise<V | null>): Promise<V | null> {
    const at = this.now();
    const id = JSON.stringify(key);
    const copy = this.kept.get(id);
    if (copy && copy.until > at) return copy.value;
    const generation = this.generation;
    const value = await read();
    const keep =
      this.options.keepMs > 0 && generation === this.generation && (value !== null || this.options.keepMissing);
    if (keep) {
      if (this.kept.size >= MAX_KEPT) this.kept.clear();
      this.kept.set(id, { value, until: at + this.options.keepMs });
    } else this.kept.delete(id);
    return value;
  }

  /** The row changed (its write committed): the next read goes to the database. */
  forget(key: readonly string[]): void {
    this.generation += 1;
    this.kept.delete(JSON.stringify(key));
  }
}
