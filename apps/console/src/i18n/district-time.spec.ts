import { districtDay } from './district-time';

describe('districtDay', () => {
  it('is the calendar day in the district (+08:00), not in UTC', () => {
    expect(districtDay(new Date('2026-12-03T15:59:59Z'))).toBe('2026-12-03');
    // 16:00 UTC is midnight in Beijing: the dispatcher's "today" has turned while UTC's has not.
    expect(districtDay(new Date('2026-12-03T16:00:00Z'))).toBe('2026-12-04');
    expect(districtDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
