/** The districts' zone: every date and time on the console is shown, and every day counted, in it. */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

/** "2026-12-04": the calendar day `date` falls on in the district's zone (not UTC's, which lags 8 hours). */
export function districtDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: DISTRICT_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(date);
}
