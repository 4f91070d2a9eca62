/** What one item of a group came to: its own result, or its own error. */
export type GroupOutcome<R> = { readonly ok: R } | { readonly error: unknown };

/** The outcome of one item's own work, whichever way it ends. */
export function groupOutcomeOf<R>(work: Promise<R>): Promise<GroupOutcome<R>> {
  return work.then(
    (ok) => ({ ok }),
    (error: unknown) => ({ error }),
  );
}

/**
 * Group commit (ADR 0034): items submitted for the same key while a group of that key is being committed wait and
 * go together in the next group, one transaction for all of them. The first item of a quiet key goes at once —
 * there is no timer, so a lone request waits for nobody; under contention the groups grow by themselves to what
 * arrived during one commit. Groups of one key run one after another, in arrival order; different keys in
 * parallel. Each caller gets its own item's outcome; `commit` throwing fails every item of its group.
 *
 * The same batching serves reads that every request makes (ADR 0043): routing by address and the possible-duplicates
 * lookup pass a set-based read as `commit`, so simultaneous requests share one round trip.
 */
export class GroupCommit<T, R> {
  private readonly waiting = new Map<
    string,
    Array<{ item: T; resolve: (value: R) => void; reject: (error: unknown) => void }>
  >();

  constructor(
    private readonly commit: (key: string, items: readonly T[]) => Promise<ReadonlyArray<GroupOutcome<R>>>,
    private readonly maxGroupSize = 100,
  ) {}

  submit(key: string, item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.waiting.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      this.waiting.set(key, [{ item, resolve, reject }]);
      void this.drain(key);
    });
  }

  /** Commits the key's waiting items group by group until none is left, then forgets the key. */
  private async drain(key: string): Promise<void> {
    const queue = this.waiting.get(key)!;
    while (queue.length > 0) {
      const group = queue.splice(0, this.maxGroupSize);
      try {
        const outcomes = await this.commit(
          key,
          group.map((entry) => entry.item),
        );
        group.forEach((entry, index) => {
          const outcome = outcomes[index];
          if (outcome && 'ok' in outcome) entry.resolve(outcome.ok);
          else entry.reject(outcome ? outcome.error : new Error('group commit gave no outcome for this item'));
        });
      } catch (error) {
        for (const entry of group) entry.reject(error);
      }
    }
    this.waiting.delete(key);
  }
}
