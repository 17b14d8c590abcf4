import { and, arrayContains, count, desc, eq, gte, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { appUser } from '../../../platform/auth/auth.tables.ts';
import type { FieldError } from '../../../platform/errors/app-error.ts';
import { invalidRequest, isUniqueViolation } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { addTimelineEvent, findEntityForModule } from '../../registry/index.ts';
import { inspectionNotFound, templateNotFound } from '../food-safety.errors.ts';
import type { CreateInspectionBody, InspectionQuery, InspectionView } from '../food-safety.schemas.ts';
import {
  foodInspection,
  foodInspectionAnswer,
  inspectionConflict,
  inspectionTemplate,
  rectificationOrder,
  reinspectionRequest,
} from '../food-safety.tables.ts';
import { scoreInspection } from '../rules/entity-grade.ts';
import { gradingRulesFor } from '../rules/grading-rule-sets.ts';
import { runFindings } from './comparison.ts';
import { recomputeGrade } from './grades.ts';
import { today } from './handlers.ts';
import { checkInspectionFiles, insertInspectionFiles, listInspectionFiles, readInspectionFile } from './inspection-files.ts';
import { ensureDefaultTemplate, type TemplateItemRow, templateItems } from './templates.ts';

type InspectionRow = typeof foodInspection.$inferSelect;

const inspectionScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: foodInspection.districtCode, street: foodInspection.streetCode, entity: foodInspection.entityId });

const field = (name: string, code: string, message: string, params?: Record<string, unknown>): FieldError => ({
  in: 'body',
  field: name,
  code,
  message: { 'zh-CN': message, en: message },
  ...(params ? { params } : {}),
});

const outcomeText = { compliant: '符合', 'basically-compliant': '基本符合', 'non-compliant': '不符合' } as const;
const outcomeTextEn = { compliant: 'compliant', 'basically-compliant': 'basically compliant', 'non-compliant': 'non-compliant' } as const;

/** SAMR Order 49: at least two inspectors of the district, none of them with a declared conflict with the business. */
async function checkInspectors(ctx: ActorContext, districtCode: string, entityId: number, ids: readonly number[]): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const unique = [...new Set(ids)];
  if (unique.length < 2) errors.push(field('inspectorIds', 'too_few', 'at least two different inspectors (SAMR Order 49)'));
  if (ctx.actor.roles.includes('inspector') && !unique.includes(ctx.actor.userId))
    errors.push(field('inspectorIds', 'actor_missing', 'the inspector saving the record must be one of the inspectors'));
  const users = await ctx.db
    .select({ id: appUser.id, roles: appUser.roles, isDisabled: appUser.isDisabled })
    .from(appUser)
    .where(and(eq(appUser.districtCode, districtCode), inArray(appUser.id, unique)));
  for (const id of unique) {
    const user = users.find((row) => row.id === id);
    if (!user || user.isDisabled || !user.roles.includes('inspector'))
      errors.push(field(`inspectorIds.${ids.indexOf(id)}`, 'not_inspector', 'not an active inspector of this district'));
  }
  const conflicts = await ctx.db
    .select({ inspectorId: inspectionConflict.inspectorId })
    .from(inspectionConflict)
    .where(
      and(
        eq(inspectionConflict.districtCode, districtCode),
        eq(inspectionConflict.entityId, entityId),
        inArray(inspectionConflict.inspectorId, unique),
      ),
    );
  for (const conflict of conflicts)
    errors.push(
      field(
        `inspectorIds.${ids.indexOf(conflict.inspectorId)}`,
        'conflict_of_interest',
        'this inspector declared a conflict of interest and must recuse',
      ),
    );
  return errors;
}

function checkAnswers(body: CreateInspectionBody, items: TemplateItemRow[]): FieldError[] {
  const errors: FieldError[] = [];
  const known = new Set(items.map((item) => item.id));
  const seen = new Set<number>();
  body.answers.forEach((answer, index) => {
    if (!known.has(answer.itemId)) errors.push(field(`answers.${index}.itemId`, 'unknown_item', 'not an item of the template'));
    if (seen.has(answer.itemId)) errors.push(field(`answers.${index}.itemId`, 'duplicate', 'item answered twice'));
    seen.add(answer.itemId);
  });
  const missing = items.filter((item) => !seen.has(item.id)).length;
  // Order 49: every checklist item is covered, except in a flying inspection (飞行检查).
  if (body.kind !== 'flying' && missing > 0)
    errors.push(field('answers', 'incomplete', 'every checklist item must be answered (use na for 合理缺项)', { missing }));
  if (body.answers.length === 0) errors.push(field('answers', 'empty', 'at least one item must be answered'));
  return errors;
}

