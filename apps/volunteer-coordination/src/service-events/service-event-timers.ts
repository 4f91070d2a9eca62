/** Durable-timer kinds of service events (libs/scheduling). */
export const MATERIALISE_TIMER = 'service-event.materialise';
export const REMINDER_TIMER = 'service-event.reminder';

export interface ReminderTimerPayload {
  readonly leadMinutes: number;
}

/** How often a series extends its horizon by the days that have passed. */
export const MATERIALISE_EVERY_MS = 24 * 60 * 60 * 1000;
