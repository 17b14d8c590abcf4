import { and, asc, count, desc, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { todayInChina } from '../../../../shared/calendar-day.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { district, stationStreet } from '../../../platform/org/org.tables.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { type EntityWithLicences, entitiesWithLicences } from '../../registry/index.ts';
import { findingNotFound, findingNotOpen } from '../food-safety.errors.ts';
import type { FindingQuery, FindingView } from '../food-safety.schemas.ts';
import { comparisonRun, foodHandler, rectificationOrder, shopUpload, supervisionFinding } from '../food-safety.tables.ts';
import {
  type ComparisonSources,
  type EntitySnapshot,
  type LicenceSnapshot,
  reconcileFindings,
  runComparison,
} from '../rules/supervision-comparison.ts';

type FindingRow = typeof supervisionFinding.$inferSelect;

const licenceKind = (kind: string) => (kind === 'food_business' ? 'food' : kind);

function snapshots(entities: readonly EntityWithLicences[]): { entities: EntitySnapshot[]; licences: LicenceSnapshot[] } {
  return {
    entities: entities.map((entity) => ({
      id: entity.id,
      // A revoked business licence ends the entity like a cancellation does (C6).
      status: entity.status === 'revoked' ? 'cancelled' : entity.status,
      name: entity.name,
      address: entity.address,
    })),
    licences: entities.flatMap((entity) =>
      entity.licences.map((licence) => ({
        id: licence.id,
        entityId: entity.id,
        number: licence.number,
        kind: licenceKind(licence.kind),
        status: licence.status,
        validUntil: licence.validUntil,
      })),
    ),
  };
}

/** The sources of the six rules for the catering units of a district, or for the given entities only. */
async function loadSources(
  ctx: ServiceContext,
  districtCode: string,
  entityIds: readonly number[] | null,
): Promise<{ sources: ComparisonSources; entities: EntityWithLicences[] }> {
  const entities = await entitiesWithLicences(ctx, districtCode, entityIds === null ? { category: 'catering' } : { entityIds });
  const ids = entities.map((entity) => entity.id);
  const staffColumns = {
    id: foodHandler.id,
    entityId: foodHandler.entityId,
    idBlindIndex: foodHandler.idNumberBlind,
    isFullTime: foodHandler.isFullTime,
    hiredOn: foodHandler.hiredOn,
    leftOn: foodHandler.leftOn,
    certificateValidUntil: foodHandler.certificateValidUntil,
  };
  const inDistrict = eq(foodHandler.districtCode, districtCode);
  let staff = await ctx.db
    .select(staffColumns)
    .from(foodHandler)
    .where(entityIds === null ? inDistrict : and(inDistrict, inArray(foodHandler.entityId, ids)));
  if (entityIds !== null && staff.length) {
    // C5 counts a person's shops across the district: bring in the same people's rows at other shops.
    const blinds = [...new Set(staff.map((person) => person.idBlindIndex))];
    staff = await ctx.db
      .select(staffColumns)
      .from(foodHandler)
      .where(and(inDistrict, inArray(foodHandler.idNumberBlind, blinds)));
  }
  const uploadWhere = and(eq(shopUpload.districtCode, districtCode), eq(shopUpload.status, 'approved'));
  const uploads = await ctx.db
    .select({
      entityId: shopUpload.entityId,
      uploadId: shopUpload.id,
      name: shopUpload.name,
      address: shopUpload.address,
      licenceNumber: shopUpload.licenceNumber,
    })
    .from(shopUpload)
    .where(entityIds === null ? uploadWhere : and(uploadWhere, inArray(shopUpload.entityId, ids)));
  const orderWhere = eq(rectificationOrder.districtCode, districtCode);
  const rectifications = await ctx.db
    .select({
      id: rectificationOrder.id,
      entityId: rectificationOrder.entityId,
      deadline: rectificationOrder.deadline,
      closedOn: rectificationOrder.closedOn,
    })
    .from(rectificationOrder)
    .where(entityIds === null ? orderWhere : and(orderWhere, inArray(rectificationOrder.entityId, ids)));
  return { sources: { ...snapshots(entities), staff, uploads, rectifications }, entities };
}

/** The entities plus every other shop where one of their staff (by ID blind index) works: C5 spans shops. */
async function withSharedStaff(ctx: ServiceContext, districtCode: string, entityIds: readonly number[]): Promise<number[]> {
  if (entityIds.length === 0) return [];
  const blinds = ctx.db
    .select({ blind: foodHandler.idNumberBlind })
    .from(foodHandler)
    .where(and(eq(foodHandler.districtCode, districtCode), inArray(foodHandler.entityId, [...entityIds])));
  const rows = await ctx.db
    .selectDistinct({ entityId: foodHandler.entityId })
    .from(foodHandler)
    .where(and(eq(foodHandler.districtCode, districtCode), inArray(foodHandler.idNumberBlind, blinds)));
  return [...new Set([...entityIds, ...rows.map((row) => row.entityId)])];
}

/**
 * Runs the six comparison rules and brings the stored findings in line (reconcileFindings): new contradictions
 * open a finding routed to the station of the entity's street, vanished ones close by themselves. With
 * `entityIds` it is the on-change run (a certificate, a handler, an inspection, an upload was saved) and touches
 * only those entities' findings; with null it is the nightly run over the district. Every run is recorded.
 * Runs inside the caller's transaction.
 */
export async function runFindings(
  ctx: ServiceContext,
  input: { districtCode: string; entityIds: readonly number[] | null; trigger: string; day: string },
): Promise<{ entities: number; opened: number; resolved: number }> {
  const entityIds = input.entityIds === null ? null : await withSharedStaff(ctx, input.districtCode, input.entityIds);
  const { sources, entities } = await loadSources(ctx, input.districtCode, entityIds);
  const inSet = entityIds === null ? null : new Set(entityIds);
  const fresh = runComparison(sources, input.day).filter((finding) => inSet === null || inSet.has(finding.entityId));
  const storedWhere = and(eq(supervisionFinding.districtCode, input.districtCode), ne(supervisionFinding.status, 'resolved'));
  const stored = await ctx.db
    .select({ id: supervisionFinding.id, key: supervisionFinding.key, status: supervisionFinding.status })
    .from(supervisionFinding)
    .where(entityIds === null ? storedWhere : and(storedWhere, inArray(supervisionFinding.entityId, entityIds)));
  const { toOpen, toResolve } = reconcileFindings(stored, fresh);
  if (toOpen.length) {
    const streets = new Map(entities.map((entity) => [entity.id, entity.streetCode]));
    const stations = await ctx.db
      .select({ streetCode: stationStreet.streetCode, stationId: stationStreet.stationId })
      .from(stationStreet)
      .where(eq(stationStreet.districtCode, input.districtCode));
    const stationOf = new Map(stations.map((row) => [row.streetCode, row.stationId]));
    const rows = toOpen
      .filter((finding) => streets.has(finding.entityId))
      .map((finding) => {
        const streetCode = streets.get(finding.entityId) as string;
        return {
          districtCode: input.districtCode,
          rule: finding.rule,
          key: finding.key,
          entityId: finding.entityId,
          streetCode,
          stationId: stationOf.get(streetCode) ?? null,
          detail: finding.detail,
          openedOn: input.day,
        };
      });
    for (let start = 0; start < rows.length; start += 1000) {
      await ctx.db
        .insert(supervisionFinding)
        .values(rows.slice(start, start + 1000))
        .onConflictDoNothing();
    }
  }
  for (let start = 0; start < toResolve.length; start += 5000) {
    await ctx.db
      .update(supervisionFinding)
      .set({ status: 'resolved', closedOn: input.day })
      .where(
        and(eq(supervisionFinding.districtCode, input.districtCode), inArray(supervisionFinding.id, toResolve.slice(start, start + 5000))),
      );
  }
  const counts = { entities: entities.length, opened: toOpen.length, resolved: toResolve.length };
  await ctx.db.insert(comparisonRun).values({ districtCode: input.districtCode, trigger: input.trigger, runOn: input.day, ...counts });
  return counts;
}

const findingScope = (ctx: ActorContext) =>
  scopeWhere(ctx.actor, { district: supervisionFinding.districtCode, street: supervisionFinding.streetCode });

function toView(row: FindingRow): FindingView {
  return {
    id: row.id,
    rule: row.rule as FindingView['rule'],
    key: row.key,
    entityId: row.entityId,
    streetCode: row.streetCode,
    stationId: row.stationId,
    detail: row.detail,
    status: row.status,
    openedOn: row.openedOn,
    closedOn: row.closedOn,
    handleReason: row.handleReason,
  };
}

export async function listFindings(ctx: ActorContext, query: FindingQuery): Promise<{ items: FindingView[]; total: number }> {
  const where = and(
    findingScope(ctx),
    query.status === undefined ? undefined : eq(supervisionFinding.status, query.status),
    query.rule === undefined ? undefined : eq(supervisionFinding.rule, query.rule),
    query.entityId === undefined ? undefined : eq(supervisionFinding.entityId, query.entityId),
    query.stationId === undefined ? undefined : eq(supervisionFinding.stationId, query.stationId),
  ) as SQL;
  const [total] = await ctx.db.select({ total: count() }).from(supervisionFinding).where(where);
  const rows = await ctx.db
    .select()
    .from(supervisionFinding)
    .where(where)
    .orderBy(desc(supervisionFinding.openedOn), asc(supervisionFinding.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: rows.map(toView), total: total?.total ?? 0 };
}

export async function getFinding(ctx: ActorContext, id: number): Promise<FindingView> {
  const [row] = await ctx.db
    .select()
    .from(supervisionFinding)
    .where(and(findingScope(ctx), eq(supervisionFinding.id, id)));
  if (!row) throw findingNotFound();
  return toView(row);
}

/** Handled (action taken, closes by itself when the contradiction disappears) or dismissed (not raised again). */
export async function closeFinding(ctx: ActorContext, id: number, status: 'handled' | 'dismissed', reason: string): Promise<FindingView> {
  const finding = await getFinding(ctx, id);
  if (finding.status !== 'open') throw findingNotOpen();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(supervisionFinding)
      .set({
        status,
        handledBy: ctx.actor.userId,
        handleReason: reason,
        ...(status === 'dismissed' ? { closedOn: todayInChina(ctx.clock.now()) } : {}),
      })
      .where(and(eq(supervisionFinding.districtCode, ctx.actor.districtCode), eq(supervisionFinding.id, id)));
    await writeAudit(
      { ...ctx, db: tx },
      { action: `supervision_finding.${status}`, objectType: 'supervision_finding', objectId: id, reason },
    );
  });
  return getFinding(ctx, id);
}

export async function listComparisonRuns(ctx: ActorContext): Promise<{ items: (typeof comparisonRun.$inferSelect)[]; total: number }> {
  const rows = await ctx.db
    .select()
    .from(comparisonRun)
    .where(eq(comparisonRun.districtCode, ctx.actor.districtCode))
    .orderBy(desc(comparisonRun.id))
    .limit(50);
  return { items: rows, total: rows.length };
}

/** The nightly run for every district that has catering units. */
export async function runNightlyComparison(ctx: ServiceContext, day: string): Promise<Record<string, number>> {
  const districts = await ctx.db.select({ code: district.code }).from(district);
  const totals = { districts: 0, entities: 0, opened: 0, resolved: 0 };
  for (const { code } of districts) {
    const counts = await runFindings(ctx, { districtCode: code, entityIds: null, trigger: 'nightly', day });
    totals.districts += 1;
    totals.entities += counts.entities;
    totals.opened += counts.opened;
    totals.resolved += counts.resolved;
  }
  return totals;
}
