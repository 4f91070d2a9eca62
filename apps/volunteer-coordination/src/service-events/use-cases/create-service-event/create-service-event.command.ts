import type { Identity } from '@gridline/platform';

/** How a series repeats: days of the month (monthly) or ISO weekdays, 1 = Monday (weekly). */
export interface RecurrenceInput {
  readonly frequency: 'monthly' | 'weekly';
  /** monthly: days of the month (1-31); a month without the day skips it. */
  readonly daysOfMonth?: readonly number[];
  /** weekly: ISO weekdays, 1 = Monday … 7 = Sunday. */
  readonly weekdays?: readonly number[];
}

/** What residents sign up for (clinic, haircut …) and how many of them each occurrence takes. */
export interface ResidentSlotInput {
  readonly service: string;
  readonly capacity: number;
}

/** Volunteers of a skill each occurrence needs, and how many. */
export interface VolunteerShiftInput {
  readonly skill: string;
  readonly count: number;
}

/** A recurring service event (便民服务) to create, from whichever caller. */
export interface ServiceEventToCreate {
  readonly title: string;
  /** A grid of this district. */
  readonly gridId: string;
  readonly placeText?: string;
  readonly recurrence: RecurrenceInput;
  /** `YYYY-MM-DD`; default today in the series' time zone. */
  readonly startsOn?: string;
  /** `YYYY-MM-DD`; default until further notice. */
  readonly until?: string;
  /** Local `HH:mm`. */
  readonly startTime: string;
  /** Local `HH:mm`, after the start on the same day. */
  readonly endTime: string;
  readonly timeZone?: string;
  readonly residentSlots: readonly ResidentSlotInput[];
  readonly volunteerShifts: readonly VolunteerShiftInput[];
  /** Default SERVICE_EVENT_REMINDER_LEAD_MINUTES. */
  readonly reminderLeadMinutes?: readonly number[];
  /** Default SERVICE_EVENT_HORIZON_DAYS. */
  readonly horizonDays?: number;
}

export interface CreateServiceEventCommand {
  readonly tenantId: string;
  readonly request: ServiceEventToCreate;
  readonly identity: Identity;
  readonly correlationId: string;
}
