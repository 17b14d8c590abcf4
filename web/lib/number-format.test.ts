import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, formatCount } from './number-format.ts';

describe('figures in tables', () => {
  it('groups thousands: 12,280 workers and 1,416,850.00 yuan', () => {
    expect(formatCount(12280)).toBe('12,280');
    expect(formatCount(51632)).toBe('51,632');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(null)).toBe('—');
    expect(formatAmount('1416850.00')).toBe('1,416,850.00');
    expect(formatAmount('827.73')).toBe('827.73');
    expect(formatAmount('-1234567.5')).toBe('-1,234,567.5');
    expect(formatAmount('')).toBe('—');
    expect(formatAmount('n/a')).toBe('n/a');
  });

  it('keeps every digit of an amount, however long', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 99 }), (yuan, fen) => {
        const text = `${yuan}.${String(fen).padStart(2, '0')}`;
        const grouped = formatAmount(text);
        expect(grouped.replaceAll(',', '')).toBe(text);
        expect(grouped).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
      }),
    );
  });
});
