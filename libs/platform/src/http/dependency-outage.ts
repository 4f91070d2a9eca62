/**
 * Whether an error means PostgreSQL or Redis is unreachable or refusing work for now, as opposed to a bug or a bad
 * request: the client should retry later (with the same Idempotency-Key), so it is a 503, not a 500.
 */
export function isDependencyOutage(error: unknown): boolean {
  for (const candidate of causeChain(error)) {
    const { code, message } = candidate as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (OUTAGE_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
    if (typeof message === 'string' && OUTAGE_MESSAGES.some((pattern) => pattern.test(message))) return true;
  }
  return false;
}

/**
 * SQLSTATE 57P01 admin_shutdown (also what pg_terminate_backend gives), 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up, in recovery), 53300 too_many_connections; class 08 (connection exceptions) is matched by prefix.
 * Node's socket errors for a server that is down or unreachable.
 */
const OUTAGE_CODES = new Set([
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

const OUTAGE_MESSAGES = [
  // node-postgres, when the server goes away or never answers.
  /^Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error and is not queryable/i,
  // ALLOW_CONNECTIONS false (SQLSTATE 55000, which also covers conditions that are not outages).
  /^database ".*" is not currently accepting connections/i,
  // ioredis with the offline queue disabled (RedisModule): the connection is down or being re-established.
  /Stream isn't writeable and enableOfflineQueue options is false/i,
  /^Connection is closed\.?$/i,
  // TypeORM, when the connection under a transaction was cut (PostgreSQL restarted) before it could roll back.
  /query runner was already released/i,
  /Reached the max retries per request limit/i,
];

/** The error and what it wraps (TypeORM's driverError, `cause`, an AggregateError's errors), depth-limited. */
function* causeChain(error: unknown, depth = 0): Generator<object> {
  if (depth > 5 || typeof error !== 'object' || error === null) return;
  yield error;
  const wrapped = error as { driverError?: unknown; cause?: unknown; errors?: unknown };
  yield* causeChain(wrapped.driverError, depth + 1);
  yield* causeChain(wrapped.cause, depth + 1);
  if (Array.isArray(wrapped.errors)) for (const inner of wrapped.errors) yield* causeChain(inner, depth + 1);
}
