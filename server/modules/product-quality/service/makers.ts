import { and, asc, eq, type SQL } from 'drizzle-orm';
import { todayInChina, yearBefore } from '../../../../shared/calendar-day.ts';
import { type MakerGrade, makerGrades } from '../../../../shared/vocabularies/product-quality.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityComplaintCounts } from '../../complaints/index.ts';
import { entityPenaltySummary } from '../../enforcement/index.ts';
import { findEntityForModule } from '../../registry/index.ts';
import { failedSampleCounts } from '../../sampling/index.ts';
import { makerAlreadyListed, makerNotFound } from '../product-quality.errors.ts';
import type { MakerBody, MakerList, MakerQuery, MakerView } from '../product-quality.schemas.ts';
import { pqSafetyMaker } from '../product-quality.tables.ts';
import { bureauMakerGradeSetting, gradeMaker, licenceState, nextInspectionDue } from '../rules/maker-grade.ts';

type MakerRow = typeof pqSafetyMaker.$inferSelect;

export const makerScope = (ctx: ActorContext): SQL =>
  scopeWhere(ctx.actor, { district: pqSafetyMaker.districtCode, street: pqSafetyMaker.streetCode, entity: pqSafetyMaker.entityId });

const today = (ctx: ActorContext) => todayInChina(ctx.clock.now());

/**
 * Grades makers on `on` from the other modules' facts of the 12 months before it (sampling failures, penalty decisions,
 * complaints), read through their index.ts, and the maker's own licence.
 */
export async function gradeRows(ctx: ActorContext, rows: MakerRow[], on: string): Promise<MakerView[]> {
  if (rows.length === 0) return [];
  const since = yearBefore(on);
  const ids = rows.map((row) => row.entityId);
  const districtCode = (rows[0] as MakerRow).districtCode;
  const failed = await failedSampleCounts(ctx, { districtCode, since, until: on });
  const penalties = await entityPenaltySummary(ctx, ids, since, on);
  const complaints = await entityComplaintCounts(ctx, { districtCode, entityIds: ids, since, today: on });
  return rows.map((row) => {
    const facts = {
      failedSamples12m: failed.get(row.entityId) ?? 0,
      penalties12m: penalties.get(row.entityId)?.penalisedCases ?? 0,
      complaints12m: complaints.get(row.entityId) ?? 0,
    };
    const licence = licenceState({ isRequired: row.licenceRequired, number: row.licenceNumber, validUntil: row.licenceValidUntil }, on);
    const result = gradeMaker({ ...facts, licence }, bureauMakerGradeSetting);
    const due = nextInspectionDue(row.lastInspectedOn, result.inspectionIntervalMonths, on);
    return {
      id: row.id,
      entityId: row.entityId,
      entityName: row.entityName,
      creditCode: row.creditCode,
      streetCode: row.streetCode,
      productGroup: row.productGroup,
      products: row.products,
      licenceState: licence,
      licenceNumber: row.licenceNumber,
      licenceValidUntil: row.licenceValidUntil,
      facts,
      ...result,
      lastInspectedOn: row.lastInspectedOn,
      nextInspectionDue: due,
      isDue: due <= on,
    };
  });
}

/** The makers in the actor's scope, graded today (every maker is graded, then filtered: a district has tens to hundreds). */
export async function listMakers(ctx: ActorContext, query: MakerQuery): Promise<MakerList> {
  const conditions = [makerScope(ctx)];
  if (query.productGroup) conditions.push(eq(pqSafetyMaker.productGroup, query.productGroup));
  const rows = await ctx.db
    .select()
    .from(pqSafetyMaker)
    .where(and(...conditions))
    .orderBy(asc(pqSafetyMaker.id));
  const on = today(ctx);
  const graded = await gradeRows(ctx, rows, on);
  const byGrade = Object.fromEntries(makerGrades.map((grade) => [grade, 0])) as Record<MakerGrade, number>;
  for (const maker of graded) byGrade[maker.grade] += 1;
  const rank = { D: 0, C: 1, B: 2, A: 3 } as const;
  const shown = graded
    .filter((maker) => (!query.grade || maker.grade === query.grade) && (query.isDue === undefined || maker.isDue === query.isDue))
    .sort((a, b) => rank[a.grade] - rank[b.grade] || b.points - a.points || a.id - b.id);
  const start = (query.page - 1) * query.pageSize;
  return { items: shown.slice(start, start + query.pageSize), total: shown.length, byGrade, today: on };
}

async function makerRow(ctx: ActorContext, id: number): Promise<MakerRow> {
  const [row] = await ctx.db
    .select()
    .from(pqSafetyMaker)
    .where(and(makerScope(ctx), eq(pqSafetyMaker.id, id)));
  if (!row) throw makerNotFound();
  return row;
}

export async function getMaker(ctx: ActorContext, id: number): Promise<MakerView> {
  const [view] = await gradeRows(ctx, [await makerRow(ctx, id)], today(ctx));
  return view as MakerView;
}

export async function createMaker(ctx: ActorContext, body: MakerBody): Promise<MakerView> {
  const entity = await findEntityForModule(ctx, body.entityId);
  const number = body.licenceNumber ?? null;
  if (!body.licenceRequired && number !== null)
    throw invalidRequest({}, [
      {
        in: 'body',
        field: 'licenceNumber',
        code: 'not_required',
        message: { 'zh-CN': '无需生产许可证的产品不填写许可证编号', en: 'No licence number for a product that needs no licence' },
      },
    ]);
  const [existing] = await ctx.db
    .select({ id: pqSafetyMaker.id })
    .from(pqSafetyMaker)
    .where(
      and(
        eq(pqSafetyMaker.districtCode, entity.districtCode),
        eq(pqSafetyMaker.entityId, entity.id),
        eq(pqSafetyMaker.productGroup, body.productGroup),
      ),
    );
  if (existing) throw makerAlreadyListed();
  const row = await ctx.db.transaction(async (tx) => {
    const [saved] = await tx
      .insert(pqSafetyMaker)
      .values({
        districtCode: entity.districtCode,
        entityId: entity.id,
        entityName: entity.name,
        creditCode: entity.creditCode,
        streetCode: entity.streetCode,
        productGroup: body.productGroup,
        products: body.products,
        licenceRequired: body.licenceRequired,
        licenceNumber: number,
        licenceValidUntil: body.licenceValidUntil ?? null,
        lastInspectedOn: body.lastInspectedOn ?? null,
        registeredOn: today(ctx),
      })
      .returning();
    await writeAudit({ ...ctx, db: tx }, { action: 'product_quality.maker.create', objectType: 'pq_safety_maker', objectId: saved?.id });
    return saved as MakerRow;
  });
  return getMaker(ctx, row.id);
}

/** Records a routine inspection of a maker: the next one falls due by its grade's interval. */
export async function recordMakerInspection(ctx: ActorContext, id: number, inspectedOn: string): Promise<MakerView> {
  const row = await makerRow(ctx, id);
  if (inspectedOn > today(ctx))
    throw invalidRequest({}, [
      {
        in: 'body',
        field: 'inspectedOn',
        code: 'future',
        message: { 'zh-CN': '检查日期不能晚于今天', en: 'The inspection day cannot be in the future' },
      },
    ]);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(pqSafetyMaker)
      .set({ lastInspectedOn: inspectedOn })
      .where(and(eq(pqSafetyMaker.districtCode, row.districtCode), eq(pqSafetyMaker.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'product_quality.maker.inspected', objectType: 'pq_safety_maker', objectId: id, detail: { inspectedOn } },
    );
  });
  return getMaker(ctx, id);
}
