import { and, eq, type SQL } from 'drizzle-orm';
import type { ActorContext } from '../../../platform/http/context.ts';
import type { Actor } from '../../../platform/scope/actor.ts';
import { scopeWhere } from '../../../platform/scope/scope-where.ts';
import { entityNotFound } from '../registry.errors.ts';
import { type EntityRow, entity } from '../registry.tables.ts';

/** The entities an actor may see: their districts, an inspector's station streets, an operator's own businesses. */
export function entityScope(actor: Actor): SQL {
  return scopeWhere(actor, { district: entity.districtCode, street: entity.streetCode, entity: entity.id });
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
