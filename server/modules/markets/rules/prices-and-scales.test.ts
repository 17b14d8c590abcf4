import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleaningOverdue,
  mayRecordCleaning,
  medianFen,
  nextCleaningDue,
  priceFlags,
  scaleOverdue,
  verificationValidUntil,
} from './prices-and-scales.ts';

describe('prices', () => {
  it('median of an odd and an even count', () => {
    expect(medianFen([])).toBeNull();
    expect(medianFen([1300, 1100, 1200])).toBe(1200);
    expect(medianFen([1000, 1300, 1101, 1200])).toBe(1151);
  });

  it('flags a price beyond the threshold against the median and last week (the threshold itself is not flagged)', () => {
    expect(priceFlags(1200, 1000, 1000, 20)).toEqual([]);
    expect(priceFlags(1201, 1000, 1000, 20)).toEqual(['above_median', 'week_rise']);
    expect(priceFlags(799, 1000, 1200, 20)).toEqual(['below_median', 'week_fall']);
    expect(priceFlags(800, 1000, null, 20)).toEqual([]);
    expect(priceFlags(5000, null, null, 20)).toEqual([]);
  });

  it('a price equal to both references is never flagged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 100 }), (price, percent) => {
        expect(priceFlags(price, price, price, percent)).toEqual([]);
      }),
    );
  });
});

describe('scales', () => {
  it('a verification holds 12 months and is overdue the day after', () => {
    expect(verificationValidUntil('2020-03-10', 12)).toBe('2021-03-09');
    expect(scaleOverdue('2021-03-09', '2021-03-09')).toBe(false);
    expect(scaleOverdue('2021-03-09', '2021-03-10')).toBe(true);
  });
});

describe('cleaning', () => {
  it('daily, weekly and monthly rounds', () => {
    expect(nextCleaningDue('daily', '2020-12-30')).toBe('2020-12-31');
    expect(nextCleaningDue('weekly', '2020-12-30')).toBe('2021-01-06');
    expect(nextCleaningDue('monthly', '2021-01-31')).toBe('2021-02-28');
    expect(cleaningOverdue('daily', '2020-12-30', '2020-12-31')).toBe(false);
    expect(cleaningOverdue('daily', '2020-12-29', '2020-12-31')).toBe(true);
    expect(cleaningOverdue('weekly', '2020-12-24', '2020-12-31')).toBe(false);
    expect(cleaningOverdue('weekly', '2020-12-23', '2020-12-31')).toBe(true);
    expect(cleaningOverdue('monthly', null, '2020-12-31')).toBe(true);
  });
});

describe('who records which cleaning round', () => {
  it('lets the organiser record the monthly round only, the manager and staff any', () => {
    expect(mayRecordCleaning(['market_organiser'], 'monthly')).toBe(true);
    expect(mayRecordCleaning(['market_organiser'], 'weekly')).toBe(false);
    expect(mayRecordCleaning(['market_organiser'], 'daily')).toBe(false);
    expect(mayRecordCleaning(['market_manager'], 'daily')).toBe(true);
    expect(mayRecordCleaning(['inspector'], 'weekly')).toBe(true);
    expect(mayRecordCleaning(['market_testing_room'], 'monthly')).toBe(false);
  });
});
