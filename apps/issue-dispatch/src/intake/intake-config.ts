import { z } from 'zod';
import { ConfigurationError } from '@gridline/platform';
import type { DuplicatePolicy } from './domain/duplicate-rule';

/**
 * issue-dispatch's own intake settings (duplicate matching, Open311 rate limits), validated once at start like
 * the shared service configuration; a bad value stops the process naming the variable.
 */
const intakeEnvironmentSchema = z.object({
  DUPLICATE_RADIUS_METRES: z.coerce.number().int().min(1).max(10_000).default(50),
  DUPLICATE_WINDOW_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 365)
    .default(72),
  OPEN311_RATE_PER_MINUTE_ANONYMOUS: z.coerce.number().int().min(1).max(1_000_000).default(60),
  OPEN311_RATE_PER_MINUTE_PER_KEY: z.coerce.number().int().min(1).max(1_000_000).default(600),
  CATEGORY_POLICY_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
});

export const intakeConfigurationVariables: readonly string[] = Object.keys(intakeEnvironmentSchema.shape);

export interface IntakeConfig {
  readonly duplicates: DuplicatePolicy;
  /** Requests per minute: per client address without an API key, per key with one. */
  readonly open311RatePerMinute: { readonly anonymous: number; readonly perKey: number };
  /** How long a new report's category policy is kept in memory (ADR 0042); 0 reads it for every report. */
  readonly categoryPolicyCacheMs: number;
}

export function loadIntakeConfig(env: NodeJS.ProcessEnv = process.env): IntakeConfig {
  const parsed = intakeEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigurationError(`issue-dispatch: invalid configuration — ${problems}`);
  }
  const e = parsed.data;
  return {
    duplicates: { radiusMetres: e.DUPLICATE_RADIUS_METRES, windowHours: e.DUPLICATE_WINDOW_HOURS },
    open311RatePerMinute: { anonymous: e.OPEN311_RATE_PER_MINUTE_ANONYMOUS, perKey: e.OPEN311_RATE_PER_MINUTE_PER_KEY },
    categoryPolicyCacheMs: e.CATEGORY_POLICY_CACHE_SECONDS * 1000,
  };
}

/** Injection token for the IntakeConfig. */
export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');
