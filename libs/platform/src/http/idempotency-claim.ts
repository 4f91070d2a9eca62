import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The Idempotency-Key of the request whose action is running. The first transaction of that action that records
 * an event also records the key (libs/messaging's outbox does it), so "this key's change committed" is stored with
 * the change itself, not beside it in Redis where a crash between the two could lose it.
 */
export interface IdempotencyClaim {
  readonly scope: string;
  readonly key: string;
  readonly fingerprint: string;
  /** Transactions (their EntityManager) that already hold the key's row. */
  readonly recordedIn: WeakSet<object>;
}

const claims = new AsyncLocalStorage<IdempotencyClaim>();

export function currentIdempotencyClaim(): IdempotencyClaim | undefined {
  return claims.getStore();
}

export function withIdempotencyClaim<T>(claim: IdempotencyClaim, action: () => Promise<T>): Promise<T> {
  return claims.run(claim, action);
}

/**
 * Thrown inside the action's transaction (rolling it back) when the key's change had already committed: the
 * request is a retry, and `subject` names what the first one made.
 */
export class IdempotentReplay extends Error {
  constructor(
    readonly subject: string,
    readonly fingerprint: string,
  ) {
    super('this Idempotency-Key already committed its change');
    this.name = 'IdempotentReplay';
  }
}
