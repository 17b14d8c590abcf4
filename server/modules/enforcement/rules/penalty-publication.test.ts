import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildHolidayCalendar } from '../../../platform/calendar/working-days.ts';
import { publicationDue, requiresPublication } from './penalty-publication.ts';

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
});
