/**
 * Money as exact integers of fen (分, 1/100 yuan): amounts are parsed from decimal text, added as bigint
 * and formatted back, never passed through floating point (fines are legal decisions to the fen).
 */

/** An amount in yuan as typed: a non-negative number with at most two decimals (forms, request schemas and parseYuan). */
export const yuanPattern = /^(0|[1-9][0-9]{0,13})(?:\.([0-9]{1,2}))?$/;

/** `"1234.5"` → 123450n. Throws RangeError for anything but a non-negative amount with at most two decimals. */
export function parseYuan(text: string): bigint {
  const match = yuanPattern.exec(text.trim());
  if (!match) throw new RangeError(`not an amount in yuan: ${text}`);
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return BigInt(match[1] as string) * 100n + BigInt(fraction);
}

export function isYuanText(text: string): boolean {
  return yuanPattern.test(text.trim());
}

/** 123450n → `"1234.50"`. */
export function formatYuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const magnitude = fen < 0n ? -fen : fen;
  return `${sign}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, '0')}`;
}

/**
 * Fen → 万元 (10,000 yuan) with two decimals, rounded half up, as work summaries state totals
 * (827,730,000 fen → `"827.73"`).
 */
export function formatWanYuan(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const magnitude = fen < 0n ? -fen : fen;
  // 1 万元 = 1,000,000 fen; two decimals → units of 10,000 fen.
  const hundredths = (magnitude + 5_000n) / 10_000n;
  return `${sign}${hundredths / 100n}.${String(hundredths % 100n).padStart(2, '0')}`;
}

export function sumFen(amounts: Iterable<bigint>): bigint {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}
