import { describe, expect, it } from 'vitest';
import {
  annualReportRulesFor,
  filingDeadline,
  filingRate,
  filingState,
  isReminderDay,
  mustFile,
  reportYearFiledIn,
} from './annual-report-rules.ts';

describe('annual report rules (《企业信息公示暂行条例》第八条)', () => {
  it('the 2019 report is due by 30 June 2020 under the 2014 rules', () => {
    expect(filingDeadline(2019)).toBe('2020-06-30');
    expect(annualReportRulesFor(2019).id).toBe('state-council-654-2014');
    expect(annualReportRulesFor(2012).id).toBe('state-council-654-2014');
  });

  it('an entity registered during 2020 files from its 2020 report on; one closed before the window opens does not file', () => {
    const active = { status: 'active', endedOn: null };
    expect(mustFile({ ...active, foundedOn: '2020-12-31' }, 2020)).toBe(true);
    expect(mustFile({ ...active, foundedOn: '2021-01-01' }, 2020)).toBe(false);
    expect(mustFile({ foundedOn: '2015-01-01', status: 'cancelled', endedOn: '2020-12-31' }, 2020)).toBe(false);
    expect(mustFile({ foundedOn: '2015-01-01', status: 'cancelled', endedOn: '2021-03-01' }, 2020)).toBe(true);
  });

  it('a report is on time up to and including the deadline, late after it, overdue from the day after while missing', () => {
    expect(filingState({ filedOn: '2020-06-30', deadline: '2020-06-30' }, '2020-08-01')).toBe('filed_on_time');
    expect(filingState({ filedOn: '2020-07-01', deadline: '2020-06-30' }, '2020-08-01')).toBe('filed_late');
    expect(filingState({ filedOn: null, deadline: '2020-06-30' }, '2020-06-30')).toBe('not_yet_due');
    expect(filingState({ filedOn: null, deadline: '2020-06-30' }, '2020-07-01')).toBe('overdue');
  });

  it('reminders on 1 and 20 June of the filing year; the window of 2026 files the 2025 reports', () => {
    expect(isReminderDay(2025, '2026-06-01')).toBe(true);
    expect(isReminderDay(2025, '2026-06-20')).toBe(true);
    expect(isReminderDay(2025, '2026-06-02')).toBe(false);
    expect(reportYearFiledIn('2026-03-02')).toBe(2025);
  });

  it('the filing rate has one decimal and is null when no one had to file', () => {
    expect(filingRate(1, 3)).toBe(33.3);
    expect(filingRate(2, 3)).toBe(66.7);
    expect(filingRate(0, 0)).toBeNull();
  });
});
