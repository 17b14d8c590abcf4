import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { addDays } from '../../../../shared/calendar-day.ts';
import { maskPhone } from '../../../../shared/masking.ts';
import { writeAudit } from '../../../platform/audit/audit.service.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { orgUnit, stationStreet, street } from '../../../platform/org/org.tables.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { findEntityForModule } from '../../registry/index.ts';
import type { StatisticsRow, StatisticsView } from '../food-safety.schemas.ts';
import { foodHandler, foodSafetyContact, foodSafetyNotice, healthCertificate } from '../food-safety.tables.ts';
import { certificateWarningDays } from '../rules/certificate-state.ts';
import { handlerScope, today } from './handlers.ts';

/**
 * 从业人员统计 on any date: people employed that day, by the certificate they held that day (the latest validity
 * among certificates examined on or before it), grouped by street, station, industry or shop, with 持证率.
 */
export async function staffStatistics(
  ctx: ActorContext,
  query: { date?: string; groupBy: 'street' | 'station' | 'industry' | 'entity' },
): Promise<StatisticsView> {
  const day = query.date ?? today(ctx);
  const soon = addDays(day, certificateWarningDays.early);
  const held = ctx.db
    .select({
      districtCode: healthCertificate.districtCode,
      handlerId: healthCertificate.handlerId,
      validUntil: sql<string>`max(${healthCertificate.validUntil})`.as('held_until'),
    })
    .from(healthCertificate)
    .where(sql`${healthCertificate.examinedOn} <= ${day}`)
    .groupBy(healthCertificate.districtCode, healthCertificate.handlerId)
    .as('held');
  const key =
    query.groupBy === 'street'
      ? sql<string>`${foodHandler.streetCode}`
      : query.groupBy === 'station'
        ? sql<string>`coalesce(${stationStreet.stationId}::text, '-')`
        : query.groupBy === 'industry'
          ? sql<string>`${foodHandler.industryCode}`
          : sql<string>`${foodHandler.entityId}::text`;
  const rows = await ctx.db
    .select({
      key: key.as('group_key'),
      employed: sql<number>`count(*)::int`,
      valid: sql<number>`(count(*) filter (where ${held.validUntil} >= ${soon}))::int`,
      expiring: sql<number>`(count(*) filter (where ${held.validUntil} >= ${day} and ${held.validUntil} < ${soon}))::int`,
      expired: sql<number>`(count(*) filter (where ${held.validUntil} < ${day}))::int`,
      missing: sql<number>`(count(*) filter (where ${held.validUntil} is null))::int`,
    })
    .from(foodHandler)
    .leftJoin(held, and(eq(held.districtCode, foodHandler.districtCode), eq(held.handlerId, foodHandler.id)))
    .leftJoin(
      stationStreet,
      and(eq(stationStreet.districtCode, foodHandler.districtCode), eq(stationStreet.streetCode, foodHandler.streetCode)),
    )
    .where(
      and(handlerScope(ctx), sql`${foodHandler.hiredOn} <= ${day}`, sql`(${foodHandler.leftOn} is null or ${foodHandler.leftOn} > ${day})`),
    )
    .groupBy(sql`group_key`)
    .orderBy(sql`group_key`);
  const labels = await labelsFor(ctx, query.groupBy);
  const withRate = (row: Omit<StatisticsRow, 'complianceBasisPoints' | 'label'> & { label?: string }): StatisticsRow => ({
    ...row,
    label: row.label ?? labels.get(row.key) ?? row.key,
    complianceBasisPoints:
      row.employed === 0 ? null : Math.floor(((row.valid + row.expiring) * 20_000 + row.employed) / (2 * row.employed)),
  });
  const items = rows.map((row) => withRate(row));
  const sum = (field: 'employed' | 'valid' | 'expiring' | 'expired' | 'missing') => items.reduce((total, row) => total + row[field], 0);
  const total = withRate({
    key: 'total',
    label: '合计',
    employed: sum('employed'),
    valid: sum('valid'),
    expiring: sum('expiring'),
    expired: sum('expired'),
    missing: sum('missing'),
  });
  return { date: day, groupBy: query.groupBy, rows: items, total };
}

async function labelsFor(ctx: ActorContext, groupBy: string): Promise<Map<string, string>> {
  const district = ctx.actor.districtCodes;
  if (groupBy === 'street') {
    const rows = await ctx.db.select({ code: street.code, name: street.name, districtCode: street.districtCode }).from(street);
    return new Map(rows.filter((row) => district.includes(row.districtCode)).map((row) => [row.code, row.name]));
  }
  if (groupBy === 'station') {
    const rows = await ctx.db
      .select({ id: orgUnit.id, name: orgUnit.name, districtCode: orgUnit.districtCode })
      .from(orgUnit)
      .where(eq(orgUnit.kind, 'station'));
    return new Map(rows.filter((row) => district.includes(row.districtCode)).map((row) => [String(row.id), row.name]));
  }
  return new Map();
}

/** Sets the phone a shop wants food-safety text messages on (operator of the shop, or staff in scope). */
export async function setShopContact(
  ctx: ActorContext,
  input: { entityId: number; phone: string },
): Promise<{ entityId: number; phoneMasked: string }> {
  const shop = await findEntityForModule(ctx, input.entityId);
  const phoneMasked = maskPhone(input.phone);
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(foodSafetyContact)
      .values({
        districtCode: shop.districtCode,
        entityId: shop.id,
        phoneEnc: ctx.crypto.encrypt(input.phone),
        phoneMask: phoneMasked,
        updatedAt: ctx.clock.now(),
      })
      .onConflictDoUpdate({
        target: [foodSafetyContact.districtCode, foodSafetyContact.entityId],
        set: { phoneEnc: ctx.crypto.encrypt(input.phone), phoneMask: phoneMasked, updatedAt: ctx.clock.now() },
      });
    await writeAudit({ ...ctx, db: tx }, { action: 'food_safety.set_contact', objectType: 'entity', objectId: shop.id });
  });
  return { entityId: shop.id, phoneMasked };
}

/** The in-app notices of the shops in the actor's scope, newest first. */
export async function listNotices(ctx: ActorContext, query: { page: number; pageSize: number }) {
  const where = scopeWhere(ctx.actor, { district: foodSafetyNotice.districtCode, entity: foodSafetyNotice.entityId });
  const [total] = await ctx.db.select({ total: count() }).from(foodSafetyNotice).where(where);
  const rows = await ctx.db
    .select()
    .from(foodSafetyNotice)
    .where(where)
    .orderBy(desc(foodSafetyNotice.createdAt), asc(foodSafetyNotice.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return {
    items: rows.map((row) => ({
      id: row.id,
      entityId: row.entityId,
      kind: row.kind,
      body: row.body,
      createdAt: row.createdAt.toISOString(),
    })),
    total: total?.total ?? 0,
  };
}
