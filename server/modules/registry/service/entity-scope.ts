import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { ActorContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityNotFound } from '../registry.errors.ts';
import { type EntityRow, entity } from '../registry.tables.ts';

/** The entities an actor may see: their districts, an inspector's station streets, an operator's own businesses. */
export function entityScope(actor: Actor): SQL {
  return scopeWhere(actor, { district: entity.districtCode, street: entity.streetCode, entity: entity.id });
}

/**
 * The same scope for a search by name or address. An inspector's streets are compared as text, which keeps the street
 * index out of the plan: otherwise the planner ANDs the n-gram index's matches with a bitmap of every entity of the
 * station's streets (285,000 at 1,000,000 entities: ~60 ms for a capped count), where checking the street of each
 * match until the count is reached takes ~8 ms (docs/decisions/0004-registry-search.md).
 */
export function entityScopeForTextSearch(actor: Actor): SQL {
  return scopeWhere(actor, { district: entity.districtCode, street: sql`${entity.streetCode}::text`, entity: entity.id });
}

/** One entity inside the actor's scope; outside it is the same 404 as a missing row. */
export async function findEntityInScope(ctx: ActorContext, id: number): Promise<EntityRow> {
  const [row] = await ctx.db
    .select()
    .from(entity)
    .where(and(eq(entity.id, id), entityScope(ctx.actor)))
    .limit(1);
  if (!row) throw entityNotFound();
  return row;
}
