import { and, asc, eq, inArray, max, sql } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { type Db, queryRows } from '../../../db/client.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import { appUser } from '../../../platform/auth/auth.tables.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { drawNotFound, emptyDirectory, tooFewInspectors, wrongDrawStep } from '../random-inspections.errors.ts';
import type { CommitDrawBody, DrawView, SeedBody } from '../random-inspections.schemas.ts';
import {
  riConflict,
  riDraw,
  riDrawConflict,
  riDrawInspector,
  riDrawObject,
  riDrawStratum,
  riInspector,
  riPlan,
  riTask,
  riTaskInspector,
} from '../random-inspections.tables.ts';
import { type CreditClass, drawSizeFor } from '../rules/credit-risk-class.ts';
import {
  combineSeed,
  type DrawDocument,
  type DrawInputs,
  drawAlgorithm,
  drawCommitment,
  isCertificateValid,
  runDraw,
} from '../rules/draw-inspection-sample.ts';
import { classesOf, gradeEntities } from './credit-classes.ts';
import { activeEntities } from './directory-source.ts';
import { drawRef, findPlanRow } from './plans.ts';
import { listTaskItems } from './tasks.ts';

const rowsPerStatement = 1000;
type DrawRow = typeof riDraw.$inferSelect;

async function insertInBatches<T>(rows: T[], insert: (slice: T[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += rowsPerStatement) await insert(rows.slice(start, start + rowsPerStatement));
}

/** The draw row in the actor's scope (404 outside it). */
async function findDrawRow(ctx: ActorContext, id: number): Promise<DrawRow> {
  const [row] = await ctx.db
    .select()
    .from(riDraw)
    .where(and(eq(riDraw.id, id), scopeWhere(ctx.actor, { district: riDraw.districtCode })));
  if (!row) throw drawNotFound();
  return row;
}

function expectStatus(draw: DrawRow, expected: DrawRow['status']) {
  if (draw.status !== expected) throw wrongDrawStep({ status: draw.status, expected });
}

/** The inspectors of the district's draw pool now: certificate on file, inspector role, account enabled. */
async function inspectorPool(db: Db, districtCode: string) {
  return db
    .select({
      userId: riInspector.userId,
      key: riInspector.certificateNo,
      validFrom: riInspector.validFrom,
      validUntil: riInspector.validUntil,
      stationId: appUser.orgUnitId,
    })
    .from(riInspector)
    .innerJoin(appUser, and(eq(appUser.districtCode, riInspector.districtCode), eq(appUser.id, riInspector.userId)))
    .where(
      and(
        eq(riInspector.districtCode, districtCode),
        eq(riInspector.isInPool, true),
        eq(appUser.isDisabled, false),
        sql`'inspector' = any(${appUser.roles})`,
      ),
    );
}

/** For each entity, the users who did its most recent completed random inspection. */
async function previousInspectorsByEntity(db: Db, districtCode: string): Promise<Map<number, number[]>> {
  const rows = await queryRows<{ entity_id: string | number; users: (string | number)[] }>(
    db,
    sql`select t.entity_id, array_agg(ti.user_id) as users
        from (select distinct on (entity_id) entity_id, id from ri_task
              where district_code = ${districtCode} and status = 'done' order by entity_id, inspected_on desc, id desc) t
        join ri_task_inspector ti on ti.district_code = ${districtCode} and ti.task_id = t.id
        group by t.entity_id`,
  );
  return new Map(rows.map((row) => [Number(row.entity_id), row.users.map(Number)]));
}

/**
 * Step 1, commit: freezes the directories (the plan's population from the registry with credit classes,
 * the inspector pool with certificates, conflicts and last inspectors), sizes the strata and publishes the
 * SHA-256 commitment with the announced seed source. Nothing of it can change afterwards unnoticed.
 */
export async function commitDraw(ctx: ActorContext, planId: number, input: CommitDrawBody): Promise<DrawView> {
  const plan = await findPlanRow(ctx, planId);
  const districtCode = plan.districtCode;
  const today = todayInChina(ctx.clock.now());
  const inspectionDate = input.inspectionDate ?? plan.periodStart;
  const entities = await activeEntities(ctx, plan.population);
  if (!entities.length) throw emptyDirectory();
  const ids = entities.map((item) => item.id);
  let classes = await classesOf(ctx, ids);
  const ungraded = entities.filter((item) => !classes.has(item.id));
  if (ungraded.length) {
    await gradeEntities(ctx, ungraded, today);
    classes = await classesOf(ctx, ids);
  }
  const stratumOfClass = new Map<CreditClass, string>();
  for (const stratum of plan.strata) for (const creditClass of stratum.creditClasses) stratumOfClass.set(creditClass, stratum.key);

  const pool = await inspectorPool(ctx.db, districtCode);
  const eligible = pool.filter((item) => isCertificateValid(item, inspectionDate));
  if (eligible.length < plan.inspectorsPerTask) throw tooFewInspectors({ needed: plan.inspectorsPerTask });
  const keyOfUser = new Map(pool.map((item) => [item.userId, item.key]));
  const previous = await previousInspectorsByEntity(ctx.db, districtCode);

  const objects = entities.flatMap((item) => {
    const graded = classes.get(item.id);
    const stratum = graded ? stratumOfClass.get(graded.creditClass) : undefined;
    if (!graded || !stratum) return [];
    const previousKeys = (previous.get(item.id) ?? []).flatMap((userId) => {
      const key = keyOfUser.get(userId);
      return key ? [key] : [];
    });
    return [{ item, stratum, creditClass: graded.creditClass, previousKeys }];
  });
  const objectKeyOfEntity = new Map(objects.map((object) => [object.item.id, object.item.creditCode]));
  const conflictRows = await ctx.db
    .select({ userId: riConflict.userId, entityId: riConflict.entityId })
    .from(riConflict)
    .where(eq(riConflict.districtCode, districtCode));
  const conflicts = conflictRows.flatMap((row) => {
    const inspector = keyOfUser.get(row.userId);
    const object = objectKeyOfEntity.get(row.entityId);
    return inspector && object ? [{ inspector, object }] : [];
  });
  const strata = plan.strata.map((stratum) => {
    const population = objects.filter((object) => object.stratum === stratum.key).length;
    const size = stratum.count !== undefined ? Math.min(stratum.count, population) : drawSizeFor(population, stratum.permille ?? 0);
    return { ...stratum, population, size };
  });

  const drawId = await ctx.db.transaction(async (tx) => {
    const [last] = await tx
      .select({ batchNo: max(riDraw.batchNo) })
      .from(riDraw)
      .where(and(eq(riDraw.districtCode, districtCode), eq(riDraw.planId, plan.id)));
    const [created] = await tx
      .insert(riDraw)
      .values({
        districtCode,
        planId: plan.id,
        batchNo: (last?.batchNo ?? 0) + 1,
        status: 'committed',
        algorithm: drawAlgorithm,
        inspectionDate,
        inspectorsPerTask: plan.inspectorsPerTask,
        commitment: '0'.repeat(64),
        seedAnnouncement: input.seedAnnouncement,
        committedBy: ctx.actor.userId,
        committedAt: ctx.clock.now(),
      })
      .returning({ id: riDraw.id });
    if (!created) throw new Error('insert returned nothing');
    const inputs: DrawInputs = {
      algorithm: drawAlgorithm,
      districtCode,
      drawRef: drawRef(districtCode, created.id),
      inspectionDate,
      inspectorsPerTask: plan.inspectorsPerTask,
      strata: strata.map((stratum) => ({ key: stratum.key, size: stratum.size })),
      objects: objects.map((object) => ({ key: object.item.creditCode, stratum: object.stratum, previousInspectors: object.previousKeys })),
      inspectors: pool.map((item) => ({ key: item.key, validFrom: item.validFrom, validUntil: item.validUntil })),
      conflicts,
    };
    const commitment = drawCommitment(inputs);
    await tx
      .update(riDraw)
      .set({ commitment })
      .where(and(eq(riDraw.districtCode, districtCode), eq(riDraw.id, created.id)));
    await tx.insert(riDrawStratum).values(
      strata.map((stratum) => ({
        districtCode,
        drawId: created.id,
        stratumKey: stratum.key,
        label: stratum.label,
        creditClasses: stratum.creditClasses,
        population: stratum.population,
        size: stratum.size,
      })),
    );
    await insertInBatches(objects, (slice) =>
      tx.insert(riDrawObject).values(
        slice.map((object) => ({
          districtCode,
          drawId: created.id,
          objectKey: object.item.creditCode,
          entityId: object.item.id,
          stratumKey: object.stratum,
          creditClass: object.creditClass,
          previousInspectors: object.previousKeys,
          name: object.item.name,
          address: object.item.address,
          streetCode: object.item.streetCode,
          industryCode: object.item.industryCode,
        })),
      ),
    );
    await tx.insert(riDrawInspector).values(
      pool.map((item) => ({
        districtCode,
        drawId: created.id,
        inspectorKey: item.key,
        userId: item.userId,
        stationId: item.stationId,
        validFrom: item.validFrom,
        validUntil: item.validUntil,
      })),
    );
    if (conflicts.length) {
      await insertInBatches(conflicts, (slice) =>
        tx
          .insert(riDrawConflict)
          .values(slice.map((pair) => ({ districtCode, drawId: created.id, inspectorKey: pair.inspector, objectKey: pair.object }))),
      );
    }
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'random_inspections.draw_commit',
        objectType: 'ri_draw',
        objectId: created.id,
        districtCode,
        detail: {
          planId: plan.id,
          commitment,
          objects: objects.length,
          inspectors: pool.length,
          conflicts: conflicts.length,
          strata: inputs.strata,
        },
      },
    );
    return created.id;
  });
  return getDraw(ctx, drawId);
}

