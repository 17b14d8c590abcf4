import { randomBytes } from 'node:crypto';
import { type AnyColumn, and, arrayOverlaps, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { bureauStaffRoles, fieldStaffRoles } from '../../../../shared/roles.ts';
import type { Db } from '../../../db/client.ts';
import { inTurn } from '../../../db/in-turn.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { appUser } from '../../../platform/auth/auth.tables.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { orgUnit } from '../../../platform/org/org.tables.ts';
import { findEntityForModule } from '../../registry/index.ts';
import { blindCodeFromBytes } from '../rules/blind-code.ts';
import { isResultFinal } from '../rules/result-finality.ts';
import { toLabDue } from '../rules/sample-deadlines.ts';
import { samplingRulesOn } from '../rules/sampling-rule-sets.ts';
import { sampleNotFound } from '../sampling.errors.ts';
import type { CreateSampleBody, SampleQuery, SampleView } from '../sampling.schemas.ts';
import { failureHandling, sample, sampleFile, sampleResultItem } from '../sampling.tables.ts';
import { findPlan } from './plans.ts';
import { bureauSampleScope, calendarFor } from './sampling-context.ts';

export type SampleRow = typeof sample.$inferSelect;

/** A fresh blind code, unused in the district (50 random bits: a retry is astronomically rare). */
export async function newBlindCode(db: Db, districtCode: string, random: () => Uint8Array = () => randomBytes(10)): Promise<string> {
  for (;;) {
    const code = blindCodeFromBytes(random());
    const [taken] = await db
      .select({ id: sample.id })
      .from(sample)
      .where(and(eq(sample.districtCode, districtCode), eq(sample.blindCode, code)));
    if (!taken) return code;
  }
}

/** A sample of the bureau side in the actor's scope; 404 outside it, like a missing one. */
export async function findSample(ctx: ActorContext, id: number): Promise<SampleRow> {
  const [row] = await ctx.db
    .select()
    .from(sample)
    .where(and(bureauSampleScope(ctx.actor), eq(sample.id, id)));
  if (!row) throw sampleNotFound();
  return row;
}

/** Lab org units of a district. */
export async function labsOf(db: Db, districtCode: string): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: orgUnit.id, name: orgUnit.name })
    .from(orgUnit)
    .where(and(eq(orgUnit.districtCode, districtCode), eq(orgUnit.kind, 'lab')))
    .orderBy(asc(orgUnit.id));
}

export async function listLabs(ctx: ActorContext) {
  return labsOf(ctx.db, ctx.actor.districtCode);
}

/** Staff who may sign a sampling form as samplers (inspectors and section staff of the actor's district). */
export async function listSamplers(ctx: ActorContext) {
  return ctx.db
    .select({ id: appUser.id, displayName: appUser.displayName, orgUnitName: orgUnit.name })
    .from(appUser)
    .leftJoin(orgUnit, and(eq(orgUnit.districtCode, appUser.districtCode), eq(orgUnit.id, appUser.orgUnitId)))
    .where(
      and(
        eq(appUser.districtCode, ctx.actor.districtCode),
        arrayOverlaps(appUser.roles, [...fieldStaffRoles]),
        eq(appUser.isDisabled, false),
      ),
    )
    .orderBy(asc(appUser.id));
}

