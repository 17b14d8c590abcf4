import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { hasRole } from '../../../platform/scope/actor.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityPublicProfiles } from '../../registry/index.ts';
import { equipmentNotFound } from '../special-equipment.errors.ts';
import { seEquipment, seHazard } from '../special-equipment.tables.ts';

/**
 * The actor's scope over the register: district-wide staff all, an inspector their station's streets, a user (and a
 * maintenance unit, bound to the users it serves) its own; a third-party expert and an inspection body the whole register
 * of their district, which they serve under the bureau's commission (decision 0028).
 */
export const equipmentScope = (ctx: ActorContext): SQL =>
  hasRole(ctx.actor, 'expert', 'inspection_body')
    ? inArray(seEquipment.districtCode, [...ctx.actor.districtCodes])
    : scopeWhere(ctx.actor, { district: seEquipment.districtCode, street: seEquipment.streetCode, entity: seEquipment.entityId });
/** The hazards: as the register, but of the third parties only the expert, who records them. */
export const hazardScope = (ctx: ActorContext): SQL =>
  hasRole(ctx.actor, 'expert')
    ? inArray(seHazard.districtCode, [...ctx.actor.districtCodes])
    : scopeWhere(ctx.actor, { district: seHazard.districtCode, street: seHazard.streetCode, entity: seHazard.entityId });

/**
 * The next periodic inspection of a register row (SQL correlated to the outer `se_equipment` by its table name:
 * drizzle writes a column unqualified in a select, which inside the subquery would name the inner table's column): by its latest inspection, else one cycle after first use. */
export const nextDueSql = sql<string>`coalesce((select i.next_due_on from se_inspection i
  where i.district_code = se_equipment.district_code and i.equipment_id = se_equipment.id
  order by i.inspected_on desc, i.id desc limit 1), se_equipment.first_due_on)::text`;
export const lastMaintainedSql = sql<string | null>`(select max(m.maintained_on) from se_maintenance m
  where m.district_code = se_equipment.district_code and m.equipment_id = se_equipment.id)::text`;

/** Entity names for a page of rows (the registry's public profile: no personal data), by district and id. */
export async function entityNames(
  ctx: ServiceContext,
  rows: readonly { districtCode: string; entityId: number | null }[],
): Promise<(row: { districtCode: string; entityId: number | null }) => string> {
  const byDistrict = new Map<string, Set<number>>();
  for (const row of rows) {
    if (row.entityId === null) continue;
    const ids = byDistrict.get(row.districtCode) ?? new Set<number>();
    ids.add(row.entityId);
    byDistrict.set(row.districtCode, ids);
  }
  const names = new Map<string, string>();
  for (const [districtCode, ids] of byDistrict)
    for (const profile of await entityPublicProfiles(ctx, districtCode, { entityIds: [...ids] }))
      names.set(`${districtCode}:${profile.id}`, profile.name);
  return (row) => (row.entityId === null ? '' : (names.get(`${row.districtCode}:${row.entityId}`) ?? ''));
}

export function badField(field: string, message: { 'zh-CN': string; en: string }): never {
  throw invalidRequest({}, [{ in: 'body', field, code: 'invalid', message }]);
}

export function notInFuture(field: string, day: string, today: string): void {
  if (day > today) badField(field, { 'zh-CN': '不能晚于今天', en: 'cannot be later than today' });
}

export type EquipmentRow = typeof seEquipment.$inferSelect & { nextDueOn: string; lastMaintainedOn: string | null };
export const equipmentSelection = { row: seEquipment, nextDueOn: nextDueSql, lastMaintainedOn: lastMaintainedSql };

/** One piece of equipment in the actor's scope (404 outside it, as for a missing row). */
export async function equipmentRow(ctx: ActorContext, id: number): Promise<EquipmentRow> {
  const [found] = await ctx.db
    .select(equipmentSelection)
    .from(seEquipment)
    .where(and(equipmentScope(ctx), eq(seEquipment.id, id)));
  if (!found) throw equipmentNotFound();
  return { ...found.row, nextDueOn: found.nextDueOn, lastMaintainedOn: found.lastMaintainedOn };
}
