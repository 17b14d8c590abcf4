import { inArray, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/scope/actor.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { riTask } from '../random-inspections.tables.ts';

/**
 * Tasks an actor may see: district-wide staff all of their districts'; an inspector those in their station's
 * streets and those they were drawn for, once the draw is published (a drawn inspector may come from
 * another station: the random assignment crosses station lines on purpose).
 */
export function taskScope(actor: Actor): SQL {
  const inDistrict = scopeWhere(actor, { district: riTask.districtCode });
  if (actor.isDistrictWide) return inDistrict;
  const assigned = sql`exists (select 1 from ri_task_inspector ti where ti.district_code = ${riTask.districtCode} and ti.task_id = ${riTask.id} and ti.user_id = ${actor.userId})`;
  const published = sql`exists (select 1 from ri_draw d where d.district_code = ${riTask.districtCode} and d.id = ${riTask.drawId} and d.status = 'published')`;
  // The district stands outside the OR so that a task is found by its primary key (district, id).
  const reach = sql`(${scopeWhere(actor, { district: riTask.districtCode, street: riTask.streetCode })} or ${assigned})`;
  return sql`(${inArray(riTask.districtCode, [...actor.districtCodes])} and ${reach} and ${published})`;
}
