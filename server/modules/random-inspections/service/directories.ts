import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { appUser } from '../../../platform/auth/auth.tables.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { orgUnit } from '../../../platform/org/org.tables.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { findEntityForModule, searchEntities } from '../../registry/index.ts';
import { certificateTaken, conflictExists, conflictNotFound, inspectorNotFound } from '../random-inspections.errors.ts';
import type {
  ConflictBody,
  ConflictView,
  CreditClassSummary,
  DirectoryObjectView,
  InspectorCertificateBody,
  InspectorView,
  ObjectDirectoryQuery,
} from '../random-inspections.schemas.ts';
import { riConflict, riCreditClass, riInspector } from '../random-inspections.tables.ts';
import { creditRiskRuleSetOn } from '../rules/credit-risk-class.ts';
import { classCounts, classesOf } from './credit-classes.ts';

const isInspector = sql`'inspector' = any(${appUser.roles})`;

/** The inspector directory (执法检查人员名录库): inspector accounts with their certificate and station. */
export async function listInspectors(ctx: ActorContext): Promise<{ items: InspectorView[]; total: number }> {
  const today = todayInChina(ctx.clock.now());
  const rows = await ctx.db
    .select({
      userId: appUser.id,
      username: appUser.username,
      displayName: appUser.displayName,
      isDisabled: appUser.isDisabled,
      stationId: orgUnit.id,
      stationKind: orgUnit.kind,
      stationName: orgUnit.name,
      certificateNo: riInspector.certificateNo,
      validFrom: riInspector.validFrom,
      validUntil: riInspector.validUntil,
      department: riInspector.department,
      isInPool: riInspector.isInPool,
    })
    .from(appUser)
    .leftJoin(orgUnit, and(eq(orgUnit.districtCode, appUser.districtCode), eq(orgUnit.id, appUser.orgUnitId)))
    .leftJoin(riInspector, and(eq(riInspector.districtCode, appUser.districtCode), eq(riInspector.userId, appUser.id)))
    .where(and(scopeWhere(ctx.actor, { district: appUser.districtCode }), isInspector))
    .orderBy(asc(appUser.username));
  const items = rows.map((row) => ({
    userId: row.userId,
    username: row.username,
    displayName: row.displayName,
    stationId: row.stationKind === 'station' ? row.stationId : null,
    stationName: row.stationKind === 'station' ? row.stationName : null,
    certificateNo: row.certificateNo,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    department: row.department,
    isInPool: row.isInPool ?? false,
    isEligibleToday:
      !row.isDisabled &&
      Boolean(row.isInPool) &&
      row.validFrom !== null &&
      row.validUntil !== null &&
      row.validFrom <= today &&
      today <= row.validUntil,
  }));
  return { items, total: items.length };
}

/** Records an inspector's enforcement certificate (执法证) and whether they are in the draw pool. */
export async function setInspectorCertificate(ctx: ActorContext, userId: number, input: InspectorCertificateBody): Promise<InspectorView> {
  if (input.validUntil < input.validFrom) {
    throw invalidRequest({}, [
      {
        in: 'body',
        field: 'validUntil',
        code: 'before_valid_from',
        message: { 'zh-CN': '有效期止不能早于有效期起', en: 'must not be before validFrom' },
      },
    ]);
  }
  const [user] = await ctx.db
    .select({ id: appUser.id, districtCode: appUser.districtCode })
    .from(appUser)
    .where(and(eq(appUser.id, userId), scopeWhere(ctx.actor, { district: appUser.districtCode }), isInspector));
  if (!user) throw inspectorNotFound();
  const [holder] = await ctx.db
    .select({ userId: riInspector.userId })
    .from(riInspector)
    .where(and(eq(riInspector.districtCode, user.districtCode), eq(riInspector.certificateNo, input.certificateNo)));
  if (holder && holder.userId !== userId) throw certificateTaken();
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(riInspector)
      .where(and(eq(riInspector.districtCode, user.districtCode), eq(riInspector.userId, userId)));
    const values = { ...input, updatedAt: ctx.clock.now() };
    await tx
      .insert(riInspector)
      .values({ districtCode: user.districtCode, userId, ...values })
      .onConflictDoUpdate({ target: [riInspector.districtCode, riInspector.userId], set: values });
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'random_inspections.inspector_certificate',
        objectType: 'user',
        objectId: userId,
        districtCode: user.districtCode,
        detail: {
          before: before ? { certificateNo: before.certificateNo, validUntil: before.validUntil, isInPool: before.isInPool } : null,
          after: input,
        },
      },
    );
  });
  const { items } = await listInspectors(ctx);
  return items.find((item) => item.userId === userId) as InspectorView;
}

/**
 * The inspection-object directory (检查对象名录库): registry entities with their credit class. Filtered by
 * class, it pages over the graded entities; otherwise over the registry search.
 */
