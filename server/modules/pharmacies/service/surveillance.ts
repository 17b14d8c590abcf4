import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import type { CountRow, StatusView, SurveillanceView } from '../pharmacies.schemas.ts';
import { isPastCutOff } from '../rules/daily-report.ts';
import { earsAlarms } from '../rules/ears.ts';
import { feverThreshold, medicineClasses, symptoms } from '../rules/registration-check.ts';
import { dailySeries } from './daily-counts.ts';
import { pharmacySettingsOn } from './settings.ts';

const column = (name: string) => sql.raw(name) as unknown as AnyColumn;
const pharmacyScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: column('e.district_code'), street: column('e.street_code'), entity: column('e.id') });
const registrationScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: column('r.district_code'), street: column('r.street_code'), entity: column('r.pharmacy_id') });
const symptomatic = sql.raw(`(cardinality(r.symptoms) > 0 or r.temperature >= ${feverThreshold})`);
const followUp = sql.raw(`(r.has_contact_history or r.temperature >= ${feverThreshold})`);

const rowsOf = <T>(ctx: ActorContext, query: SQL) => queryRows<T>(ctx.db, query);

/** The day's reporting status of every active pharmacy in the actor's scope (a station sees its own streets'). */
export async function pharmacyStatus(ctx: ActorContext, day = todayInChina(ctx.clock.now())): Promise<StatusView> {
  const rows = await rowsOf<{
    id: string;
    name: string;
    address: string;
    street_code: string;
    street_name: string | null;
    is_nil: boolean | null;
    reported_at: Date | string | null;
    registrations: number;
  }>(
    ctx,
    sql`select e.id, e.name, e.address, e.street_code, s.name as street_name, d.is_nil, d.reported_at,
          (select count(*)::int from ph_registration r where r.district_code = e.district_code and r.pharmacy_id = e.id and r.registered_on = ${day}::date) as registrations
        from entity e
        left join street s on s.district_code = e.district_code and s.code = e.street_code
        left join ph_daily_report d on d.district_code = e.district_code and d.pharmacy_id = e.id and d.report_on = ${day}::date
        where e.business_category = 'pharmacy' and e.status = 'active' and ${pharmacyScope(ctx)}
        order by (d.pharmacy_id is not null), e.street_code, e.id`,
  );
  const items = rows.map((row) => ({
    pharmacyId: Number(row.id),
    name: row.name,
    address: row.address,
    streetCode: row.street_code,
    streetName: row.street_name ?? row.street_code,
    hasReported: row.is_nil !== null,
    isNil: row.is_nil === true,
    reportedAt: row.reported_at === null ? null : new Date(row.reported_at).toISOString(),
    registrations: Number(row.registrations),
  }));
  const { reportCutOff } = await pharmacySettingsOn(ctx, ctx.actor.districtCode, day);
  return {
    day,
    cutOff: reportCutOff,
    isPastCutOff: isPastCutOff(ctx.clock.now(), day, reportCutOff),
    items,
    total: items.length,
    reported: items.filter((item) => item.hasReported).length,
  };
}

const symptomLabels: Record<string, string> = {
  fever: '发热',
  cough: '咳嗽',
  chest_tightness: '胸闷',
  fatigue: '乏力',
  sore_throat: '咽痛',
  loss_of_taste: '嗅味觉减退',
  diarrhoea: '腹泻',
};
const medicineLabels: Record<string, string> = { antipyretic: '退热类', cough: '止咳类', antiviral: '抗病毒类', antibiotic: '抗菌素类' };

/**
 * The epidemic view of one day in the actor's scope: registrations and distinct buyers (by the ID's blind index),
 * symptomatic people, people to follow up and with contact history; counts per symptom, medicine class and street;
 * symptomatic people per day over the 28 days before. Every count has its records behind it in GET /registrations.
 */