/** Step 2, seed: staff enter the announced public values; the seed binds them to the commitment. */
export async function seedDraw(ctx: ActorContext, id: number, input: SeedBody): Promise<DrawView> {
  const draw = await findDrawRow(ctx, id);
  expectStatus(draw, 'committed');
  const components = input.components.map((item) => ({ source: item.source.trim(), value: item.value.trim() }));
  const combinedSeed = combineSeed(draw.commitment, components);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(riDraw)
      .set({ status: 'seeded', seedComponents: components, combinedSeed, seededAt: ctx.clock.now() })
      .where(and(eq(riDraw.districtCode, draw.districtCode), eq(riDraw.id, id), eq(riDraw.status, 'committed')));
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'random_inspections.draw_seed',
        objectType: 'ri_draw',
        objectId: id,
        districtCode: draw.districtCode,
        detail: { components, combinedSeed },
      },
    );
  });
  return getDraw(ctx, id);
}

/** The frozen inputs of a draw, as committed. */
export async function loadDrawInputs(db: Db, draw: DrawRow): Promise<DrawInputs> {
  const where = <T extends { districtCode: unknown; drawId: unknown }>(table: T) =>
    and(eq(table.districtCode as never, draw.districtCode), eq(table.drawId as never, draw.id));
  // One after the other: the draw may run on a transaction's client, where pg 9 refuses concurrent queries.
  const strata = await db.select().from(riDrawStratum).where(where(riDrawStratum));
  const objects = await db
    .select({ key: riDrawObject.objectKey, stratum: riDrawObject.stratumKey, previousInspectors: riDrawObject.previousInspectors })
    .from(riDrawObject)
    .where(where(riDrawObject));
  const inspectors = await db
    .select({ key: riDrawInspector.inspectorKey, validFrom: riDrawInspector.validFrom, validUntil: riDrawInspector.validUntil })
    .from(riDrawInspector)
    .where(where(riDrawInspector));
  const conflicts = await db
    .select({ inspector: riDrawConflict.inspectorKey, object: riDrawConflict.objectKey })
    .from(riDrawConflict)
    .where(where(riDrawConflict));
  return {
    algorithm: drawAlgorithm,
    districtCode: draw.districtCode,
    drawRef: drawRef(draw.districtCode, draw.id),
    inspectionDate: draw.inspectionDate,
    inspectorsPerTask: draw.inspectorsPerTask,
    strata: strata.map((stratum) => ({ key: stratum.stratumKey, size: stratum.size })),
    objects,
    inspectors,
    conflicts,
  };
}

