/**
 * Year-on-year growth 同比增长 as the annual report states it: (current − previous) / previous × 100,
 * rounded half away from zero to 2 decimals, computed in integers so 22,774 vs 20,876 is exactly +9.09
 * (1.0909178… ), never a float artefact. Null when there was nothing a year earlier.
 */
export function growthPercentage(current: number, previous: number): number | null {
  if (!Number.isInteger(current) || !Number.isInteger(previous) || current < 0 || previous < 0) {
    throw new Error('Counts are non-negative integers');
  }
  if (previous === 0) return null;
  const numerator = BigInt(current - previous) * 10_000n;
  const denominator = BigInt(previous);
  const magnitude = numerator < 0n ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  const hundredths = Number(numerator < 0n ? -rounded : rounded);
  return hundredths / 100;
}
