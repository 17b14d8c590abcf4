import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodToPublishOn, previousPeriod } from './publish-period.ts';

describe('automatic publication period', () => {
  it('publishes the month just ended, on the 1st only', () => {
    expect(periodToPublishOn('2026-03-01')).toBe('2026-02');
    expect(periodToPublishOn('2026-01-01')).toBe('2025-12');
    expect(periodToPublishOn('2026-10-01')).toBe('2026-09');
    expect(periodToPublishOn('2026-03-02')).toBeNull();
    expect(periodToPublishOn('2026-03-31')).toBeNull();
  });
  it('the previous period is always the month before (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const day = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const [py, pm] = previousPeriod(day).split('-').map(Number) as [number, number];
        expect(py * 12 + pm).toBe(y * 12 + m - 1);
        expect(previousPeriod(day)).toMatch(/^\d{4}-(0[1-9]|1[0-2])$/);
      }),
    );
  });
});
