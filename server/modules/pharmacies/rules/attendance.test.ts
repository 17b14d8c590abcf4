import { describe, expect, it } from 'vitest';
import { attendanceRate, chinaClock, isDayCovered, isOpenWithoutPharmacist } from './attendance.ts';

const day = '2020-03-02';
const at = (time: string) => chinaClock(day, time);

describe('阳光药师 attendance', () => {
  it('covers a day checked in by 08:30 and out from 19:30 (08:00–20:00, 30 minutes tolerance)', () => {
    const evening = at('23:00');
    expect(isDayCovered(day, [{ checkedInAt: at('08:30'), checkedOutAt: at('19:30') }], evening)).toBe(true);
    expect(isDayCovered(day, [{ checkedInAt: at('08:31'), checkedOutAt: at('20:00') }], evening)).toBe(false);
    expect(isDayCovered(day, [{ checkedInAt: at('07:50'), checkedOutAt: at('19:29') }], evening)).toBe(false);
    // Two pharmacists: one opens, the other closes — neither alone covers the day.
    expect(
      isDayCovered(
        day,
        [
          { checkedInAt: at('07:55'), checkedOutAt: at('14:00') },
          { checkedInAt: at('13:00'), checkedOutAt: at('20:05') },
        ],
        evening,
      ),
    ).toBe(false);
  });

  it('a day still running needs no check-out yet; a past day without one is not covered', () => {
    const shift = [{ checkedInAt: at('08:00'), checkedOutAt: null }];
    expect(isDayCovered(day, shift, at('15:00'))).toBe(true);
    expect(isDayCovered(day, shift, at('21:00'))).toBe(false);
  });

  it('flags a pharmacy open without its pharmacist only after 08:30', () => {
    expect(isOpenWithoutPharmacist(day, [], at('08:29'))).toBe(false);
    expect(isOpenWithoutPharmacist(day, [], at('08:30'))).toBe(true);
    expect(isOpenWithoutPharmacist(day, [{ checkedInAt: at('09:00'), checkedOutAt: null }], at('10:00'))).toBe(true);
    expect(isOpenWithoutPharmacist(day, [{ checkedInAt: at('08:10'), checkedOutAt: null }], at('10:00'))).toBe(false);
  });

  it('is a percentage with two decimals', () => {
    expect(attendanceRate(9_925, 10_000)).toBe(99.25);
    expect(attendanceRate(2, 3)).toBe(66.67);
    expect(attendanceRate(0, 0)).toBeNull();
  });
});
