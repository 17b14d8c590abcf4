import { and, asc, desc, eq, type SQL } from 'drizzle-orm';
import { todayInChina, yearBefore } from '../../../../shared/calendar-day.ts';
import { type GradeChangeCause, type MakerGrade, makerGrades } from '../../../../shared/vocabularies/product-quality.ts';
import { inIds } from '../../../db/id-set.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityComplaintCounts } from '../../complaints/index.ts';
import { entityPenaltySummary } from '../../enforcement/index.ts';
import { findEntityForModule } from '../../registry/index.ts';
import { failedSampleCounts } from '../../sampling/index.ts';
import { makerAlreadyListed, makerNotFound } from '../product-quality.errors.ts';
import type { GradeHistoryList, MakerBody, MakerList, MakerQuery, MakerUpdateBody, MakerView } from '../product-quality.schemas.ts';
import { pqMakerGradeHistory, pqSafetyMaker } from '../product-quality.tables.ts';
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

/** A licence number only where a licence is required; its validity only with a number. Every bad field at once. */
function checkLicence(licence: { licenceRequired: boolean; licenceNumber: string | null; licenceValidUntil: string | null }) {
  const bad = [];
  if (!licence.licenceRequired && licence.licenceNumber !== null)
    bad.push({
      in: 'body',
      field: 'licenceNumber',
      code: 'not_required',
      message: { 'zh-CN': '无需生产许可证的产品不填写许可证编号', en: 'No licence number for a product that needs no licence' },
    });
  if (licence.licenceValidUntil !== null && licence.licenceNumber === null)
    bad.push({
      in: 'body',
      field: 'licenceValidUntil',
      code: 'without_number',
      message: { 'zh-CN': '填写有效期时须填写许可证编号', en: 'A validity date needs a licence number' },
    });
  if (bad.length) throw invalidRequest({}, bad);
}

export async function createMaker(ctx: ActorContext, body: MakerBody): Promise<MakerView> {
  const entity = await findEntityForModule(ctx, body.entityId);
  const number = body.licenceNumber ?? null;
  checkLicence({ licenceRequired: body.licenceRequired, licenceNumber: number, licenceValidUntil: body.licenceValidUntil ?? null });
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
  await recordGradeChanges(ctx, [row], today(ctx), 'registered');
  return getMaker(ctx, row.id);
}

/**
 * Edits a maker's products and licence (the entity and product group stay: another group is another maker). The
 * grade is taken again at once; a changed grade goes into the history with the cause `edited`.
 */
export async function updateMaker(ctx: ActorContext, id: number, body: MakerUpdateBody): Promise<MakerView> {
  const row = await makerRow(ctx, id);
  const next = {
    products: body.products ?? row.products,
    licenceRequired: body.licenceRequired ?? row.licenceRequired,
    licenceNumber: body.licenceNumber === undefined ? row.licenceNumber : body.licenceNumber,
    licenceValidUntil: body.licenceValidUntil === undefined ? row.licenceValidUntil : body.licenceValidUntil,
  };
  checkLicence(next);
  const [saved] = await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(pqSafetyMaker)
      .set(next)
      .where(and(eq(pqSafetyMaker.districtCode, row.districtCode), eq(pqSafetyMaker.id, id)))
      .returning();
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'product_quality.maker.update', objectType: 'pq_safety_maker', objectId: id, detail: { fields: Object.keys(body) } },
    );
    return updated;
  });
  await recordGradeChanges(ctx, [saved as MakerRow], today(ctx), 'edited');
  return getMaker(ctx, id);
}

/** The last grade on file of each maker (one district): the history's newest row per maker. */
async function lastGrades(ctx: ActorContext, districtCode: string, makerIds: number[]): Promise<Map<number, MakerGrade>> {
  if (makerIds.length === 0) return new Map();
  const rows = await ctx.db
    .selectDistinctOn([pqMakerGradeHistory.makerId], { makerId: pqMakerGradeHistory.makerId, grade: pqMakerGradeHistory.newGrade })
    .from(pqMakerGradeHistory)
    .where(and(eq(pqMakerGradeHistory.districtCode, districtCode), inIds(pqMakerGradeHistory.makerId, makerIds)))
    .orderBy(pqMakerGradeHistory.makerId, desc(pqMakerGradeHistory.id));
  return new Map(rows.map((row) => [row.makerId, row.grade]));
}

/**
 * Grades the makers (all of ONE district) on `on` and writes a history row for each whose grade differs from the last
 * one on file (or has none); an unchanged grade writes nothing. Returns the number of rows written.
 */
export async function recordGradeChanges(ctx: ActorContext, rows: MakerRow[], on: string, cause: GradeChangeCause): Promise<number> {
  if (rows.length === 0) return 0;
  const districtCode = (rows[0] as MakerRow).districtCode;
  const graded = await gradeRows(ctx, rows, on);
  const last = await lastGrades(
    ctx,
    districtCode,
    rows.map((row) => row.id),
  );
  const changes = graded
    .filter((maker) => last.get(maker.id) !== maker.grade)
    .map((maker) => ({
      districtCode,
      makerId: maker.id,
      changedOn: on,
      oldGrade: last.get(maker.id) ?? null,
      newGrade: maker.grade,
      points: maker.points,
      cause: last.has(maker.id) ? cause : ('registered' as const),
      reasons: maker.reasons,
      facts: { ...maker.facts, licence: maker.licenceState },
    }));
  for (let start = 0; start < changes.length; start += 500)
    await ctx.db.insert(pqMakerGradeHistory).values(changes.slice(start, start + 500));
  return changes.length;
}

/** The re-grade job's work in one district: every maker graded on `on`, the changed grades kept. */
export async function regradeDistrictMakers(
  ctx: ActorContext,
  districtCode: string,
  on: string,
): Promise<{ makers: number; changed: number }> {
  const rows = await ctx.db.select().from(pqSafetyMaker).where(eq(pqSafetyMaker.districtCode, districtCode)).orderBy(asc(pqSafetyMaker.id));
  return { makers: rows.length, changed: await recordGradeChanges(ctx, rows, on, 'inputs_changed') };
}

/** A maker's grade history, newest first, each row with the facts that changed since the row before it. */
export async function makerGradeHistory(ctx: ActorContext, id: number): Promise<GradeHistoryList> {
  const row = await makerRow(ctx, id);
  const rows = await ctx.db
    .select()
    .from(pqMakerGradeHistory)
    .where(and(eq(pqMakerGradeHistory.districtCode, row.districtCode), eq(pqMakerGradeHistory.makerId, id)))
    .orderBy(asc(pqMakerGradeHistory.id));
  const items = rows.map((entry, index) => {
    const before = index > 0 ? (rows[index - 1] as typeof entry).facts : null;
    return {
      changedOn: entry.changedOn,
      oldGrade: entry.oldGrade,
      newGrade: entry.newGrade,
      points: entry.points,
      cause: entry.cause,
      reasons: entry.reasons as GradeHistoryList['items'][number]['reasons'],
      facts: {
        failedSamples12m: Number(entry.facts.failedSamples12m ?? 0),
        penalties12m: Number(entry.facts.penalties12m ?? 0),
        complaints12m: Number(entry.facts.complaints12m ?? 0),
        licence: String(entry.facts.licence ?? 'missing') as GradeHistoryList['items'][number]['facts']['licence'],
      },
      changedFacts: before ? Object.keys(entry.facts).filter((key) => entry.facts[key] !== before[key]) : [],
    };
  });
  return { items: items.reverse() };
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
