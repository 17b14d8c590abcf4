import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../../../platform/calendar/working-days.ts';
import {
  automaticListingWindow,
  isAutomaticListingDay,
  isSeriousCandidate,
  legalBasisOf,
  measureFor,
  removalBlocker,
  seriousCandidateFrom,
} from './abnormal-listing.ts';
import { caseListingBlocker, isTermEnded, seriousRepairFrom, seriousTermEnds } from './serious-violation.ts';

const noHolidays = buildHolidayCalendar([]);

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

describe('the automatic listing of non-filers (第六条: within 10 working days after the filing window closes)', () => {
  it('the 2024 reports (deadline Monday 30 June 2025): listed from Tuesday 1 July to Monday 14 July 2025', () => {
    expect(automaticListingWindow('2025-06-30', noHolidays)).toEqual({ from: '2025-07-01', until: '2025-07-14' });
    expect(isAutomaticListingDay('2025-06-30', '2025-06-30', noHolidays)).toBe(false);
    expect(isAutomaticListingDay('2025-06-30', '2025-07-01', noHolidays)).toBe(true);
    expect(isAutomaticListingDay('2025-06-30', '2025-07-14', noHolidays)).toBe(true);
    expect(isAutomaticListingDay('2025-06-30', '2025-07-15', noHolidays)).toBe(false);
  });

  it('a deadline on a Sunday and a holiday on 1 July move the window: 2 to 15 July 2024', () => {
    const calendar = buildHolidayCalendar([{ day: '2024-07-01', kind: 'holiday' }]);
    expect(automaticListingWindow('2024-06-30', noHolidays)).toEqual({ from: '2024-07-01', until: '2024-07-12' });
    expect(automaticListingWindow('2024-06-30', calendar)).toEqual({ from: '2024-07-02', until: '2024-07-15' });
  });

  it('the window always starts after the deadline and holds exactly 10 working days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2014, max: 2040 }), (year) => {
        const deadline = `${year}-06-30`;
        const window = automaticListingWindow(deadline, noHolidays);
        let days = 0;
        for (
          let day = new Date(`${window.from}T00:00:00Z`);
          day.toISOString().slice(0, 10) <= window.until;
          day.setUTCDate(day.getUTCDate() + 1)
        )
          if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days += 1;
        return window.from > deadline && days === 10;
      }),
    );
  });
});

describe('serious-violation list: term end and the route from a case (SAMR Order 44)', () => {
  it('a listing leaves the list on its term-end day, not the day before', () => {
    expect(isTermEnded({ status: 'listed', termEndsOn: '2024-09-01' }, '2024-08-31')).toBe(false);
    expect(isTermEnded({ status: 'listed', termEndsOn: '2024-09-01' }, '2024-09-01')).toBe(true);
    expect(isTermEnded({ status: 'removed', termEndsOn: '2024-09-01' }, '2025-01-01')).toBe(false);
  });

  it('29 February listings end on 28 February of a common year', () => {
    expect(seriousTermEnds('2024-02-29')).toBe('2027-02-28');
    expect(seriousRepairFrom('2024-02-29')).toBe('2025-02-28');
    expect(seriousTermEnds('2020-02-29')).toBe('2025-02-28');
  });

  it('only a decided case with a registered party grounds a listing, on or after its decision', () => {
    const decided = { stage: 'decided', decidedOn: '2025-03-10', entityId: 7, decisionNumber: '甬市监罚〔2025〕3号' };
    expect(caseListingBlocker(decided, '2025-03-10')).toBeNull();
    expect(caseListingBlocker({ ...decided, stage: 'closed' }, '2025-04-01')).toBeNull();
    expect(caseListingBlocker(decided, '2025-03-09')).toBe('before_decision');
    expect(caseListingBlocker({ ...decided, stage: 'investigating', decidedOn: null }, '2025-04-01')).toBe('not_decided');
    expect(caseListingBlocker({ ...decided, stage: 'not_filed' }, '2025-04-01')).toBe('not_decided');
    expect(caseListingBlocker({ ...decided, entityId: null }, '2025-04-01')).toBe('no_entity');
  });
});