/** Step 3, draw: recomputes the commitment from the frozen rows (tamper check), draws, creates the tasks. */
export async function executeDraw(ctx: ActorContext, id: number): Promise<DrawView> {
  const draw = await findDrawRow(ctx, id);
  expectStatus(draw, 'seeded');
  const inputs = await loadDrawInputs(ctx.db, draw);
  if (drawCommitment(inputs) !== draw.commitment) throw new Error(`draw ${id}: frozen inputs no longer match the published commitment`);
  const result = runDraw(inputs, draw.combinedSeed as string);
  const districtCode = draw.districtCode;
  const objectRows = await ctx.db
    .select({ key: riDrawObject.objectKey, entityId: riDrawObject.entityId, streetCode: riDrawObject.streetCode })
    .from(riDrawObject)
    .where(
      and(
        eq(riDrawObject.districtCode, districtCode),
        eq(riDrawObject.drawId, id),
        inArray(
          riDrawObject.objectKey,
          result.tasks.map((task) => task.object),
        ),
      ),
    );
  const objectOf = new Map(objectRows.map((row) => [row.key, row]));
  const inspectorRows = await ctx.db
    .select({ key: riDrawInspector.inspectorKey, userId: riDrawInspector.userId })
    .from(riDrawInspector)
    .where(and(eq(riDrawInspector.districtCode, districtCode), eq(riDrawInspector.drawId, id)));
  const userOf = new Map(inspectorRows.map((row) => [row.key, row.userId]));
  const unstaffed = new Set(result.unstaffed);
  await ctx.db.transaction(async (tx) => {
    await insertInBatches(result.tasks, async (slice) => {
      const created = await tx
        .insert(riTask)
        .values(
          slice.map((task) => {
            const object = objectOf.get(task.object) as { entityId: number; streetCode: string };
            return {
              districtCode,
              drawId: id,
              entityId: object.entityId,
              objectKey: task.object,
              stratumKey: task.stratum,
              position: task.position,
              ticket: task.ticket,
              streetCode: object.streetCode,
              isUnstaffed: unstaffed.has(task.object),
            };
          }),
        )
        .returning({ id: riTask.id, objectKey: riTask.objectKey });
      const taskOf = new Map(created.map((row) => [row.objectKey, row.id]));
      const links = slice.flatMap((task) =>
        task.inspectors.map((key, index) => ({
          districtCode,
          taskId: taskOf.get(task.object) as number,
          userId: userOf.get(key) as number,
          inspectorKey: key,
          seq: index + 1,
        })),
      );
      if (links.length) await tx.insert(riTaskInspector).values(links);
    });
    await tx
      .update(riDraw)
      .set({ status: 'drawn', resultStrata: result.strata, unstaffed: result.unstaffed, drawnAt: ctx.clock.now() })
      .where(and(eq(riDraw.districtCode, districtCode), eq(riDraw.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      {
        action: 'random_inspections.draw_run',
        objectType: 'ri_draw',
        objectId: id,
        districtCode,
        detail: { tasks: result.tasks.length, unstaffed: result.unstaffed.length },
      },
    );
  });
  return getDraw(ctx, id);
}

/** Step 4, publish: the result goes public and the tasks reach the drawn inspectors' phones. */
export async function publishDraw(ctx: ActorContext, id: number): Promise<DrawView> {
  const draw = await findDrawRow(ctx, id);
  expectStatus(draw, 'drawn');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(riDraw)
      .set({ status: 'published', publishedAt: ctx.clock.now() })
      .where(and(eq(riDraw.districtCode, draw.districtCode), eq(riDraw.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      { action: 'random_inspections.draw_publish', objectType: 'ri_draw', objectId: id, districtCode: draw.districtCode },
    );
  });
  return getDraw(ctx, id);
}

const byText = (left: string, right: string) => (left < right ? -1 : left > right ? 1 : 0);

/**
 * The verification document of a draw: inputs and commitment always (they are public before the seed),
 * the seed once entered, the result once published (or when `withResult` asks for it, for staff).
 */
export async function buildDrawDocument(db: Db, draw: DrawRow, options: { withResult: boolean }): Promise<DrawDocument> {
  const inputs = await loadDrawInputs(db, draw);
  let result: DrawDocument['result'] = null;
  if (options.withResult && draw.resultStrata) {
    const tasks = await db
      .select({ id: riTask.id, object: riTask.objectKey, stratum: riTask.stratumKey, position: riTask.position, ticket: riTask.ticket })
      .from(riTask)
      .where(and(eq(riTask.districtCode, draw.districtCode), eq(riTask.drawId, draw.id)));
    const links = await db
      .select({ taskId: riTaskInspector.taskId, key: riTaskInspector.inspectorKey, seq: riTaskInspector.seq })
      .from(riTaskInspector)
      .innerJoin(riTask, and(eq(riTask.districtCode, riTaskInspector.districtCode), eq(riTask.id, riTaskInspector.taskId)))
      .where(and(eq(riTask.districtCode, draw.districtCode), eq(riTask.drawId, draw.id)))
      .orderBy(asc(riTaskInspector.seq));
    const inspectorsOf = new Map<number, string[]>();
    for (const link of links) inspectorsOf.set(link.taskId, [...(inspectorsOf.get(link.taskId) ?? []), link.key]);
    const ordered = tasks.sort((a, b) => byText(a.stratum, b.stratum) || a.position - b.position);
    result = {
      strata: draw.resultStrata,
      tasks: ordered.map((task) => ({
        object: task.object,
        stratum: task.stratum,
        position: task.position,
        ticket: task.ticket,
        inspectors: inspectorsOf.get(task.id) ?? [],
      })),
      unstaffed: draw.unstaffed,
    };
  }
  return {
    format: drawAlgorithm,
    inputs,
    commitment: draw.commitment,
    seed:
      draw.seedComponents && draw.combinedSeed
        ? { announcement: draw.seedAnnouncement, components: draw.seedComponents, combined: draw.combinedSeed }
        : null,
    result,
  };
}

export async function drawDocumentForStaff(ctx: ActorContext, id: number): Promise<DrawDocument> {
  const draw = await findDrawRow(ctx, id);
  return buildDrawDocument(ctx.db, draw, { withResult: draw.status === 'drawn' || draw.status === 'published' });
}

/** A draw by its public reference `<district>-<id>`, for the public pages: no actor, public data only. */
export async function findPublicDraw(db: Db, ref: string): Promise<DrawRow | undefined> {
  const match = /^(\d{6})-(\d{1,15})$/.exec(ref);
  if (!match) return undefined;
  const [row] = await db
    .select()
    .from(riDraw)
    .where(and(eq(riDraw.districtCode, match[1] as string), eq(riDraw.id, Number(match[2]))));
  return row;
}

export async function getDraw(ctx: ActorContext, id: number): Promise<DrawView> {
  const draw = await findDrawRow(ctx, id);
  const [plan] = await ctx.db
    .select({ code: riPlan.code, title: riPlan.title })
    .from(riPlan)
    .where(and(eq(riPlan.districtCode, draw.districtCode), eq(riPlan.id, draw.planId)));
  const strata = await ctx.db
    .select()
    .from(riDrawStratum)
    .where(and(eq(riDrawStratum.districtCode, draw.districtCode), eq(riDrawStratum.drawId, id)));
  const [counts] = await queryRows<{ objects: number; inspectors: number }>(
    ctx.db,
    sql`select (select count(*)::int from ri_draw_object where district_code = ${draw.districtCode} and draw_id = ${id}) as objects,
               (select count(*)::int from ri_draw_inspector where district_code = ${draw.districtCode} and draw_id = ${id}) as inspectors`,
  );
  const tasks = await listTaskItems(ctx, { drawId: id, page: 1, pageSize: 500 });
  return {
    id: draw.id,
    ref: drawRef(draw.districtCode, draw.id),
    planId: draw.planId,
    planCode: plan?.code ?? '',
    planTitle: plan?.title ?? '',
    batchNo: draw.batchNo,
    status: draw.status,
    algorithm: draw.algorithm,
    inspectionDate: draw.inspectionDate,
    inspectorsPerTask: draw.inspectorsPerTask,
    commitment: draw.commitment,
    committedAt: draw.committedAt.toISOString(),
    seedAnnouncement: draw.seedAnnouncement,
    seedComponents: draw.seedComponents,
    combinedSeed: draw.combinedSeed,
    strata: strata
      .sort((a, b) => byText(a.stratumKey, b.stratumKey))
      .map((row) => ({
        key: row.stratumKey,
        label: row.label,
        creditClasses: row.creditClasses,
        population: row.population,
        size: row.size,
      })),
    objectCount: counts?.objects ?? 0,
    inspectorCount: counts?.inspectors ?? 0,
    unstaffed: draw.unstaffed,
    seededAt: draw.seededAt?.toISOString() ?? null,
    drawnAt: draw.drawnAt?.toISOString() ?? null,
    publishedAt: draw.publishedAt?.toISOString() ?? null,
    taskCount: tasks.total,
    tasks: tasks.items,
  };
}
