import { type AnyColumn, and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityPublicProfiles } from '../../registry/index.ts';
import { pharmacistNotFound } from '../pharmacies.errors.ts';
import type { AttendanceView, CheckBody, PharmacistBody, PharmacistView, RateRow } from '../pharmacies.schemas.ts';
import { phAttendance, phPharmacist } from '../pharmacies.tables.ts';
import { attendanceRate, isOpenWithoutPharmacist } from '../rules/attendance.ts';
import { checkInPlace } from '../rules/check-in-place.ts';
import { defaultPharmacySettings } from '../rules/pharmacy-settings.ts';
import { pharmacyInScope } from './registrations.ts';
import { pharmacySettingsOn } from './settings.ts';

const column = (name: string) => sql.raw(name) as unknown as AnyColumn;
/** A China-time clock reading (a SQL time) on the day `d` (a SQL date) as an instant. */
const clockOn = (d: SQL, time: SQL) => sql`((${d} + ${time}) - interval '8 hours') at time zone 'UTC'`;

/**
 * The bureau's settings as periods (from, until): each day joins the one setting in force on it, without LATERAL …
 * LIMIT 1 (which Citus does not run across shards). A day before any setting takes the defaults.
 */
const settingPeriods = sql`(select st.district_code, st.settings, st.effective_from,
    lead(st.effective_from) over (partition by st.district_code order by st.effective_from, st.id) as until from ph_setting st)`;
const setting = (key: string, fallback: string | number) => sql`coalesce(cfg.settings->>${key}, ${String(fallback)})`;

/**
 * The pharmacy-days due in [from, to] (never after yesterday): every day from a pharmacy's first registered
 * pharmacist on, with whether a pharmacist covered it (rules/attendance.ts#isDayCovered, in SQL, with the hours and
 * tolerance of the bureau's setting in force that day). One row per pharmacy-day, in the actor's scope: the attendance
 * page and the figure read the same rows.
 */
export function pharmacyDays(ctx: ActorContext, from: string, to: string): SQL {
  const yesterday = addDays(todayInChina(ctx.clock.now()), -1);
  const last = to < yesterday ? to : yesterday;
  const defaults = defaultPharmacySettings;
  const tolerance = sql`(${setting('toleranceMinutes', defaults.toleranceMinutes)}::int * interval '1 minute')`;
  const workOn = sql.raw('a.work_on');
  // The covered days first, from the period's check-ins (one pass, hashed), then joined to the days due: an EXISTS per
  // pharmacy-day was an index lookup each, 60,000 a year for the demo district.
  return sql`select s.district_code, s.pharmacy_id, e.name, e.street_code, d.day::date as day, c.pharmacy_id is not null as covered
    from (select p.district_code, p.pharmacy_id, min(p.registered_on) as since from ph_pharmacist p
          where p.district_code in ${districtList(ctx)}
          group by p.district_code, p.pharmacy_id) s
    join entity e on e.district_code = s.district_code and e.id = s.pharmacy_id and e.status = 'active'
      and ${scopeWhere(ctx.actor, { district: column('e.district_code'), street: column('e.street_code'), entity: column('e.id') })}
    cross join lateral generate_series(greatest(s.since, ${from}::date), ${last}::date, interval '1 day') d(day)
    left join (select distinct a.district_code, a.pharmacy_id, a.work_on from ph_attendance a
          left join ${settingPeriods} cfg on cfg.district_code = a.district_code and cfg.effective_from <= a.work_on
            and (cfg.until is null or a.work_on < cfg.until)
          where a.district_code in ${districtList(ctx)} and a.work_on between ${from}::date and ${last}::date
            and a.checked_in_at <= ${clockOn(workOn, sql`${setting('opensAt', defaults.opensAt)}::time`)} + ${tolerance}
            and a.checked_out_at >= ${clockOn(workOn, sql`${setting('closesAt', defaults.closesAt)}::time`)} - ${tolerance}) c
      on c.district_code = s.district_code and c.pharmacy_id = s.pharmacy_id and c.work_on = d.day::date`;
}

const districtList = (ctx: ActorContext) =>
  sql`(${sql.join(
    ctx.actor.districtCodes.map((code) => sql`${code}`),
    sql`, `,
  )})`;

