import { asc, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { writeAudit } from '../audit/audit.service.ts';
import type { ActorContext } from '../http/context.ts';
import { holidayCalendar } from './calendar.tables.ts';
import { missingCalendarYear } from './calendar-coverage.ts';
import { buildHolidayCalendar, type HolidayCalendar } from './working-days.ts';

export const nationalRegion = '000000';

/**
 * The holiday calendar of a region: the national days, overridden day by day by the province's own
 * rows. Read once per call; a deadline computation needs it for one request or one job run.
 */
export async function loadHolidayCalendar(db: Db, districtCode?: string): Promise<HolidayCalendar> {
  const province = districtCode ? `${districtCode.slice(0, 2)}0000` : nationalRegion;
  const rows = await db
    .select({ day: sql<string>`${holidayCalendar.day}::text`, kind: holidayCalendar.kind, regionCode: holidayCalendar.regionCode })
    .from(holidayCalendar)
    .where(sql`${holidayCalendar.regionCode} in (${nationalRegion}, ${province})`)
    .orderBy(asc(holidayCalendar.day));
  const byDay = new Map<string, { day: string; kind: 'holiday' | 'workday' }>();
  for (const row of rows) {
    if (row.regionCode === nationalRegion && byDay.has(row.day)) continue;
    byDay.set(row.day, { day: row.day, kind: row.kind });
  }
  return buildHolidayCalendar([...byDay.values()]);
}

export async function listCalendarDays(ctx: ActorContext, year: number) {
  return ctx.db
    .select({
      regionCode: holidayCalendar.regionCode,
      day: sql<string>`${holidayCalendar.day}::text`,
      kind: holidayCalendar.kind,
      name: holidayCalendar.name,
      source: holidayCalendar.source,
    })
    .from(holidayCalendar)
    .where(sql`extract(year from ${holidayCalendar.day}) = ${year}`)
    .orderBy(asc(holidayCalendar.day));
}

/** An admin adds or corrects a national day (e.g. next year's notice, or an extension like 2020's). */
export async function setCalendarDay(
  ctx: ActorContext,
  input: { day: string; kind: 'holiday' | 'workday' | 'normal'; name: string; source: string },
) {
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(holidayCalendar)
      .where(sql`${holidayCalendar.regionCode} = ${nationalRegion} and ${holidayCalendar.day} = ${input.day}`);
    if (input.kind === 'normal') {
      await tx
        .delete(holidayCalendar)
        .where(sql`${holidayCalendar.regionCode} = ${nationalRegion} and ${holidayCalendar.day} = ${input.day}`);
    } else {
      await tx
        .insert(holidayCalendar)
        .values({ regionCode: nationalRegion, day: input.day, kind: input.kind, name: input.name, source: input.source })
        .onConflictDoUpdate({
          target: [holidayCalendar.regionCode, holidayCalendar.day],
          set: { kind: input.kind, name: input.name, source: input.source },
        });
    }
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'calendar.set_day', objectType: 'calendar_day', objectId: input.day, detail: { before: before ?? null, after: input } },
    );
  });
  return listCalendarDays(ctx, Number(input.day.slice(0, 4)));
}

/** Whether the national calendar lacks a year an admin must enter now (the current one, or the next from 1 November). */
export async function calendarStatus(
  db: Db,
  today: string,
): Promise<{ today: string; missingYear: number | null; lastYear: number | null }> {
  const calendar = await loadHolidayCalendar(db);
  return {
    today,
    missingYear: missingCalendarYear(today, calendar),
    lastYear: Number.isFinite(calendar.lastYear) ? calendar.lastYear : null,
  };
}
