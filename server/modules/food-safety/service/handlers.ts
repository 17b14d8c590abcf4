import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { addDays, todayInChina } from '../../../../shared/calendar-day.ts';
import { maskIdNumber } from '../../../../shared/masking.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { findEntityForModule } from '../../registry/index.ts';
import { handlerAlreadyEmployed, handlerAlreadyLeft, handlerNotFound } from '../food-safety.errors.ts';
import type { CertificateBody, CreateHandlerBody, HandlerQuery, HandlerView, UpdateHandlerBody } from '../food-safety.schemas.ts';
import { foodHandler, healthCertificate } from '../food-safety.tables.ts';
import { certificateState, certificateValidUntil, certificateWarningDays } from '../rules/certificate-state.ts';
import { runFindings } from './comparison.ts';
import { refreshWarning } from './expiry-warnings.ts';

export type HandlerRow = typeof foodHandler.$inferSelect;

export const handlerScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: foodHandler.districtCode, street: foodHandler.streetCode, entity: foodHandler.entityId });

export const today = (ctx: ServiceContext) => todayInChina(ctx.clock.now());

/** Normalised ID number: upper-case X; the blind index is taken of this. */
export const normaliseIdNumber = (idNumber: string) => idNumber.trim().toUpperCase();

/** SQL condition on the latest certificate validity for a state on `day`. */
export function stateCondition(state: string, day: string): SQL {
  const soon = addDays(day, certificateWarningDays.early);
  const until = foodHandler.certificateValidUntil;
  switch (state) {
    case 'missing':
      return isNull(until);
    case 'expired':
      return lt(until, day);
    case 'expiring':
      return and(gte(until, day), lt(until, soon)) as SQL;
    default:
      return gte(until, soon);
  }
}

export const employedOn = (day: string) =>
  and(sql`${foodHandler.hiredOn} <= ${day}`, or(isNull(foodHandler.leftOn), gt(foodHandler.leftOn, day))) as SQL;

async function findHandler(ctx: ActorContext, id: number): Promise<HandlerRow> {
  const [row] = await ctx.db
    .select()
    .from(foodHandler)
    .where(and(handlerScope(ctx), eq(foodHandler.id, id)));
  if (!row) throw handlerNotFound();
  return row;
}

async function otherShopsOf(ctx: ActorContext, row: HandlerRow, day: string): Promise<number> {
  const [result] = await ctx.db
    .select({ shops: sql<number>`count(distinct ${foodHandler.entityId})::int` })
    .from(foodHandler)
    .where(
      and(
        eq(foodHandler.districtCode, row.districtCode),
        eq(foodHandler.idNumberBlind, row.idNumberBlind),
        ne(foodHandler.entityId, row.entityId),
        employedOn(day),
      ),
    );
  return result?.shops ?? 0;
}

function toView(row: HandlerRow, day: string, otherShops: number): HandlerView {
  return {
    id: row.id,
    entityId: row.entityId,
    streetCode: row.streetCode,
    name: row.name,
    idNumberMasked: row.idNumberMask,
    post: row.post,
    isFullTime: row.isFullTime,
    hiredOn: row.hiredOn,
    leftOn: row.leftOn,
    certificateValidUntil: row.certificateValidUntil,
    certificateState: certificateState(row.certificateValidUntil, day),
    otherShops,
  };
}

export async function listHandlers(ctx: ActorContext, query: HandlerQuery): Promise<{ items: HandlerView[]; total: number }> {
  const day = today(ctx);
  const where = and(
    handlerScope(ctx),
    query.entityId === undefined ? undefined : eq(foodHandler.entityId, query.entityId),
    query.state === undefined ? undefined : stateCondition(query.state, day),
    query.isEmployed === false ? sql`not (${employedOn(day)})` : employedOn(day),
  );
  const [total] = await ctx.db.select({ total: count() }).from(foodHandler).where(where);
  const rows = await ctx.db
    .select()
    .from(foodHandler)
    .where(where)
    .orderBy(asc(foodHandler.certificateValidUntil), asc(foodHandler.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map((row) => toView(row, day, 0)), total: total?.total ?? 0 };
}

export async function getHandler(ctx: ActorContext, id: number): Promise<HandlerView> {
  const row = await findHandler(ctx, id);
  const day = today(ctx);
  const certificates = await ctx.db
    .select({
      id: healthCertificate.id,
      number: healthCertificate.number,
      institution: healthCertificate.institution,
      examinedOn: healthCertificate.examinedOn,
      validUntil: healthCertificate.validUntil,
    })
    .from(healthCertificate)
    .where(and(eq(healthCertificate.districtCode, row.districtCode), eq(healthCertificate.handlerId, row.id)))
    .orderBy(desc(healthCertificate.examinedOn));
  return { ...toView(row, day, await otherShopsOf(ctx, row, day)), certificates };
}

export async function createHandler(ctx: ActorContext, body: CreateHandlerBody): Promise<HandlerView> {
  const shop = await findEntityForModule(ctx, body.entityId);
  const idNumber = normaliseIdNumber(body.idNumber);
  const blind = ctx.crypto.blindIndex(idNumber);
  const day = today(ctx);
  // During a key rotation a person already on file may still be indexed under the previous key.
  const blinds = ctx.crypto.blindIndexes(idNumber);
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: foodHandler.id })
      .from(foodHandler)
      .where(
        and(
          eq(foodHandler.districtCode, shop.districtCode),
          eq(foodHandler.entityId, shop.id),
          inArray(foodHandler.idNumberBlind, blinds),
          isNull(foodHandler.leftOn),
        ),
      );
    if (existing) throw handlerAlreadyEmployed();
    const [row] = await tx
      .insert(foodHandler)
      .values({
        districtCode: shop.districtCode,
        entityId: shop.id,
        streetCode: shop.streetCode,
        industryCode: shop.industryCode,
        name: body.name,
        idNumberEnc: ctx.crypto.encrypt(idNumber),
        idNumberBlind: blind,
        idNumberMask: maskIdNumber(idNumber),
        post: body.post ?? '',
        isFullTime: body.isFullTime ?? true,
        hiredOn: body.hiredOn,
      })
      .returning();
    const created = row as HandlerRow;
    const txCtx = { ...ctx, db: tx };
    await refreshWarning(txCtx, created, day);
    await runFindings(txCtx, { districtCode: shop.districtCode, entityIds: [shop.id], trigger: 'food_handler', day });
    await writeAudit(txCtx, {
      action: 'food_handler.create',
      objectType: 'food_handler',
      objectId: created.id,
      detail: { entityId: shop.id },
    });
    return toView(created, day, 0);
  });
}

