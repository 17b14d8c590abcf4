import { type AnyColumn, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { queryRows } from '../../../db/client.ts';
import { inIds } from '../../../db/id-set.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityPublicProfiles } from '../../registry/index.ts';
import type { SupplyBody, SupplyView } from '../pharmacies.schemas.ts';
import { phSupplyReport } from '../pharmacies.tables.ts';
import { shortages, staleAfterDays } from '../rules/supply-shortage.ts';
import { pharmacyInScope } from './registrations.ts';
import { pharmacySettingsOn } from './settings.ts';

const column = (name: string) => sql.raw(name) as unknown as AnyColumn;

/** Today's stock of a pharmacy (a second report the same day replaces the first). */
export async function reportSupplies(ctx: ActorContext, body: SupplyBody) {
  const pharmacy = await pharmacyInScope(ctx, body.pharmacyId);
  const now = ctx.clock.now();
  const { shortageThresholds } = await pharmacySettingsOn(ctx, pharmacy.districtCode, todayInChina(now));
  const values = {
    districtCode: pharmacy.districtCode,
    pharmacyId: pharmacy.id,
    reportOn: todayInChina(now),
    streetCode: pharmacy.streetCode,
    masks: body.masks,
    alcohol: body.alcohol,
    thermometers: body.thermometers,
    reportedAt: now,
    reportedBy: ctx.actor.userId,
  };
  await ctx.db
    .insert(phSupplyReport)
    .values(values)
    .onConflictDoUpdate({
      target: [phSupplyReport.districtCode, phSupplyReport.pharmacyId, phSupplyReport.reportOn],
      set: { masks: body.masks, alcohol: body.alcohol, thermometers: body.thermometers, reportedAt: now, reportedBy: ctx.actor.userId },
    });
  return { reportOn: values.reportOn, shortages: shortages(body, shortageThresholds) };
}

/** Every active pharmacy in scope with its latest stock on or before `day`, its shortages and its place for the map. */
export async function supplyStatus(ctx: ActorContext, day = todayInChina(ctx.clock.now())): Promise<SupplyView> {
  const pharmacies = await queryRows<{ id: string; district_code: string; name: string; street_code: string }>(
    ctx.db,
    sql`select e.id, e.district_code, e.name, e.street_code from entity e
        where e.business_category = 'pharmacy' and e.status = 'active'
          and ${scopeWhere(ctx.actor, { district: column('e.district_code'), street: column('e.street_code'), entity: column('e.id') })}
        order by e.id`,
  );
  // The latest report of each, in a query of its own: Citus runs neither LATERAL … LIMIT 1 nor this join across shards.
  const ids = pharmacies.map((row) => Number(row.id));
  const districts = [...new Set(pharmacies.map((row) => row.district_code))];
  const latest = ids.length
    ? await queryRows<{
        district_code: string;
        pharmacy_id: string;
        report_on: string;
        masks: number;
        alcohol: number;
        thermometers: number;
        is_stale: boolean;
      }>(
        ctx.db,
        sql`select distinct on (s.district_code, s.pharmacy_id) s.district_code, s.pharmacy_id, to_char(s.report_on, 'YYYY-MM-DD') as report_on,
              s.masks, s.alcohol, s.thermometers, s.report_on < ${day}::date - ${staleAfterDays}::int as is_stale
            from ph_supply_report s
            where s.district_code = any(${sql.param(districts)}::char(6)[]) and ${inIds(sql`s.pharmacy_id`, ids)} and s.report_on <= ${day}::date
            order by s.district_code, s.pharmacy_id, s.report_on desc`,
      )
    : [];
  const reportOf = new Map(latest.map((row) => [`${row.district_code}:${Number(row.pharmacy_id)}`, row]));
  const rows = pharmacies.map((pharmacy) => {
    const report = reportOf.get(`${pharmacy.district_code}:${Number(pharmacy.id)}`);
    return {
      ...pharmacy,
      report_on: report?.report_on ?? null,
      masks: report?.masks ?? null,
      alcohol: report?.alcohol ?? null,
      thermometers: report?.thermometers ?? null,
      is_stale: report ? report.is_stale : true,
    };
  });
  const places = new Map<number, { lng: number | null; lat: number | null }>();
  for (const districtCode of new Set(rows.map((row) => row.district_code)))
    for (const profile of await entityPublicProfiles(ctx, districtCode, {
      entityIds: rows.filter((row) => row.district_code === districtCode).map((row) => Number(row.id)),
    }))
      places.set(profile.id, { lng: profile.lng, lat: profile.lat });
  const { shortageThresholds } = await pharmacySettingsOn(ctx, ctx.actor.districtCode, day);
  const items = rows.map((row) => {
    const stock = row.masks === null ? null : { masks: row.masks, alcohol: Number(row.alcohol), thermometers: Number(row.thermometers) };
    return {
      pharmacyId: Number(row.id),
      name: row.name,
      streetCode: row.street_code,
      lng: places.get(Number(row.id))?.lng ?? null,
      lat: places.get(Number(row.id))?.lat ?? null,
      reportOn: row.report_on,
      masks: row.masks,
      alcohol: row.alcohol,
      thermometers: row.thermometers,
      shortages: stock && !row.is_stale ? shortages(stock, shortageThresholds) : [],
      isStale: row.is_stale,
    };
  });
  return {
    day,
    thresholds: shortageThresholds,
    items,
    total: items.length,
    short: items.filter((item) => item.shortages.length > 0).length,
  };
}
