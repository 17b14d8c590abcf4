import { type AnyColumn, and, desc, eq, sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { inTurn } from '../../../db/in-turn.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { alarmNotFound, alarmStepNotAllowed } from '../pharmacies.errors.ts';
import type { AlarmActionBody, AlarmList, AlarmQuery, AlarmView } from '../pharmacies.schemas.ts';
import { phAlarm } from '../pharmacies.tables.ts';
import { type AlarmAction, type AlarmStatus, firingDetectors, isNoteRequired, nextAlarmStatus } from '../rules/alarm-workflow.ts';
import { earsC1, earsC2, earsC3 } from '../rules/ears.ts';
import { dailySeries } from './daily-counts.ts';

/** EARS needs B + 4 = 11 days before the day for C3; 40 keeps the chart's window and the alarms' the same. */
const windowDays = 40;
const minSigma = 0.5;
const rounded = (value: number | null | undefined) => (value === null || value === undefined ? null : value.toFixed(4));

/**
 * Runs C1, C2 and C3 on the symptomatic people per day of the district and of each street, and raises an alarm for
 * each day of [from, to] where a detector fires (rules/alarm-workflow.ts#firingDetectors). An open alarm of the same
 * area and day is updated with the new numbers; a closed one is left closed. Each new alarm is in the district's audit
 * chain (by "system"). Returns how many alarms are new. A day's statistics read only the 11 days before it, so one
 * long series gives every day of the range the values a day-by-day run would.
 */
export async function evaluateAlarmsOver(ctx: ServiceContext, districtCode: string, from: string, to: string): Promise<number> {
  const scope = sql`r.district_code = ${districtCode}`;
  const start = addDays(from, -windowDays);
  const district = await dailySeries(ctx, scope, start, to, { symptomaticOnly: true });
  const areas: { areaCode: string; streetCode: string | null; counts: number[] }[] = [
    { areaCode: districtCode, streetCode: null, counts: district.symptomatic },
    ...[...(await dailySeries(ctx, scope, start, to, { byStreet: true, symptomaticOnly: true }))].map(([streetCode, series]) => ({
      areaCode: streetCode,
      streetCode,
      counts: series.symptomatic,
    })),
  ];
  let raised = 0;
  const system = { ...ctx, actor: undefined };
  for (const area of areas) {
    const c1 = earsC1(area.counts, { minSigma });
    const c2 = earsC2(area.counts, { minSigma });
    const c3 = earsC3(area.counts, { minSigma });
    for (let index = windowDays; index < area.counts.length; index++) {
      const day = district.days[index] as string;
      const statistics = { c1: c1[index] ?? null, c2: c2[index] ?? null, c3: c3[index] ?? null };
      const detectors = firingDetectors(statistics);
      if (detectors.length === 0) continue;
      const observed = area.counts[index] ?? 0;
      await ctx.db.transaction(async (tx) => {
        const [row] = await queryRows<{ id: string; is_new: boolean }>(
          tx,
          sql`insert into ph_alarm (district_code, area_code, street_code, signal_on, detectors, observed, c1, c2, c3, status, raised_at)
              values (${districtCode}, ${area.areaCode}, ${area.streetCode}, ${day}::date, ${sql.param(detectors)}::text[], ${observed},
                ${rounded(statistics.c1)}, ${rounded(statistics.c2)}, ${rounded(statistics.c3)}, 'raised', ${ctx.clock.now()})
              on conflict (district_code, area_code, signal_on) do update set detectors = excluded.detectors, observed = excluded.observed,
                c1 = excluded.c1, c2 = excluded.c2, c3 = excluded.c3
              where ph_alarm.status <> 'closed'
              returning id, (xmax = 0) as is_new`,
        );
        if (row?.is_new) {
          raised += 1;
          await writeAudit(
            { ...system, db: tx },
            {
              action: 'pharmacies.alarm_raise',
              objectType: 'ph_alarm',
              objectId: Number(row.id),
              districtCode,
              detail: { area: area.areaCode, day, detectors, observed },
            },
          );
        }
      });
    }
  }
  return raised;
}

/** One day's evaluation (after registrations, and the hourly sweep). */
export const evaluateAlarms = (ctx: ServiceContext, districtCode: string, day: string) => evaluateAlarmsOver(ctx, districtCode, day, day);

/** The hourly sweep: today and yesterday in every district (a registration late in the evening, a late POS batch). */
export async function raiseAlarmsAllDistricts(ctx: ServiceContext): Promise<Record<string, number>> {
  const districts = await queryRows<{ code: string }>(ctx.db, sql`select code from district order by code`);
  const today = todayInChina(ctx.clock.now());
  let raised = 0;
  for (const { code } of districts) for (const day of [addDays(today, -1), today]) raised += await evaluateAlarms(ctx, code, day);
  return { districts: districts.length, raised };
}

/** After registrations are stored: their days are evaluated at once; a failure here is left to the hourly sweep. */
export async function evaluateAfterRegistration(ctx: ServiceContext, districtCode: string, days: readonly string[]): Promise<void> {
  try {
    for (const day of [...new Set(days)].sort().slice(-7)) await evaluateAlarms(ctx, districtCode, day);
  } catch (error) {
    ctx.log.error({ err: error, districtCode }, 'pharmacy alarm evaluation failed; the hourly sweep will retry');
  }
}

type AlarmRow = typeof phAlarm.$inferSelect;
const column = (name: string) => sql.raw(name) as unknown as AnyColumn;
const alarmScope = (ctx: ActorContext) => scopeWhere(ctx.actor, { district: phAlarm.districtCode, street: phAlarm.streetCode });

function alarmView(row: AlarmRow, areaName: string): AlarmView {
  const number = (value: string | null) => (value === null ? null : Number(value));
  return {
    id: row.id,
    areaCode: row.areaCode,
    streetCode: row.streetCode,
    areaName,
    signalOn: row.signalOn,
    detectors: row.detectors as AlarmView['detectors'],
    observed: row.observed,
    c1: number(row.c1),
    c2: number(row.c2),
    c3: number(row.c3),
    status: row.status as AlarmStatus,
    raisedAt: row.raisedAt.toISOString(),
    seenAt: row.seenAt?.toISOString() ?? null,
    investigatedAt: row.investigatedAt?.toISOString() ?? null,
    investigationNote: row.investigationNote,
    closedAt: row.closedAt?.toISOString() ?? null,
    closingNote: row.closingNote,
  };
}

async function areaNames(ctx: ActorContext, rows: AlarmRow[]): Promise<Map<string, string>> {
  const streets = [...new Set(rows.map((row) => row.streetCode).filter((code): code is string => code !== null))];
  const names = new Map<string, string>();
  if (streets.length)
    for (const row of await queryRows<{ code: string; name: string }>(
      ctx.db,
      sql`select s.code, s.name from street s where ${scopeWhere(ctx.actor, { district: column('s.district_code') })}
          and s.code in (${sql.join(
            streets.map((code) => sql`${code}`),
            sql`, `,
          )})`,
    ))
      names.set(row.code, row.name);
  return names;
}
const nameOf = (names: Map<string, string>, row: AlarmRow, language: string) =>
  row.streetCode ? (names.get(row.streetCode) ?? row.streetCode) : language === 'en' ? 'Whole district' : '全区';

/** The alarms in the actor's scope (an inspector: their streets'), open ones first, newest first. */
export async function listAlarms(ctx: ActorContext, query: AlarmQuery): Promise<AlarmList> {
  const where = and(
    alarmScope(ctx),
    query.status === 'open' ? sql`${phAlarm.status} <> 'closed'` : query.status ? eq(phAlarm.status, query.status) : undefined,
    query.streetCode ? eq(phAlarm.streetCode, query.streetCode) : undefined,
  );
  const [rows, [counted]] = await inTurn(
    () =>
      ctx.db
        .select()
        .from(phAlarm)
        .where(where)
        .orderBy(sql`(${phAlarm.status} = 'closed')`, desc(phAlarm.signalOn), desc(phAlarm.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
    () => ctx.db.select({ total: sql<number>`count(*)::int` }).from(phAlarm).where(where),
  );
  const names = await areaNames(ctx, rows);
  return { items: rows.map((row) => alarmView(row, nameOf(names, row, ctx.meta.language))), total: counted?.total ?? 0 };
}

async function alarmInScope(ctx: ActorContext, id: number): Promise<AlarmRow> {
  const [row] = await ctx.db
    .select()
    .from(phAlarm)
    .where(and(alarmScope(ctx), eq(phAlarm.id, id)));
  if (!row) throw alarmNotFound();
  return row;
}

export async function getAlarm(ctx: ActorContext, id: number): Promise<AlarmView> {
  const row = await alarmInScope(ctx, id);
  return alarmView(row, nameOf(await areaNames(ctx, [row]), row, ctx.meta.language));
}

/** One step of the workflow, with its note, audited in the same transaction; a step not allowed is a 409. */
export async function actOnAlarm(ctx: ActorContext, id: number, action: AlarmAction, body: AlarmActionBody): Promise<AlarmView> {
  const note = body.note?.trim() ?? '';
  if (isNoteRequired(action) && note.length < 2)
    throw invalidRequest({}, [
      { in: 'body', field: 'note', code: 'required', message: { 'zh-CN': '请填写处理说明', en: 'a note is required' } },
    ]);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(phAlarm)
      .where(and(alarmScope(ctx), eq(phAlarm.id, id)))
      .for('update');
    if (!current) throw alarmNotFound();
    const next = nextAlarmStatus(current.status as AlarmStatus, action);
    if (!next) throw alarmStepNotAllowed({ status: current.status, action });
    const changes =
      action === 'see'
        ? { status: next, seenAt: now, seenBy: ctx.actor.userId }
        : action === 'investigate'
          ? { status: next, seenAt: current.seenAt ?? now, investigatedAt: now, investigatedBy: ctx.actor.userId, investigationNote: note }
          : { status: next, seenAt: current.seenAt ?? now, closedAt: now, closedBy: ctx.actor.userId, closingNote: note };
    const [updated] = await tx
      .update(phAlarm)
      .set(changes)
      .where(and(eq(phAlarm.districtCode, current.districtCode), eq(phAlarm.id, id)))
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: `pharmacies.alarm_${action}`,
        objectType: 'ph_alarm',
        objectId: id,
        districtCode: current.districtCode,
        detail: { from: current.status, to: next, ...(note ? { note } : {}) },
      },
    );
    return updated as AlarmRow;
  });
  return alarmView(row, nameOf(await areaNames(ctx, [row]), row, ctx.meta.language));
}