/**
 * Saves an inspection filled in the field: checks the inspectors and the checklist, scores it (量化分级 2012),
 * gives the result 符合 / 基本符合 / 不符合, issues the rectification order when needed, closes the order a
 * re-inspection answers, and — in the same transaction — recomputes the business's grades (dynamic, annual,
 * risk, next due date, with a history row), puts the event on the entity timeline and reruns the comparison rules.
 */
export async function createInspection(ctx: ActorContext, body: CreateInspectionBody): Promise<InspectionView> {
  const earlier = await inspectionWithKey(ctx, body.idempotencyKey);
  if (earlier !== undefined) return getInspection(ctx, earlier);
  const shop = await findEntityForModule(ctx, body.entityId);
  const day = today(ctx);
  const inspectedOn = body.inspectedOn ?? day;
  const errors: FieldError[] = [];
  if (inspectedOn > day) errors.push(field('inspectedOn', 'future', 'the inspection date cannot be in the future'));
  const templateId = body.templateId ?? (await ensureDefaultTemplate(ctx, shop.districtCode));
  const [template] = await ctx.db
    .select()
    .from(inspectionTemplate)
    .where(and(eq(inspectionTemplate.districtCode, shop.districtCode), eq(inspectionTemplate.id, templateId)));
  if (!template?.isActive) throw templateNotFound();
  const items = await templateItems(ctx, shop.districtCode, templateId);
  errors.push(...(await checkInspectors(ctx, shop.districtCode, shop.id, body.inspectorIds)));
  errors.push(...checkAnswers(body, items));
  const checkedFiles = checkInspectionFiles(body, new Set(items.map((item) => item.id)));
  errors.push(...checkedFiles.problems);
  let openOrder: typeof rectificationOrder.$inferSelect | undefined;
  if (body.kind === 're-inspection') {
    if (body.rectificationOrderId === undefined)
      errors.push(field('rectificationOrderId', 'required', 'a re-inspection names the order it checks'));
    else {
      [openOrder] = await ctx.db
        .select()
        .from(rectificationOrder)
        .where(
          and(
            eq(rectificationOrder.districtCode, shop.districtCode),
            eq(rectificationOrder.id, body.rectificationOrderId),
            eq(rectificationOrder.entityId, shop.id),
            isNull(rectificationOrder.closedOn),
          ),
        );
      if (!openOrder) errors.push(field('rectificationOrderId', 'not_open', 'no open rectification order of this business'));
    }
  }
  if (body.operatorSignature === undefined && body.operatorRefused !== true)
    errors.push(field('operatorSignature', 'required', 'the operator signs, or the refusal is recorded'));
  const byId = new Map(items.map((item) => [item.id, item]));
  const answers = body.answers.filter((answer) => byId.has(answer.itemId));
  const rules = gradingRulesFor(shop.districtCode, inspectedOn);
  const score = scoreInspection(
    answers.map((answer) => {
      const item = byId.get(answer.itemId) as TemplateItemRow;
      return {
        result: answer.result,
        isKey: item.isKey,
        passTenths: item.passTenths,
        partialTenths: item.partialTenths,
        failTenths: item.failTenths,
      };
    }),
    rules,
  );
  if (score.needsRectification) {
    if (!body.rectification)
      errors.push(field('rectification', 'required', 'a result other than 符合 needs a rectification order with a deadline'));
    else if (body.rectification.deadline <= inspectedOn)
      errors.push(field('rectification.deadline', 'too_early', 'the deadline must be after the inspection day'));
  }
  if (errors.length) throw invalidRequest({}, errors);

  let id: number;
  try {
    id = await saveInspection();
  } catch (error) {
    // Two sends of one key raced: the other one saved it, so answer with that inspection.
    const again = isUniqueViolation(error) ? await inspectionWithKey(ctx, body.idempotencyKey) : undefined;
    if (again === undefined) throw error;
    id = again;
  }
  return getInspection(ctx, id);

  function saveInspection() {
    return ctx.db.transaction(async (tx) => {
      const txCtx = { ...ctx, db: tx };
      const [row] = await tx
        .insert(foodInspection)
        .values({
          districtCode: shop.districtCode,
          entityId: shop.id,
          streetCode: shop.streetCode,
          templateId,
          kind: body.kind,
          inspectedOn,
          inspectorIds: [...new Set(body.inspectorIds)],
          itemsInspected: score.grade.itemsInspected,
          scoreTenths: score.grade.scoreTenths,
          failedKeyItems: score.grade.failedKeyItems,
          dynamicGrade: score.grade.grade,
          outcome: score.outcome,
          remarks: body.remarks ?? '',
          inspectorSignature: body.inspectorSignature,
          operatorSignature: body.operatorSignature ?? null,
          operatorRefused: body.operatorRefused ?? false,
          signedAt: ctx.clock.now(),
          createdBy: ctx.actor.userId,
          idempotencyKey: body.idempotencyKey ?? null,
        })
        .returning({ id: foodInspection.id });
      const inspectionId = (row as { id: number }).id;
      await insertInspectionFiles(tx, shop.districtCode, inspectionId, checkedFiles.files);
      await tx.insert(foodInspectionAnswer).values(
        answers.map((answer) => ({
          districtCode: shop.districtCode,
          inspectionId,
          itemId: answer.itemId,
          result: answer.result,
          note: answer.note ?? '',
        })),
      );
      if (openOrder) {
        await tx
          .update(rectificationOrder)
          .set({
            closedOn: inspectedOn,
            closedByInspectionId: inspectionId,
            outcome: score.outcome === 'non-compliant' ? 'not-rectified' : 'rectified',
          })
          .where(and(eq(rectificationOrder.districtCode, shop.districtCode), eq(rectificationOrder.id, openOrder.id)));
        await tx
          .update(reinspectionRequest)
          .set({ status: 'done' })
          .where(and(eq(reinspectionRequest.districtCode, shop.districtCode), eq(reinspectionRequest.rectificationOrderId, openOrder.id)));
      }
      if (score.needsRectification && body.rectification) {
        const [order] = await tx
          .insert(rectificationOrder)
          .values({
            districtCode: shop.districtCode,
            entityId: shop.id,
            streetCode: shop.streetCode,
            inspectionId,
            deadline: body.rectification.deadline,
            requirements: body.rectification.requirements,
          })
          .returning({ id: rectificationOrder.id });
        await tx
          .update(foodInspection)
          .set({ rectificationOrderId: (order as { id: number }).id })
          .where(and(eq(foodInspection.districtCode, shop.districtCode), eq(foodInspection.id, inspectionId)));
      }
      await recomputeGrade(txCtx, {
        districtCode: shop.districtCode,
        entityId: shop.id,
        today: day,
        cause: {
          'zh-CN': `监督检查#${inspectionId}（${inspectedOn}，${outcomeText[score.outcome]}）`,
          en: `inspection #${inspectionId} (${inspectedOn}, ${outcomeTextEn[score.outcome]})`,
        },
        inspectionId,
      });
      await addTimelineEvent(txCtx, {
        districtCode: shop.districtCode,
        entityId: shop.id,
        kind: 'food_inspection.saved',
        at: ctx.clock.now(),
        title: {
          zh: `食品安全监督检查：${outcomeText[score.outcome]}${score.grade.scoreTenths === null ? '' : `（${(score.grade.scoreTenths / 10).toFixed(1)}分）`}`,
          en: `Food-safety inspection: ${outcomeTextEn[score.outcome]}`,
        },
        refType: 'food_inspection',
        refId: inspectionId,
      });
      await runFindings(txCtx, { districtCode: shop.districtCode, entityIds: [shop.id], trigger: 'inspection', day });
      await writeAudit(txCtx, {
        action: 'food_inspection.create',
        objectType: 'food_inspection',
        objectId: inspectionId,
        detail: { entityId: shop.id, outcome: score.outcome, scoreTenths: score.grade.scoreTenths, files: checkedFiles.files.length },
      });
      return inspectionId;
    });
  }
}

