import { desc, eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import type { ColourTableInput, ColourTableVersion } from '../risk-code.schemas.ts';
import { rcColourTable } from '../risk-code.tables.ts';
import { type ColourCells, type ColourEscalations, defaultColourTable, isCompleteTable, tableInForce } from '../rules/risk-colour.ts';

export type { ColourTableVersion } from '../risk-code.schemas.ts';

const defaultVersion: ColourTableVersion = { ...defaultColourTable, id: 0, effectiveFrom: '2000-01-01', note: '', isDefault: true };

export async function listColourTables(ctx: ServiceContext, districtCode: string): Promise<ColourTableVersion[]> {
  const rows = await ctx.db
    .select()
    .from(rcColourTable)
    .where(eq(rcColourTable.districtCode, districtCode))
    .orderBy(desc(rcColourTable.effectiveFrom), desc(rcColourTable.id));
  return [
    ...rows.map((row) => ({
      id: row.id,
      effectiveFrom: row.effectiveFrom,
      cells: row.cells as ColourCells,
      // A table saved before a floor existed (the credit lists' floors) takes the default's floor for it.
      escalations: { ...defaultColourTable.escalations, ...(row.escalations as ColourEscalations) },
      note: row.note,
      isDefault: false,
    })),
    defaultVersion,
  ];
}

/** GET /colour-tables: the actor's district's versions, newest first, then the default. */
export async function colourTableList(ctx: ActorContext) {
  const items = await listColourTables(ctx, ctx.actor.districtCode);
  return { items, total: items.length, isBureauSetting: true };
}

export async function colourTableInForce(ctx: ServiceContext, districtCode: string, day: string): Promise<ColourTableVersion> {
  return tableInForce(await listColourTables(ctx, districtCode), day) ?? defaultVersion;
}

/** Section staff save a new version (never edit an old one); colours follow at the next recompute run. */
export async function saveColourTable(ctx: ActorContext, body: ColourTableInput): Promise<ColourTableVersion> {
  if (!isCompleteTable(body.cells))
    throw invalidRequest({}, [
      {
        in: 'body',
        field: 'cells',
        code: 'invalid',
        message: { 'zh-CN': '每个类别须为 A/B/C/D/U 各设一种颜色', en: 'every category needs a colour for A, B, C, D and U' },
      },
    ]);
  const districtCode = ctx.actor.districtCode;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(rcColourTable)
      .values({
        districtCode,
        effectiveFrom: body.effectiveFrom,
        cells: body.cells,
        escalations: body.escalations,
        note: body.note,
        createdBy: ctx.actor.userId,
      })
      .returning();
    const saved = row as typeof rcColourTable.$inferSelect;
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'risk_code.colour_table.save',
        objectType: 'rc_colour_table',
        objectId: String(saved.id),
        detail: { effectiveFrom: body.effectiveFrom },
      },
    );
    return {
      id: saved.id,
      effectiveFrom: saved.effectiveFrom,
      cells: body.cells,
      escalations: body.escalations,
      note: body.note,
      isDefault: false,
    };
  });
}
