import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoYears } from './demo-years.ts';

describe('the demo district’s years after 2020', () => {
  it('gives full years from 2021 and the finished share of the current one', () => {
    const years = demoYears('2026-12-06');
    expect(years.map((year) => year.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    expect(years[0]).toEqual({
      year: 2021,
      complaints: { accepted: 3_924, petitionsClosed: 457, surveyAnswers: [1_517, 48, 32] },
      cases: { closed: 394, major: 79, totalAmountYuan: '8676300.00', majorAmountYuan: '6849300.00' },
      sampling: { batches: 220, passRate: 0.955 },
    });
    // 2026-03-02: complaints received up to 40 days before (19 of 342 days), cases closed up to today.
    const early = demoYears('2026-03-02').at(-1);
    expect(early?.complaints.accepted).toBe(Math.round(3_325 * 1.22 * (19 / 342)));
    expect(early?.cases.closed).toBe(Math.round(365 * 1.27 * (55 / 359)));
    expect(early?.sampling.batches).toBe(0);
    expect(demoYears('2021-01-05')).toEqual([
      {
        year: 2021,
        complaints: { accepted: 0, petitionsClosed: 0, surveyAnswers: [0, 0, 0] },
        cases: { closed: 0, major: 0, totalAmountYuan: '0.00', majorAmountYuan: '0.00' },
        sampling: { batches: 0, passRate: 0.955 },
      },
    ]);
  });

  it('asks every module only for what its demo can produce, on any day', () => {
    const day = fc
      .integer({ min: 0, max: 365 * 15 })
      .map((offset) => new Date(Date.UTC(2021, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (today) => {
        for (const year of demoYears(today)) {
          const { closed, major, totalAmountYuan, majorAmountYuan } = year.cases;
          const majorYuan = Number.parseFloat(majorAmountYuan);
          const minorYuan = Number.parseFloat(totalAmountYuan) - majorYuan;
          // Major cases at or above 50,000 yuan (at most 40 times it), the others below it, in whole hundreds.
          expect(majorYuan).toBeGreaterThanOrEqual(major * 50_000);
          expect(majorYuan).toBeLessThanOrEqual(major * 2_000_000);
          expect(minorYuan).toBeLessThanOrEqual((closed - major) * 49_999);
          expect(majorYuan % 100).toBe(0);
          const answers = year.complaints.surveyAnswers.reduce((sum, count) => sum + count, 0);
          expect(answers).toBeLessThanOrEqual(year.complaints.accepted * 0.74 * 0.6);
          expect(year.sampling.passRate).toBeLessThan(1);
        }
        expect(demoYears(today)).toEqual(demoYears(today));
      }),
    );
  });
});
