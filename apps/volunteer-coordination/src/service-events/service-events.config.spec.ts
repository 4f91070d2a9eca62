import { loadServiceEventsConfig } from './service-events.config';

describe('service-event configuration', () => {
  it('defaults to a 60-day horizon and reminders 24 h and 2 h ahead', () => {
    expect(loadServiceEventsConfig({})).toEqual({ horizonDays: 60, reminderLeadMinutes: [1440, 120] });
  });

  it('reads its variables and refuses bad ones, naming them', () => {
    expect(
      loadServiceEventsConfig({ SERVICE_EVENT_HORIZON_DAYS: '30', SERVICE_EVENT_REMINDER_LEAD_MINUTES: '1' }),
    ).toEqual({ horizonDays: 30, reminderLeadMinutes: [1] });
    expect(() => loadServiceEventsConfig({ SERVICE_EVENT_HORIZON_DAYS: '0' })).toThrow(/SERVICE_EVENT_HORIZON_DAYS/);
    expect(() => loadServiceEventsConfig({ SERVICE_EVENT_REMINDER_LEAD_MINUTES: '24h' })).toThrow(
      /SERVICE_EVENT_REMINDER_LEAD_MINUTES/,
    );
    expect(() => loadServiceEventsConfig({ SERVICE_EVENT_REMINDER_LEAD_MINUTES: '0' })).toThrow(/at least 1 minute/);
  });
});