/** The inspection this account already saved under `key`, if any. */
async function inspectionWithKey(ctx: ActorContext, key: string | undefined): Promise<number | undefined> {
  if (key === undefined) return undefined;
  const [row] = await ctx.db
    .select({ id: foodInspection.id })
    .from(foodInspection)
    .where(
      and(
        eq(foodInspection.districtCode, ctx.actor.districtCode),
        eq(foodInspection.createdBy, ctx.actor.userId),
        eq(foodInspection.idempotencyKey, key),
      ),
    );
  return row?.id;
}

async function findInspection(ctx: ActorContext, id: number): Promise<InspectionRow> {
  const [row] = await ctx.db
    .select()
    .from(foodInspection)
    .where(and(inspectionScope(ctx), eq(foodInspection.id, id)));
  if (!row) throw inspectionNotFound();
  return row;
}

function toView(row: InspectionRow): InspectionView {
  return {
    id: row.id,
    entityId: row.entityId,
    streetCode: row.streetCode,
    templateId: row.templateId,
    kind: row.kind,
    inspectedOn: row.inspectedOn,
    inspectorIds: row.inspectorIds,
    itemsInspected: row.itemsInspected,
    scoreTenths: row.scoreTenths,
    failedKeyItems: row.failedKeyItems,
    dynamicGrade: row.dynamicGrade,
    outcome: row.outcome,
    remarks: row.remarks,
    inspectorSignature: row.inspectorSignature,
    operatorSignature: row.operatorSignature,
    operatorRefused: row.operatorRefused,
    signedAt: row.signedAt.toISOString(),
    rectificationOrderId: row.rectificationOrderId,
  };
}

