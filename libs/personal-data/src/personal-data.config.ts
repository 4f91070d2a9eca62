import { z } from 'zod';
import { ConfigurationError } from '@gridline/platform';
import { DEFAULT_RETENTION_DAYS, MAX_RETENTION_DAYS, SECONDS_PER_DAY } from './domain/contact-retention';

/**
 * The personal-data settings of the services that hold contacts (issue-dispatch: reporters; grid-registry:
 * members), validated once at start like the shared service configuration.
 */
const personalDataEnvironmentSchema = z.object({
  CONTACT_RETENTION_DAYS: z.coerce.number().int().min(0).max(MAX_RETENTION_DAYS).default(DEFAULT_RETENTION_DAYS),
});

export const personalDataConfigurationVariables: readonly string[] = Object.keys(personalDataEnvironmentSchema.shape);

export interface PersonalDataConfig {
  /** The period a district that has set none keeps a contact after its case closes or its membership ends. */
  readonly defaultRetentionSeconds: number;
}

export function loadPersonalDataConfig(serviceName: string, env: NodeJS.ProcessEnv = process.env): PersonalDataConfig {
  const parsed = personalDataEnvironmentSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigurationError(`${serviceName}: invalid configuration — ${problems}`);
  }
  return { defaultRetentionSeconds: parsed.data.CONTACT_RETENTION_DAYS * SECONDS_PER_DAY };
}

/** Injection token for the PersonalDataConfig. */
export const PERSONAL_DATA_CONFIG = Symbol('PERSONAL_DATA_CONFIG');
