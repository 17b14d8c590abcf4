import { type AnyColumn, inArray, is, or, SQL, sql } from 'drizzle-orm';
import { stationStreet } from '../org/org.tables.ts';
import type { Actor } from './actor.ts';

export interface ScopedColumns {
  district: AnyColumn;
  /** Street of the row (or of its entity); lets inspectors see their station's streets. */
  street?: AnyColumn | SQL;
  /** The market entity the row belongs to; lets operators see their own businesses. */
  entity?: AnyColumn;
  /** The lab the row is assigned to. */
  lab?: AnyColumn;
  /**
   * The station handling the row (a complaint, a case): lets inspectors see what their station handles, which
   * may differ from the street of the party when an item is handed to another station.
   */
  station?: AnyColumn;
}

/**
 * The one data-scope rule, as a WHERE condition: rows of the actor's districts, then — unless the actor sees
 * whole districts — only the streets of their station (or the rows their station handles), their own entities
 * or their lab's work. A table without the column a role needs yields nothing for that role.
 */
export function scopeWhere(actor: Actor, columns: ScopedColumns): SQL {
  const inDistricts = inArray(columns.district, [...actor.districtCodes]);
  if (actor.isDistrictWide) return inDistricts;
  const reaches: SQL[] = [];
  const street = columns.street;
  // A column, or an expression over one (entityScopeForTextSearch's cast): the same condition through two overloads.
  if (street && actor.streetCodes.length)
    reaches.push(is(street, SQL) ? inArray(street, [...actor.streetCodes]) : inArray(street, [...actor.streetCodes]));
  if (columns.entity && actor.entityIds.length) reaches.push(inArray(columns.entity, [...actor.entityIds]));
  if (columns.lab && actor.labId !== null) reaches.push(sql`${columns.lab} = ${actor.labId}`);
  if (columns.station && actor.streetCodes.length)
    reaches.push(
      sql`${columns.station} in (select ${stationStreet.stationId} from ${stationStreet} where ${inArray(stationStreet.districtCode, [...actor.districtCodes])} and ${inArray(stationStreet.streetCode, [...actor.streetCodes])})`,
    );
  const reach = reaches.length === 0 ? sql`false` : reaches.length === 1 ? reaches[0] : or(...reaches);
  return sql`(${inDistricts} and ${reach})`;
}
