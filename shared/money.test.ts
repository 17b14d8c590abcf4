import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatWanYuan, formatYuan, isYuanText, parseYuan, sumFen } from './money.ts';

describe('exact money in fen', () => {
  it('parses and formats yuan exactly', () => {
    expect(parseYuan('8277300')).toBe(827_730_000n);
    expect(parseYuan('0.1')).toBe(10n);
    expect(parseYuan('1234.56')).toBe(123_456n);
    expect(formatYuan(827_730_000n)).toBe('8277300.00');
    expect(formatYuan(5n)).toBe('0.05');
  });

  it('states the 2020 totals in 万元 as the work summary does', () => {
    expect(formatWanYuan(parseYuan('8277300.00'))).toBe('827.73');
    expect(formatWanYuan(parseYuan('6649300.00'))).toBe('664.93');
    expect(formatWanYuan(parseYuan('0.49'))).toBe('0.00');
    expect(formatWanYuan(parseYuan('50'))).toBe('0.01');
  });

  it('does not suffer the float error 0.1 + 0.2', () => {
    expect(formatYuan(sumFen([parseYuan('0.1'), parseYuan('0.2')]))).toBe('0.30');
  });

  it('rejects negative, three-decimal and non-numeric amounts', () => {
    for (const bad of ['-1', '1.234', 'abc', '', '01', '1e5']) {
      expect(isYuanText(bad)).toBe(false);
      expect(() => parseYuan(bad)).toThrow(RangeError);
    }
  });

  it('round-trips every amount and adds like integers', () => {
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (fen) => parseYuan(formatYuan(fen)) === fen));
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { maxLength: 50 }), (amounts) => {
        const viaText = sumFen(amounts.map((fen) => parseYuan(formatYuan(fen))));
        return viaText === amounts.reduce((total, fen) => total + fen, 0n);
      }),
    );
  });
});