export async function listDirectoryObjects(
  ctx: ActorContext,
  query: ObjectDirectoryQuery,
): Promise<{ items: DirectoryObjectView[]; total: number }> {
  const { page, pageSize, creditClass, ...filter } = query;
  if (creditClass) {
    const where = and(scopeWhere(ctx.actor, { district: riCreditClass.districtCode }), eq(riCreditClass.creditClass, creditClass));
    const [counted] = await ctx.db.select({ total: count() }).from(riCreditClass).where(where);
    const graded = await ctx.db
      .select()
      .from(riCreditClass)
      .where(where)
      .orderBy(desc(riCreditClass.score), asc(riCreditClass.entityId))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const items: DirectoryObjectView[] = [];
    for (const row of graded) {
      const entity = await findEntityForModule(ctx, row.entityId);
      items.push({
        entityId: entity.id,
        creditCode: entity.creditCode,
        name: entity.name,
        streetCode: entity.streetCode,
        industryCode: entity.industryCode,
        businessCategory: entity.businessCategory,
        creditClass: row.creditClass,
        score: row.score,
        reasons: row.reasons,
        gradedOn: row.gradedOn,
      });
    }
    return { items, total: counted?.total ?? 0 };
  }
  const found = await searchEntities(ctx, { ...(filter as Record<string, never>), status: 'active', page, pageSize });
  const classes = await classesOf(
    ctx,
    found.items.map((item) => item.id),
  );
  return {
    total: found.total,
    items: found.items.map((item) => {
      const graded = classes.get(item.id);
      return {
        entityId: item.id,
        creditCode: item.creditCode,
        name: item.name,
        streetCode: item.streetCode,
        industryCode: item.industryCode,
        businessCategory: item.businessCategory,
        creditClass: graded?.creditClass ?? null,
        score: graded?.score ?? null,
        reasons: graded?.reasons ?? [],
        gradedOn: graded?.gradedOn ?? null,
      };
    }),
  };
}

export async function creditClassSummary(ctx: ActorContext): Promise<CreditClassSummary> {
  const { counts, gradedOn } = await classCounts(ctx);
  const set = creditRiskRuleSetOn(todayInChina(ctx.clock.now()));
  return { ruleSet: set.id, citation: set.citation, counts, gradedOn };
}

const conflictColumns = {
  id: riConflict.id,
  userId: riConflict.userId,
  inspectorName: appUser.displayName,
  entityId: riConflict.entityId,
  reason: riConflict.reason,
  declaredAt: riConflict.declaredAt,
};

export async function listConflicts(ctx: ActorContext): Promise<{ items: ConflictView[]; total: number }> {
  const rows = await ctx.db
    .select(conflictColumns)
    .from(riConflict)
    .innerJoin(appUser, and(eq(appUser.districtCode, riConflict.districtCode), eq(appUser.id, riConflict.userId)))
    .where(scopeWhere(ctx.actor, { district: riConflict.districtCode }))
    .orderBy(desc(riConflict.id))
    .limit(500);
  const items: ConflictView[] = [];
  for (const row of rows) {
    const entity = await findEntityForModule(ctx, row.entityId);
    items.push({ ...row, entityName: entity.name, declaredAt: row.declaredAt.toISOString() });
  }
  return { items, total: items.length };
}

/** Declares that an inspector must not inspect an entity (relative, former employer, interest…). */
export async function declareConflict(ctx: ActorContext, input: ConflictBody): Promise<ConflictView> {
  const entity = await findEntityForModule(ctx, input.entityId);
  const [user] = await ctx.db
    .select({ id: appUser.id, displayName: appUser.displayName })
    .from(appUser)
    .where(and(eq(appUser.id, input.userId), eq(appUser.districtCode, entity.districtCode), isInspector));
  if (!user) {
    throw invalidRequest({}, [
      {
        in: 'body',
        field: 'userId',
        code: 'not_inspector',
        message: { 'zh-CN': '不是本区执法人员', en: 'is not an inspector of this district' },
      },
    ]);
  }
  const [existing] = await ctx.db
    .select({ id: riConflict.id })
    .from(riConflict)
    .where(
      and(eq(riConflict.districtCode, entity.districtCode), eq(riConflict.userId, input.userId), eq(riConflict.entityId, input.entityId)),
    );
  if (existing) throw conflictExists();
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(riConflict)
      .values({
        districtCode: entity.districtCode,
        userId: input.userId,
        entityId: input.entityId,
        reason: input.reason,
        declaredBy: ctx.actor.userId,
        declaredAt: ctx.clock.now(),
      })
      .returning();
    if (!created) throw new Error('insert returned nothing');
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'random_inspections.conflict_declare',
        objectType: 'ri_conflict',
        objectId: created.id,
        districtCode: entity.districtCode,
        detail: { after: input },
      },
    );
    return created;
  });
  return {
    id: row.id,
    userId: row.userId,
    inspectorName: user.displayName,
    entityId: row.entityId,
    entityName: entity.name,
    reason: row.reason,
    declaredAt: row.declaredAt.toISOString(),
  };
}

export async function removeConflict(ctx: ActorContext, id: number): Promise<void> {
  const [row] = await ctx.db
    .select()
    .from(riConflict)
    .where(and(eq(riConflict.id, id), scopeWhere(ctx.actor, { district: riConflict.districtCode })));
  if (!row) throw conflictNotFound();
  await ctx.db.transaction(async (tx) => {
    await tx.delete(riConflict).where(and(eq(riConflict.districtCode, row.districtCode), eq(riConflict.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'random_inspections.conflict_remove',
        objectType: 'ri_conflict',
        objectId: id,
        districtCode: row.districtCode,
        detail: { before: { userId: row.userId, entityId: row.entityId, reason: row.reason } },
      },
    );
  });
}
