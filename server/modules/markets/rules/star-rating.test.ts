import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMarketSettings } from './market-settings.ts';
import { assessStars, starProgress, starsForScore, starsValidUntil } from './star-rating.ts';

const { starIndicators, starThresholds } = defaultMarketSettings;
const full = { food_safety: 30, environment_order: 25, honest_business: 20, price_metering: 15, facilities: 10 };

describe('star rating', () => {
  it('scores the share of all points and maps it to stars', () => {
    expect(assessStars(starIndicators, full, starThresholds)).toEqual({ ok: true, score: 100, stars: 5 });
    expect(assessStars(starIndicators, { ...full, food_safety: 20, facilities: 0 }, starThresholds)).toEqual({
      ok: true,
      score: 80,
      stars: 4,
    });
    expect(
      assessStars(
        starIndicators,
        { food_safety: 21, environment_order: 17, honest_business: 14, price_metering: 10, facilities: 7 },
        starThresholds,
      ),
    ).toEqual({
      ok: true,
      score: 69,
      stars: 2,
    });
    expect(
      assessStars(
        starIndicators,
        { food_safety: 10, environment_order: 10, honest_business: 10, price_metering: 5, facilities: 2 },
        starThresholds,
      ),
    ).toEqual({
      ok: true,
      score: 37,
      stars: 1,
    });
  });

  it('names every bad indicator', () => {
    expect(
      assessStars(starIndicators, { ...full, food_safety: 31, facilities: undefined as unknown as number, extra: 1 }, starThresholds),
    ).toEqual({
      ok: false,
      problems: [
        { indicator: 'extra', problem: 'unknown' },
        { indicator: 'food_safety', problem: 'out_of_range' },
        { indicator: 'facilities', problem: 'missing' },
      ],
    });
  });

  it('thresholds are inclusive', () => {
    expect([59.9, 60, 69.9, 70, 80, 89.9, 90].map((score) => starsForScore(score, starThresholds))).toEqual([1, 2, 2, 3, 4, 4, 5]);
  });

  it('a rating holds three years, to the day before the anniversary', () => {
    expect(starsValidUntil('2020-11-15', 3)).toBe('2023-11-14');
    expect(starsValidUntil('2020-02-29', 3)).toBe('2023-02-27');
  });

  it('progress against the 2021 targets', () => {
    const markets = [
      { isUrban: true, stars: 3 },
      { isUrban: true, stars: 2 },
      { isUrban: true, stars: 1 },
      { isUrban: false, stars: null },
      { isUrban: false, stars: 4 },
      { isUrban: true, stars: 5 },
    ];
    const progress = starProgress(markets);
    expect(progress).toMatchObject({
      markets: 6,
      urbanMarkets: 4,
      urbanAtLeastTwo: 3,
      atLeastThree: 3,
      atLeastThreePercent: 50,
      urbanTargetMet: false,
      threeStarTargetMet: true,
    });
    expect(progress.byStars).toEqual([
      { stars: null, markets: 1 },
      { stars: 1, markets: 1 },
      { stars: 2, markets: 1 },
      { stars: 3, markets: 1 },
      { stars: 4, markets: 1 },
      { stars: 5, markets: 1 },
    ]);
    expect(starProgress([]).threeStarTargetMet).toBe(false);
  });

  it('stars grow with the score and stay within 1 to 5', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const [s1, s2] = [starsForScore(low, starThresholds), starsForScore(high, starThresholds)];
        expect(s1).toBeLessThanOrEqual(s2);
        expect(s1).toBeGreaterThanOrEqual(1);
        expect(s2).toBeLessThanOrEqual(5);
      }),
    );
  });
});
