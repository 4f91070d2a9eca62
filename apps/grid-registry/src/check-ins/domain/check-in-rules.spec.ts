import { checkCheckInDate, checkMatters, sameCheckIn } from './check-in-rules';

describe('check-in rules', () => {
  const matter = { category: '环境卫生', description: '楼道堆放杂物' };

  it('accepts "nothing to report" without matters, and matters when there is something', () => {
    expect(checkMatters(true, undefined)).toBeNull();
    expect(checkMatters(true, [])).toBeNull();
    expect(checkMatters(false, [matter])).toBeNull();
  });

  it('refuses matters on a "nothing to report" check-in', () => {
    expect(checkMatters(true, [matter])).toMatchObject({ code: 'MATTERS_NOT_ALLOWED', field: 'matters' });
  });

  it('refuses a check-in that has something to report but lists nothing', () => {
    expect(checkMatters(false, undefined)).toMatchObject({ code: 'MATTERS_REQUIRED', field: 'matters' });
    expect(checkMatters(false, [])).toMatchObject({ code: 'MATTERS_REQUIRED', field: 'matters' });
  });

  it('takes check-ins for today only, and only before the cut-off', () => {
    expect(checkCheckInDate({ date: '2025-06-30', today: '2025-06-30', closed: false })).toBeNull();
    expect(checkCheckInDate({ date: '2025-06-29', today: '2025-06-30', closed: false })).toMatchObject({
      code: 'CHECK_IN_DATE_NOT_TODAY',
      field: 'date',
    });
    expect(checkCheckInDate({ date: '2025-07-01', today: '2025-06-30', closed: false })).toMatchObject({
      code: 'CHECK_IN_DATE_NOT_TODAY',
    });
    expect(checkCheckInDate({ date: '2025-06-30', today: '2025-06-30', closed: true })).toMatchObject({
      code: 'CHECK_IN_AFTER_CUTOFF',
      field: 'date',
    });
  });

  it('treats an exact repeat as the same check-in and any difference as another', () => {
    const first = { nothingToReport: false, matters: [matter], reportedBy: { memberId: null, name: '刘鸣' } };
    expect(sameCheckIn(first, { ...first, matters: [{ ...matter }] })).toBe(true);
    expect(sameCheckIn(first, { ...first, matters: [{ ...matter, description: '另一件事' }] })).toBe(false);
    expect(sameCheckIn(first, { ...first, reportedBy: { memberId: null, name: '段秋' } })).toBe(false);
    expect(sameCheckIn(first, { nothingToReport: true, matters: [], reportedBy: first.reportedBy })).toBe(false);
  });
});
