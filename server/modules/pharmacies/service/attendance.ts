import { type AnyColumn, and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { pharmacistNotFound } from '../pharmacies.errors.ts';
import type { AttendanceView, CheckBody, PharmacistBody, PharmacistView, RateRow } from '../pharmacies.schemas.ts';
import { phAttendance, phPharmacist } from '../pharmacies.tables.ts';
import { attendanceRate, type DutyRules, defaultDutyRules, isOpenWithoutPharmacist } from '../rules/attendance.ts';
import { pharmacyInScope } from './registrations.ts';

const column = (name: string) => sql.raw(name) as unknown as AnyColumn;
const dayMs = 86_400_000;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
/** A China-time clock reading on the day `d` (a SQL date) as an instant. */
const clockOn = (d: SQL, time: string) => sql`((${d} + ${time}::time) - interval '8 hours') at time zone 'UTC'`;

/**
 * The pharmacy-days due in [from, to] (never after yesterday): every day from a pharmacy's first registered
 * pharmacist on, with whether a pharmacist covered it (rules/attendance.ts#isDayCovered, in SQL). One row per
 * pharmacy-day, in the actor's scope: the attendance page and the figure read the same rows.
 */
export function pharmacyDays(ctx: ActorContext, from: string, to: string, rules: DutyRules = defaultDutyRules): SQL {
  const yesterday = addDays(todayInChina(ctx.clock.now()), -1);
  const last = to < yesterday ? to : yesterday;
  const tolerance = sql`(${rules.toleranceMinutes} * interval '1 minute')`;
  const day = sql.raw('d.day::date');
  return sql`select s.district_code, s.pharmacy_id, e.name, e.street_code, d.day::date as day,
      exists (select 1 from ph_attendance a where a.district_code = s.district_code and a.pharmacy_id = s.pharmacy_id and a.work_on = d.day::date
              and a.checked_in_at <= ${clockOn(day, rules.opensAt)} + ${tolerance}
              and a.checked_out_at >= ${clockOn(day, rules.closesAt)} - ${tolerance}) as covered
    from (select p.district_code, p.pharmacy_id, min(p.registered_on) as since from ph_pharmacist p
          where p.district_code in ${districtList(ctx)} and p.pharmacy_id in (
            select e2.id from entity e2 where e2.district_code = p.district_code
              and ${scopeWhere(ctx.actor, { district: column('e2.district_code'), street: column('e2.street_code'), entity: column('e2.id') })})
          group by p.district_code, p.pharmacy_id) s
    join entity e on e.district_code = s.district_code and e.id = s.pharmacy_id and e.status = 'active'
    cross join lateral generate_series(greatest(s.since, ${from}::date), ${last}::date, interval '1 day') d(day)`;
}

const districtList = (ctx: ActorContext) =>
  sql`(${sql.join(
    ctx.actor.districtCodes.map((code) => sql`${code}`),
    sql`, `,
  )})`;

const pharmacistScope = (ctx: ActorContext) =>
  sql`${phPharmacist.districtCode} in ${districtList(ctx)} and ${phPharmacist.pharmacyId} in (select e.id from entity e where e.district_code = ${phPharmacist.districtCode}
      and ${scopeWhere(ctx.actor, { district: column('e.district_code'), street: column('e.street_code'), entity: column('e.id') })})`;

/** The pharmacists of the pharmacies in the actor's scope, with today's check-in. */
export async function listPharmacists(ctx: ActorContext): Promise<{ items: PharmacistView[]; total: number }> {
  const today = todayInChina(ctx.clock.now());
  const rows = await ctx.db
    .select({
      pharmacist: phPharmacist,
      shift: phAttendance,
      pharmacyName: sql<string>`pharmacy.name`,
    })
    .from(phPharmacist)
    // A join, not a subquery in the select list: Citus runs no correlated subquery across shards.
    .innerJoin(
      sql`entity pharmacy`,
      sql`pharmacy.district_code = ${phPharmacist.districtCode} and pharmacy.id = ${phPharmacist.pharmacyId}`,
    )
    .leftJoin(
      phAttendance,
      and(
        eq(phAttendance.districtCode, phPharmacist.districtCode),
        eq(phAttendance.pharmacistId, phPharmacist.id),
        eq(phAttendance.workOn, today),
      ),
    )
    .where(and(pharmacistScope(ctx), isNull(phPharmacist.leftOn)))
    .orderBy(asc(phPharmacist.pharmacyId), asc(phPharmacist.id))
    .limit(500);
  const items = rows.map(({ pharmacist, shift, pharmacyName }) => ({
    id: pharmacist.id,
    pharmacyId: pharmacist.pharmacyId,
    pharmacyName,
    name: pharmacist.name,
    licenceNumber: pharmacist.licenceNumber,
    registeredOn: pharmacist.registeredOn,
    leftOn: pharmacist.leftOn,
    today: shift ? { checkedInAt: shift.checkedInAt.toISOString(), checkedOutAt: shift.checkedOutAt?.toISOString() ?? null } : null,
  }));
  return { items, total: items.length };
}

export async function registerPharmacist(ctx: ActorContext, body: PharmacistBody): Promise<PharmacistView> {
  const pharmacy = await pharmacyInScope(ctx, body.pharmacyId);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(phPharmacist)
      .values({
        districtCode: pharmacy.districtCode,
        pharmacyId: pharmacy.id,
        name: body.name.trim(),
        licenceNumber: body.licenceNumber,
        registeredOn: body.registeredOn ?? todayInChina(ctx.clock.now()),
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error('pharmacist not stored');
    await writeAudit({ ...ctx, db: tx }, { action: 'pharmacies.pharmacist.register', objectType: 'ph_pharmacist', objectId: row.id });
    return { ...row, pharmacyName: pharmacy.name, today: null };
  });
}

async function pharmacistInScope(ctx: ActorContext, id: number) {
  const [row] = await ctx.db
    .select()
    .from(phPharmacist)
    .where(and(pharmacistScope(ctx), eq(phPharmacist.id, id), isNull(phPharmacist.leftOn)));
  if (!row) throw pharmacistNotFound();
  return row;
}

/** Check-in on the pharmacy's phone: the time is the server's, the place the phone's (if it gave one). Once a day. */
export async function checkIn(ctx: ActorContext, body: CheckBody) {
  const pharmacist = await pharmacistInScope(ctx, body.pharmacistId);
  const pharmacy = await pharmacyInScope(ctx, pharmacist.pharmacyId);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .insert(phAttendance)
    .values({
      districtCode: pharmacist.districtCode,
      pharmacistId: pharmacist.id,
      pharmacyId: pharmacist.pharmacyId,
      streetCode: pharmacy.streetCode,
      workOn: todayInChina(now),
      checkedInAt: now,
      inLng: body.lng === undefined || body.lng === null ? null : body.lng.toFixed(6),
      inLat: body.lat === undefined || body.lat === null ? null : body.lat.toFixed(6),
    })
    .onConflictDoNothing()
    .returning();
  if (!row)
    throw invalidRequest({}, [
      { in: 'body', field: 'pharmacistId', code: 'already_checked_in', message: { 'zh-CN': '今日已签到', en: 'already checked in today' } },
    ]);
  return { checkedInAt: row.checkedInAt.toISOString(), checkedOutAt: null };
}

export async function checkOut(ctx: ActorContext, body: CheckBody) {
  const pharmacist = await pharmacistInScope(ctx, body.pharmacistId);
  const now = ctx.clock.now();
  const [row] = await ctx.db
    .update(phAttendance)
    .set({
      checkedOutAt: now,
      outLng: body.lng === undefined || body.lng === null ? null : body.lng.toFixed(6),
      outLat: body.lat === undefined || body.lat === null ? null : body.lat.toFixed(6),
    })
    .where(
      and(
        eq(phAttendance.districtCode, pharmacist.districtCode),
        eq(phAttendance.pharmacistId, pharmacist.id),
        eq(phAttendance.workOn, todayInChina(now)),
      ),
    )
    .returning();
  if (!row)
    throw invalidRequest({}, [
      { in: 'body', field: 'pharmacistId', code: 'not_checked_in', message: { 'zh-CN': '今日尚未签到', en: 'has not checked in today' } },
    ]);
  return { checkedInAt: row.checkedInAt.toISOString(), checkedOutAt: now.toISOString() };
}

const rateRow = (key: string, label: string, due: number, covered: number): RateRow => ({
  key,
  label,
  due,
  covered,
  rate: attendanceRate(covered, due),
});

/** A month's attendance rate per pharmacy, station and district (in scope), and today's pharmacies open without their pharmacist. */
export async function attendanceMonth(ctx: ActorContext, month = todayInChina(ctx.clock.now()).slice(0, 7)): Promise<AttendanceView> {
  const from = `${month}-01`;
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
  const rows = await queryRows<{
    pharmacy_id: string;
    name: string;
    street_code: string;
    station_id: string | null;
    station_name: string | null;
    due: number;
    covered: number;
  }>(
    ctx.db,
    sql`select x.pharmacy_id, x.name, x.street_code, ss.station_id, o.name as station_name, count(*)::int as due, count(*) filter (where x.covered)::int as covered
        from (${pharmacyDays(ctx, from, last)}) x
        left join station_street ss on ss.district_code = x.district_code and ss.street_code = x.street_code
        left join org_unit o on o.district_code = x.district_code and o.id = ss.station_id
        group by x.pharmacy_id, x.name, x.street_code, ss.station_id, o.name order by x.pharmacy_id`,
  );
  const stations = new Map<string, { label: string; due: number; covered: number }>();
  for (const row of rows) {
    const key = row.station_id ?? '';
    const station = stations.get(key) ?? { label: row.station_name ?? '—', due: 0, covered: 0 };
    station.due += row.due;
    station.covered += row.covered;
    stations.set(key, station);
  }
  const due = rows.reduce((sum, row) => sum + row.due, 0);
  const covered = rows.reduce((sum, row) => sum + row.covered, 0);
  const today = todayInChina(ctx.clock.now());
  const todays = await queryRows<{ pharmacy_id: string; name: string; street_name: string | null; checked_in_at: string | null }>(
    ctx.db,
    sql`select s.pharmacy_id, e.name, st.name as street_name, min(a.checked_in_at)::text as checked_in_at
        from (select distinct p.district_code, p.pharmacy_id from ph_pharmacist p where p.left_on is null and p.district_code in ${districtList(ctx)}) s
        join entity e on e.district_code = s.district_code and e.id = s.pharmacy_id and e.status = 'active'
        left join street st on st.district_code = e.district_code and st.code = e.street_code
        left join ph_attendance a on a.district_code = s.district_code and a.pharmacy_id = s.pharmacy_id and a.work_on = ${today}::date
        where ${scopeWhere(ctx.actor, { district: column('e.district_code'), street: column('e.street_code'), entity: column('e.id') })}
        group by s.pharmacy_id, e.name, st.name order by s.pharmacy_id`,
  );
  const now = ctx.clock.now();
  return {
    month,
    rules: defaultDutyRules,
    district: rateRow('district', '', due, covered),
    stations: [...stations].map(([key, station]) => rateRow(key, station.label, station.due, station.covered)),
    pharmacies: rows.map((row) => rateRow(String(row.pharmacy_id), row.name, row.due, row.covered)),
    openWithoutPharmacist: todays
      .filter((row) =>
        isOpenWithoutPharmacist(today, row.checked_in_at ? [{ checkedInAt: new Date(row.checked_in_at), checkedOutAt: null }] : [], now),
      )
      .map((row) => ({ pharmacyId: Number(row.pharmacy_id), name: row.name, streetName: row.street_name ?? '' })),
  };
}
