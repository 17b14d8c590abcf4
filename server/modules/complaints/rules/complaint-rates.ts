/**
 * The rates a work summary states (source: shared/seed/work-summary-2020-and-plan-2021.zh.txt —
 * "受理消费者投诉举报案件3325件，同比上升60.47%" and "群众满意率达到98%"): computed exactly on integers and
 * rounded half up to two decimals, so 3,325 against 2,072 prints 60.47.
 */

/** Percentage with two decimals, rounded half away from zero, of numerator/denominator; null if denominator is 0. */
export function percentage(numerator: number, denominator: number): string | null {
  if (denominator === 0) return null;
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator < 0) {
    throw new RangeError('percentage takes whole counts');
  }
  const negative = numerator < 0;
  const scaled = BigInt(Math.abs(numerator)) * 10_000n;
  const hundredths = (scaled * 2n + BigInt(denominator)) / (2n * BigInt(denominator));
  const text = `${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
  return negative && hundredths !== 0n ? `-${text}` : text;
}

/** Year-on-year change of a count, in percent: (current − previous) / previous. */
export function yearOnYearChange(current: number, previous: number): string | null {
  return percentage(current - previous, previous);
}

/** Satisfaction 满意率: satisfied and basically satisfied answers over all answers. */
export function satisfactionRate(answers: { satisfied: number; basicallySatisfied: number; dissatisfied: number }): string | null {
  return percentage(answers.satisfied + answers.basicallySatisfied, answers.satisfied + answers.basicallySatisfied + answers.dissatisfied);
}