export async function createSample(ctx: ActorContext, body: CreateSampleBody): Promise<SampleView> {
  const today = todayInChina(ctx.clock.now());
  const errors = [];
  if (body.sampledOn > today) errors.push({ field: 'sampledOn', zh: '抽样日期不能晚于今天', en: 'cannot be in the future' });
  if (body.productionDate && body.productionDate > body.sampledOn)
    errors.push({ field: 'productionDate', zh: '生产日期不能晚于抽样日期', en: 'cannot be after the sampling date' });
  const samplers = await ctx.db
    .select({ id: appUser.id })
    .from(appUser)
    .where(
      and(
        eq(appUser.districtCode, ctx.actor.districtCode),
        inArray(appUser.id, body.samplerIds),
        arrayOverlaps(appUser.roles, [...bureauStaffRoles]),
      ),
    );
  if (samplers.length !== body.samplerIds.length)
    errors.push({ field: 'samplerIds', zh: '抽样人员须为本局两名以上执法人员', en: 'must be at least two staff members of this bureau' });
  if (errors.length) {
    throw invalidRequest(
      {},
      errors.map((error) => ({ in: 'body', field: error.field, code: 'invalid', message: { 'zh-CN': error.zh, en: error.en } })),
    );
  }
  const plan = body.planId === undefined ? undefined : await findPlan(ctx, body.planId);
  const entity = await findEntityForModule(ctx, body.entityId);
  const rules = samplingRulesOn(body.sampledOn);
  const calendar = await calendarFor(ctx.db, ctx.actor.districtCode);
  const id = await ctx.db.transaction(async (tx) => {
    const blindCode = await newBlindCode(tx, ctx.actor.districtCode);
    const [row] = await tx
      .insert(sample)
      .values({
        districtCode: ctx.actor.districtCode,
        planId: plan?.id ?? null,
        blindCode,
        entityId: entity.id,
        streetCode: entity.streetCode,
        entityName: entity.name,
        entityCreditCode: entity.creditCode,
        entityAddress: entity.address,
        field: plan?.field ?? body.field ?? 'food',
        link: body.link,
        category: body.category,
        productType: body.productType,
        productName: body.productName,
        brand: body.brand ?? '',
        batchNo: body.batchNo ?? '',
        productionDate: body.productionDate ?? null,
        shelfLifeUntil: body.shelfLifeUntil ?? null,
        quantity: body.quantity ?? '',
        priceFen: body.priceFen ?? null,
        samplerIds: body.samplerIds,
        entityConfirmedBy: body.entityConfirmedBy,
        testMethod: body.testMethod,
        testItems: body.testItems,
        sampledOn: body.sampledOn,
        toLabDue: toLabDue(body.sampledOn, calendar, rules),
        createdBy: ctx.actor.userId,
      })
      .returning({ id: sample.id });
    const sampleId = (row as { id: number }).id;
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'sampling.sample_create',
        objectType: 'sample',
        objectId: sampleId,
        detail: { entityId: entity.id, planId: plan?.id ?? null },
      },
    );
    return sampleId;
  });
  return getSample(ctx, id);
}

/** The deadline that matters next for a sample, and whether it has passed. */
function nextDeadline(row: SampleRow, today: string): { due: string | null; isOverdue: boolean } {
  const due =
    row.status === 'sampled' && row.testMethod === 'lab'
      ? row.toLabDue
      : row.status === 'received'
        ? row.reportDue
        : row.status === 'notified' && row.finalVerdict === 'unqualified' && row.retestRequestedOn === null
          ? row.retestDue
          : null;
  return { due, isOverdue: due !== null && today > due && row.status !== 'notified' };
}