export async function updateHandler(ctx: ActorContext, id: number, body: UpdateHandlerBody): Promise<HandlerView> {
  const row = await findHandler(ctx, id);
  if (body.leftOn !== undefined && row.leftOn !== null) throw handlerAlreadyLeft();
  const day = today(ctx);
  return ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(foodHandler)
      .set({
        ...(body.post === undefined ? {} : { post: body.post }),
        ...(body.isFullTime === undefined ? {} : { isFullTime: body.isFullTime }),
        ...(body.leftOn === undefined ? {} : { leftOn: [body.leftOn, row.hiredOn].sort()[1] as string }),
      })
      .where(and(eq(foodHandler.districtCode, row.districtCode), eq(foodHandler.id, row.id)))
      .returning();
    const txCtx = { ...ctx, db: tx };
    await refreshWarning(txCtx, updated as HandlerRow, day);
    await runFindings(txCtx, { districtCode: row.districtCode, entityIds: [row.entityId], trigger: 'food_handler', day });
    await writeAudit(txCtx, {
      action: 'food_handler.update',
      objectType: 'food_handler',
      objectId: row.id,
      detail: { fields: Object.keys(body) },
    });
    return toView(updated as HandlerRow, day, 0);
  });
}

/** Inserts one certificate and keeps the person's latest validity in step (inside the caller's transaction). */
export async function insertCertificate(ctx: ServiceContext, row: HandlerRow, body: CertificateBody): Promise<HandlerRow> {
  const validUntil = body.validUntil ?? certificateValidUntil(body.examinedOn);
  if (validUntil < body.examinedOn) {
    throw invalidRequest({}, [
      {
        in: 'body',
        field: 'validUntil',
        code: 'before_examination',
        message: { 'zh-CN': '有效期不能早于体检日期', en: 'cannot be before the examination date' },
      },
    ]);
  }
  await ctx.db.insert(healthCertificate).values({
    districtCode: row.districtCode,
    handlerId: row.id,
    number: body.number,
    institution: body.institution,
    examinedOn: body.examinedOn,
    validUntil,
  });
  const best = row.certificateValidUntil === null || validUntil > row.certificateValidUntil ? validUntil : row.certificateValidUntil;
  const [updated] = await ctx.db
    .update(foodHandler)
    .set({ certificateValidUntil: best })
    .where(and(eq(foodHandler.districtCode, row.districtCode), eq(foodHandler.id, row.id)))
    .returning();
  return updated as HandlerRow;
}

export async function addCertificate(ctx: ActorContext, id: number, body: CertificateBody): Promise<HandlerView> {
  const row = await findHandler(ctx, id);
  const day = today(ctx);
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const updated = await insertCertificate(txCtx, row, body);
    await refreshWarning(txCtx, updated, day);
    await runFindings(txCtx, { districtCode: row.districtCode, entityIds: [row.entityId], trigger: 'health_certificate', day });
    await writeAudit(txCtx, { action: 'food_handler.add_certificate', objectType: 'food_handler', objectId: row.id });
  });
  return getHandler(ctx, id);
}

/** The full ID number, to a role that needs it, audited with the reason. */
export async function revealIdNumber(ctx: ActorContext, id: number, reason: string): Promise<{ idNumber: string }> {
  const row = await findHandler(ctx, id);
  await writeAudit(ctx, { action: 'food_handler.reveal_id_number', objectType: 'food_handler', objectId: row.id, reason });
  return { idNumber: ctx.crypto.decrypt(row.idNumberEnc) };
}
