import { correctionProblem, creditedMinutes, hoursOfMinutes, minutesOfHours } from './service-minutes';
import { toCsv } from './csv-export';

const t = (minutes: number) => new Date(Date.UTC(2026, 5, 6, 1, 0) + minutes * 60_000);

describe('service minutes', () => {
  it('credits the nearest quarter hour, at least one quarter, at most a day', () => {
    expect(creditedMinutes(t(0), t(0))).toBe(15);
    expect(creditedMinutes(t(0), t(52))).toBe(45);
    expect(creditedMinutes(t(0), t(53))).toBe(60);
    expect(creditedMinutes(t(0), t(2 * 24 * 60))).toBe(24 * 60);
  });

  it('converts hours with two decimals to whole minutes and back', () => {
    expect(minutesOfHours(1.5)).toBe(90);
    expect(minutesOfHours(-0.25)).toBe(-15);
    expect(minutesOfHours(0.001)).toBeNull();
    expect(hoursOfMinutes(100)).toBe(1.67);
  });

  it('refuses a correction that would take a total below zero, or that changes nothing', () => {
    expect(correctionProblem(120, -120)).toBeNull();
    expect(correctionProblem(120, -135)).toContain('below zero');
    expect(correctionProblem(120, 0)).toContain('changes nothing');
  });
});

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    const csv = toCsv(
      ['name', 'reason', 'hours'],
      [
        ['李, 志愿', 'said "thanks"\nagain', -1.5],
        ['=HYPERLINK("x")', null, 2],
      ],
    );
    expect(csv).toBe('name,reason,hours\r\n"李, 志愿","said ""thanks""\nagain",-1.5\r\n"\'=HYPERLINK(""x"")",,2\r\n');
  });
});