export async function surveillance(ctx: ActorContext, day = todayInChina(ctx.clock.now())): Promise<SurveillanceView> {
  const inDay = sql`r.registered_on = ${day}::date and ${registrationScope(ctx)}`;
  const [totals] = await rowsOf<Record<string, number>>(
    ctx,
    sql`select count(*)::int as registrations, count(distinct r.id_number_blind)::int as buyers,
          count(distinct r.id_number_blind) filter (where ${symptomatic})::int as symptomatic,
          count(distinct r.id_number_blind) filter (where ${followUp})::int as follow_up,
          count(distinct r.id_number_blind) filter (where r.has_contact_history)::int as contact
        from ph_registration r where ${inDay}`,
  );
  const bySymptom = await rowsOf<{ key: string; people: number; registrations: number }>(
    ctx,
    sql`select symptom as key, count(distinct r.id_number_blind)::int as people, count(*)::int as registrations
        from ph_registration r cross join lateral unnest(r.symptoms) symptom where ${inDay} group by symptom`,
  );
  const byClass = await rowsOf<{ key: string; people: number; registrations: number }>(
    ctx,
    sql`select r.medicine_class as key, count(distinct r.id_number_blind)::int as people, count(*)::int as registrations
        from ph_registration r where ${inDay} group by r.medicine_class`,
  );
  const byStreet = await rowsOf<{ key: string; label: string | null; people: number; registrations: number; symptomatic: number }>(
    ctx,
    sql`select r.street_code as key, max(s.name) as label, count(distinct r.id_number_blind)::int as people, count(*)::int as registrations,
          count(distinct r.id_number_blind) filter (where ${symptomatic})::int as symptomatic
        from ph_registration r left join street s on s.district_code = r.district_code and s.code = r.street_code
        where ${inDay} group by r.street_code order by r.street_code`,
  );
  // Per pharmacy: the registrations still kept, then a purged day's tallies (people there per pharmacy and day anyway).
  const byPharmacy = await rowsOf<{ key: string; label: string; people: number; registrations: number; symptomatic: number }>(
    ctx,
    sql`select x.pharmacy_id::text as key, max(e.name) as label, sum(x.people)::int as people, sum(x.registrations)::int as registrations,
          sum(x.symptomatic)::int as symptomatic
        from (select r.district_code, r.pharmacy_id, count(distinct r.id_number_blind) as people, count(*) as registrations,
                count(distinct r.id_number_blind) filter (where ${symptomatic}) as symptomatic
              from ph_registration r where ${inDay} group by r.district_code, r.pharmacy_id
              union all
              select r.district_code, r.pharmacy_id, sum(r.people), sum(r.registrations), sum(r.symptomatic_people)
              from ph_registration_tally r where ${inDay} group by r.district_code, r.pharmacy_id) x
        join entity e on e.district_code = x.district_code and e.id = x.pharmacy_id
        group by x.pharmacy_id order by sum(x.symptomatic) desc, sum(x.registrations) desc, x.pharmacy_id limit 200`,
  );
  const from = addDays(day, -40);
  const series = await dailySeries(ctx, registrationScope(ctx), from, day);
  const streetSeries = await dailySeries(ctx, registrationScope(ctx), from, day, { byStreet: true });
  const streetNames = new Map(byStreet.map((row) => [row.key, row.label ?? row.key]));
  const missingNames = [...streetSeries.keys()].filter((code) => !streetNames.has(code));
  if (missingNames.length)
    for (const row of await rowsOf<{ code: string; name: string }>(
      ctx,
      sql`select s.code, s.name from street s where s.district_code = ${ctx.actor.districtCode} and s.code in (${sql.join(
        missingNames.map((code) => sql`${code}`),
        sql`, `,
      )})`,
    ))
      streetNames.set(row.code, row.name);
  // Tallies of a purged day: counts without people by symptom (those are not kept).
  const [tallied] = await rowsOf<{ registrations: number; symptomatic: number; follow_up: number; contact: number; people: number }>(
    ctx,
    sql`select coalesce(sum(r.registrations), 0)::int as registrations, coalesce(sum(r.people), 0)::int as people,
          coalesce(sum(r.symptomatic_people), 0)::int as symptomatic, coalesce(sum(r.follow_up_people), 0)::int as follow_up,
          coalesce(sum(r.contact_people), 0)::int as contact
        from ph_registration_tally r where ${inDay}`,
  );
  const trend = series.days.map((seriesDay, index) => ({
    day: seriesDay,
    symptomatic: series.symptomatic[index] ?? 0,
    registrations: series.registrations[index] ?? 0,
  }));
  const alarmDays = await rowsOf<{ area_code: string; day: string; detectors: string[] }>(
    ctx,
    sql`select a.area_code, to_char(a.signal_on, 'YYYY-MM-DD') as day, a.detectors from ph_alarm a
        where ${scopeWhere(ctx.actor, { district: column('a.district_code'), street: column('a.street_code') })}
          and a.signal_on between ${from}::date and ${day}::date`,
  );
  const alarmsOf = (area: string) => new Map(alarmDays.filter((alarm) => alarm.area_code === area).map((alarm) => [alarm.day, alarm]));
  const status = await pharmacyStatus(ctx, day);
  // EARS on the symptomatic people per day (the 13 days before the chart are their baseline), as the alarms read them.
  const alarms = earsAlarms(
    trend.map((row) => Number(row.symptomatic)),
    { minSigma: 0.5 },
  );
  const counted = (
    keys: readonly string[],
    rows: { key: string; people: number; registrations: number }[],
    labels: Record<string, string>,
  ): CountRow[] =>
    keys.map((key) => {
      const row = rows.find((candidate) => candidate.key === key);
      return { key, label: labels[key] ?? key, people: Number(row?.people ?? 0), registrations: Number(row?.registrations ?? 0) };
    });
  return {
    day,
    registrations: Number(totals?.registrations ?? 0) + Number(tallied?.registrations ?? 0),
    buyers: Number(totals?.buyers ?? 0) + Number(tallied?.people ?? 0),
    symptomaticPeople: Number(totals?.symptomatic ?? 0) + Number(tallied?.symptomatic ?? 0),
    followUpPeople: Number(totals?.follow_up ?? 0) + Number(tallied?.follow_up ?? 0),
    contactPeople: Number(totals?.contact ?? 0) + Number(tallied?.contact ?? 0),
    isPurged: Number(tallied?.registrations ?? 0) > 0,
    pharmaciesReported: status.reported,
    pharmacies: status.total,
    bySymptom: counted(symptoms, bySymptom, symptomLabels),
    byMedicineClass: counted(medicineClasses, byClass, medicineLabels),
    byStreet: byStreet.map((row) => ({
      key: row.key,
      label: row.label ?? row.key,
      people: Number(row.people),
      registrations: Number(row.registrations),
      symptomaticPeople: Number(row.symptomatic),
    })),
    trend: trend
      .map((row, index) => ({
        day: row.day,
        symptomaticPeople: Number(row.symptomatic),
        registrations: Number(row.registrations),
        isC2Alarm: alarms.c2[index] ?? false,
        isC3Alarm: alarms.c3[index] ?? false,
      }))
      .slice(-28),
    byPharmacy: byPharmacy.map((row) => ({
      key: row.key,
      label: row.label,
      people: Number(row.people),
      registrations: Number(row.registrations),
      symptomaticPeople: Number(row.symptomatic),
    })),
    streetTrends: [...streetSeries]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, street]) => {
        const marked = alarmsOf(code);
        return {
          key: code,
          label: streetNames.get(code) ?? code,
          points: street.days
            .map((pointDay, index) => ({
              day: pointDay,
              symptomaticPeople: street.symptomatic[index] ?? 0,
              alarm: (marked.get(pointDay)?.detectors ?? []) as ('C1' | 'C2' | 'C3')[],
            }))
            .slice(-28),
        };
      }),
  };
}
