import { sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import { inIds } from '../../../db/id-set.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';

/**
 * What the public may see of an entity (public code pages, the five-colour map, open data): name, credit code,
 * street, coordinates, address and the number of its preferred valid licence (food business, then workshop
 * registration, then any). It selects no personal data (no legal representative, ID number or phone).
 */
export interface PublicProfile {
  id: number;
  districtCode: string;
  name: string;
  creditCode: string;
  status: string;
  streetCode: string;
  businessCategory: string;
  lng: number | null;
  lat: number | null;
  licenceNumber: string | null;
  address: string;
}

export async function entityPublicProfiles(
  ctx: ServiceContext,
  districtCode: string,
  filter: { entityIds: readonly number[] } | { all: true },
): Promise<PublicProfile[]> {
  if ('entityIds' in filter && filter.entityIds.length === 0) return [];
  const ids = 'entityIds' in filter ? filter.entityIds : null;
  const where = ids ? sql`e.district_code = ${districtCode} and ${inIds(sql`e.id`, ids)}` : sql`e.district_code = ${districtCode}`;
  // One pass over the licences (DISTINCT ON), not a subquery per entity: the demo district has tens of thousands.
  const rows = await queryRows<{
    id: string | number;
    district_code: string;
    name: string;
    credit_code: string;
    status: string;
    street_code: string;
    business_category: string;
    lng: string | null;
    lat: string | null;
    licence_number: string | null;
    address: string;
  }>(
    ctx.db,
    sql`select e.id, e.district_code, e.name, e.credit_code, e.status, e.street_code, e.business_category, e.lng, e.lat, e.address,
               l.number as licence_number
        from entity e
        left join (
          select distinct on (entity_id) entity_id, number from licence
          where district_code = ${districtCode} and status = 'valid' ${ids ? sql`and ${inIds(sql`entity_id`, ids)}` : sql``}
          order by entity_id, case kind when 'food_business' then 0 when 'workshop_registration' then 1 else 2 end, id
        ) l on l.entity_id = e.id
        where ${where} order by e.id`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    districtCode: row.district_code,
    name: row.name,
    creditCode: row.credit_code,
    status: row.status,
    streetCode: row.street_code,
    businessCategory: row.business_category,
    lng: row.lng === null ? null : Number(row.lng),
    lat: row.lat === null ? null : Number(row.lat),
    licenceNumber: row.licence_number,
    address: row.address,
  }));
}

/** Which of the given entities existed on a day: founded by then and not ended (cancelled, revoked, moved out) by then. */
export async function entityIdsActiveOn(
  ctx: ServiceContext,
  districtCode: string,
  entityIds: readonly number[],
  day: string,
): Promise<Set<number>> {
  if (entityIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string | number }>(
    ctx.db,
    sql`select e.id from entity e
        where e.district_code = ${districtCode} and ${inIds(sql`e.id`, entityIds)}
          and e.founded_on <= ${day}::date and (e.ended_on is null or e.ended_on > ${day}::date)`,
  );
  return new Set(rows.map((row) => Number(row.id)));
}
