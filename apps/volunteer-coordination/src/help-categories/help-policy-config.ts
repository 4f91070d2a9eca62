import { z } from 'zod';
import { ConfigurationError } from '@gridline/platform';

const schema = z.object({
  HELP_POLICY_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
});

/** The variables this reads, for the configuration-docs check. */
export const helpPolicyConfigurationVariables: readonly string[] = Object.keys(schema.shape);

/**
 * How long, in milliseconds, a replica keeps a district's help categories and offer expiry instead of reading them
 * for every issue event (README configuration table; ADR 0042). Read once at start.
 */
export function loadHelpPolicyCacheMs(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigurationError(`volunteer-coordination: invalid configuration — ${problems}`);
  }
  return parsed.data.HELP_POLICY_CACHE_SECONDS * 1000;
}

/** The milliseconds above, for the features that keep copies. */
export const HELP_POLICY_CACHE_MS = Symbol('HELP_POLICY_CACHE_MS');
