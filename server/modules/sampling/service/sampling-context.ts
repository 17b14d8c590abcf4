import { type AnyColumn, inArray, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import type { HolidayCalendar } from '../../../platform/calendar/working-days.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { failureHandling, sample } from '../sampling.tables.ts';

/** Bureau side: samples of the actor's districts, narrowed to an inspector's station streets. */
export function bureauSampleScope(actor: Actor): SQL {
  return scopeWhere(actor, { district: sample.districtCode, street: sample.streetCode });
}

/** Lab side: only the samples assigned to the actor's lab. Never combined with any source column. */
export function labSampleScope(actor: Actor): SQL {
  return scopeWhere(actor, { district: sample.districtCode, lab: sample.labId });
}

/** Handling tasks: the station's streets for inspectors, their own entities for operators. */
export function handlingScope(actor: Actor): SQL {
  return scopeWhere(actor, {
    district: failureHandling.districtCode,
    street: failureHandling.streetCode,
    entity: failureHandling.entityId,
  });
}

/** Plans are district-wide documents every staff member of the district may read. */
export function districtOnly(actor: Actor, column: AnyColumn): SQL {
  return inArray(column, [...actor.districtCodes]);
}

export async function calendarFor(db: Db, districtCode: string): Promise<HolidayCalendar> {
  return loadHolidayCalendar(db, districtCode);
}
