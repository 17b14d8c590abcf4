import { describe, expect, it } from 'vitest';
import { holidayRuns, holidaysAhead, warningState } from './holiday-warnings.ts';

// The 2021 State Council calendar's first rows (国办发明电〔2020〕27号): 元旦 1–3 January, 春节 11–17 February.
const days = [
  { day: '2021-02-12', name: '春节' },
  { day: '2021-01-01', name: '元旦' },
  { day: '2021-01-02', name: '元旦' },
  { day: '2021-01-03', name: '元旦' },
  { day: '2021-02-11', name: '春节' },
  { day: '2021-02-13', name: '春节' },
  { day: '2021-02-14', name: '春节' },
  { day: '2021-02-15', name: '春节' },
  { day: '2021-02-16', name: '春节' },
  { day: '2021-02-17', name: '春节' },
];

describe('holiday consumption warnings', () => {
  it('turns the calendar rows into holidays with their first and last day', () => {
    expect(holidayRuns(days)).toEqual([
      { name: '元旦', start: '2021-01-01', end: '2021-01-03' },
      { name: '春节', start: '2021-02-11', end: '2021-02-17' },
    ]);
    // A gap splits one name into two holidays (e.g. two separate bridge days).
    expect(
      holidayRuns([
        { day: '2021-05-01', name: '劳动节' },
        { day: '2021-05-03', name: '劳动节' },
      ]),
    ).toHaveLength(2);
  });

  it('shows the holidays from today to 45 days ahead, and those still running', () => {
    const runs = holidayRuns(days);
    expect(holidaysAhead(runs, '2020-12-20').map((run) => run.name)).toEqual(['元旦']);
    expect(holidaysAhead(runs, '2021-01-02').map((run) => run.name)).toEqual(['元旦', '春节']);
    expect(holidaysAhead(runs, '2021-01-04').map((run) => run.name)).toEqual(['春节']);
    expect(holidaysAhead(runs, '2020-11-16')).toEqual([]); // 元旦 is 46 days away
    expect(holidaysAhead(runs, '2020-11-17').map((run) => run.name)).toEqual(['元旦']); // 45 days
  });

  it('is due when the holiday starts within 7 days and nothing is written; a draft or a publication answers it', () => {
    expect(warningState('2021-02-11', [], '2021-02-04')).toBe('due');
    expect(warningState('2021-02-11', [], '2021-02-03')).toBe('upcoming');
    expect(warningState('2021-02-11', [], '2021-02-12')).toBe('due');
    expect(warningState('2021-02-11', [{ status: 'draft' }], '2021-02-10')).toBe('drafted');
    expect(warningState('2021-02-11', [{ status: 'draft' }, { status: 'published' }], '2021-02-10')).toBe('published');
  });
});
