import { describe, expect, it } from 'vitest';
import { shortages } from './supply-shortage.ts';

describe('supply shortages', () => {
  it('flags each item under its threshold (masks 200, alcohol 10 bottles, thermometers 5), not at it', () => {
    expect(shortages({ masks: 200, alcohol: 10, thermometers: 5 })).toEqual([]);
    expect(shortages({ masks: 199, alcohol: 10, thermometers: 4 })).toEqual(['masks', 'thermometers']);
    expect(shortages({ masks: 0, alcohol: 0, thermometers: 0 }, { masks: 0, alcohol: 1, thermometers: 0 })).toEqual(['alcohol']);
  });
});
