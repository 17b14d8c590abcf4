import { and, asc, eq, gt } from 'drizzle-orm';
import type { ActorContext } from '../../../platform/http/context.ts';
import type { BusinessCategory, EntityKind, EntityStatus } from '../registry.schemas.ts';
import { entity } from '../registry.tables.ts';
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

const summaryColumns = {
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
