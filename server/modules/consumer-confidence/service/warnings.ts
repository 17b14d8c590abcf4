import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { listCalendarDays } from '../../../platform/calendar/calendar.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { unitInvalid, warningAlreadyPublished, warningNotFound } from '../consumer-confidence.errors.ts';
import type { HolidayView, WarningBody, WarningView } from '../consumer-confidence.schemas.ts';
import { ccWarning } from '../consumer-confidence.tables.ts';
import { holidayRuns, holidaysAhead, lookAheadDays, warningState } from '../rules/holiday-warnings.ts';

type Row = typeof ccWarning.$inferSelect;
const view = (row: Row): WarningView => ({
  id: row.id,
  holidayName: row.holidayName,
  holidayStart: row.holidayStart,
  title: row.title,
  body: row.body,
  status: row.status as WarningView['status'],
  publishedOn: row.publishedOn,
});

/** Warnings are the district's: the whole district reads them (they are public once published), the section writes. */
const inDistrict = (ctx: ActorContext) => eq(ccWarning.districtCode, ctx.actor.districtCode);

export async function listWarnings(ctx: ActorContext): Promise<WarningView[]> {
  const rows = await ctx.db
    .select()
    .from(ccWarning)
    .where(inDistrict(ctx))
    .orderBy(desc(ccWarning.holidayStart), desc(ccWarning.id))
    .limit(200);
  return rows.map(view);
}

/** The holidays from today to 45 days ahead (the State Council calendar, and any festival a warning was written for) with their warning's state. */
export async function holidaysToWarn(ctx: ActorContext): Promise<HolidayView[]> {
  const today = todayInChina(ctx.clock.now());
  const horizon = addDays(today, lookAheadDays);
  const years = [...new Set([today.slice(0, 4), horizon.slice(0, 4)].map(Number))];
  const days = (await Promise.all(years.map((year) => listCalendarDays(ctx, year)))).flat().filter((day) => day.kind === 'holiday');
  const warnings = await ctx.db
    .select()
    .from(ccWarning)
    .where(and(inDistrict(ctx), gte(ccWarning.holidayStart, addDays(today, -lookAheadDays))));
  const runs = holidaysAhead(holidayRuns(days), today);
  for (const warning of warnings)
    if (warning.holidayStart >= today && warning.holidayStart <= horizon && !runs.some((run) => run.start === warning.holidayStart))
      runs.push({ name: warning.holidayName, start: warning.holidayStart, end: warning.holidayStart });
  return runs
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((run) => {
      const ofHoliday = warnings.filter((warning) => warning.holidayStart === run.start);
      return { ...run, state: warningState(run.start, ofHoliday, today), warningIds: ofHoliday.map((warning) => warning.id) };
    });
}

/** A warning is written for a holiday still to come. */
export async function createWarning(ctx: ActorContext, body: WarningBody): Promise<WarningView> {
  const today = todayInChina(ctx.clock.now());
  if (body.holidayStart < today)
    throw unitInvalid({}, [
      {
        in: 'body',
        field: 'holidayStart',
        code: 'in_the_past',
        message: { 'zh-CN': '节日已开始或已过，请选择今天或以后的日期', en: 'the holiday has begun or passed: pick today or a later day' },
      },
    ]);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ccWarning)
      .values({ districtCode: ctx.actor.districtCode, ...body, status: 'draft', createdBy: ctx.actor.userId })
      .returning();
    if (!row) throw new Error('warning not stored');
    await writeAudit({ ...ctx, db: tx }, { action: 'consumer_confidence.warning_create', objectType: 'cc_warning', objectId: row.id });
    return view(row);
  });
}

async function warningRow(ctx: ActorContext, id: number) {
  const [row] = await ctx.db
    .select()
    .from(ccWarning)
    .where(and(inDistrict(ctx), eq(ccWarning.id, id)));
  if (!row) throw warningNotFound();
  return row;
}

export async function getWarning(ctx: ActorContext, id: number): Promise<WarningView> {
  return view(await warningRow(ctx, id));
}

/** A draft is corrected until it is published; a published warning stays as the public read it. */
export async function updateWarning(ctx: ActorContext, id: number, body: WarningBody): Promise<WarningView> {
  const row = await warningRow(ctx, id);
  if (row.status !== 'draft') throw warningAlreadyPublished();
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(ccWarning)
      .set(body)
      .where(and(inDistrict(ctx), eq(ccWarning.id, id), eq(ccWarning.status, 'draft')))
      .returning();
    if (!updated) throw warningAlreadyPublished();
    await writeAudit({ ...ctx, db: tx }, { action: 'consumer_confidence.warning_update', objectType: 'cc_warning', objectId: id });
    return view(updated);
  });
}

export async function publishWarning(ctx: ActorContext, id: number): Promise<WarningView> {
  const row = await warningRow(ctx, id);
  if (row.status !== 'draft') throw warningAlreadyPublished();
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(ccWarning)
      .set({ status: 'published', publishedOn: todayInChina(ctx.clock.now()) })
      .where(and(inDistrict(ctx), eq(ccWarning.id, id), eq(ccWarning.status, 'draft')))
      .returning();
    if (!updated) throw warningAlreadyPublished();
    await writeAudit({ ...ctx, db: tx }, { action: 'consumer_confidence.warning_publish', objectType: 'cc_warning', objectId: id });
    return view(updated);
  });
}

/** The published warnings the public page shows: those of holidays not yet a week past, latest holiday first. */
export async function publicWarnings(ctx: ServiceContext, districtCode: string) {
  const today = todayInChina(ctx.clock.now());
  return ctx.db
    .select({ holidayName: ccWarning.holidayName, title: ccWarning.title, body: ccWarning.body, publishedOn: ccWarning.publishedOn })
    .from(ccWarning)
    .where(
      and(
        eq(ccWarning.districtCode, districtCode),
        eq(ccWarning.status, 'published'),
        sql`${ccWarning.holidayStart} >= ${addDays(today, -7)}::date`,
      ),
    )
    .orderBy(asc(ccWarning.holidayStart), asc(ccWarning.id))
    .limit(10);
}
