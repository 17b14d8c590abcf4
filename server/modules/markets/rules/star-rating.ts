import { addDays, addMonths } from '../../../../shared/calendar-day.ts';
import type { StarIndicator } from './market-settings.ts';

export type StarProblem = { indicator: string; problem: 'unknown' | 'missing' | 'out_of_range' };
export type StarAssessment = { ok: true; score: number; stars: number } | { ok: false; problems: StarProblem[] };

/**
 * 星级农贸市场 assessment: each indicator scored from 0 to its points; the score is the share of all points, in
 * percent with one decimal; the stars follow from the thresholds (2, 3, 4, 5 stars), 1 star below the first.
 */
export function assessStars(
  indicators: readonly StarIndicator[],
  points: Readonly<Record<string, number>>,
  thresholds: readonly [number, number, number, number],
): StarAssessment {
  const problems: StarProblem[] = [];
  for (const code of Object.keys(points)) {
    if (!indicators.some((indicator) => indicator.code === code)) problems.push({ indicator: code, problem: 'unknown' });
  }
  let got = 0;
  let max = 0;
  for (const indicator of indicators) {
    const value = points[indicator.code];
    max += indicator.maxPoints;
    if (value === undefined) problems.push({ indicator: indicator.code, problem: 'missing' });
    else if (!(value >= 0 && value <= indicator.maxPoints)) problems.push({ indicator: indicator.code, problem: 'out_of_range' });
    else got += value;
  }
  if (problems.length) return { ok: false, problems };
  const score = max === 0 ? 0 : Math.round((got / max) * 1000) / 10;
  return { ok: true, score, stars: starsForScore(score, thresholds) };
}

export function starsForScore(score: number, thresholds: readonly [number, number, number, number]): number {
  let stars = 1;
  for (const threshold of thresholds) if (score >= threshold) stars += 1;
  return stars;
}

/** The last day a rating holds: `years` after the assessment, the day before the anniversary. */
export function starsValidUntil(assessedOn: string, years: number): string {
  return addDays(addMonths(assessedOn, years * 12), -1);
}

export interface MarketStars {
  isUrban: boolean;
  /** The stars in force on the day (null: never rated, or the rating expired). */
  stars: number | null;
}

export interface StarProgress {
  markets: number;
  urbanMarkets: number;
  urbanAtLeastTwo: number;
  atLeastThree: number;
  /** Percent of all markets at 3 stars or more, one decimal. */
  atLeastThreePercent: number;
  /** 2021 target 1: every urban market at 2 stars or more. */
  urbanTargetMet: boolean;
  /** 2021 target 2: at least half of all markets at 3 stars or more. */
  threeStarTargetMet: boolean;
  byStars: { stars: number | null; markets: number }[];
}

/** Progress against the 2021 targets (every urban market ≥ 2 stars; ≥ 50% of markets ≥ 3 stars). */
export function starProgress(markets: readonly MarketStars[]): StarProgress {
  const urban = markets.filter((market) => market.isUrban);
  const urbanAtLeastTwo = urban.filter((market) => (market.stars ?? 0) >= 2).length;
  const atLeastThree = markets.filter((market) => (market.stars ?? 0) >= 3).length;
  const byStars = [null, 1, 2, 3, 4, 5].map((stars) => ({ stars, markets: markets.filter((market) => market.stars === stars).length }));
  return {
    markets: markets.length,
    urbanMarkets: urban.length,
    urbanAtLeastTwo,
    atLeastThree,
    atLeastThreePercent: markets.length ? Math.round((atLeastThree / markets.length) * 1000) / 10 : 0,
    urbanTargetMet: urbanAtLeastTwo === urban.length,
    threeStarTargetMet: markets.length > 0 && atLeastThree * 2 >= markets.length,
    byStars,
  };
}