export async function listSamples(ctx: ActorContext, query: SampleQuery) {
  const conditions: (SQL | undefined)[] = [bureauSampleScope(ctx.actor)];
  if (query.year !== undefined) conditions.push(sql`extract(year from ${sample.sampledOn}) = ${query.year}`);
  if (query.planId !== undefined) conditions.push(eq(sample.planId, query.planId));
  if (query.entityId !== undefined) conditions.push(eq(sample.entityId, query.entityId));
  if (query.status !== undefined) conditions.push(eq(sample.status, query.status));
  if (query.verdict !== undefined) conditions.push(eq(sample.finalVerdict, query.verdict));
  if (query.q !== undefined) {
    const like = `%${query.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    conditions.push(or(ilike(sample.entityName, like), ilike(sample.productName, like), eq(sample.blindCode, query.q.toUpperCase())));
  }
  const where = and(...conditions);
  const [rows, [total]] = await inTurn(
    () =>
      ctx.db
        .select()
        .from(sample)
        .where(where)
        .orderBy(desc(sample.sampledOn), desc(sample.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize),
    () => ctx.db.select({ total: count() }).from(sample).where(where),
  );
  const today = todayInChina(ctx.clock.now());
  return {
    items: rows.map((row) => {
      const deadline = nextDeadline(row, today);
      return {
        id: row.id,
        blindCode: row.blindCode,
        entityId: row.entityId,
        entityName: row.entityName,
        productName: row.productName,
        category: row.category,
        productType: row.productType,
        link: row.link,
        testMethod: row.testMethod,
        sampledOn: row.sampledOn,
        status: row.status,
        conclusion: row.conclusion,
        finalVerdict: row.finalVerdict,
        isRetest: row.retestOfId !== null,
        isOverdue: deadline.isOverdue,
        nextDeadline: deadline.due,
      };
    }),
    total: total?.total ?? 0,
  };
}

/** Whether a notified original sample's result is final (for publication). */
export async function isSampleFinal(db: Db, row: SampleRow, today: string): Promise<boolean> {
  const retests = await db
    .select({ status: sample.status })
    .from(sample)
    .where(and(eq(sample.districtCode, row.districtCode), eq(sample.retestOfId, row.id)));
  return isResultFinal(
    {
      isNotified: row.status === 'notified' || (row.objectionFiledAt !== null && row.finalVerdict !== null),
      finalVerdict: row.finalVerdict,
      retestDue: row.retestDue,
      retestRequestedOn: row.retestRequestedOn,
      isRetestNotified: retests.some((retest) => retest.status === 'notified'),
      objectionFiledAt: row.objectionFiledAt,
    },
    today,
  );
}

export async function getSample(ctx: ActorContext, id: number): Promise<SampleView> {
  const row = await findSample(ctx, id);
  const key = (column: AnyColumn) => eq(column, row.districtCode);
  const [results, files, handling, retests, samplers, labs, plan] = await inTurn(
    () =>
      ctx.db
        .select()
        .from(sampleResultItem)
        .where(and(key(sampleResultItem.districtCode), eq(sampleResultItem.sampleId, row.id)))
        .orderBy(asc(sampleResultItem.id)),
    () =>
      ctx.db
        .select({
          id: sampleFile.id,
          kind: sampleFile.kind,
          contentType: sampleFile.contentType,
          byteSize: sampleFile.byteSize,
          uploadedAt: sampleFile.uploadedAt,
        })
        .from(sampleFile)
        .where(and(key(sampleFile.districtCode), eq(sampleFile.sampleId, row.id)))
        .orderBy(asc(sampleFile.id)),
    () =>
      ctx.db
        .select({ id: failureHandling.id })
        .from(failureHandling)
        .where(and(key(failureHandling.districtCode), eq(failureHandling.sampleId, row.retestOfId ?? row.id))),
    () =>
      ctx.db
        .select({ id: sample.id })
        .from(sample)
        .where(and(key(sample.districtCode), eq(sample.retestOfId, row.id)))
        .orderBy(asc(sample.id)),
    () =>
      ctx.db
        .select({ id: appUser.id, displayName: appUser.displayName })
        .from(appUser)
        .where(and(eq(appUser.districtCode, row.districtCode), inArray(appUser.id, row.samplerIds))),
    () => labsOf(ctx.db, row.districtCode),
    () => (row.planId === null ? Promise.resolve(null) : findPlan(ctx, row.planId)),
  );
  const rules = samplingRulesOn(row.sampledOn);
  const today = todayInChina(ctx.clock.now());
  const reportedOn = row.reportedAt ? todayInChina(row.reportedAt as Date) : null;
  return {
    ...row,
    planName: plan?.name ?? null,
    retestSampleIds: retests.map((retest) => retest.id),
    samplers: row.samplerIds.map((samplerId) => ({
      id: samplerId,
      displayName: samplers.find((sampler) => sampler.id === samplerId)?.displayName ?? `#${samplerId}`,
    })),
    lab: row.labId === null ? null : { id: row.labId, name: labs.find((lab) => lab.id === row.labId)?.name ?? `#${row.labId}` },
    reportedAt: row.reportedAt?.toISOString() ?? null,
    rapidResultAt: row.rapidResultAt?.toISOString() ?? null,
    objectionDueAt: row.objectionDueAt?.toISOString() ?? null,
    objectionFiledAt: row.objectionFiledAt?.toISOString() ?? null,
    isSentLate: row.testMethod === 'lab' && (row.sentOn ?? today) > row.toLabDue && row.retestOfId === null,
    isReportLate: row.reportDue !== null && (reportedOn ?? today) > row.reportDue,
    canPublish: row.retestOfId === null && row.publishedOn === null && (await isSampleFinal(ctx.db, row, today)),
    results: results.map((item) => ({
      itemName: item.itemName,
      measured: item.measured,
      unit: item.unit,
      limitText: item.limitText,
      methodStandard: item.methodStandard,
      verdict: item.verdict,
    })),
    files: files.map((file) => ({ ...file, uploadedAt: file.uploadedAt.toISOString() })),
    handlingId: handling[0]?.id ?? null,
    rules: { id: rules.id, citation: rules.citation, isConfirmed: rules.isConfirmed, note: rules.note },
  };
}
