import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { ActorContext, ServiceContext } from '../../../platform/http/context.ts';
import { failureHandling, sample } from '../sampling.tables.ts';
import { bureauSampleScope } from './sampling-context.ts';

export interface FailedSample {
  sampleId: number;
  entityId: number;
  sampledOn: string;
  notifiedOn: string | null;
  category: string;
  productName: string;
  handlingStatus: 'open' | 'in_progress' | 'closed' | null;
  handlingOutcome: string | null;
}

/** An entity's samples whose final verdict is unqualified, newest first (in the actor's scope). */
export async function failedSamplesOf(ctx: ActorContext, entityId: number): Promise<FailedSample[]> {
  return ctx.db
    .select({
      sampleId: sample.id,
      entityId: sample.entityId,
      sampledOn: sample.sampledOn,
      notifiedOn: sample.notifiedOn,
      category: sample.category,
      productName: sample.productName,
      handlingStatus: failureHandling.status,
      handlingOutcome: failureHandling.outcome,
    })
    .from(sample)
    .leftJoin(failureHandling, and(eq(failureHandling.districtCode, sample.districtCode), eq(failureHandling.sampleId, sample.id)))
    .where(
      and(bureauSampleScope(ctx.actor), eq(sample.entityId, entityId), isNull(sample.retestOfId), eq(sample.finalVerdict, 'unqualified')),
    )
    .orderBy(sql`${sample.sampledOn} desc`, asc(sample.id));
}

/**
 * Unqualified final results per entity of a district sampled from `since` to `until` (default: no end), for the
 * risk grade and five-colour code jobs, which run without an actor: entity id → number of unqualified batches.
 */
export async function failedSampleCounts(
  ctx: ServiceContext,
  input: { districtCode: string; since: string; until?: string },
): Promise<Map<number, number>> {
  const rows = await ctx.db
    .select({ entityId: sample.entityId, failed: sql<number>`count(*)::int` })
    .from(sample)
    .where(
      and(
        eq(sample.districtCode, input.districtCode),
        isNull(sample.retestOfId),
        eq(sample.finalVerdict, 'unqualified'),
        gte(sample.sampledOn, input.since),
        input.until ? lte(sample.sampledOn, input.until) : undefined,
      ),
    )
    .groupBy(sample.entityId);
  return new Map(rows.map((row) => [row.entityId, row.failed]));
}
