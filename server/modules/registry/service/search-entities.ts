import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../../db/client.ts';
import type { ActorContext } from '../../../platform/http/context.ts';
import { stationStreet } from '../../../platform/org/org.tables.ts';
import type { EntityFilter, EntityList, EntityListItem, EntitySearchQuery } from '../registry.schemas.ts';
import { entity, licence } from '../registry.tables.ts';
import { escapeLike, planSearch } from '../rules/search-grams.ts';
import { entityScope } from './entity-scope.ts';

/** Counting stops here: "店" matches hundreds of thousands of rows (docs/decisions/0004-registry-search.md). */
export const searchCountCap = 10_000;

const textArray = (values: readonly string[]) =>
  sql`ARRAY[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today in China Standard Time, for licence expiry. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The WHERE of a registry search (list and export): scope first, then each filter. Name and address
 * go through the n-gram index, codes and licence numbers through btree prefix indexes.
 */
export async function entitySearchWhere(ctx: ActorContext, filter: EntityFilter): Promise<SQL> {
  const conditions: SQL[] = [entityScope(ctx.actor)];
  const plan = filter.q ? planSearch(filter.q) : undefined;
  if (plan) {
    const byText =
      plan.kind === 'unigram'
        ? sql`${entity.searchGrams} @> ${textArray([plan.gram])}`
        : sql`(${entity.searchGrams} @> ${textArray(plan.grams)} and (lower(${entity.name}) like ${`%${escapeLike(plan.text)}%`} or lower(${entity.address}) like ${`%${escapeLike(plan.text)}%`}))`;
    // A long run of letters and digits with a digit in it is a code, not a name: skip the n-gram branch.
    const isCodeLike = plan.codePrefix !== undefined && plan.codePrefix.length >= 6 && /\d/.test(plan.codePrefix);
    const alternatives: SQL[] = isCodeLike ? [] : [byText];
    if (plan.codePrefix) {
      const prefix = `${escapeLike(plan.codePrefix)}%`;
      alternatives.push(sql`${entity.creditCode} like ${prefix}`);
      // Licence numbers first, as ids: an id list keeps the whole OR on indexes (a correlated EXISTS would not).
      const holders = await ctx.db
        .selectDistinct({ entityId: licence.entityId })
        .from(licence)
        .where(and(sql`${licence.number} like ${prefix}`, inArray(licence.districtCode, [...ctx.actor.districtCodes])))
        .limit(searchCountCap);
      if (holders.length)
        alternatives.push(
          inArray(
            entity.id,
            holders.map((holder) => holder.entityId),
          ),
        );
    }
    conditions.push(alternatives.length === 1 ? (alternatives[0] as SQL) : sql`(${sql.join(alternatives, sql` or `)})`);
  }
  if (filter.kind) conditions.push(eq(entity.kind, filter.kind));
  if (filter.status) conditions.push(eq(entity.status, filter.status));
  if (filter.category) conditions.push(eq(entity.businessCategory, filter.category));
  if (filter.street) conditions.push(eq(entity.streetCode, filter.street));
  if (filter.industry) {
    conditions.push(
      filter.industry.length === 1 ? sql`${entity.industryCode} like ${`${filter.industry}%`}` : eq(entity.industryCode, filter.industry),
    );
  }
  if (filter.station !== undefined) {
    conditions.push(
      sql`${entity.streetCode} in (select ${stationStreet.streetCode} from ${stationStreet} where ${stationStreet.districtCode} = ${entity.districtCode} and ${stationStreet.stationId} = ${filter.station})`,
    );
  }
  if (filter.licenceKind || filter.expiringWithinDays !== undefined) {
    const licenceConditions: SQL[] = [sql`l.district_code = ${entity.districtCode}`, sql`l.entity_id = ${entity.id}`];
    if (filter.licenceKind) licenceConditions.push(sql`l.kind = ${filter.licenceKind}`);
    if (filter.expiringWithinDays !== undefined) {
      const today = chinaToday(ctx.clock.now());
      licenceConditions.push(
        sql`l.status = 'valid' and l.valid_until >= ${today}::date and l.valid_until <= ${addDays(today, filter.expiringWithinDays)}::date`,
      );
    }
    conditions.push(sql`exists (select 1 from ${licence} l where ${sql.join(licenceConditions, sql` and `)})`);
  }
  return and(...conditions) as SQL;
}

const listColumns = {
  id: entity.id,
  creditCode: entity.creditCode,
  name: entity.name,
  kind: entity.kind,
  legalRepName: entity.legalRepName,
  industryCode: entity.industryCode,
  status: entity.status,
  foundedOn: entity.foundedOn,
  address: entity.address,
  streetCode: entity.streetCode,
  businessCategory: entity.businessCategory,
};

/** `GET /api/v1/entities`: one page, newest registrations first, with a count capped at searchCountCap. */
export async function searchEntities(ctx: ActorContext, query: EntitySearchQuery): Promise<EntityList> {
  const { page, pageSize, ...filter } = query;
  const where = await entitySearchWhere(ctx, filter);
  const items: EntityListItem[] = await ctx.db
    .select(listColumns)
    .from(entity)
    .where(where)
    .orderBy(desc(entity.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  if (page === 1 && items.length < pageSize) return { items, total: items.length, totalIsCapped: false };
  const [counted] = await queryRows<{ total: number }>(
    ctx.db,
    sql`select count(*)::int as total from (select 1 from ${entity} where ${where} limit ${searchCountCap + 1}) matched`,
  );
  const total = counted?.total ?? 0;
  return total > searchCountCap ? { items, total: searchCountCap, totalIsCapped: true } : { items, total, totalIsCapped: false };
}