export async function getInspection(ctx: ActorContext, id: number): Promise<InspectionView> {
  const row = await findInspection(ctx, id);
  const answers = await ctx.db
    .select({ itemId: foodInspectionAnswer.itemId, result: foodInspectionAnswer.result, note: foodInspectionAnswer.note })
    .from(foodInspectionAnswer)
    .where(and(eq(foodInspectionAnswer.districtCode, row.districtCode), eq(foodInspectionAnswer.inspectionId, row.id)));
  const [order] = row.rectificationOrderId
    ? await ctx.db
        .select()
        .from(rectificationOrder)
        .where(and(eq(rectificationOrder.districtCode, row.districtCode), eq(rectificationOrder.id, row.rectificationOrderId)))
    : [];
  return {
    ...toView(row),
    answers,
    files: await listInspectionFiles(ctx, row.districtCode, row.id),
    rectification: order
      ? { id: order.id, deadline: order.deadline, requirements: order.requirements, closedOn: order.closedOn, outcome: order.outcome }
      : null,
  };
}

export async function listInspections(ctx: ActorContext, query: InspectionQuery): Promise<{ items: InspectionView[]; total: number }> {
  const where = and(
    inspectionScope(ctx),
    query.entityId === undefined ? undefined : eq(foodInspection.entityId, query.entityId),
    query.from === undefined ? undefined : gte(foodInspection.inspectedOn, query.from),
    query.to === undefined ? undefined : lte(foodInspection.inspectedOn, query.to),
    query.inspectorId === undefined ? undefined : arrayContains(foodInspection.inspectorIds, [query.inspectorId]),
  ) as SQL;
  const [total] = await ctx.db.select({ total: count() }).from(foodInspection).where(where);
  const rows = await ctx.db
    .select()
    .from(foodInspection)
    .where(where)
    .orderBy(desc(foodInspection.inspectedOn), desc(foodInspection.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(toView), total: total?.total ?? 0 };
}

/** A photo or drawn signature of an inspection in scope (404 outside it, like the inspection); the download is audited. */
export async function downloadInspectionFile(
  ctx: ActorContext,
  id: number,
  fileId: number,
): Promise<{ contentType: string; content: Buffer }> {
  const row = await findInspection(ctx, id);
  return readInspectionFile(ctx, row, fileId);
}
