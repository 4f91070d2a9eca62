import { z } from 'zod';
import { ConfigurationError } from '@gridline/platform';

/**
 * `live`: the service the platform runs. `rebuild`: a second analytics process folding the public streams from the
 * first event into a scratch database (`npm run analytics:rebuild`) — it must not touch anything live, so it
 * announces nothing on the dispatch-centre feed and copies nothing into the district topics.
 */
export type AnalyticsMode = 'live' | 'rebuild';

export const ANALYTICS_MODE = Symbol('ANALYTICS_MODE');

const schema = z.object({ ANALYTICS_MODE: z.enum(['live', 'rebuild']).default('live') });

/** The variables above; the README's configuration table documents each. */
export const analyticsModeVariables: readonly string[] = Object.keys(schema.shape);

export function loadAnalyticsMode(env: NodeJS.ProcessEnv = process.env): AnalyticsMode {
  const parsed = schema.safeParse(env);
  if (!parsed.success)
    throw new ConfigurationError(
      `analytics: invalid configuration — ANALYTICS_MODE: ${parsed.error.issues[0].message}`,
    );
  return parsed.data.ANALYTICS_MODE;
}
