import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { ServiceContext } from '../../../platform/http/context.ts';
import type { EntityKind, EntityStatus } from '../registry.schemas.ts';
import { entity } from '../registry.tables.ts';

/** What the credit module needs to know who files an annual report: no personal data. */
export interface EntityFilingFacts {
  id: number;
  name: string;
  creditCode: string;
  kind: EntityKind;
  status: EntityStatus;
  foundedOn: string;
  endedOn: string | null;
  streetCode: string;
}

/**
 * Read-only, for system work in ONE district (the yearly annual-report obligations, the demo): every entity, or
 * the given ids, with the facts that decide whether it files. The caller scopes what it shows.
 */
export async function entityFilingFacts(
  ctx: ServiceContext,
  districtCode: string,
  filter: { all: true } | { entityIds: readonly number[] } = { all: true },
): Promise<EntityFilingFacts[]> {
  if ('entityIds' in filter && filter.entityIds.length === 0) return [];
  return ctx.db
    .select({
      id: entity.id,
      name: entity.name,
      creditCode: entity.creditCode,
      kind: entity.kind,
      status: entity.status,
      foundedOn: entity.foundedOn,
      endedOn: entity.endedOn,
      streetCode: entity.streetCode,
    })
    .from(entity)
    .where(and(eq(entity.districtCode, districtCode), 'entityIds' in filter ? inArray(entity.id, [...filter.entityIds]) : undefined))
    .orderBy(entity.id);
}

/**
 * The registered phone numbers of the given entities (decrypted), for a text message the bureau sends them (the
 * annual-report reminder). Personal data: the caller puts the number straight into the SMS outbox (stored encrypted)
 * and shows it nowhere.
 */
export async function entityContactPhones(
  ctx: ServiceContext,
  districtCode: string,
  entityIds: readonly number[],
): Promise<Map<number, string>> {
  if (entityIds.length === 0) return new Map();
  const rows = await ctx.db
    .select({ id: entity.id, phoneEnc: entity.phoneEnc })
    .from(entity)
    .where(and(eq(entity.districtCode, districtCode), inArray(entity.id, [...entityIds]), isNotNull(entity.phoneEnc)));
  return new Map(rows.map((row) => [row.id, ctx.crypto.decrypt(row.phoneEnc as string)]));
}