const pharmacistScope = (ctx: ActorContext) =>
  sql`${phPharmacist.districtCode} in ${districtList(ctx)} and exists (select 1 from entity e where e.district_code = ${phPharmacist.districtCode}
      and e.id = ${phPharmacist.pharmacyId} and ${scopeWhere(ctx.actor, { district: column('e.district_code'), street: column('e.street_code'), entity: column('e.id') })})`;

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
  const { checkInRadiusMetres } = await pharmacySettingsOn(ctx, pharmacist.districtCode, todayInChina(now));
  const [profile] = await entityPublicProfiles(ctx, pharmacist.districtCode, { entityIds: [pharmacist.pharmacyId] });
  const place = checkInPlace(
    body.lng == null || body.lat == null ? null : { lng: body.lng, lat: body.lat },
    { lng: profile?.lng ?? null, lat: profile?.lat ?? null },
    checkInRadiusMetres,
  );
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
      inDistanceM: place.distanceMetres,
    })
    .onConflictDoNothing()
    .returning();
  if (!row)
    throw invalidRequest({}, [
      { in: 'body', field: 'pharmacistId', code: 'already_checked_in', message: { 'zh-CN': '今日已签到', en: 'already checked in today' } },
    ]);
  return { checkedInAt: row.checkedInAt.toISOString(), checkedOutAt: null, distanceMetres: place.distanceMetres, isAway: place.isAway };
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
  const { checkInRadiusMetres } = await pharmacySettingsOn(ctx, pharmacist.districtCode, row.workOn);
  return {
    checkedInAt: row.checkedInAt.toISOString(),
    checkedOutAt: now.toISOString(),
    distanceMetres: row.inDistanceM,
    isAway: row.inDistanceM !== null && row.inDistanceM > checkInRadiusMetres,
  };
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
  const settings = await pharmacySettingsOn(ctx, ctx.actor.districtCode, today);
  const rules = { opensAt: settings.opensAt, closesAt: settings.closesAt, toleranceMinutes: settings.toleranceMinutes };
  // Check-ins away from the pharmacy (farther than the radius in force that day): shown, for the station to ask why.
  const away = await queryRows<{
    pharmacy_id: string;
    name: string;
    pharmacist: string;
    work_on: string;
    checked_in_at: Date | string;
    distance: number;
  }>(
    ctx.db,
    sql`select a.pharmacy_id, e.name, p.name as pharmacist, to_char(a.work_on, 'YYYY-MM-DD') as work_on, a.checked_in_at, a.in_distance_m as distance
        from ph_attendance a
        join ph_pharmacist p on p.district_code = a.district_code and p.id = a.pharmacist_id
        join entity e on e.district_code = a.district_code and e.id = a.pharmacy_id
        left join ${settingPeriods} cfg on cfg.district_code = a.district_code and cfg.effective_from <= a.work_on
          and (cfg.until is null or a.work_on < cfg.until)
        where a.district_code in ${districtList(ctx)} and a.work_on between ${from}::date and ${last}::date
          and a.in_distance_m > ${setting('checkInRadiusMetres', defaultPharmacySettings.checkInRadiusMetres)}::int
          and ${scopeWhere(ctx.actor, { district: column('e.district_code'), street: column('e.street_code'), entity: column('e.id') })}
        order by a.work_on desc, a.pharmacy_id limit 200`,
  );
  return {
    month,
    rules,
    awayCheckIns: away.map((row) => ({
      pharmacyId: Number(row.pharmacy_id),
      name: row.name,
      pharmacistName: row.pharmacist,
      day: row.work_on,
      checkedInAt: new Date(row.checked_in_at).toISOString(),
      distanceMetres: Number(row.distance),
    })),
    district: rateRow('district', '', due, covered),
    stations: [...stations].map(([key, station]) => rateRow(key, station.label, station.due, station.covered)),
    pharmacies: rows.map((row) => rateRow(String(row.pharmacy_id), row.name, row.due, row.covered)),
    openWithoutPharmacist: todays
      .filter((row) =>
        isOpenWithoutPharmacist(
          today,
          row.checked_in_at ? [{ checkedInAt: new Date(row.checked_in_at), checkedOutAt: null }] : [],
          now,
          rules,
        ),
      )
      .map((row) => ({ pharmacyId: Number(row.pharmacy_id), name: row.name, streetName: row.street_name ?? '' })),
  };
}
