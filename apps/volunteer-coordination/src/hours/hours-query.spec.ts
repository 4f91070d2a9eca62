import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { HoursFilterQuery, hoursWhere } from './hours-query';

const query = (fields: Partial<HoursFilterQuery>) => Object.assign(new HoursFilterQuery(), fields);

describe('hoursWhere: a period of local dates', () => {
  it("takes the district's day by default (Asia/Shanghai: midnight is 16:00Z the day before)", () => {
    const { where, params } = hoursWhere('erqi', query({ from: '2026-06-01', to: '2026-06-30' }));
    expect(where).toContain('e.occurred_at >= $2');
    expect(where).toContain('e.occurred_at < $3');
    expect(params.slice(1).map((p) => (p as Date).toISOString())).toEqual([
      '2026-05-31T16:00:00.000Z',
      '2026-06-30T16:00:00.000Z',
    ]);
  });

  it('ends a day at the next local midnight across a daylight-saving change (America/New_York, 9 March 2025 has 23 hours)', () => {
    const spring = hoursWhere('nyc', query({ from: '2025-03-09', to: '2025-03-09', timeZone: 'America/New_York' }));
    expect(spring.params.slice(1).map((p) => (p as Date).toISOString())).toEqual([
      '2025-03-09T05:00:00.000Z',
      '2025-03-10T04:00:00.000Z',
    ]);
    const autumn = hoursWhere('nyc', query({ from: '2025-11-02', to: '2025-11-02', timeZone: 'America/New_York' }));
    expect(autumn.params.slice(1).map((p) => (p as Date).toISOString())).toEqual([
      '2025-11-02T04:00:00.000Z',
      '2025-11-03T05:00:00.000Z',
    ]);
  });

  it('refuses a time zone the runtime does not know, naming the field', () => {
    const errors = validateSync(
      plainToInstance(HoursFilterQuery, { from: '2025-03-09', timeZone: 'Mars/Olympus_Mons' }),
    );
    expect(errors.map((e) => e.property)).toEqual(['timeZone']);
    expect(validateSync(plainToInstance(HoursFilterQuery, { timeZone: 'America/New_York' }))).toEqual([]);
  });
});
