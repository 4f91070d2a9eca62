/**
 * Runs `refresh` at most once per `maxAgeMs`, however often Prometheus (or several of them) scrape: values that
 * cost a query or a broker round trip are at most that old. Concurrent scrapes share the refresh in flight; a
 * failed refresh is retried on the next scrape rather than cached.
 */
export function refreshAtMostEvery(
  maxAgeMs: number,
  refresh: () => Promise<void>,
  now: () => number = Date.now,
): () => Promise<void> {
  let refreshedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<void> | null = null;
  return () => {
    if (inFlight) return inFlight;
    if (now() - refreshedAt < maxAgeMs) return Promise.resolve();
    inFlight = refresh()
      .then(() => {
        refreshedAt = now();
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
}
