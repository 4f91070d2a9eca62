import { z } from 'zod';
import { ConfigurationError } from '@gridline/platform';

/** The dispatch-centre feed settings of analytics, read once at start (README configuration table). */
export interface FeedConfig {
  /** Messages kept per district (and for the city) for clients reconnecting with Last-Event-ID. */
  readonly replaySize: number;
  /** A comment line on every open feed this often, so proxies and clients see the connection alive. */
  readonly heartbeatSeconds: number;
  /** How long after a missed deadline below the city centre a case still not escalated is announced overdue. */
  readonly overdueGraceSeconds: number;
  /** Events older than this are folded but not announced (a replay of the stream from the start stays quiet). */
  readonly maxAgeSeconds: number;
}

export const FEED_CONFIG = Symbol('FEED_CONFIG');

const schema = z.object({
  ANALYTICS_FEED_REPLAY_SIZE: z.coerce.number().int().min(10).max(100_000).default(1000),
  ANALYTICS_FEED_HEARTBEAT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  ANALYTICS_FEED_OVERDUE_GRACE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  ANALYTICS_FEED_MAX_AGE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
});

/** The variables above; the README's configuration table documents each. */
export const feedConfigurationVariables: readonly string[] = Object.keys(schema.shape);

export function loadFeedConfig(env: NodeJS.ProcessEnv = process.env): FeedConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigurationError(`analytics: invalid configuration — ${problems}`);
  }
  const e = parsed.data;
  return {
    replaySize: e.ANALYTICS_FEED_REPLAY_SIZE,
    heartbeatSeconds: e.ANALYTICS_FEED_HEARTBEAT_SECONDS,
    overdueGraceSeconds: e.ANALYTICS_FEED_OVERDUE_GRACE_SECONDS,
    maxAgeSeconds: e.ANALYTICS_FEED_MAX_AGE_SECONDS,
  };
}
