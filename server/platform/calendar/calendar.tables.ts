import { char, date, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** Reference table: national holidays and make-up working days (region 000000), provinces may add their own. */
export const holidayCalendar = pgTable(
  'holiday_calendar',
  {
    regionCode: char('region_code', { length: 6 }).notNull().default('000000'),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
    name: text('name').notNull(),
    source: text('source').notNull(),
  },
  (table) => [primaryKey({ columns: [table.regionCode, table.day] })],
);
