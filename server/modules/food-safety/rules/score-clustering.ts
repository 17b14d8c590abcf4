/**
 * 干好干坏不一样 — do an inspector's scores bunch just above a grade cut-off? Where scores are honest, about as many
 * land just below a cut-off as just above it; many more just above is the pattern New York City's restaurant
 * letter grades showed at the A cut-off (A = 0–13 points: 2,304 restaurants scored 12 and 1,656 scored 13, but only
 * 287 scored 14 — WSJ via gothamist.com, ../shared/research/anchors-international.md §2). For each cut-off: the scores in the `width` tenths just
 * above (cut-off included) and just below; flagged when so many more lie above that a fair coin would give as many
 * with probability under `alpha` (one-sided exact binomial test), and there are at least `minimum` scores near it.
 */
export interface ClusteringRule {
  /** Tenths either side of the cut-off that count as "near" it. */
  width: number;
  alpha: number;
  minimum: number;
}

export const defaultClusteringRule: ClusteringRule = { width: 3, alpha: 0.01, minimum: 8 };

export interface CutOffClustering {
  cutOffTenths: number;
  justBelow: number;
  justAbove: number;
  /** P(at least justAbove of justAbove + justBelow fall above | each side equally likely); 1 when there are none. */
  pValue: number;
  isClustered: boolean;
}

/** P(X ≥ k) for X ~ Binomial(n, 1/2), exact (n is small: the scores of one inspector near one cut-off). */
export function binomialUpperTail(n: number, k: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  let term = 0.5 ** n;
  let tail = 0;
  for (let i = 0; i <= n; i++) {
    if (i >= k) tail += term;
    term = (term * (n - i)) / (i + 1);
  }
  return Math.min(1, tail);
}

export function scoreClustering(
  scoresTenths: readonly number[],
  cutOffsTenths: readonly number[],
  rule: ClusteringRule = defaultClusteringRule,
): CutOffClustering[] {
  return cutOffsTenths.map((cutOff) => {
    const justAbove = scoresTenths.filter((score) => score >= cutOff && score < cutOff + rule.width).length;
    const justBelow = scoresTenths.filter((score) => score < cutOff && score >= cutOff - rule.width).length;
    const pValue = binomialUpperTail(justAbove + justBelow, justAbove);
    return {
      cutOffTenths: cutOff,
      justBelow,
      justAbove,
      pValue: Math.round(pValue * 1e6) / 1e6,
      isClustered: justAbove + justBelow >= rule.minimum && pValue < rule.alpha,
    };
  });
}
