import { checkRoster } from './duty-roster-rules';
import { sameShifts, sortShifts } from './weekly-shift';

const A = 'member-a';
const B = 'member-b';
const members = new Set([A, B]);

describe('duty roster rules', () => {
  it('accepts back-to-back shifts of one member, a shift ending at 24:00 and two members on duty at once', () => {
    expect(
      checkRoster(
        [
          { memberId: A, weekday: 1, from: '08:00', to: '12:00' },
          { memberId: A, weekday: 1, from: '12:00', to: '18:00' },
          { memberId: B, weekday: 1, from: '09:00', to: '17:00' },
          { memberId: B, weekday: 1, from: '22:00', to: '24:00' },
          { memberId: B, weekday: 2, from: '00:00', to: '06:00' },
        ],
        members,
      ),
    ).toBeNull();
    expect(checkRoster([], members)).toBeNull();
  });

  it('refuses a shift that ends before or when it starts, including one crossing midnight, naming the field', () => {
    expect(checkRoster([{ memberId: A, weekday: 1, from: '08:00', to: '07:59' }], members)).toMatchObject({
      code: 'SHIFT_ENDS_BEFORE_START',
      field: 'shifts[0].to',
    });
    expect(checkRoster([{ memberId: A, weekday: 1, from: '08:00', to: '08:00' }], members)).toMatchObject({
      code: 'SHIFT_ENDS_BEFORE_START',
    });
    const night = checkRoster(
      [
        { memberId: A, weekday: 3, from: '09:00', to: '10:00' },
        { memberId: A, weekday: 5, from: '22:00', to: '06:00' },
      ],
      members,
    );
    expect(night).toMatchObject({ code: 'SHIFT_ENDS_BEFORE_START', field: 'shifts[1].to' });
    expect(night?.reason).toContain('24:00');
  });

  it('refuses a shift of someone who is not an active member of the grid', () => {
    expect(
      checkRoster(
        [
          { memberId: A, weekday: 1, from: '08:00', to: '09:00' },
          { memberId: 'stranger', weekday: 1, from: '08:00', to: '09:00' },
        ],
        members,
      ),
    ).toMatchObject({
      code: 'NOT_A_MEMBER_OF_GRID',
      field: 'shifts[1].memberId',
    });
  });

  it('refuses overlapping shifts of the same member on the same weekday, but not on different days', () => {
    expect(
      checkRoster(
        [
          { memberId: A, weekday: 1, from: '08:00', to: '12:00' },
          { memberId: A, weekday: 1, from: '11:59', to: '13:00' },
        ],
        members,
      ),
    ).toMatchObject({
      code: 'SHIFTS_OVERLAP',
      field: 'shifts[1]',
    });
    expect(
      checkRoster(
        [
          { memberId: A, weekday: 1, from: '08:00', to: '12:00' },
          { memberId: A, weekday: 1, from: '09:00', to: '10:00' },
        ],
        members,
      ),
    ).toMatchObject({ code: 'SHIFTS_OVERLAP' });
    expect(
      checkRoster(
        [
          { memberId: A, weekday: 1, from: '08:00', to: '12:00' },
          { memberId: A, weekday: 1, from: '08:00', to: '12:00' },
        ],
        members,
      ),
    ).toMatchObject({ code: 'SHIFTS_OVERLAP' });
    expect(
      checkRoster(
        [
          { memberId: A, weekday: 1, from: '08:00', to: '12:00' },
          { memberId: A, weekday: 2, from: '08:00', to: '12:00' },
        ],
        members,
      ),
    ).toBeNull();
  });

  it('orders shifts canonically, so the same roster in another order is the same roster', () => {
    const one = [
      { memberId: B, weekday: 2, from: '08:00', to: '09:00' },
      { memberId: A, weekday: 1, from: '10:00', to: '11:00' },
      { memberId: A, weekday: 1, from: '08:00', to: '09:00' },
    ];
    expect(sortShifts(one).map((s) => `${s.weekday} ${s.from} ${s.memberId}`)).toEqual([
      `1 08:00 ${A}`,
      `1 10:00 ${A}`,
      `2 08:00 ${B}`,
    ]);
    expect(sameShifts(one, [...one].reverse())).toBe(true);
    expect(sameShifts(one, one.slice(1))).toBe(false);
  });
});
