import { desc, eq } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import type { EquipmentKind } from '../rules/equipment-kinds.ts';
import { type InspectionCycle, inspectionCycles } from '../rules/inspection-cycle.ts';
import type { CycleTableInput, CycleTableVersion } from '../special-equipment.schemas.ts';
import { seCycleTable } from '../special-equipment.tables.ts';

const builtIn: CycleTableVersion[] = inspectionCycles.map((cycle) => ({
  id: 0,
  effectiveFrom: cycle.effectiveFrom,
  months: { ...cycle.months },
  note: '',
  isBuiltIn: true,
}));

/** A district's versions of the cycle table, newest first, then the built-in table of rules/inspection-cycle.ts. */
export async function listCycleTables(ctx: ServiceContext, districtCode: string): Promise<CycleTableVersion[]> {
  const rows = await ctx.db
    .select()
    .from(seCycleTable)
    .where(eq(seCycleTable.districtCode, districtCode))
    .orderBy(desc(seCycleTable.effectiveFrom), desc(seCycleTable.id));
  return [
    ...rows.map((row) => ({
      id: row.id,
      effectiveFrom: row.effectiveFrom,
      months: row.months as Record<EquipmentKind, number>,
      note: row.note,
      isBuiltIn: false,
    })),
    ...builtIn,
  ];
}

/**
 * The cycles the rules take for a district: every version, the built-in one included. Two versions on one day: the
 * later saved wins (it comes first in the list, and the rule takes the first row of the newest day).
 */
export async function cyclesOf(ctx: ServiceContext, districtCode: string): Promise<InspectionCycle[]> {
  return (await listCycleTables(ctx, districtCode)).map((version) => ({ effectiveFrom: version.effectiveFrom, months: version.months }));
}

/** GET /cycle-tables: the actor's district's versions and the one in force today. */
export async function cycleTableList(ctx: ActorContext) {
  const items = await listCycleTables(ctx, ctx.actor.districtCode);
  const today = todayInChina(ctx.clock.now());
  const inForce = items.find((version) => version.effectiveFrom <= today) ?? items[items.length - 1];
  return { items, total: items.length, inForceId: inForce?.id ?? 0 };
}

/**
 * Section staff save a new version from a day on (never edit an old one). It applies to inspections entered from then
 * on whose day is on or after its effective day; due days already stored are not recomputed (decision 0028).
 */
export async function saveCycleTable(ctx: ActorContext, body: CycleTableInput): Promise<CycleTableVersion> {
  const districtCode = ctx.actor.districtCode;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(seCycleTable)
      .values({ districtCode, effectiveFrom: body.effectiveFrom, months: body.months, note: body.note, createdBy: ctx.actor.userId })
      .returning();
    const saved = row as typeof seCycleTable.$inferSelect;
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'special_equipment.cycle_table.save',
        districtCode,
        objectType: 'se_cycle_table',
        objectId: saved.id,
        detail: { effectiveFrom: body.effectiveFrom, months: body.months },
      },
    );
    return { id: saved.id, effectiveFrom: saved.effectiveFrom, months: body.months, note: body.note, isBuiltIn: false };
  });
}
