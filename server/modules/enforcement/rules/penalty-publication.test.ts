import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../../../platform/calendar/working-days.ts';
import { publicationDue, publicationEnds, requiresPublication } from './penalty-publication.ts';

const migration = readFileSync(new URL('../../../../migrations/0003_holiday_calendar.sql', import.meta.url), 'utf8');
const calendar = buildHolidayCalendar(
  [...migration.matchAll(/\('(\d{4}-\d{2}-\d{2})', '(holiday|workday)'/g)].map((match) => ({
    day: match[1] as string,
    kind: match[2] as 'holiday' | 'workday',
  })),
);

describe('publication of penalties (Order 45)', () => {
  it('does not publish a warning alone, publishes anything else', () => {
    expect(requiresPublication(['warning'])).toBe(false);
    expect(requiresPublication([])).toBe(false);
    expect(requiresPublication(['warning', 'fine'])).toBe(true);
    expect(requiresPublication(['confiscation_income'])).toBe(true);
  });

  it('publishes within 20 working days of the decision: decided 2019-09-20 → 2019-10-23 over National Day', () => {
    expect(publicationDue('2019-09-20', ['fine'], calendar)).toBe('2019-10-23');
    expect(publicationDue('2019-09-20', ['warning'], calendar)).toBeNull();
  });

  it('keeps a publication 3 years, or 3 months for a low fine when the province sets the threshold', () => {
    const fine = [{ kind: 'fine' as const, amountFen: 300_000n }];
    expect(publicationEnds('2020-05-10', fine, null)).toBe('2023-05-09');
    expect(publicationEnds('2020-05-10', fine, 500_000n)).toBe('2020-08-09');
    expect(publicationEnds('2020-05-10', [{ kind: 'confiscation_income' as const, amountFen: 1n }], 500_000n)).toBe('2023-05-09');
  });
});
