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

/**
 * The upper bound of surveillance::earsC for C1 and C2 (cran/surveillance R/earsC.R): mean + z·max(sd, minSigma) of
 * the method's baseline, so Y(t) > bound ⇔ C(t) > z. Used to check our statistics against the package; z is
 * qnorm(1 − α) (the package's default α is 0.001 for C1 and C2).
 */
export function earsUpperBound(counts: readonly number[], method: 'C1' | 'C2', z: number, options: EarsOptions = {}): (number | null)[] {
  const { baseline = 7, minSigma = 0 } = options;
  const lag = method === 'C1' ? 0 : 2;
  return counts.map((_count, t) => {
    const from = t - lag - baseline;
    if (from < 0) return null;
    const { mean, sd } = meanAndSd(counts.slice(from, t - lag));
    return mean + z * Math.max(sd, minSigma);
  });
}

/**
 * The package's C3 upper bound, which we do not follow (kept to show the difference in the test):
 * Y(t) + max(sd₂(t), minSigma)·(z − [max(0, C2(t−2) − 1) + max(0, C2(t−1) − 1)]), floored at 0. Its alarm
 * (Y(t) > bound) depends on days t−1 and t−2 only; the published C3 (earsC3 above) sums over t−2…t.
 */
export function earsC3PackageBound(counts: readonly number[], z: number, options: EarsOptions = {}): (number | null)[] {
  const { baseline = 7, minSigma = 0 } = options;
  const c2 = earsC2(counts, { baseline, minSigma });
  return counts.map((count, t) => {
    const from = t - 2 - baseline;
    const lag2 = c2[t - 2];
    const lag1 = c2[t - 1];
    if (from < 0 || lag2 === null || lag2 === undefined || lag1 === null || lag1 === undefined) return null;
    const { sd } = meanAndSd(counts.slice(from, t - 2));
    return Math.max(0, count + Math.max(sd, minSigma) * (z - (Math.max(0, lag2 - 1) + Math.max(0, lag1 - 1))));
  });
}

/** The days each detector raises an alarm on: C1 > 3, C2 > 3, C3 > 2. */
export function earsAlarms(counts: readonly number[], options: EarsOptions = {}): { c1: boolean[]; c2: boolean[]; c3: boolean[] } {
  const over = (values: (number | null)[], limit: number) => values.map((value) => value !== null && value > limit);
  return { c1: over(earsC1(counts, options), 3), c2: over(earsC2(counts, options), 3), c3: over(earsC3(counts, options), 2) };
}
