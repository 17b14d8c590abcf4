import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar/working-days.ts';
import { changePercent, comparisonPeriod, type FigurePeriod, isPeriod, monthsOf, parsePeriod } from './figure-period.ts';

const period = (text: string) => parsePeriod(text) as FigurePeriod;

describe('parsePeriod', () => {
  it('reads a year, a quarter, a month and a range of days', () => {
    expect(parsePeriod('2020')).toEqual({ kind: 'year', label: '2020', from: '2020-01-01', to: '2020-12-31' });
    expect(parsePeriod('2020-Q3')).toEqual({ kind: 'quarter', label: '2020-Q3', from: '2020-07-01', to: '2020-09-30' });
    expect(parsePeriod('2020-02')).toEqual({ kind: 'month', label: '2020-02', from: '2020-02-01', to: '2020-02-29' });
    expect(parsePeriod('2021-02')).toMatchObject({ to: '2021-02-28' });
    expect(parsePeriod('2020-12')).toMatchObject({ to: '2020-12-31' });
    expect(parsePeriod('2020-03-01..2020-06-30')).toEqual({
      kind: 'range',
      label: '2020-03-01..2020-06-30',
      from: '2020-03-01',
      to: '2020-06-30',
    });
  });

  it('refuses what is not a period, saying why in both languages', () => {
    expect(parsePeriod('2020-02-30..2020-03-01')).toEqual({ 'zh-CN': '2020-02-30 不是有效日期', en: '2020-02-30 is not a date' });
    expect(parsePeriod('2020-06-01..2020-01-01')).toMatchObject({ en: 'the end cannot be before the start' });
    expect(parsePeriod('1989')).toMatchObject({ en: 'the year must be 1990–2100' });
    expect(parsePeriod('2000-01-01..2019-01-01')).toMatchObject({ en: 'a range is at most ten years' });
    for (const text of ['2020-13', '2020-Q0', '20', '2020-1', '']) expect(isPeriod(parsePeriod(text)), text).toBe(false);
  });
});

describe('comparisonPeriod', () => {
  it('compares a year with the year before, a quarter or month with the one before, or a year earlier', () => {
    expect(comparisonPeriod(period('2020'), 'previous')).toEqual(period('2019'));
    expect(comparisonPeriod(period('2020'), 'year')).toEqual(period('2019'));
    expect(comparisonPeriod(period('2020-Q1'), 'previous')).toEqual(period('2019-Q4'));
    expect(comparisonPeriod(period('2020-Q3'), 'year')).toEqual(period('2019-Q3'));
    expect(comparisonPeriod(period('2020-01'), 'previous')).toEqual(period('2019-12'));
    expect(comparisonPeriod(period('2021-02'), 'year')).toEqual(period('2020-02'));
    expect(comparisonPeriod(period('2020-02'), 'year')).toEqual(period('2019-02'));
    expect(comparisonPeriod(period('2020-03-01..2020-03-10'), 'previous')).toEqual(period('2020-02-20..2020-02-29'));
    expect(comparisonPeriod(period('2020-02-29..2020-03-10'), 'year')).toEqual(period('2019-02-28..2019-03-10'));
  });

  it('puts the previous period of a range right before it, with as many days', () => {
    const day = fc.integer({ min: 0, max: 20_000 }).map((offset) => addCalendarDays('1995-01-01', offset));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 800 }), (from, length) => {
        const range = period(`${from}..${addCalendarDays(from, length)}`);
        const before = comparisonPeriod(range, 'previous');
        expect(addCalendarDays(before.to, 1)).toBe(range.from);
        expect(addCalendarDays(before.from, length)).toBe(before.to);
      }),
    );
  });
});

describe('monthsOf and changePercent', () => {
  it('steps through the months of a period, which cover it exactly', () => {
    const months = monthsOf(period('2020'));
    expect(months.map((month) => month.label)).toEqual(
      Array.from({ length: 12 }, (_, index) => `2020-${String(index + 1).padStart(2, '0')}`),
    );
    for (const [index, month] of months.entries())
      if (index > 0) expect(addCalendarDays(months[index - 1]?.to as string, 1)).toBe(month.from);
    expect(monthsOf(period('2020-Q4')).map((month) => month.label)).toEqual(['2020-10', '2020-11', '2020-12']);
  });

  it('gives the change as the work summary states it', () => {
    expect(changePercent(22_774, 20_876)).toBe(9.09);
    expect(changePercent(28_858, 26_408)).toBe(9.28);
    expect(changePercent(3_325, 2_072)).toBe(60.47);
    expect(changePercent(90, 100)).toBe(-10);
    expect(changePercent(5, 0)).toBeNull();
    expect(changePercent(null, 3)).toBeNull();
  });
});
