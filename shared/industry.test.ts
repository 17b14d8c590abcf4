import { describe, expect, it } from 'vitest';
import { normaliseIndustryCode, sectionOfDivision } from './industry.ts';

describe('GB/T 4754-2017 industry codes', () => {
  it('maps divisions to their sections', () => {
    expect(sectionOfDivision(62)).toBe('H');
    expect(sectionOfDivision(13)).toBe('C');
    expect(sectionOfDivision(43)).toBe('C');
    expect(sectionOfDivision(44)).toBe('D');
    expect(sectionOfDivision(98)).toBeUndefined();
  });

  it('normalises what spreadsheets write', () => {
    expect(normaliseIndustryCode('62')).toBe('H62');
    expect(normaliseIndustryCode('h62')).toBe('H62');
    expect(normaliseIndustryCode('餐饮业（H6210）')).toBe('H62');
    expect(normaliseIndustryCode('C62')).toBeUndefined();
    expect(normaliseIndustryCode('餐饮')).toBeUndefined();
  });
});
