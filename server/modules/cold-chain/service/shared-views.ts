import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { chinaTimeZone } from '../../../../shared/calendar-day.ts';
import { inIds } from '../../../db/id-set.ts';
import { invalidRequest } from '../../../platform/errors/problem.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityPublicProfiles } from '../../registry/index.ts';
import { batchNotFound } from '../cold-chain.errors.ts';
import type { EventView } from '../cold-chain.schemas.ts';
import { ccBatch, type ccEvent } from '../cold-chain.tables.ts';

/** Batches in the actor's scope: district-wide staff all, an inspector the first holders on their station's streets, an operator those it first held or handled. */
export const batchScope = (ctx: ActorContext): SQL => {
  const own = scopeWhere(ctx.actor, { district: ccBatch.districtCode, street: ccBatch.streetCode, entity: ccBatch.firstHolderEntityId });
  if (ctx.actor.isDistrictWide || ctx.actor.entityIds.length === 0) return own;
  // An operator also sees the batches it handled later in the chain (a trader, a restaurant): an event of its own on
  // the batch's code or on a lot split from it.
  const handled = sql`(${inArray(ccBatch.districtCode, [...ctx.actor.districtCodes])} and exists (select 1 from cc_event e
    where e.district_code = ${ccBatch.districtCode} and ${inIds(sql`e.holder_entity_id`, ctx.actor.entityIds)}
      and (e.code = ${ccBatch.traceCode} or e.code in (select l.code from cc_lot l where l.district_code = ${ccBatch.districtCode} and l.root_code = ${ccBatch.traceCode}))))`;
  return or(own, handled) as SQL;
};

export async function batchRow(ctx: ActorContext, id: number) {
  const [row] = await ctx.db
    .select()
    .from(ccBatch)
    .where(and(batchScope(ctx), eq(ccBatch.id, id)));
  if (!row) throw batchNotFound();
  return row;
}

/** Entity names (the registry's public profile: no personal data) for rows of several districts. */
export async function entityNames(
  ctx: ServiceContext,
  refs: readonly { districtCode: string; entityId: number | null }[],
): Promise<(districtCode: string, entityId: number | null) => string> {
  const byDistrict = new Map<string, Set<number>>();
  for (const ref of refs) {
    if (ref.entityId === null) continue;
    const ids = byDistrict.get(ref.districtCode) ?? new Set<number>();
    ids.add(ref.entityId);
    byDistrict.set(ref.districtCode, ids);
  }
  const names = new Map<string, string>();
  for (const [districtCode, ids] of byDistrict)
    for (const profile of await entityPublicProfiles(ctx, districtCode, { entityIds: [...ids] }))
      names.set(`${districtCode}:${profile.id}`, profile.name);
  return (districtCode, entityId) => (entityId === null ? '' : (names.get(`${districtCode}:${entityId}`) ?? ''));
}

export async function eventViews(ctx: ServiceContext, rows: readonly (typeof ccEvent.$inferSelect)[]): Promise<EventView[]> {
  const nameOf = await entityNames(ctx, [
    ...rows.map((row) => ({ districtCode: row.districtCode, entityId: row.holderEntityId })),
    ...rows.map((row) => ({ districtCode: row.counterpartDistrictCode ?? row.districtCode, entityId: row.counterpartEntityId })),
  ]);
  return rows.map((row) => ({
    id: row.id,
    districtCode: row.districtCode,
    eventId: row.eventId,
    eventType: row.eventType,
    action: row.action,
    step: row.step,
    bizStep: row.bizStep,
    disposition: row.disposition,
    eventTime: new Date(row.eventTime).toISOString(),
    code: row.code,
    quantity: row.quantity,
    unit: row.unit,
    holderEntityId: row.holderEntityId,
    holderName: nameOf(row.districtCode, row.holderEntityId),
    counterpartName:
      row.counterpartEntityId === null ? null : nameOf(row.counterpartDistrictCode ?? row.districtCode, row.counterpartEntityId),
    outputCodes: row.outputCodes,
    referenceDocument: row.referenceDocument,
    source: row.source,
  }));
}

export function badField(field: string, message: { 'zh-CN': string; en: string }): never {
  throw invalidRequest({}, [{ in: 'body', field, code: 'invalid', message }]);
}

/** The China offset of an instant as EPCIS writes it (±HH:MM), from the time-zone database. */
export function chinaOffset(instant: Date): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: chinaTimeZone, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const offset = name?.replace('GMT', '') ?? '';
  return /^[+-][0-9]{2}:[0-9]{2}$/.test(offset) ? offset : '+00:00';
}
