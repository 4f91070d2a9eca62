import { z } from 'zod';
import { ConfigurationError } from '@gridline/platform';

/** The service-event settings of volunteer-coordination, read once at start (README configuration table). */
export interface ServiceEventsConfig {
  /** How many days ahead occurrences are materialised (open for sign-up). */
  readonly horizonDays: number;
  /** Default reminder lead times before an occurrence starts, in minutes; a series may set its own. */
  readonly reminderLeadMinutes: readonly number[];
}

export const SERVICE_EVENTS_CONFIG = Symbol('SERVICE_EVENTS_CONFIG');

const schema = z.object({
  SERVICE_EVENT_HORIZON_DAYS: z.coerce.number().int().min(1).max(366).default(60),
  SERVICE_EVENT_REMINDER_LEAD_MINUTES: z
    .string()
    .regex(/^\d{1,5}(,\d{1,5}){0,4}$/, 'one to five whole numbers of minutes, comma-separated, e.g. 1440,120')
    .default('1440,120'),
});

/** The variables this reads, for the configuration-docs check. */
export const serviceEventsConfigurationVariables: readonly string[] = Object.keys(schema.shape);

export function loadServiceEventsConfig(env: NodeJS.ProcessEnv = process.env): ServiceEventsConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigurationError(`volunteer-coordination: invalid configuration — ${problems}`);
  }
  const leads = parsed.data.SERVICE_EVENT_REMINDER_LEAD_MINUTES.split(',').map(Number);
  if (leads.some((lead) => lead < 1))
    throw new ConfigurationError(
      'volunteer-coordination: invalid configuration — SERVICE_EVENT_REMINDER_LEAD_MINUTES: each lead must be at least 1 minute',
    );
  return { horizonDays: parsed.data.SERVICE_EVENT_HORIZON_DAYS, reminderLeadMinutes: leads };
}
