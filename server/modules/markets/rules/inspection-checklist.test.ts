import { describe, expect, it } from 'vitest';
import { checkAnswers, passPercent } from './inspection-checklist.ts';

const items = [
  { code: 'zoning', name: '分区' },
  { code: 'waste', name: '垃圾' },
  { code: 'price_tags', name: '价签' },
];

describe('a station inspection check-list', () => {
  it('accepts every item answered once', () => {
    expect(
      checkAnswers(items, [
        { code: 'waste', passed: false },
        { code: 'zoning', passed: true },
        { code: 'price_tags', passed: true },
      ]),
    ).toEqual([]);
  });
  it('names unknown, duplicated and missing items', () => {
    expect(
      checkAnswers(items, [
        { code: 'zoning', passed: true },
        { code: 'zoning', passed: false },
        { code: 'noise', passed: true },
      ]),
    ).toEqual([
      { field: 'results[1].code', problem: 'duplicate_item', code: 'zoning' },
      { field: 'results[2].code', problem: 'unknown_item', code: 'noise' },
      { field: 'results', problem: 'missing_item', code: 'waste' },
      { field: 'results', problem: 'missing_item', code: 'price_tags' },
    ]);
  });
  it('gives the pass share in whole percent', () => {
    expect(passPercent(7, 8)).toBe(88);
    expect(passPercent(1, 3)).toBe(33);
    expect(passPercent(1, 8)).toBe(13);
    expect(passPercent(0, 0)).toBeNull();
  });
});
