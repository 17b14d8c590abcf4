import type { ActorContext } from '../../../platform/http/context.ts';
import { type EntityListItem, searchEntities } from '../../registry/index.ts';
import type { PlanPopulation } from '../random-inspections.tables.ts';

const pageSize = 5000;

/**
 * Every active registry entity matching a plan's population filter, read through the registry's scoped
 * search a page at a time (the inspection-object directory 检查对象名录库 is the register itself).
 */
export async function activeEntities(ctx: ActorContext, population: PlanPopulation): Promise<EntityListItem[]> {
  const rows: EntityListItem[] = [];
  const seen = new Set<number>();
  for (let page = 1; ; page++) {
    const { items } = await searchEntities(ctx, {
      ...(population as Record<string, never>),
      status: 'active',
      page,
      pageSize,
    });
    for (const item of items) {
      if (seen.has(item.id)) continue;
      seen.add(item.id);
      rows.push(item);
    }
    if (items.length < pageSize) return rows;
  }
}
