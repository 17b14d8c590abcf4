import { and, count, desc, eq, max, type SQL } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { loadHolidayCalendar } from '../../../platform/calendar/calendar.service.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { addTimelineEvent, entitiesWithLicences, findEntityForModule } from '../../registry/index.ts';
import { appealClosed, appealNotFound, officerInvolved, uploadNotFound, uploadNotSubmitted } from '../food-safety.errors.ts';
import type { AppealBody, DecideAppealBody, ReinspectionBody, UploadBody } from '../food-safety.schemas.ts';
import { foodSafetyNotice, gradeAppeal, rectificationOrder, reinspectionRequest, shopUpload } from '../food-safety.tables.ts';
import { appealDeadline, uploadDifferences } from '../rules/appeal-deadline.ts';
import { runFindings } from './comparison.ts';
import { today } from './handlers.ts';
import { getInspection } from './inspections.ts';

type UploadRow = typeof shopUpload.$inferSelect;
const bad = (field: string, code: string, zh: string, en: string): FieldError => ({
  in: 'body',
  field,
  code,
  message: { 'zh-CN': zh, en },
});

/** Photos: JPEG / PNG / WebP data URLs, each ≤ 500 KB decoded, the declared type matching the file's magic bytes. */
function checkPhotos(photos: UploadBody['photos']): FieldError[] {
  const errors: FieldError[] = [];
  for (const [index, photo] of (photos ?? []).entries()) {
    const match = /^data:image\/(jpeg|png|webp);base64,([A-Za-z0-9+/=]+)$/.exec(photo.dataUrl);
    if (!match) {
      errors.push(bad(`photos.${index}.dataUrl`, 'type', '只接受 JPEG、PNG、WebP 图片', 'only JPEG, PNG or WebP images'));
      continue;
    }
    const bytes = Buffer.from(match[2] as string, 'base64');
    if (bytes.length > 500_000) {
      errors.push(bad(`photos.${index}.dataUrl`, 'size', '图片不能超过 500 KB', 'an image may be at most 500 KB'));
      continue;
    }
    const magic = bytes.subarray(0, 4).toString('hex');
    const ok =
      (match[1] === 'jpeg' && magic.startsWith('ffd8ff')) ||
      (match[1] === 'png' && magic === '89504e47') ||
      (match[1] === 'webp' && bytes.subarray(8, 12).toString('ascii') === 'WEBP');
    if (!ok) errors.push(bad(`photos.${index}.dataUrl`, 'type', '图片内容与类型不符', 'the image content does not match its type'));
  }
  return errors;
}

const uploadScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: shopUpload.districtCode, street: shopUpload.streetCode, entity: shopUpload.entityId });

async function withDifferences(ctx: ActorContext, rows: UploadRow[]) {
  const byDistrict = new Map<string, number[]>();
  for (const row of rows) byDistrict.set(row.districtCode, [...(byDistrict.get(row.districtCode) ?? []), row.entityId]);
  const registry = new Map<number, { name: string; address: string; licenceNumbers: string[] }>();
  for (const [districtCode, ids] of byDistrict)
    for (const entity of await entitiesWithLicences(ctx, districtCode, { entityIds: [...new Set(ids)] }))
      registry.set(entity.id, {
        name: entity.name,
        address: entity.address,
        licenceNumbers: entity.licences.filter((licence) => licence.kind === 'food_business').map((licence) => licence.number),
      });
  return rows.map((row) => ({
    id: row.id,
    entityId: row.entityId,
    version: row.version,
    status: row.status,
    name: row.name,
    address: row.address,
    licenceNumber: row.licenceNumber,
    openingHours: row.openingHours,
    seats: row.seats,
    kitchenAreaM2: row.kitchenAreaM2,
    personInCharge: row.personInCharge,
    supplySources: row.supplySources,
    photos: row.photos,
    submittedAt: row.submittedAt.toISOString(),
    reviewReason: row.reviewReason,
    differences: registry.has(row.entityId) ? uploadDifferences(row, registry.get(row.entityId) as never) : [],
  }));
}

/** 店铺信息上传: a new version; earlier versions still waiting are superseded. */
export async function submitUpload(ctx: ActorContext, body: UploadBody) {
  const shop = await findEntityForModule(ctx, body.entityId);
  const errors = checkPhotos(body.photos);
  if (errors.length) throw invalidRequest({}, errors);
  const id = await ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ version: max(shopUpload.version) })
      .from(shopUpload)
      .where(and(eq(shopUpload.districtCode, shop.districtCode), eq(shopUpload.entityId, shop.id)));
    await tx
      .update(shopUpload)
      .set({ status: 'superseded' })
      .where(and(eq(shopUpload.districtCode, shop.districtCode), eq(shopUpload.entityId, shop.id), eq(shopUpload.status, 'submitted')));
    const [row] = await tx
      .insert(shopUpload)
      .values({
        districtCode: shop.districtCode,
        entityId: shop.id,
        streetCode: shop.streetCode,
        version: (last?.version ?? 0) + 1,
        name: body.name,
        address: body.address,
        licenceNumber: body.licenceNumber ?? null,
        openingHours: body.openingHours ?? '',
        seats: body.seats ?? null,
        kitchenAreaM2: body.kitchenAreaM2 === undefined ? null : String(body.kitchenAreaM2),
        personInCharge: body.personInCharge ?? '',
        supplySources: body.supplySources ?? '',
        photos: body.photos ?? [],
        submittedBy: ctx.actor.userId,
      })
      .returning({ id: shopUpload.id });
    const uploadId = (row as { id: number }).id;
    await writeAudit({ ...ctx, db: tx }, { action: 'shop_upload.submit', objectType: 'shop_upload', objectId: uploadId });
    return uploadId;
  });
  return getUpload(ctx, id);
}

