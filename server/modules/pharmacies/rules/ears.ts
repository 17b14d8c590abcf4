/**
 * CDC EARS C1-MILD, C2-MEDIUM and C3-ULTRA on daily counts (../shared/research/anchors-surveillance-trace-scale.md §1.1;
 * Fricker, Hegler & Dunfee, Stat Med 2008;27:3407–3429; cran/surveillance R/earsC.R). Baseline B = 7 days; C1 uses
 * t−B…t−1, C2 and C3 t−B−2…t−3 (a 2-day guard band); the sample SD (divide by B−1) is raised to `minSigma` so a flat
 * zero baseline does not divide by zero. Alarms follow the published (CDC) thresholds: C1 > 3, C2 > 3, C3 > 2, where
 * C3(t) = Σ_{i=t−2..t} max(0, C2(i) − 1). (The R package's C3 alarm depends on t−1 and t−2 only; we follow the
 * definition, not that quirk.) A day without enough history has no statistic (null).
 */
export interface EarsOptions {
  baseline?: number;
  minSigma?: number;
}

function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const variance = values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1);
  return { mean, sd: Math.sqrt(variance) };
}

function statistic(counts: readonly number[], t: number, lag: number, baseline: number, minSigma: number): number | null {
  const from = t - lag - baseline;
  if (from < 0) return null;
  const { mean, sd } = meanAndSd(counts.slice(from, t - lag));
  return ((counts[t] ?? 0) - mean) / Math.max(sd, minSigma);
}

/** C1(t) for every day (null before B days of history). */
export function earsC1(counts: readonly number[], options: EarsOptions = {}): (number | null)[] {
  const { baseline = 7, minSigma = 0.5 } = options;
  return counts.map((_count, t) => statistic(counts, t, 0, baseline, minSigma));
}

/** C2(t) for every day (null before B + 2 days of history). */
export function earsC2(counts: readonly number[], options: EarsOptions = {}): (number | null)[] {
  const { baseline = 7, minSigma = 0.5 } = options;
  return counts.map((_count, t) => statistic(counts, t, 2, baseline, minSigma));
}

/** C3(t) = Σ max(0, C2(i) − 1) over t−2…t (null before B + 4 days of history). */
export function earsC3(counts: readonly number[], options: EarsOptions = {}): (number | null)[] {
  const c2 = earsC2(counts, options);
  return counts.map((_count, t) => {
    const window = [c2[t - 2], c2[t - 1], c2[t]];
    if (t < 2 || window.some((value) => value === null || value === undefined)) return null;
    return window.reduce<number>((sum, value) => sum + Math.max(0, (value as number) - 1), 0);
  });
}

/** The days each detector raises an alarm on: C1 > 3, C2 > 3, C3 > 2. */
export function earsAlarms(counts: readonly number[], options: EarsOptions = {}): { c1: boolean[]; c2: boolean[]; c3: boolean[] } {
  const over = (values: (number | null)[], limit: number) => values.map((value) => value !== null && value > limit);
  return { c1: over(earsC1(counts, options), 3), c2: over(earsC2(counts, options), 3), c3: over(earsC3(counts, options), 2) };
}
