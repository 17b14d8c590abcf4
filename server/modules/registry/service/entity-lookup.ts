import { and, asc, eq, gt, or } from 'drizzle-orm';
import { inIds, inTexts } from '../../../db/id-set.ts';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import type { BusinessCategory, EntityKind, EntityStatus } from '../registry.schemas.ts';
import { entity, licence } from '../registry.tables.ts';
import { entityScope, findEntityInScope } from './entity-scope.ts';

/** What other modules need to know about an entity: no personal data. */
export interface EntitySummary {
  id: number;
  districtCode: string;
  creditCode: string;
  name: string;
  kind: EntityKind;
  status: EntityStatus;
  streetCode: string;
  communityCode: string | null;
  address: string;
  businessCategory: BusinessCategory;
  industryCode: string;
}

export const summaryColumns = {
  id: entity.id,
  districtCode: entity.districtCode,
  creditCode: entity.creditCode,
  name: entity.name,
  kind: entity.kind,
  status: entity.status,
  streetCode: entity.streetCode,
  communityCode: entity.communityCode,
  address: entity.address,
  businessCategory: entity.businessCategory,
  industryCode: entity.industryCode,
};

/** One entity in the actor's scope (404 outside it), as other modules see it. */
export async function findEntityForModule(ctx: ActorContext, id: number): Promise<EntitySummary> {
  const row = await findEntityInScope(ctx, id);
  return Object.fromEntries(Object.keys(summaryColumns).map((key) => [key, row[key as keyof typeof row]])) as unknown as EntitySummary;
}

/**
 * Active entities of a business category in the actor's scope (catering units for the five-colour code,
 * pharmacies, farmers' markets…), by id after `afterId`, a page at a time.
 */
export async function listEntitiesByCategory(
  ctx: ActorContext,
  category: BusinessCategory,
  options: { afterId?: number; limit?: number } = {},
): Promise<EntitySummary[]> {
  return ctx.db
    .select(summaryColumns)
    .from(entity)
    .where(
      and(
        entityScope(ctx.actor),
        eq(entity.businessCategory, category),
        eq(entity.status, 'active'),
        options.afterId === undefined ? undefined : gt(entity.id, options.afterId),
      ),
    )
    .orderBy(asc(entity.id))
    .limit(options.limit ?? 1000);
}

/** What a cross-check (data comparison, grading) needs of an entity and its licences: no personal data. */
export interface EntityWithLicences {
  id: number;
  status: EntityStatus;
  name: string;
  address: string;
  streetCode: string;
  businessCategory: BusinessCategory;
  foundedOn: string;
  licences: { id: number; kind: string; number: string; status: string; issuedOn: string; validUntil: string | null }[];
}

/**
 * Read-only, for system work (jobs, on-change rules) in ONE district: entities of a business category (every
 * status, so cancelled ones are seen) or the given ids, with their licences. The caller scopes what it shows.
 */
export async function entitiesWithLicences(
  ctx: ServiceContext,
  districtCode: string,
  filter: { category: BusinessCategory } | { entityIds: readonly number[] },
): Promise<EntityWithLicences[]> {
  if ('entityIds' in filter && filter.entityIds.length === 0) return [];
  const rows = await ctx.db
    .select({
      id: entity.id,
      status: entity.status,
      name: entity.name,
      address: entity.address,
      streetCode: entity.streetCode,
      businessCategory: entity.businessCategory,
      foundedOn: entity.foundedOn,
    })
    .from(entity)
    .where(
      and(
        eq(entity.districtCode, districtCode),
        'category' in filter ? eq(entity.businessCategory, filter.category) : inIds(entity.id, filter.entityIds),
      ),
    )
    .orderBy(asc(entity.id));
  if (rows.length === 0) return [];
  const licences = await ctx.db
    .select({
      id: licence.id,
      entityId: licence.entityId,
      kind: licence.kind,
      number: licence.number,
      status: licence.status,
      issuedOn: licence.issuedOn,
      validUntil: licence.validUntil,
    })
    .from(licence)
    .innerJoin(entity, and(eq(entity.districtCode, licence.districtCode), eq(entity.id, licence.entityId)))
    .where(
      and(
        eq(licence.districtCode, districtCode),
        'category' in filter ? eq(entity.businessCategory, filter.category) : inIds(licence.entityId, filter.entityIds),
      ),
    );
  const byEntity = new Map<number, EntityWithLicences['licences']>();
  for (const { entityId, ...row } of licences) {
    const list = byEntity.get(entityId) ?? [];
    list.push(row);
    byEntity.set(entityId, list);
  }
  return rows.map((row) => ({ ...row, licences: byEntity.get(row.id) ?? [] }));
}

/**
 * Read-only, for imports in ONE district: the entities whose credit code or exact name is among those given (an
 * office's extract names its firms both ways). No personal data; every status (a cancelled firm still held patents).
 */
export async function entitiesByCreditCodeOrName(
  ctx: ServiceContext,
  districtCode: string,
  keys: { creditCodes: readonly string[]; names: readonly string[] },
): Promise<{ id: number; creditCode: string; name: string; streetCode: string }[]> {
  if (keys.creditCodes.length === 0 && keys.names.length === 0) return [];
  return ctx.db
    .select({ id: entity.id, creditCode: entity.creditCode, name: entity.name, streetCode: entity.streetCode })
    .from(entity)
    .where(and(eq(entity.districtCode, districtCode), or(inTexts(entity.creditCode, keys.creditCodes), inTexts(entity.name, keys.names))))
    .orderBy(asc(entity.id));
}