export async function getUpload(ctx: ActorContext, id: number) {
  const [row] = await ctx.db
    .select()
    .from(shopUpload)
    .where(and(uploadScope(ctx), eq(shopUpload.id, id)));
  if (!row) throw uploadNotFound();
  return (await withDifferences(ctx, [row]))[0] as Awaited<ReturnType<typeof withDifferences>>[number];
}

export async function listUploads(
  ctx: ActorContext,
  query: { entityId?: number; status?: UploadRow['status']; page: number; pageSize: number },
) {
  const where = and(
    uploadScope(ctx),
    query.entityId === undefined ? undefined : eq(shopUpload.entityId, query.entityId),
    query.status === undefined ? undefined : eq(shopUpload.status, query.status),
  ) as SQL;
  const [total] = await ctx.db.select({ total: count() }).from(shopUpload).where(where);
  const rows = await ctx.db
    .select()
    .from(shopUpload)
    .where(where)
    .orderBy(desc(shopUpload.submittedAt), desc(shopUpload.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: (await withDifferences(ctx, rows)).map((item) => ({ ...item, photos: [] })), total: total?.total ?? 0 };
}

/** The station approves (it becomes what the public and inspectors see; the previous approved one is superseded) or sends back with a reason. */
export async function reviewUpload(ctx: ActorContext, id: number, decision: 'approved' | 'returned', reason: string | undefined) {
  const upload = await getUpload(ctx, id);
  if (upload.status !== 'submitted') throw uploadNotSubmitted();
  const [row] = await ctx.db
    .select({ districtCode: shopUpload.districtCode })
    .from(shopUpload)
    .where(and(uploadScope(ctx), eq(shopUpload.id, id)));
  const districtCode = (row as { districtCode: string }).districtCode;
  const day = today(ctx);
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    if (decision === 'approved') {
      await tx
        .update(shopUpload)
        .set({ status: 'superseded' })
        .where(and(eq(shopUpload.districtCode, districtCode), eq(shopUpload.entityId, upload.entityId), eq(shopUpload.status, 'approved')));
    }
    await tx
      .update(shopUpload)
      .set({ status: decision, reviewedBy: ctx.actor.userId, reviewedAt: ctx.clock.now(), reviewReason: reason ?? null })
      .where(and(eq(shopUpload.districtCode, districtCode), eq(shopUpload.id, id)));
    await tx.insert(foodSafetyNotice).values({
      districtCode,
      entityId: upload.entityId,
      kind: `shop_upload.${decision}`,
      body:
        decision === 'approved'
          ? `店铺信息第${upload.version}版已审核通过。`
          : `店铺信息第${upload.version}版被退回：${reason ?? ''}`.slice(0, 500),
      refType: 'shop_upload',
      refId: String(id),
    });
    if (decision === 'approved') {
      await addTimelineEvent(txCtx, {
        districtCode,
        entityId: upload.entityId,
        kind: 'shop_upload.approved',
        at: ctx.clock.now(),
        title: { zh: `店铺信息第${upload.version}版审核通过`, en: `Shop information v${upload.version} approved` },
        refType: 'shop_upload',
        refId: id,
      });
      await runFindings(txCtx, { districtCode, entityIds: [upload.entityId], trigger: 'shop_upload', day });
    }
    await writeAudit(txCtx, { action: `shop_upload.${decision}`, objectType: 'shop_upload', objectId: id, ...(reason ? { reason } : {}) });
  });
  return getUpload(ctx, id);
}

/** An operator appeals the grade an inspection gave, within the deadline (rules/appeal-deadline.ts). */
export async function submitAppeal(ctx: ActorContext, body: AppealBody) {
  const inspection = await getInspection(ctx, body.inspectionId);
  const shop = await findEntityForModule(ctx, inspection.entityId);
  const day = today(ctx);
  const deadline = appealDeadline(inspection.inspectedOn, await loadHolidayCalendar(ctx.db, shop.districtCode));
  if (day > deadline)
    throw invalidRequest({}, [
      bad('inspectionId', 'appeal_deadline_passed', `申诉期限已过（${deadline}）`, `the appeal deadline passed (${deadline})`),
    ]);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(gradeAppeal)
      .values({
        districtCode: shop.districtCode,
        entityId: shop.id,
        streetCode: shop.streetCode,
        inspectionId: inspection.id,
        grounds: body.grounds,
        operatorReply: body.operatorReply ?? '',
        submittedOn: day,
        submittedBy: ctx.actor.userId,
      })
      .onConflictDoNothing()
      .returning({ id: gradeAppeal.id });
    if (!row) throw invalidRequest({}, [bad('inspectionId', 'already_appealed', '该次检查已申诉', 'this inspection was already appealed')]);
    await writeAudit({ ...ctx, db: tx }, { action: 'grade_appeal.submit', objectType: 'grade_appeal', objectId: row.id });
    return row.id;
  });
  return getAppeal(ctx, id);
}

const appealScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: gradeAppeal.districtCode, street: gradeAppeal.streetCode, entity: gradeAppeal.entityId });

const appealView = (row: typeof gradeAppeal.$inferSelect) => ({
  id: row.id,
  entityId: row.entityId,
  inspectionId: row.inspectionId,
  grounds: row.grounds,
  operatorReply: row.operatorReply,
  status: row.status,
  officerId: row.officerId,
  outcomeReason: row.outcomeReason,
  submittedOn: row.submittedOn,
  decidedOn: row.decidedOn,
});

export async function getAppeal(ctx: ActorContext, id: number) {
  const [row] = await ctx.db
    .select()
    .from(gradeAppeal)
    .where(and(appealScope(ctx), eq(gradeAppeal.id, id)));
  if (!row) throw appealNotFound();
  return appealView(row);
}

export async function listAppeals(ctx: ActorContext, query: { status?: 'open' | 'upheld' | 'rejected'; page: number; pageSize: number }) {
  const where = and(appealScope(ctx), query.status === undefined ? undefined : eq(gradeAppeal.status, query.status)) as SQL;
  const [total] = await ctx.db.select({ total: count() }).from(gradeAppeal).where(where);
  const rows = await ctx.db
    .select()
    .from(gradeAppeal)
    .where(where)
    .orderBy(desc(gradeAppeal.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(appealView), total: total?.total ?? 0 };
}

/** Decided by an officer who took no part in the inspection (FSA appeal model); the outcome is kept with the grade. */
export async function decideAppeal(ctx: ActorContext, id: number, body: DecideAppealBody) {
  const appeal = await getAppeal(ctx, id);
  if (appeal.status !== 'open') throw appealClosed();
  const inspection = await getInspection(ctx, appeal.inspectionId);
  if (inspection.inspectorIds.includes(ctx.actor.userId)) throw officerInvolved();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(gradeAppeal)
      .set({ status: body.outcome, officerId: ctx.actor.userId, outcomeReason: body.reason, decidedOn: today(ctx) })
      .where(and(eq(gradeAppeal.districtCode, ctx.actor.districtCode), eq(gradeAppeal.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      { action: `grade_appeal.${body.outcome}`, objectType: 'grade_appeal', objectId: id, reason: body.reason },
    );
  });
  return getAppeal(ctx, id);
}

/** After rectifying, the operator asks for the re-inspection that closes the order. */
export async function requestReinspection(ctx: ActorContext, body: ReinspectionBody) {
  const [order] = await ctx.db
    .select()
    .from(rectificationOrder)
    .where(
      and(
        scopeWhere(ctx.actor, {
          district: rectificationOrder.districtCode,
          street: rectificationOrder.streetCode,
          entity: rectificationOrder.entityId,
        }),
        eq(rectificationOrder.id, body.rectificationOrderId),
      ),
    );
  if (!order || order.closedOn !== null)
    throw invalidRequest({}, [bad('rectificationOrderId', 'not_open', '没有该待整改的整改通知', 'no open rectification order')]);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(reinspectionRequest)
      .values({
        districtCode: order.districtCode,
        entityId: order.entityId,
        streetCode: order.streetCode,
        rectificationOrderId: order.id,
        statement: body.statement,
        requestedOn: today(ctx),
      })
      .returning();
    await writeAudit({ ...ctx, db: tx }, { action: 'reinspection_request.submit', objectType: 'rectification_order', objectId: order.id });
    const created = row as typeof reinspectionRequest.$inferSelect;
    return {
      id: created.id,
      entityId: created.entityId,
      rectificationOrderId: created.rectificationOrderId,
      statement: created.statement,
      status: created.status,
      requestedOn: created.requestedOn,
    };
  });
}

export async function listReinspectionRequests(ctx: ActorContext, query: { page: number; pageSize: number }) {
  const where = scopeWhere(ctx.actor, {
    district: reinspectionRequest.districtCode,
    street: reinspectionRequest.streetCode,
    entity: reinspectionRequest.entityId,
  });
  const [total] = await ctx.db.select({ total: count() }).from(reinspectionRequest).where(where);
  const rows = await ctx.db
    .select()
    .from(reinspectionRequest)
    .where(where)
    .orderBy(desc(reinspectionRequest.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map((row) => ({
      id: row.id,
      entityId: row.entityId,
      rectificationOrderId: row.rectificationOrderId,
      statement: row.statement,
      status: row.status,
      requestedOn: row.requestedOn,
    })),
    total: total?.total ?? 0,
  };
}
