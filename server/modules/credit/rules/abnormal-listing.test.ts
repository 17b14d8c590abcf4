import { describe, expect, it } from 'vitest';
import { isSeriousCandidate, legalBasisOf, measureFor, removalBlocker, seriousCandidateFrom } from './abnormal-listing.ts';
import { seriousRepairFrom, seriousTermEnds } from './serious-violation.ts';

describe('abnormal-operation list (《企业经营异常名录管理暂行办法》)', () => {
  it('enterprises are listed, individual businesses marked (《个体工商户年度报告办法》第十三条)', () => {
    expect(measureFor('enterprise')).toBe('listing');
    expect(measureFor('individual')).toBe('marking');
    expect(legalBasisOf('annual_report_not_filed', 'individual')).toContain('第十三条');
    expect(legalBasisOf('unreachable_at_address', 'enterprise')).toContain('第四条第（四）项');
  });

  it('a missing report blocks removal until that year is filed', () => {
    const listing = { reason: 'annual_report_not_filed' as const, reportYear: 2019, status: 'listed' };
    expect(removalBlocker(listing, { filedReportYears: [2018] })).toBe('report_still_missing');
    expect(removalBlocker(listing, { filedReportYears: [2019] })).toBeNull();
    expect(removalBlocker({ ...listing, status: 'removed' }, { filedReportYears: [2019] })).toBe('not_listed');
  });

  it('three years on the list make an enterprise a serious-violation candidate on the anniversary (29 February → 28 February)', () => {
    expect(seriousCandidateFrom('2020-07-14')).toBe('2023-07-14');
    expect(seriousCandidateFrom('2020-02-29')).toBe('2023-02-28');
    const listing = { status: 'listed', measure: 'listing' as const, decidedOn: '2020-07-14' };
    expect(isSeriousCandidate(listing, '2023-07-13')).toBe(false);
    expect(isSeriousCandidate(listing, '2023-07-14')).toBe(true);
    expect(isSeriousCandidate({ ...listing, measure: 'marking' }, '2024-01-01')).toBe(false);
  });
});

describe('serious-violation list terms', () => {
  it('SAMR Order 44 (from 1 September 2021): 3 years, early repair after 1 year; before it 5 years', () => {
    expect(seriousTermEnds('2021-09-01')).toBe('2024-09-01');
    expect(seriousRepairFrom('2021-09-01')).toBe('2022-09-01');
    expect(seriousTermEnds('2021-08-31')).toBe('2026-08-31');
  });
});
