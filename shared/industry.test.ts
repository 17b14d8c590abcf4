import { describe, expect, it } from 'vitest';
import { industrySectionLabelSql, normaliseIndustryCode, sectionOfDivision } from './industry.ts';

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

  it('labels a code column by its section for statistics, unregistered codes as 未登记', () => {
    const label = industrySectionLabelSql('e.industry');
    expect(label.startsWith('case substr(e.industry, 1, 1) ')).toBe(true);
    expect(label).toContain("when 'H' then '住宿和餐饮业'");
    expect(label.endsWith(" else '未登记' end")).toBe(true);
    expect(label.match(/ when /g)).toHaveLength(20);
  });
});
