/**
 * 合格率 (pass rate) = qualified batches ÷ batches tested, as the bureau reports it: exact integer
 * arithmetic, rounded half up, to two decimals for the API (91.90) and to a whole percent where the
 * 2020 work summary prints one ("193 batches qualified, 92%"). No floating point: 193/210 must never
 * come out as 91.89999.
 */
export interface PassRate {
  qualified: number;
  batches: number;
  /** Percent with two decimals, e.g. "91.90"; null when nothing was tested. */
  percent: string | null;
  /** Percent rounded to a whole number, e.g. 92; null when nothing was tested. */
  wholePercent: number | null;
}

/** round(numerator × scale ÷ denominator), half up, on non-negative integers. */
function roundedRatio(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

export function passRate(qualified: number, batches: number): PassRate {
  if (!Number.isSafeInteger(qualified) || !Number.isSafeInteger(batches) || qualified < 0 || batches < 0 || qualified > batches) {
    throw new RangeError(`pass rate needs 0 ≤ qualified ≤ batches, got ${qualified}/${batches}`);
  }
  if (batches === 0) return { qualified, batches, percent: null, wholePercent: null };
  const basisPoints = roundedRatio(BigInt(qualified) * 10_000n, BigInt(batches));
  const whole = roundedRatio(BigInt(qualified) * 100n, BigInt(batches));
  const text = `${basisPoints / 100n}.${String(basisPoints % 100n).padStart(2, '0')}`;
  return { qualified, batches, percent: text, wholePercent: Number(whole) };
}

/** Plan completion: batches done ÷ target, same arithmetic (may exceed 100). */
export function completionPercent(done: number, target: number): string | null {
  if (!Number.isSafeInteger(done) || !Number.isSafeInteger(target) || done < 0 || target < 0) {
    throw new RangeError(`completion needs whole numbers ≥ 0, got ${done}/${target}`);
  }
  if (target === 0) return null;
  const basisPoints = roundedRatio(BigInt(done) * 10_000n, BigInt(target));
  return `${basisPoints / 100n}.${String(basisPoints % 100n).padStart(2, '0')}`;
}
