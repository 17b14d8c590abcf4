import { and, eq, gte, isNull, or } from 'drizzle-orm';
import type { ServiceContext } from '../../../platform/http/context.ts';
import { entity, licence } from '../registry.tables.ts';
import { type EntitySummary, summaryColumns } from './entity-lookup.ts';

export type CredentialMatch = { ok: true; entity: EntitySummary } | { ok: false; field: 'creditCode' | 'licenceNumber' };

/**
 * Whether a credit code and a food business licence number belong to the same active entity with the licence
 * valid on `day` (any district: credit codes are national). Used by signed-out operator self-registration, so
 * it says only which of the two did not match — both numbers are already on the entity's public code page.
 */
export async function matchFoodBusinessCredentials(
  ctx: ServiceContext,
  input: { creditCode: string; licenceNumber: string; day: string },
): Promise<CredentialMatch> {
  const [found] = await ctx.db
    .select(summaryColumns)
    .from(entity)
    .where(and(eq(entity.creditCode, input.creditCode.toUpperCase()), eq(entity.status, 'active')))
    .limit(1);
  if (!found) return { ok: false, field: 'creditCode' };
  const [valid] = await ctx.db
    .select({ id: licence.id })
    .from(licence)
    .where(
      and(
        eq(licence.districtCode, found.districtCode),
        eq(licence.entityId, found.id),
        eq(licence.kind, 'food_business'),
        eq(licence.number, input.licenceNumber),
        eq(licence.status, 'valid'),
        or(isNull(licence.validUntil), gte(licence.validUntil, input.day)),
      ),
    )
    .limit(1);
  if (!valid) return { ok: false, field: 'licenceNumber' };
  return { ok: true, entity: found as EntitySummary };
}
