import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { ServiceContext } from '../../../platform/http/context.ts';
import type { EquipmentStatus } from '../rules/equipment-kinds.ts';
import type { ReminderView, StatusChangeView } from '../special-equipment.schemas.ts';
import { seReminder, seStatusChange } from '../special-equipment.tables.ts';

/** Adds a status to an equipment's history, inside the caller's transaction. */
export async function insertStatusChange(
  tx: Db,
  change: { districtCode: string; equipmentId: number; status: EquipmentStatus; since: string; reason: string; createdBy: number | null },
): Promise<void> {
  await tx.insert(seStatusChange).values(change);
}

/** Every status the equipment has had, oldest first (the equipment page's timeline). */
export async function statusHistory(ctx: ServiceContext, districtCode: string, equipmentId: number): Promise<StatusChangeView[]> {
  const rows = await ctx.db
    .select()
    .from(seStatusChange)
    .where(and(eq(seStatusChange.districtCode, districtCode), eq(seStatusChange.equipmentId, equipmentId)))
    .orderBy(asc(seStatusChange.since), asc(seStatusChange.id));
  return rows.map((row) => ({ id: row.id, status: row.status, since: row.since, reason: row.reason }));
}

/** The reminders the daily job sent about the equipment, newest first. */
export async function remindersOf(ctx: ServiceContext, districtCode: string, equipmentId: number): Promise<ReminderView[]> {
  const rows = await ctx.db
    .select()
    .from(seReminder)
    .where(and(eq(seReminder.districtCode, districtCode), eq(seReminder.equipmentId, equipmentId)))
    .orderBy(desc(seReminder.sentOn), desc(seReminder.id))
    .limit(50);
  return rows.map((row) => ({ kind: row.kind, dueOn: row.dueOn, sentOn: row.sentOn, isTexted: row.isTexted }));
}
